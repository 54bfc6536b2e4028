import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1796109396971 implements MigrationInterface {
  name = 'Outbox1796109396971';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outbox_messages\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"topic\" varchar(64) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending','done','dead') ) NOT NULL DEFAULT ('pending'), \"attempts\" integer NOT NULL DEFAULT (0), \"nextAttemptAt\" datetime(3) NOT NULL, \"lastError\" varchar(500), \"lockedBy\" varchar(64), \"lockedUntil\" datetime(3), \"createdAt\" datetime(3) NOT NULL, \"doneAt\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"IDX_outbox_status_id\" ON \"outbox_messages\" (\"status\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_outbox_due\" ON \"outbox_messages\" (\"status\", \"nextAttemptAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_outbox_due\"");
    await queryRunner.query("DROP INDEX \"IDX_outbox_status_id\"");
    await queryRunner.query("DROP TABLE \"outbox_messages\"");
  }
}
