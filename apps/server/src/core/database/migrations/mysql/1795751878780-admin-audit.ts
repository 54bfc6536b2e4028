import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminAudit1795751878780 implements MigrationInterface {
  name = 'AdminAudit1795751878780';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_entries` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `actorId` varchar(36) NOT NULL, `action` enum ('create', 'update', 'delete') NOT NULL, `entityType` varchar(32) NOT NULL, `entityId` varchar(64) NOT NULL, `before` text NULL, `after` text NULL, INDEX `IDX_b276db0e10ac719197848ce31e` (`entityType`, `entityId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `audit_entries` ADD CONSTRAINT `FK_a8456bc89d026672de07047358c` FOREIGN KEY (`actorId`) REFERENCES `users`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_entries` DROP FOREIGN KEY `FK_a8456bc89d026672de07047358c`");
    await queryRunner.query("DROP INDEX `IDX_b276db0e10ac719197848ce31e` ON `audit_entries`");
    await queryRunner.query("DROP TABLE `audit_entries`");
  }
}
