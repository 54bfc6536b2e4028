import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakePipeline1796107648910 implements MigrationInterface {
  name = 'IntakePipeline1796107648910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `classification_rules` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `keyword` varchar(50) NOT NULL, `categoryId` varchar(36) NOT NULL, `enabled` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX `IDX_657d1ad656e0b32f8498306a8c` (`keyword`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `classifier_models` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, `exampleCount` int NOT NULL, `metrics` text NULL, `content` mediumtext NOT NULL, UNIQUE INDEX `IDX_952e0676cea223e184b7761e8a` (`version`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `training_examples` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `text` text NOT NULL, `categoryCode` varchar(32) NOT NULL, `source` enum ('correction', 'moderation') NOT NULL, `ticketId` varchar(36) NULL, `createdById` varchar(36) NULL, INDEX `IDX_86b3fdaf8c7ada0bf738904db2` (`createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `word_rules` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `pattern` varchar(64) NOT NULL, `level` enum ('block', 'review', 'mask', 'allow') NOT NULL, `category` enum ('abuse', 'porn', 'ad', 'threat', 'privacy', 'other') NOT NULL, `matchMode` enum ('substring', 'word') NOT NULL DEFAULT 'substring', `enabled` tinyint NOT NULL DEFAULT 1, `note` varchar(200) NULL, UNIQUE INDEX `IDX_01ef6d074c3f16c666f04af240` (`pattern`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `reports` ADD `checks` text NULL");
    await queryRunner.query("ALTER TABLE `reports` ADD `deviceId` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `reports` ADD `textHash` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `reports` ADD `classifierConfidence` double NULL");
    await queryRunner.query("ALTER TABLE `reports` ADD `reviewDecision` enum ('accept', 'reject') NULL");
    await queryRunner.query("ALTER TABLE `reports` ADD `reviewNote` varchar(500) NULL");
    await queryRunner.query("ALTER TABLE `reports` ADD `reviewedById` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `reports` ADD `reviewedAt` datetime NULL");
    await queryRunner.query("ALTER TABLE `tickets` ADD `mergedIntoId` varchar(36) NULL");
    await queryRunner.query("DROP INDEX `IDX_tickets_nearby` ON `tickets`");
    await queryRunner.query("DROP INDEX `IDX_tickets_queue` ON `tickets`");
    await queryRunner.query("ALTER TABLE `tickets` CHANGE `status` `status` enum ('pending_triage', 'dispatched', 'in_progress', 'resolved', 'closed', 'rejected', 'merged') NOT NULL");
    await queryRunner.query("CREATE INDEX `IDX_fe3e42d83a072bf779cf33231f` ON `reports` (`outcome`, `id`)");
    await queryRunner.query("CREATE INDEX `IDX_3969579f33ff4f0b672584b764` ON `reports` (`textHash`, `createdAt`)");
    await queryRunner.query("CREATE INDEX `IDX_baaffdbaa4a66d891a1007b945` ON `reports` (`deviceId`, `createdAt`)");
    await queryRunner.query("CREATE INDEX `IDX_tickets_nearby` ON `tickets` (`geohash`, `status`)");
    await queryRunner.query("CREATE INDEX `IDX_tickets_queue` ON `tickets` (`status`, `resolveBy`, `id`)");
    await queryRunner.query("ALTER TABLE `classification_rules` ADD CONSTRAINT `FK_fa5a8a030a90f371a3a48e212e6` FOREIGN KEY (`categoryId`) REFERENCES `categories`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `classification_rules` DROP FOREIGN KEY `FK_fa5a8a030a90f371a3a48e212e6`");
    await queryRunner.query("DROP INDEX `IDX_tickets_queue` ON `tickets`");
    await queryRunner.query("DROP INDEX `IDX_tickets_nearby` ON `tickets`");
    await queryRunner.query("DROP INDEX `IDX_baaffdbaa4a66d891a1007b945` ON `reports`");
    await queryRunner.query("DROP INDEX `IDX_3969579f33ff4f0b672584b764` ON `reports`");
    await queryRunner.query("DROP INDEX `IDX_fe3e42d83a072bf779cf33231f` ON `reports`");
    await queryRunner.query("ALTER TABLE `tickets` CHANGE `status` `status` enum ('pending_triage', 'dispatched', 'in_progress', 'resolved', 'closed', 'rejected') NOT NULL");
    await queryRunner.query("CREATE INDEX `IDX_tickets_queue` ON `tickets` (`status`, `resolveBy`, `id`)");
    await queryRunner.query("CREATE INDEX `IDX_tickets_nearby` ON `tickets` (`geohash`, `status`)");
    await queryRunner.query("ALTER TABLE `tickets` DROP COLUMN `mergedIntoId`");
    await queryRunner.query("ALTER TABLE `reports` DROP COLUMN `reviewedAt`");
    await queryRunner.query("ALTER TABLE `reports` DROP COLUMN `reviewedById`");
    await queryRunner.query("ALTER TABLE `reports` DROP COLUMN `reviewNote`");
    await queryRunner.query("ALTER TABLE `reports` DROP COLUMN `reviewDecision`");
    await queryRunner.query("ALTER TABLE `reports` DROP COLUMN `classifierConfidence`");
    await queryRunner.query("ALTER TABLE `reports` DROP COLUMN `textHash`");
    await queryRunner.query("ALTER TABLE `reports` DROP COLUMN `deviceId`");
    await queryRunner.query("ALTER TABLE `reports` DROP COLUMN `checks`");
    await queryRunner.query("DROP INDEX `IDX_01ef6d074c3f16c666f04af240` ON `word_rules`");
    await queryRunner.query("DROP TABLE `word_rules`");
    await queryRunner.query("DROP INDEX `IDX_86b3fdaf8c7ada0bf738904db2` ON `training_examples`");
    await queryRunner.query("DROP TABLE `training_examples`");
    await queryRunner.query("DROP INDEX `IDX_952e0676cea223e184b7761e8a` ON `classifier_models`");
    await queryRunner.query("DROP TABLE `classifier_models`");
    await queryRunner.query("DROP INDEX `IDX_657d1ad656e0b32f8498306a8c` ON `classification_rules`");
    await queryRunner.query("DROP TABLE `classification_rules`");
  }
}
