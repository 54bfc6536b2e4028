// Applies the server's own MySQL migrations (from apps/server/dist) to the bench database with
// foreign_key_checks off for that one session. Needed because migration IntakePipeline1796107648910
// drops and re-creates IDX_tickets_inbox, the only index that backs the tickets.departmentId foreign key,
// and MariaDB refuses that drop while foreign-key checks are on ("needed in a foreign key constraint");
// the server then retries the half-applied migration and fails for good. The end schema is the one the
// migrations describe; the server finds nothing pending when it starts.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { SERVER_DIST } from './bench.module.mjs';

const requireFromServer = createRequire(path.join(SERVER_DIST, 'main.js'));

/** Runs the pending migrations over one connection with foreign-key checks off; returns their names. */
export async function migrateWithForeignKeyChecksOff(databaseUrl) {
  requireFromServer('reflect-metadata');
  const { buildDataSourceOptions } = requireFromServer('./core/database/data-source.factory.js');
  const { ALL_ENTITIES } = requireFromServer('./app.entities.js');
  const { DataSource } = requireFromServer('typeorm');
  const options = await buildDataSourceOptions({ engine: 'mysql', url: databaseUrl, migrateOnStart: false }, ALL_ENTITIES);
  // One pooled connection, so the session variable holds for every statement of every migration.
  const dataSource = new DataSource({ ...options, extra: { ...options.extra, connectionLimit: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.query('SET SESSION foreign_key_checks = 0');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query('SET SESSION foreign_key_checks = 1');
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
