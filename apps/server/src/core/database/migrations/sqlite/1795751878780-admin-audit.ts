import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminAudit1795751878780 implements MigrationInterface {
  name = 'AdminAudit1795751878780';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_entries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"actorId\" varchar(36) NOT NULL, \"action\" varchar CHECK( \"action\" IN ('create','update','delete') ) NOT NULL, \"entityType\" varchar(32) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"before\" text, \"after\" text)");
    await queryRunner.query("CREATE INDEX \"IDX_b276db0e10ac719197848ce31e\" ON \"audit_entries\" (\"entityType\", \"entityId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_b276db0e10ac719197848ce31e\"");
    await queryRunner.query("CREATE TABLE \"temporary_audit_entries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"actorId\" varchar(36) NOT NULL, \"action\" varchar CHECK( \"action\" IN ('create','update','delete') ) NOT NULL, \"entityType\" varchar(32) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"before\" text, \"after\" text, CONSTRAINT \"FK_a8456bc89d026672de07047358c\" FOREIGN KEY (\"actorId\") REFERENCES \"users\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_audit_entries\"(\"id\", \"createdAt\", \"updatedAt\", \"actorId\", \"action\", \"entityType\", \"entityId\", \"before\", \"after\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"actorId\", \"action\", \"entityType\", \"entityId\", \"before\", \"after\" FROM \"audit_entries\"");
    await queryRunner.query("DROP TABLE \"audit_entries\"");
    await queryRunner.query("ALTER TABLE \"temporary_audit_entries\" RENAME TO \"audit_entries\"");
    await queryRunner.query("CREATE INDEX \"IDX_b276db0e10ac719197848ce31e\" ON \"audit_entries\" (\"entityType\", \"entityId\", \"createdAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_b276db0e10ac719197848ce31e\"");
    await queryRunner.query("ALTER TABLE \"audit_entries\" RENAME TO \"temporary_audit_entries\"");
    await queryRunner.query("CREATE TABLE \"audit_entries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"actorId\" varchar(36) NOT NULL, \"action\" varchar CHECK( \"action\" IN ('create','update','delete') ) NOT NULL, \"entityType\" varchar(32) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"before\" text, \"after\" text)");
    await queryRunner.query("INSERT INTO \"audit_entries\"(\"id\", \"createdAt\", \"updatedAt\", \"actorId\", \"action\", \"entityType\", \"entityId\", \"before\", \"after\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"actorId\", \"action\", \"entityType\", \"entityId\", \"before\", \"after\" FROM \"temporary_audit_entries\"");
    await queryRunner.query("DROP TABLE \"temporary_audit_entries\"");
    await queryRunner.query("CREATE INDEX \"IDX_b276db0e10ac719197848ce31e\" ON \"audit_entries\" (\"entityType\", \"entityId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_b276db0e10ac719197848ce31e\"");
    await queryRunner.query("DROP TABLE \"audit_entries\"");
  }
}
