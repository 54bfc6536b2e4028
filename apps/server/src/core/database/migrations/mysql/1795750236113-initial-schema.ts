import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795750236113 implements MigrationInterface {
  name = 'InitialSchema1795750236113';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `departments` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `code` varchar(32) NOT NULL, `name` varchar(100) NOT NULL, `shortName` varchar(32) NOT NULL DEFAULT '', `duties` varchar(500) NOT NULL DEFAULT '', `regionCode` varchar(12) NULL, `contact` varchar(100) NULL, `webhookUrl` varchar(500) NULL, `webhookSecret` varchar(200) NULL, `active` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX `IDX_91fddbe23e927e1e525c152baa` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `sla_policies` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `code` varchar(32) NOT NULL, `name` varchar(64) NOT NULL, `description` varchar(500) NOT NULL DEFAULT '', `acceptWithinMinutes` int NOT NULL, `resolveWithinHours` int NOT NULL, `workingHoursOnly` tinyint NOT NULL DEFAULT 0, `escalateToDepartmentId` varchar(36) NULL, UNIQUE INDEX `IDX_f60198b52b9959ce176ab2df44` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `categories` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `code` varchar(32) NOT NULL, `name` varchar(64) NOT NULL, `description` varchar(500) NOT NULL DEFAULT '', `parentId` varchar(36) NULL, `sortOrder` int NOT NULL DEFAULT '0', `keywords` text NOT NULL, `slaPolicyId` varchar(36) NULL, `dedupeRadiusMetres` int NOT NULL DEFAULT '50', `active` tinyint NOT NULL DEFAULT 1, INDEX `IDX_0ac89ee78212280266ea427cc2` (`parentId`, `sortOrder`), UNIQUE INDEX `IDX_77d7eff8a7aaa05457a12b8007` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `regions` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `code` varchar(12) NOT NULL, `name` varchar(64) NOT NULL, `level` enum ('city', 'district', 'street') NOT NULL, `parentCode` varchar(12) NULL, `geometry` mediumtext NOT NULL, `bbox` text NOT NULL, INDEX `IDX_b91c4fc6ac4d7217d2b2af0fe3` (`parentCode`), UNIQUE INDEX `IDX_4f6dc5a464961e7c65a395ea4c` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `users` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `role` enum ('resident', 'staff', 'admin') NOT NULL, `username` varchar(64) NULL, `passwordHash` varchar(200) NULL, `openid` varchar(64) NULL, `nickname` varchar(64) NOT NULL DEFAULT '', `departmentId` varchar(36) NULL, `active` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX `IDX_fe0bb3f6520ee0469504521e71` (`username`), UNIQUE INDEX `IDX_9c98f005249412c8333a3b2c59` (`openid`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `sla_policies` ADD CONSTRAINT `FK_6dbabeea1c85efb10f022c2b737` FOREIGN KEY (`escalateToDepartmentId`) REFERENCES `departments`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `categories` ADD CONSTRAINT `FK_9a6f051e66982b5f0318981bcaa` FOREIGN KEY (`parentId`) REFERENCES `categories`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `categories` ADD CONSTRAINT `FK_e37bbe4556edc5b36dfd466b30d` FOREIGN KEY (`slaPolicyId`) REFERENCES `sla_policies`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `users` ADD CONSTRAINT `FK_554d853741f2083faaa5794d2ae` FOREIGN KEY (`departmentId`) REFERENCES `departments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `users` DROP FOREIGN KEY `FK_554d853741f2083faaa5794d2ae`");
    await queryRunner.query("ALTER TABLE `categories` DROP FOREIGN KEY `FK_e37bbe4556edc5b36dfd466b30d`");
    await queryRunner.query("ALTER TABLE `categories` DROP FOREIGN KEY `FK_9a6f051e66982b5f0318981bcaa`");
    await queryRunner.query("ALTER TABLE `sla_policies` DROP FOREIGN KEY `FK_6dbabeea1c85efb10f022c2b737`");
    await queryRunner.query("DROP INDEX `IDX_9c98f005249412c8333a3b2c59` ON `users`");
    await queryRunner.query("DROP INDEX `IDX_fe0bb3f6520ee0469504521e71` ON `users`");
    await queryRunner.query("DROP TABLE `users`");
    await queryRunner.query("DROP INDEX `IDX_4f6dc5a464961e7c65a395ea4c` ON `regions`");
    await queryRunner.query("DROP INDEX `IDX_b91c4fc6ac4d7217d2b2af0fe3` ON `regions`");
    await queryRunner.query("DROP TABLE `regions`");
    await queryRunner.query("DROP INDEX `IDX_77d7eff8a7aaa05457a12b8007` ON `categories`");
    await queryRunner.query("DROP INDEX `IDX_0ac89ee78212280266ea427cc2` ON `categories`");
    await queryRunner.query("DROP TABLE `categories`");
    await queryRunner.query("DROP INDEX `IDX_f60198b52b9959ce176ab2df44` ON `sla_policies`");
    await queryRunner.query("DROP TABLE `sla_policies`");
    await queryRunner.query("DROP INDEX `IDX_91fddbe23e927e1e525c152baa` ON `departments`");
    await queryRunner.query("DROP TABLE `departments`");
  }
}
