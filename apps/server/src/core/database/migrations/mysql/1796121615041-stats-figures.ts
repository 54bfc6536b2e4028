import type { MigrationInterface, QueryRunner } from 'typeorm';
import { statsFiguresBackfill } from '../stats-figures-backfill';

export class StatsFigures1796121615041 implements MigrationInterface {
  name = 'StatsFigures1796121615041';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `tickets` ADD `dispatchedAt` datetime NULL");
    await queryRunner.query("ALTER TABLE `tickets` ADD `acceptedAt` datetime NULL");
    await queryRunner.query("ALTER TABLE `tickets` ADD `acceptMinutes` int NULL");
    await queryRunner.query("ALTER TABLE `tickets` ADD `acceptedOnTime` tinyint NULL");
    await queryRunner.query("ALTER TABLE `tickets` ADD `resolveMinutes` int NULL");
    await queryRunner.query("ALTER TABLE `tickets` ADD `resolvedOnTime` tinyint NULL");
    await queryRunner.query("ALTER TABLE `tickets` ADD `ratingCount` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `tickets` ADD `ratingSum` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `tickets` ADD `satisfiedCount` int NOT NULL DEFAULT '0'");
    for (const statement of statsFiguresBackfill('mysql')) await queryRunner.query(statement);
    await queryRunner.query("CREATE INDEX `IDX_tickets_stats` ON `tickets` (`createdAt`, `id`, `status`, `departmentId`, `categoryId`, `regionCode`, `supporterCount`, `reopenCount`, `acceptMinutes`, `acceptedOnTime`, `resolveMinutes`, `resolvedOnTime`, `ratingCount`, `ratingSum`, `satisfiedCount`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_tickets_stats` ON `tickets`");
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `satisfiedCount`");
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `ratingSum`");
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `ratingCount`");
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `resolvedOnTime`");
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `resolveMinutes`");
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `acceptedOnTime`");
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `acceptMinutes`");
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `acceptedAt`");
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `dispatchedAt`");
  }
}
