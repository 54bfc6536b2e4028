import * as path from 'node:path';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import type { TestDatabase } from './test-database';

/** Plain SQL on a test app's database from outside the app (the app may be another process). */
export interface TestSql {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function openTestSql(database: TestDatabase): Promise<TestSql> {
  if (database.engine === 'sqlite') {
    const db = new Database(path.join(database.dataDir, 'suishoupai.sqlite'));
    db.pragma('busy_timeout = 5000');
    return {
      query: async <T>(sql: string, params: unknown[] = []) => {
        const statement = db.prepare(sql);
        return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
      },
      close: async () => {
        db.close();
      },
    };
  }
  const connection = await createConnection({ uri: database.env.DATABASE_URL, timezone: 'Z' });
  return {
    query: async <T>(sql: string, params: unknown[] = []) => {
      const [rows] = await connection.query(sql, params);
      return (Array.isArray(rows) ? rows : []) as T[];
    },
    close: () => connection.end(),
  };
}

/**
 * Points a department's webhook at a local receiver. Straight into the table: the admin API accepts
 * https URLs only, and the receivers of these tests are plain http on 127.0.0.1.
 */
export async function pointDepartmentAt(sql: TestSql, code: string, url: string | null, secret: string | null): Promise<void> {
  await sql.query('UPDATE departments SET webhookUrl = ?, webhookSecret = ? WHERE code = ?', [url, secret, code]);
}

export interface OutboxRow {
  id: string;
  topic: string;
  status: 'pending' | 'done' | 'dead';
  attempts: number;
  lastError: string | null;
}

export function outboxRows(sql: TestSql, topicPrefix = ''): Promise<OutboxRow[]> {
  return sql.query<OutboxRow>('SELECT id, topic, status, attempts, lastError FROM outbox_messages WHERE topic LIKE ? ORDER BY id', [
    `${topicPrefix}%`,
  ]);
}

/** Polls until `check` holds (or fails the test with `what` after `timeoutMs`). */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
