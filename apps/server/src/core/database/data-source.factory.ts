import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { applyEngineColumnTypes } from './column-types.util';
import { detectMysqlFlavor } from './mysql-flavor.util';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

type EntityList = NonNullable<DataSourceOptions['entities']>;

/** Connections per process when the config names none (tools that build their own). */
const DEFAULT_POOL_SIZE = 20;

/**
 * Connection options for either engine. Migrations are listed explicitly (no globs), so the same list
 * works from sources under jest and from the compiled build.
 */
export async function buildDataSourceOptions(db: DatabaseConfig, entities: EntityList): Promise<DataSourceOptions> {
  applyEngineColumnTypes(db.engine);
  const common = { entities, migrationsTableName: 'schema_migrations', synchronize: false, logging: false } as const;
  if (db.engine === 'mysql') {
    if (!db.url) throw new Error('MySQL engine selected without a URL');
    return {
      ...common,
      type: await detectMysqlFlavor(db.url),
      url: db.url,
      migrations: MYSQL_MIGRATIONS,
      // mysql2 would otherwise read and write DATETIME in the server's local zone.
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      // trace: mysql2 captures a stack for every query to decorate errors; ours carry their own context,
      // and the capture was ~4 % of the server's CPU on the staff inbox.
      // connectionLimit: DATABASE_POOL_SIZE (README).
      extra: { connectionLimit: db.poolSize ?? DEFAULT_POOL_SIZE, enableKeepAlive: true, trace: false },
    };
  }
  mkdirSync(path.dirname(db.sqlitePath), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.sqlitePath,
    migrations: SQLITE_MIGRATIONS,
    enableWAL: true,
    prepareDatabase: (database: { pragma(source: string): unknown }) => {
      database.pragma('busy_timeout = 5000');
    },
  };
}
