import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatsDailyRollups1796125550787 implements MigrationInterface {
  name = 'StatsDailyRollups1796125550787';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `stats_daily` (`dimension` varchar(12) NOT NULL, `day` varchar(10) NOT NULL, `key` varchar(36) NOT NULL, `pendingTriage` int NOT NULL DEFAULT '0', `dispatched` int NOT NULL DEFAULT '0', `inProgress` int NOT NULL DEFAULT '0', `resolved` int NOT NULL DEFAULT '0', `closed` int NOT NULL DEFAULT '0', `rejected` int NOT NULL DEFAULT '0', `merged` int NOT NULL DEFAULT '0', `tickets` int NOT NULL DEFAULT '0', `acceptedCount` int NOT NULL DEFAULT '0', `acceptedOnTime` int NOT NULL DEFAULT '0', `resolvedCount` int NOT NULL DEFAULT '0', `resolvedOnTime` int NOT NULL DEFAULT '0', `reopened` int NOT NULL DEFAULT '0', `ratings` int NOT NULL DEFAULT '0', `ratingSum` int NOT NULL DEFAULT '0', `satisfied` int NOT NULL DEFAULT '0', `supporters` int NOT NULL DEFAULT '0', `acceptBuckets` text NOT NULL, `resolveBuckets` text NOT NULL, PRIMARY KEY (`dimension`, `day`, `key`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `stats_rollup_state` (`id` varchar(20) NOT NULL, `watermark` datetime NULL, `backfillStartedAt` datetime NULL, `backfillDay` varchar(10) NULL, `backfillLastDay` varchar(10) NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    // The one state row: its lock serialises refreshes; watermark NULL makes the first refresh build every day.
    await queryRunner.query("INSERT INTO `stats_rollup_state` (`id`) VALUES ('daily')");
    await queryRunner.query("CREATE INDEX `IDX_tickets_changed` ON `tickets` (`updatedAt`, `createdAt`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_tickets_changed` ON `tickets`");
    await queryRunner.query("DROP TABLE `stats_rollup_state`");
    await queryRunner.query("DROP TABLE `stats_daily`");
  }
}
