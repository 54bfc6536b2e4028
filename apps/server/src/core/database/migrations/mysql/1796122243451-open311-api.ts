import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Open311Api1796122243451 implements MigrationInterface {
  name = 'Open311Api1796122243451';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `api_keys` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `name` varchar(64) NOT NULL, `keyPrefix` varchar(12) NOT NULL, `keyHash` varchar(64) NOT NULL, `serviceCodes` text NULL, `revokedAt` datetime NULL, `createdById` varchar(36) NOT NULL, `lastUsedAt` datetime NULL, UNIQUE INDEX `IDX_df3b25181df0b4b59bd93f16e1` (`keyHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `open311_reporters` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `apiKeyId` varchar(36) NOT NULL, `subjectHash` varchar(64) NOT NULL, `userId` varchar(36) NOT NULL, UNIQUE INDEX `IDX_4fa5f4e23f1fd437c3929c8ee3` (`apiKeyId`, `subjectHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `open311_submissions` (`id` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `reportId` varchar(36) NOT NULL, `apiKeyId` varchar(36) NOT NULL, `token` varchar(43) NOT NULL, `mediaUrl` varchar(2000) NULL, `addressString` varchar(200) NULL, `attributes` text NULL, INDEX `IDX_181124dbe22f47fdc24198f1a0` (`apiKeyId`), UNIQUE INDEX `IDX_343184af6a6d192585102789b3` (`reportId`), UNIQUE INDEX `IDX_5e52bffbfb760d0640711f4b3c` (`token`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `categories` ADD `serviceAttributes` text NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `categories` DROP COLUMN `serviceAttributes`");
    await queryRunner.query("DROP INDEX `IDX_5e52bffbfb760d0640711f4b3c` ON `open311_submissions`");
    await queryRunner.query("DROP INDEX `IDX_343184af6a6d192585102789b3` ON `open311_submissions`");
    await queryRunner.query("DROP INDEX `IDX_181124dbe22f47fdc24198f1a0` ON `open311_submissions`");
    await queryRunner.query("DROP TABLE `open311_submissions`");
    await queryRunner.query("DROP INDEX `IDX_4fa5f4e23f1fd437c3929c8ee3` ON `open311_reporters`");
    await queryRunner.query("DROP TABLE `open311_reporters`");
    await queryRunner.query("DROP INDEX `IDX_df3b25181df0b4b59bd93f16e1` ON `api_keys`");
    await queryRunner.query("DROP TABLE `api_keys`");
  }
}
