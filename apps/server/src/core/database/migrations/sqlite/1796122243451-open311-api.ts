import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Open311Api1796122243451 implements MigrationInterface {
  name = 'Open311Api1796122243451';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"api_keys\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"name\" varchar(64) NOT NULL, \"keyPrefix\" varchar(12) NOT NULL, \"keyHash\" varchar(64) NOT NULL, \"serviceCodes\" text, \"revokedAt\" datetime, \"createdById\" varchar(36) NOT NULL, \"lastUsedAt\" datetime, CONSTRAINT \"UQ_df3b25181df0b4b59bd93f16e10\" UNIQUE (\"keyHash\"))");
    await queryRunner.query("CREATE TABLE \"open311_reporters\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"apiKeyId\" varchar(36) NOT NULL, \"subjectHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4fa5f4e23f1fd437c3929c8ee3\" ON \"open311_reporters\" (\"apiKeyId\", \"subjectHash\") ");
    await queryRunner.query("CREATE TABLE \"open311_submissions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"reportId\" varchar(36) NOT NULL, \"apiKeyId\" varchar(36) NOT NULL, \"token\" varchar(43) NOT NULL, \"mediaUrl\" varchar(2000), \"addressString\" varchar(200), \"attributes\" text, CONSTRAINT \"UQ_343184af6a6d192585102789b3a\" UNIQUE (\"reportId\"), CONSTRAINT \"UQ_5e52bffbfb760d0640711f4b3c2\" UNIQUE (\"token\"))");
    await queryRunner.query("CREATE INDEX \"IDX_181124dbe22f47fdc24198f1a0\" ON \"open311_submissions\" (\"apiKeyId\") ");
    await queryRunner.query("DROP INDEX \"IDX_0ac89ee78212280266ea427cc2\"");
    await queryRunner.query("CREATE TABLE \"temporary_categories\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"code\" varchar(32) NOT NULL, \"name\" varchar(64) NOT NULL, \"description\" varchar(500) NOT NULL DEFAULT (''), \"parentId\" varchar(36), \"sortOrder\" integer NOT NULL DEFAULT (0), \"keywords\" text NOT NULL, \"slaPolicyId\" varchar(36), \"dedupeRadiusMetres\" integer NOT NULL DEFAULT (50), \"active\" boolean NOT NULL DEFAULT (1), \"serviceAttributes\" text, CONSTRAINT \"UQ_77d7eff8a7aaa05457a12b8007a\" UNIQUE (\"code\"), CONSTRAINT \"FK_e37bbe4556edc5b36dfd466b30d\" FOREIGN KEY (\"slaPolicyId\") REFERENCES \"sla_policies\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT \"FK_9a6f051e66982b5f0318981bcaa\" FOREIGN KEY (\"parentId\") REFERENCES \"categories\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_categories\"(\"id\", \"createdAt\", \"updatedAt\", \"code\", \"name\", \"description\", \"parentId\", \"sortOrder\", \"keywords\", \"slaPolicyId\", \"dedupeRadiusMetres\", \"active\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"code\", \"name\", \"description\", \"parentId\", \"sortOrder\", \"keywords\", \"slaPolicyId\", \"dedupeRadiusMetres\", \"active\" FROM \"categories\"");
    await queryRunner.query("DROP TABLE \"categories\"");
    await queryRunner.query("ALTER TABLE \"temporary_categories\" RENAME TO \"categories\"");
    await queryRunner.query("CREATE INDEX \"IDX_0ac89ee78212280266ea427cc2\" ON \"categories\" (\"parentId\", \"sortOrder\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_0ac89ee78212280266ea427cc2\"");
    await queryRunner.query("ALTER TABLE \"categories\" RENAME TO \"temporary_categories\"");
    await queryRunner.query("CREATE TABLE \"categories\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"code\" varchar(32) NOT NULL, \"name\" varchar(64) NOT NULL, \"description\" varchar(500) NOT NULL DEFAULT (''), \"parentId\" varchar(36), \"sortOrder\" integer NOT NULL DEFAULT (0), \"keywords\" text NOT NULL, \"slaPolicyId\" varchar(36), \"dedupeRadiusMetres\" integer NOT NULL DEFAULT (50), \"active\" boolean NOT NULL DEFAULT (1), CONSTRAINT \"UQ_77d7eff8a7aaa05457a12b8007a\" UNIQUE (\"code\"), CONSTRAINT \"FK_e37bbe4556edc5b36dfd466b30d\" FOREIGN KEY (\"slaPolicyId\") REFERENCES \"sla_policies\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT \"FK_9a6f051e66982b5f0318981bcaa\" FOREIGN KEY (\"parentId\") REFERENCES \"categories\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"categories\"(\"id\", \"createdAt\", \"updatedAt\", \"code\", \"name\", \"description\", \"parentId\", \"sortOrder\", \"keywords\", \"slaPolicyId\", \"dedupeRadiusMetres\", \"active\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"code\", \"name\", \"description\", \"parentId\", \"sortOrder\", \"keywords\", \"slaPolicyId\", \"dedupeRadiusMetres\", \"active\" FROM \"temporary_categories\"");
    await queryRunner.query("DROP TABLE \"temporary_categories\"");
    await queryRunner.query("CREATE INDEX \"IDX_0ac89ee78212280266ea427cc2\" ON \"categories\" (\"parentId\", \"sortOrder\") ");
    await queryRunner.query("DROP INDEX \"IDX_181124dbe22f47fdc24198f1a0\"");
    await queryRunner.query("DROP TABLE \"open311_submissions\"");
    await queryRunner.query("DROP INDEX \"IDX_4fa5f4e23f1fd437c3929c8ee3\"");
    await queryRunner.query("DROP TABLE \"open311_reporters\"");
    await queryRunner.query("DROP TABLE \"api_keys\"");
  }
}
