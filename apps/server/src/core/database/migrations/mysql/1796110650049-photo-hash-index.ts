import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PhotoHashIndex1796110650049 implements MigrationInterface {
  name = 'PhotoHashIndex1796110650049';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_854d50cc4a5b5a920c535717db` ON `photos` (`phash`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_854d50cc4a5b5a920c535717db` ON `photos`");
  }
}
