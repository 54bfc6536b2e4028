import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DedupeIndex1796108506894 implements MigrationInterface {
  name = 'DedupeIndex1796108506894';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_tickets_nearby\"");
    await queryRunner.query("CREATE INDEX \"IDX_tickets_nearby\" ON \"tickets\" (\"geohash\", \"status\", \"createdAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_tickets_nearby\"");
    await queryRunner.query("CREATE INDEX \"IDX_tickets_nearby\" ON \"tickets\" (\"geohash\", \"status\") ");
  }
}
