import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PhotoFingerprint1796110463634 implements MigrationInterface {
  name = 'PhotoFingerprint1796110463634';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `photos` ADD `fingerprint` varchar(1368) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `photos` DROP COLUMN `fingerprint`");
  }
}
