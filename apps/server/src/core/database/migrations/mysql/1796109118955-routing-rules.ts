import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RoutingRules1796109118955 implements MigrationInterface {
  name = 'RoutingRules1796109118955';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `routing_rule_drafts` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `slot` varchar(16) NOT NULL, `rules` mediumtext NOT NULL, `version` int NOT NULL DEFAULT '1', `updatedById` varchar(36) NULL, UNIQUE INDEX `IDX_aca3d932b2d30a0f723455b8fb` (`slot`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `routing_rule_revisions` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `revision` int NOT NULL, `rules` mediumtext NOT NULL, `ruleCount` int NOT NULL, `authorId` varchar(36) NULL, `note` varchar(500) NULL, `diffSummary` varchar(200) NOT NULL, `addedCount` int NOT NULL DEFAULT '0', `removedCount` int NOT NULL DEFAULT '0', `changedCount` int NOT NULL DEFAULT '0', `rolledBackFrom` int NULL, UNIQUE INDEX `IDX_50589d6c435b359819be6b3154` (`revision`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `routing_rule_drafts` ADD CONSTRAINT `FK_f225b8140439c02db6e72e910c1` FOREIGN KEY (`updatedById`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `routing_rule_revisions` ADD CONSTRAINT `FK_2e20eb104ab6870d410cd1c23c7` FOREIGN KEY (`authorId`) REFERENCES `users`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `routing_rule_revisions` DROP FOREIGN KEY `FK_2e20eb104ab6870d410cd1c23c7`");
    await queryRunner.query("ALTER TABLE `routing_rule_drafts` DROP FOREIGN KEY `FK_f225b8140439c02db6e72e910c1`");
    await queryRunner.query("DROP INDEX `IDX_50589d6c435b359819be6b3154` ON `routing_rule_revisions`");
    await queryRunner.query("DROP TABLE `routing_rule_revisions`");
    await queryRunner.query("DROP INDEX `IDX_aca3d932b2d30a0f723455b8fb` ON `routing_rule_drafts`");
    await queryRunner.query("DROP TABLE `routing_rule_drafts`");
  }
}
