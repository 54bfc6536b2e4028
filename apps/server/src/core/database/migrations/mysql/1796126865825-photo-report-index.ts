import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PhotoReportIndex1796126865825 implements MigrationInterface {
  name = 'PhotoReportIndex1796126865825';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_68c67dcb3f84eba322f59f5e76` ON `photos`");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_68c67dcb3f84eba322f59f5e76` ON `photos` (`reportId`)");
  }
}
