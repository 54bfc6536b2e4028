import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkCalendar1796111084313 implements MigrationInterface {
  name = 'WorkCalendar1796111084313';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `work_calendar_days` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `date` varchar(10) NOT NULL, `kind` enum ('holiday', 'workday') NOT NULL, `name` varchar(32) NOT NULL, UNIQUE INDEX `IDX_3ec523e3fc18bdb75408b4ef43` (`date`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `tickets` ADD `escalatedDeadline` datetime NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `escalatedDeadline`");
    await queryRunner.query("DROP INDEX `IDX_3ec523e3fc18bdb75408b4ef43` ON `work_calendar_days`");
    await queryRunner.query("DROP TABLE `work_calendar_days`");
  }
}
