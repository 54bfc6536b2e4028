/**
 * Writes the next migration for both engines from the difference between the entities and the schema
 * that the existing migrations build, each on a scratch database:
 *   npm run migration:generate -- AddTickets
 * MySQL side: MIGRATION_DATABASE_URL (default mysql://root@127.0.0.1:3306/test; a scratch database is
 * created next to it and dropped afterwards).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../app.entities';
import type { DatabaseConfig, DatabaseEngine } from '../core/config/app-config';
import { buildDataSourceOptions } from '../core/database/data-source.factory';
import { createScratchMysqlDatabase } from '../core/database/scratch-database.util';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../src/core/database/migrations');

function toKebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function renderMigration(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries.map((query) => `    await queryRunner.query(${JSON.stringify(query)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

function registerInIndex(engine: DatabaseEngine, fileBase: string, className: string): void {
  const indexPath = path.join(MIGRATIONS_DIR, engine, 'index.ts');
  const source = readFileSync(indexPath, 'utf8');
  const exportName = engine === 'mysql' ? 'MYSQL_MIGRATIONS' : 'SQLITE_MIGRATIONS';
  const listMatch = new RegExp(`export const ${exportName} = \\[([\\s\\S]*?)\\];`).exec(source);
  if (!listMatch) throw new Error(`${indexPath}: cannot find the ${exportName} list`);
  const entries = listMatch[1]
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  entries.push(className);
  const imports = source.split('\n').filter((line) => line.startsWith('import '));
  imports.push(`import { ${className} } from './${fileBase}';`);
  const header = source.split('\n').find((line) => line.startsWith('/**')) ?? '';
  writeFileSync(
    indexPath,
    `${imports.join('\n')}\n\n${header}\nexport const ${exportName} = [\n${entries.map((e) => `  ${e},`).join('\n')}\n];\n`,
  );
}

async function generateFor(engine: DatabaseEngine, name: string, timestamp: number): Promise<void> {
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'ssp-migrate-'));
    config = { engine, sqlitePath: path.join(dir, 'scratch.sqlite'), migrateOnStart: false };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const scratch = await createScratchMysqlDatabase(
      process.env.MIGRATION_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test',
      `ssp_migrate_${randomBytes(4).toString('hex')}`,
    );
    config = { engine, sqlitePath: '', url: scratch.url, migrateOnStart: false };
    cleanup = scratch.drop;
  }
  const dataSource = new DataSource(await buildDataSourceOptions(config, ALL_ENTITIES));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      process.stdout.write(`${engine}: entities and migrations agree; nothing to generate\n`);
      return;
    }
    const className = `${name}${timestamp}`;
    const fileBase = `${timestamp}-${toKebab(name)}`;
    const up = sql.upQueries.map((query) => query.query);
    const down = sql.downQueries.map((query) => query.query).reverse();
    writeFileSync(path.join(MIGRATIONS_DIR, engine, `${fileBase}.ts`), renderMigration(className, up, down));
    registerInIndex(engine, fileBase, className);
    process.stdout.write(`${engine}: wrote ${fileBase}.ts (${up.length} statements)\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await cleanup();
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
  }
  const timestamp = Date.now();
  await generateFor('sqlite', name, timestamp);
  await generateFor('mysql', name, timestamp);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
