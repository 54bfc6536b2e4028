import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../../app.entities';
import { loadConfig } from '../../core/config/app-config';
import { buildDataSourceOptions } from '../../core/database/data-source.factory';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Fails when an entity changed without a migration (or a migration without its entity) on this engine. */
describe('schema: migrations match entities', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', ...database.env });
    dataSource = new DataSource(await buildDataSourceOptions(config.database, ALL_ENTITIES));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('builds exactly the entities’ schema from an empty database', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied.length).toBeGreaterThan(0);
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('undoes every migration and applies them again', async () => {
    const count = dataSource.migrations.length;
    for (let i = 0; i < count; i += 1) await dataSource.undoLastMigration();
    const queryRunner = dataSource.createQueryRunner();
    try {
      for (const { tableName } of dataSource.entityMetadatas) {
        expect(`${tableName}: ${await queryRunner.hasTable(tableName)}`).toBe(`${tableName}: false`);
      }
    } finally {
      await queryRunner.release();
    }
    expect(await dataSource.runMigrations()).toHaveLength(count);
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries).toEqual([]);
  });
});
