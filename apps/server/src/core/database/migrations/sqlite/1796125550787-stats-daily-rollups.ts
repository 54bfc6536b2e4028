import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatsDailyRollups1796125550787 implements MigrationInterface {
  name = 'StatsDailyRollups1796125550787';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"stats_daily\" (\"dimension\" varchar(12) NOT NULL, \"day\" varchar(10) NOT NULL, \"key\" varchar(36) NOT NULL, \"pendingTriage\" integer NOT NULL DEFAULT (0), \"dispatched\" integer NOT NULL DEFAULT (0), \"inProgress\" integer NOT NULL DEFAULT (0), \"resolved\" integer NOT NULL DEFAULT (0), \"closed\" integer NOT NULL DEFAULT (0), \"rejected\" integer NOT NULL DEFAULT (0), \"merged\" integer NOT NULL DEFAULT (0), \"tickets\" integer NOT NULL DEFAULT (0), \"acceptedCount\" integer NOT NULL DEFAULT (0), \"acceptedOnTime\" integer NOT NULL DEFAULT (0), \"resolvedCount\" integer NOT NULL DEFAULT (0), \"resolvedOnTime\" integer NOT NULL DEFAULT (0), \"reopened\" integer NOT NULL DEFAULT (0), \"ratings\" integer NOT NULL DEFAULT (0), \"ratingSum\" integer NOT NULL DEFAULT (0), \"satisfied\" integer NOT NULL DEFAULT (0), \"supporters\" integer NOT NULL DEFAULT (0), \"acceptBuckets\" text NOT NULL, \"resolveBuckets\" text NOT NULL, PRIMARY KEY (\"dimension\", \"day\", \"key\"))");
    await queryRunner.query("CREATE TABLE \"stats_rollup_state\" (\"id\" varchar(20) PRIMARY KEY NOT NULL, \"watermark\" datetime, \"backfillStartedAt\" datetime, \"backfillDay\" varchar(10), \"backfillLastDay\" varchar(10))");
    // The one state row: its lock serialises refreshes; watermark NULL makes the first refresh build every day.
    await queryRunner.query("INSERT INTO \"stats_rollup_state\" (\"id\") VALUES ('daily')");
    await queryRunner.query("CREATE INDEX \"IDX_tickets_changed\" ON \"tickets\" (\"updatedAt\", \"createdAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_tickets_changed\"");
    await queryRunner.query("DROP TABLE \"stats_rollup_state\"");
    await queryRunner.query("DROP TABLE \"stats_daily\"");
  }
}
