import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AuthResult } from '@ssp/contracts';
import { DIST, freePort, startNodeProcess, waitUntilReady, type NodeRun } from '../helpers/node-process';
import { openTestSql, outboxRows, pointDepartmentAt, waitFor, type TestSql } from '../helpers/outbox-sql';
import { MANHOLE, reportBody } from '../helpers/reporting';
import { request } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

const ENGINE = process.env.TEST_DATABASE_URL ? 'MySQL/MariaDB' : 'SQLite';
const SECRET = 'process-webhook-secret-0123456789';

/** The server as users start it, seeded, with a quick outbox (short lease, so a dead worker's claims come back soon). */
function serverEnv(database: TestDatabase, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...database.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    SEED_ON_START: 'true',
    SEED_DEMO_ACCOUNTS: 'true',
    AUTH_DEV_LOGIN: 'true',
    REPORTS_PER_HOUR: '10000',
    REPORTS_PER_DAY: '10000',
    SAME_TEXT_REVIEW_USERS: '1000',
    OUTBOX_POLL_MS: '50',
    OUTBOX_BACKOFF_BASE_MS: '100',
    OUTBOX_BACKOFF_MAX_MS: '400',
    WEBHOOK_TIMEOUT_MS: '1000',
    OUTBOX_LEASE_MS: '5000',
    ...extra,
  };
}

async function startServer(database: TestDatabase, extra: Record<string, string> = {}): Promise<{ run: NodeRun; baseUrl: string }> {
  const port = await freePort();
  const run = startNodeProcess(DIST.server, serverEnv(database, port, extra));
  await waitUntilReady(port, run);
  return { run, baseUrl: `http://127.0.0.1:${port}` };
}

