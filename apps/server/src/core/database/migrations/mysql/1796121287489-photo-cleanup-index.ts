import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PhotoCleanupIndex1796121287489 implements MigrationInterface {
  name = 'PhotoCleanupIndex1796121287489';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_photos_unattached` ON `photos` (`reportId`, `ticketEventId`, `createdAt`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_photos_unattached` ON `photos`");
  }
}
