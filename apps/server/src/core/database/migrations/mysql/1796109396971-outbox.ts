import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1796109396971 implements MigrationInterface {
  name = 'Outbox1796109396971';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `outbox_messages` (`id` varchar(36) NOT NULL, `topic` varchar(64) NOT NULL, `payload` text NOT NULL, `status` enum ('pending', 'done', 'dead') NOT NULL DEFAULT 'pending', `attempts` int NOT NULL DEFAULT '0', `nextAttemptAt` datetime(3) NOT NULL, `lastError` varchar(500) NULL, `lockedBy` varchar(64) NULL, `lockedUntil` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, `doneAt` datetime(3) NULL, INDEX `IDX_outbox_status_id` (`status`, `id`), INDEX `IDX_outbox_due` (`status`, `nextAttemptAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_outbox_due` ON `outbox_messages`");
    await queryRunner.query("DROP INDEX `IDX_outbox_status_id` ON `outbox_messages`");
    await queryRunner.query("DROP TABLE `outbox_messages`");
  }
}
