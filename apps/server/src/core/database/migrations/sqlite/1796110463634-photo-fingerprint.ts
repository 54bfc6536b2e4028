import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PhotoFingerprint1796110463634 implements MigrationInterface {
  name = 'PhotoFingerprint1796110463634';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_928d3e15ef089b0d078b37e7c3\"");
    await queryRunner.query("DROP INDEX \"IDX_68c67dcb3f84eba322f59f5e76\"");
    await queryRunner.query("DROP INDEX \"IDX_669668a3f08b1f2a9fe10d5965\"");
    await queryRunner.query("DROP INDEX \"IDX_556eedea27ffaf50a4ee0c0a05\"");
    await queryRunner.query("CREATE TABLE \"temporary_photos\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"ownerId\" varchar(36) NOT NULL, \"storageKey\" varchar(200) NOT NULL, \"thumbKey\" varchar(200) NOT NULL, \"mime\" varchar(32) NOT NULL, \"sizeBytes\" integer NOT NULL, \"width\" integer NOT NULL, \"height\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"phash\" varchar(16) NOT NULL, \"qualityFlags\" text NOT NULL, \"reportId\" varchar(36), \"ticketEventId\" varchar(36), \"fingerprint\" varchar(1368), CONSTRAINT \"FK_556eedea27ffaf50a4ee0c0a058\" FOREIGN KEY (\"ownerId\") REFERENCES \"users\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_photos\"(\"id\", \"createdAt\", \"updatedAt\", \"ownerId\", \"storageKey\", \"thumbKey\", \"mime\", \"sizeBytes\", \"width\", \"height\", \"sha256\", \"phash\", \"qualityFlags\", \"reportId\", \"ticketEventId\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"ownerId\", \"storageKey\", \"thumbKey\", \"mime\", \"sizeBytes\", \"width\", \"height\", \"sha256\", \"phash\", \"qualityFlags\", \"reportId\", \"ticketEventId\" FROM \"photos\"");
    await queryRunner.query("DROP TABLE \"photos\"");
    await queryRunner.query("ALTER TABLE \"temporary_photos\" RENAME TO \"photos\"");
    await queryRunner.query("CREATE INDEX \"IDX_928d3e15ef089b0d078b37e7c3\" ON \"photos\" (\"ticketEventId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_68c67dcb3f84eba322f59f5e76\" ON \"photos\" (\"reportId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_669668a3f08b1f2a9fe10d5965\" ON \"photos\" (\"sha256\") ");
    await queryRunner.query("CREATE INDEX \"IDX_556eedea27ffaf50a4ee0c0a05\" ON \"photos\" (\"ownerId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_556eedea27ffaf50a4ee0c0a05\"");
    await queryRunner.query("DROP INDEX \"IDX_669668a3f08b1f2a9fe10d5965\"");
    await queryRunner.query("DROP INDEX \"IDX_68c67dcb3f84eba322f59f5e76\"");
    await queryRunner.query("DROP INDEX \"IDX_928d3e15ef089b0d078b37e7c3\"");
    await queryRunner.query("ALTER TABLE \"photos\" RENAME TO \"temporary_photos\"");
    await queryRunner.query("CREATE TABLE \"photos\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"ownerId\" varchar(36) NOT NULL, \"storageKey\" varchar(200) NOT NULL, \"thumbKey\" varchar(200) NOT NULL, \"mime\" varchar(32) NOT NULL, \"sizeBytes\" integer NOT NULL, \"width\" integer NOT NULL, \"height\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"phash\" varchar(16) NOT NULL, \"qualityFlags\" text NOT NULL, \"reportId\" varchar(36), \"ticketEventId\" varchar(36), CONSTRAINT \"FK_556eedea27ffaf50a4ee0c0a058\" FOREIGN KEY (\"ownerId\") REFERENCES \"users\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"photos\"(\"id\", \"createdAt\", \"updatedAt\", \"ownerId\", \"storageKey\", \"thumbKey\", \"mime\", \"sizeBytes\", \"width\", \"height\", \"sha256\", \"phash\", \"qualityFlags\", \"reportId\", \"ticketEventId\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"ownerId\", \"storageKey\", \"thumbKey\", \"mime\", \"sizeBytes\", \"width\", \"height\", \"sha256\", \"phash\", \"qualityFlags\", \"reportId\", \"ticketEventId\" FROM \"temporary_photos\"");
    await queryRunner.query("DROP TABLE \"temporary_photos\"");
    await queryRunner.query("CREATE INDEX \"IDX_556eedea27ffaf50a4ee0c0a05\" ON \"photos\" (\"ownerId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_669668a3f08b1f2a9fe10d5965\" ON \"photos\" (\"sha256\") ");
    await queryRunner.query("CREATE INDEX \"IDX_68c67dcb3f84eba322f59f5e76\" ON \"photos\" (\"reportId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_928d3e15ef089b0d078b37e7c3\" ON \"photos\" (\"ticketEventId\") ");
  }
}