describe(`outbox delivery across real processes (${ENGINE})`, () => {
  beforeAll(() => {
    for (const file of Object.values(DIST)) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run "npx nx run server:build" first`);
    }
  });

  describe('a server killed with SIGKILL in the middle of delivery', () => {
    let database: TestDatabase;
    let sql: TestSql;
    let receiver: WebhookReceiver;
    const runs: NodeRun[] = [];
    beforeAll(async () => {
      database = await createTestDatabase();
      receiver = await startWebhookReceiver('ok');
    });
    afterAll(async () => {
      for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
      await sql?.close();
      await receiver.close();
      await database.drop();
    });

    it(`loses nothing on ${ENGINE}: after the restart every message arrives, repeats only under the same id`, async () => {
      // Slow answers and small claims, so the kill finds deliveries in flight and claims held.
      receiver.delayMs = () => 250;
      const first = await startServer(database, { OUTBOX_CONCURRENCY: '2', OUTBOX_BATCH_SIZE: '2' });
      runs.push(first.run);
      sql = await openTestSql(database);
      await pointDepartmentAt(sql, MANHOLE.departmentCode, `${receiver.url}/szyh`, SECRET);
      const login = await request<AuthResult>(first.baseUrl, 'POST', '/api/v1/auth/dev', { json: { openid: 'kill-test' } });
      const headers = { authorization: `Bearer ${login.body.accessToken}` };
      for (let i = 0; i < 24; i += 1) {
        const created = await request(first.baseUrl, 'POST', '/api/v1/reports', { headers, json: reportBody() });
        expect(created.status).toBe(201);
      }
      await waitFor('some deliveries', () => receiver.received.length >= 4);
      first.run.child.kill('SIGKILL');
      await first.run.exited;

      const rows = await outboxRows(sql, 'department.');
      expect(rows).toHaveLength(24);
      const unfinished = rows.filter((row) => row.status !== 'done');
      expect(unfinished.length).toBeGreaterThan(0);
      const held: Array<{ n: number }> = await sql.query('SELECT COUNT(*) AS n FROM outbox_messages WHERE lockedBy IS NOT NULL');
      expect(Number(held[0].n)).toBeGreaterThan(0);

      receiver.delayMs = () => 0;
      const second = await startServer(database);
      runs.push(second.run);
      await waitFor('every message delivered after the restart', async () => (await outboxRows(sql, 'department.')).every((row) => row.status === 'done'), 45_000);
      const arrived = receiver.uniqueIds();
      for (const row of rows) expect(arrived.has(row.id)).toBe(true);
      expect(arrived.size).toBe(24);
      for (const hook of receiver.received) {
        expect(receiver.received.filter((other) => other.id === hook.id).every((other) => other.raw === hook.raw)).toBe(true);
      }
      second.run.child.kill('SIGTERM');
      expect(await second.run.exited).toBe(0);
    });
  });

  describe('two worker processes on one database', () => {
    let database: TestDatabase;
    let sql: TestSql;
    let receiver: WebhookReceiver;
    const workers: NodeRun[] = [];
    beforeAll(async () => {
      database = await createTestDatabase();
      receiver = await startWebhookReceiver('ok');
    });
    afterAll(async () => {
      for (const run of workers) if (run.child.exitCode === null) run.child.kill('SIGKILL');
      await sql?.close();
      await receiver.close();
      await database.drop();
    });

    it(`never deliver one message twice at the same time on ${ENGINE}, and stop cleanly on SIGTERM`, async () => {
      // The server migrates and seeds, then leaves delivery to the workers.
      const server = await startServer(database, { OUTBOX_WORKER: 'off' });
      server.run.child.kill('SIGTERM');
      expect(await server.run.exited).toBe(0);
      sql = await openTestSql(database);
      await pointDepartmentAt(sql, MANHOLE.departmentCode, `${receiver.url}/szyh`, SECRET);
      const [department] = await sql.query<{ id: string }>('SELECT id FROM departments WHERE code = ?', [MANHOLE.departmentCode]);

      const workerEnv = {
        ...database.env,
        LOG_LEVEL: 'info',
        OUTBOX_POLL_MS: '20',
        OUTBOX_BATCH_SIZE: '10',
        OUTBOX_CONCURRENCY: '8',
        WEBHOOK_TIMEOUT_MS: '2000',
        OUTBOX_LEASE_MS: '20000',
      };
      for (let i = 0; i < 2; i += 1) workers.push(startNodeProcess(DIST.worker, workerEnv));
      await waitFor('both workers started', () => workers.every((run) => /outbox worker \S+ started/.test(run.output())), 30_000);

      receiver.delayMs = () => 5 + Math.random() * 20;
      const count = 400;
      const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
      const ids: string[] = [];
      for (let start = 0; start < count; start += 100) {
        const values: unknown[] = [];
        for (let i = start; i < start + 100; i += 1) {
          const id = randomUUID();
          ids.push(id);
          const payload = {
            departmentId: department.id,
            topic: 'ticket.dispatched',
            occurredAt: new Date().toISOString(),
            ticket: { id: `ticket-${i}`, ticketNo: `GD-TEST-${i}` },
            event: { action: 'open_dispatched', fromStatus: null, toStatus: 'dispatched', note: null },
          };
          values.push(id, 'department.ticket.dispatched', JSON.stringify(payload), 'pending', 0, now, now);
        }
        await sql.query(
          `INSERT INTO outbox_messages (id, topic, payload, status, attempts, nextAttemptAt, createdAt) VALUES ${Array(100).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          values,
        );
      }
      await waitFor('every message delivered', async () => (await outboxRows(sql)).every((row) => row.status === 'done'), 60_000);

      expect(receiver.overlaps).toEqual([]);
      expect(receiver.uniqueIds()).toEqual(new Set(ids));
      expect(receiver.received).toHaveLength(count);
      const delivered: number[] = [];
      for (const run of workers) {
        run.child.kill('SIGTERM');
        expect(await run.exited).toBe(0);
        const summary = /outbox worker \S+ stopped: delivered (\d+)/.exec(run.output());
        expect(summary).not.toBeNull();
        delivered.push(Number(summary![1]));
      }
      expect(delivered.every((n) => n > 0)).toBe(true);
      expect(delivered[0] + delivered[1]).toBe(count);
    });
  });
});
