import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createScratchMysqlDatabase } from '../../core/database/scratch-database.util';

export interface TestDatabase {
  /** Environment that points the server at this database and data directory. */
  env: Record<string, string>;
  engine: 'sqlite' | 'mysql';
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a temporary SQLite file, or — with TEST_DATABASE_URL — a
 * scratch database on that MySQL/MariaDB server. An unreachable server fails the test; it never skips.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ssp-test-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    return { env: { DATA_DIR: dataDir }, engine: 'sqlite', dataDir, drop: async () => removeDir() };
  }
  const scratch = await createScratchMysqlDatabase(serverUrl, `ssp_test_${randomBytes(5).toString('hex')}`);
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: scratch.url },
    engine: 'mysql',
    dataDir,
    drop: async () => {
      await scratch.drop();
      removeDir();
    },
  };
}
