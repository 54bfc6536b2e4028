import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreLoop1795751522955 implements MigrationInterface {
  name = 'CoreLoop1795751522955';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `number_sequences` (`name` varchar(32) NOT NULL, `value` int NOT NULL DEFAULT '0', PRIMARY KEY (`name`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `login_attempts` (`key` varchar(120) NOT NULL, `failures` int NOT NULL DEFAULT '0', `windowStartedAt` datetime NOT NULL, `lockedUntil` datetime NULL, PRIMARY KEY (`key`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `photos` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `ownerId` varchar(36) NOT NULL, `storageKey` varchar(200) NOT NULL, `thumbKey` varchar(200) NOT NULL, `mime` varchar(32) NOT NULL, `sizeBytes` int NOT NULL, `width` int NOT NULL, `height` int NOT NULL, `sha256` varchar(64) NOT NULL, `phash` varchar(16) NOT NULL, `qualityFlags` text NOT NULL, `reportId` varchar(36) NULL, `ticketEventId` varchar(36) NULL, INDEX `IDX_556eedea27ffaf50a4ee0c0a05` (`ownerId`), INDEX `IDX_669668a3f08b1f2a9fe10d5965` (`sha256`), INDEX `IDX_68c67dcb3f84eba322f59f5e76` (`reportId`), INDEX `IDX_928d3e15ef089b0d078b37e7c3` (`ticketEventId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `reports` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `reportNo` varchar(20) NOT NULL, `reporterId` varchar(36) NOT NULL, `clientRequestId` varchar(64) NOT NULL, `description` text NOT NULL, `lat` double NOT NULL, `lng` double NOT NULL, `coordSystem` enum ('gcj02', 'wgs84') NOT NULL, `geohash` varchar(12) NOT NULL, `regionCode` varchar(12) NULL, `chosenCategoryCode` varchar(32) NULL, `suggestedCategoryCode` varchar(32) NULL, `outcome` enum ('accepted', 'merged', 'rejected', 'review') NOT NULL, `reasons` text NOT NULL, `ticketId` varchar(36) NULL, `rating` int NULL, `ratingComment` varchar(500) NULL, `ratedAt` datetime NULL, INDEX `IDX_ecc371f17ba60c43719bcc97dd` (`ticketId`), INDEX `IDX_040aeac2d9bcc1e38874ce2201` (`reporterId`, `createdAt`), UNIQUE INDEX `IDX_bba1e829ee48b6e21d70e96612` (`reporterId`, `clientRequestId`), UNIQUE INDEX `IDX_def75b3e47412d2ff891932f6d` (`reportNo`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `default_routes` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `categoryId` varchar(36) NOT NULL, `departmentId` varchar(36) NOT NULL, UNIQUE INDEX `IDX_6668600402c42e4f4ac21c628a` (`categoryId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `tickets` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `ticketNo` varchar(20) NOT NULL, `status` enum ('pending_triage', 'dispatched', 'in_progress', 'resolved', 'closed', 'rejected') NOT NULL, `categoryId` varchar(36) NULL, `regionCode` varchar(12) NULL, `departmentId` varchar(36) NULL, `priority` int NOT NULL DEFAULT '0', `description` varchar(500) NOT NULL, `lat` double NOT NULL, `lng` double NOT NULL, `geohash` varchar(12) NOT NULL, `acceptBy` datetime NULL, `resolveBy` datetime NULL, `overdue` tinyint NOT NULL DEFAULT 0, `version` int NOT NULL DEFAULT '1', `supporterCount` int NOT NULL DEFAULT '1', `resolutionReply` text NULL, `resolvedAt` datetime NULL, `closedAt` datetime NULL, `pendingExtensionUntil` datetime NULL, `reopenCount` int NOT NULL DEFAULT '0', INDEX `IDX_tickets_nearby` (`geohash`, `status`), INDEX `IDX_tickets_queue` (`status`, `resolveBy`, `id`), INDEX `IDX_tickets_inbox` (`departmentId`, `status`, `resolveBy`, `id`), UNIQUE INDEX `IDX_6e18b3328698d27bf89e5262f5` (`ticketNo`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `ticket_events` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `ticketId` varchar(36) NOT NULL, `action` varchar(32) NOT NULL, `fromStatus` varchar(20) NULL, `toStatus` varchar(20) NULL, `actorId` varchar(36) NULL, `actorRole` varchar(16) NOT NULL, `note` text NULL, `departmentId` varchar(36) NULL, `data` text NULL, INDEX `IDX_d15060c5976ce994c85c97f146` (`ticketId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `photos` ADD CONSTRAINT `FK_556eedea27ffaf50a4ee0c0a058` FOREIGN KEY (`ownerId`) REFERENCES `users`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `reports` ADD CONSTRAINT `FK_4353be8309ce86650def2f8572d` FOREIGN KEY (`reporterId`) REFERENCES `users`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `default_routes` ADD CONSTRAINT `FK_6668600402c42e4f4ac21c628af` FOREIGN KEY (`categoryId`) REFERENCES `categories`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `default_routes` ADD CONSTRAINT `FK_d58b6a358f3d1a07370a093895a` FOREIGN KEY (`departmentId`) REFERENCES `departments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `tickets` ADD CONSTRAINT `FK_f47458a36c743b14e0371b70a6e` FOREIGN KEY (`categoryId`) REFERENCES `categories`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `tickets` ADD CONSTRAINT `FK_16b65d315fcf774ad6c824430c2` FOREIGN KEY (`departmentId`) REFERENCES `departments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `ticket_events` ADD CONSTRAINT `FK_1a0f730822e73763a752dfdc55c` FOREIGN KEY (`ticketId`) REFERENCES `tickets`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `ticket_events` ADD CONSTRAINT `FK_f444fdcf9ec25b8372902d8131f` FOREIGN KEY (`actorId`) REFERENCES `users`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `ticket_events` ADD CONSTRAINT `FK_070377c9fc633ecab6c38770d88` FOREIGN KEY (`departmentId`) REFERENCES `departments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `ticket_events` DROP FOREIGN KEY `FK_070377c9fc633ecab6c38770d88`");
    await queryRunner.query("ALTER TABLE `ticket_events` DROP FOREIGN KEY `FK_f444fdcf9ec25b8372902d8131f`");
    await queryRunner.query("ALTER TABLE `ticket_events` DROP FOREIGN KEY `FK_1a0f730822e73763a752dfdc55c`");
    await queryRunner.query("ALTER TABLE `tickets` DROP FOREIGN KEY `FK_16b65d315fcf774ad6c824430c2`");
    await queryRunner.query("ALTER TABLE `tickets` DROP FOREIGN KEY `FK_f47458a36c743b14e0371b70a6e`");
    await queryRunner.query("ALTER TABLE `default_routes` DROP FOREIGN KEY `FK_d58b6a358f3d1a07370a093895a`");
    await queryRunner.query("ALTER TABLE `default_routes` DROP FOREIGN KEY `FK_6668600402c42e4f4ac21c628af`");
    await queryRunner.query("ALTER TABLE `reports` DROP FOREIGN KEY `FK_4353be8309ce86650def2f8572d`");
    await queryRunner.query("ALTER TABLE `photos` DROP FOREIGN KEY `FK_556eedea27ffaf50a4ee0c0a058`");
    await queryRunner.query("DROP INDEX `IDX_d15060c5976ce994c85c97f146` ON `ticket_events`");
    await queryRunner.query("DROP TABLE `ticket_events`");
    await queryRunner.query("DROP INDEX `IDX_6e18b3328698d27bf89e5262f5` ON `tickets`");
    await queryRunner.query("DROP INDEX `IDX_tickets_inbox` ON `tickets`");
    await queryRunner.query("DROP INDEX `IDX_tickets_queue` ON `tickets`");
    await queryRunner.query("DROP INDEX `IDX_tickets_nearby` ON `tickets`");
    await queryRunner.query("DROP TABLE `tickets`");
    await queryRunner.query("DROP INDEX `IDX_6668600402c42e4f4ac21c628a` ON `default_routes`");
    await queryRunner.query("DROP TABLE `default_routes`");
    await queryRunner.query("DROP INDEX `IDX_def75b3e47412d2ff891932f6d` ON `reports`");
    await queryRunner.query("DROP INDEX `IDX_bba1e829ee48b6e21d70e96612` ON `reports`");
    await queryRunner.query("DROP INDEX `IDX_040aeac2d9bcc1e38874ce2201` ON `reports`");
    await queryRunner.query("DROP INDEX `IDX_ecc371f17ba60c43719bcc97dd` ON `reports`");
    await queryRunner.query("DROP TABLE `reports`");
    await queryRunner.query("DROP INDEX `IDX_928d3e15ef089b0d078b37e7c3` ON `photos`");
    await queryRunner.query("DROP INDEX `IDX_68c67dcb3f84eba322f59f5e76` ON `photos`");
    await queryRunner.query("DROP INDEX `IDX_669668a3f08b1f2a9fe10d5965` ON `photos`");
    await queryRunner.query("DROP INDEX `IDX_556eedea27ffaf50a4ee0c0a05` ON `photos`");
    await queryRunner.query("DROP TABLE `photos`");
    await queryRunner.query("DROP TABLE `login_attempts`");
    await queryRunner.query("DROP TABLE `number_sequences`");
  }
}
