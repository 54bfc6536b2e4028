import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaScanIndex1796122575440 implements MigrationInterface {
  name = 'SlaScanIndex1796122575440';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_tickets_sla` ON `tickets` (`overdue`, `status`, `resolveBy`, `id`, `escalatedDeadline`, `acceptBy`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_tickets_sla` ON `tickets`");
  }
}
