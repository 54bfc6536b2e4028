#!/usr/bin/env node
// City seed (issue 7, "Load"): builds a realistic city in a MariaDB database for the load and fault runs —
// 1,000,000 tickets over two years with their reports (the opening one and 附议 supporters), photo
// metadata, lifecycle events, 200,000 residents, 60 departments and 500 staff, on top of the server's own
// reference seed (categories, districts, routing rules, SLA policies, work calendar, demo accounts), with
// its statistics rolled up by the server's own job.
//
//   node tools/bench/city/run.mjs [--database ssp_city] [--tickets 1000000] [--residents 200000] [--staff 500]
//                                 [--departments 60] [--days 730] [--seed 42] [--chunk 20000] [--parallel 2]
//
// The database is dropped and built anew, and kept (it is what the load run reads). The staff accounts
// `city.staff.000`… share one generated password, written to <data dir>/city-credentials.json.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';
import { fmt, parseArgs, sleep } from '../lib/measure.mjs';
import { REPO_ROOT, ensureServerBuilt, startServer } from '../lib/server.mjs';
import { loadDataInfile, loadInChunks, prepareReference, prng, ticketGenerator, TICKET_COLUMNS, withIndexesDeferred } from '../inbox/seed.mjs';
import { EVENT_COLUMNS, PHOTO_COLUMNS, REPORT_COLUMNS, USER_COLUMNS, cityChunks, userRows } from './generator.mjs';
import { integrityProblems } from '../lib/integrity.mjs';

const options = parseArgs(process.argv.slice(2), {
  mysqlUrl: 'mysql://root@127.0.0.1:3306',
  database: 'ssp_city',
  dataDir: path.join(REPO_ROOT, 'data/city'),
  tickets: 1_000_000,
  residents: 200_000,
  staff: 500,
  departments: 60,
  days: 730,
  seed: 42,
  chunk: 20_000,
  parallel: 2,
});
if (!/^[a-z0-9_]{1,64}$/.test(options.database)) throw new Error(`unsafe database name ${options.database}`);
const databaseUrl = `${options.mysqlUrl.replace(/\/$/, '')}/${options.database}`;
const started = performance.now();
const stepTimes = [];
const step = async (label, run) => {
  const t = performance.now();
  const result = await run();
  stepTimes.push([label, performance.now() - t]);
  console.log(`${label}: ${fmt.duration(performance.now() - t)}`);
  return result;
};

ensureServerBuilt();
mkdirSync(options.dataDir, { recursive: true });
const admin = await mysql.createConnection({ uri: `${options.mysqlUrl}/`, timezone: 'Z' });
const [[server]] = /** @type {any} */ (await admin.query('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS bp'));
console.log(`MariaDB ${server.v}, buffer pool ${(server.bp / 1048576).toFixed(0)} MB; building ${options.database}`);
await admin.query(`DROP DATABASE IF EXISTS \`${options.database}\``);
await admin.query(`CREATE DATABASE \`${options.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
await admin.end();

await step('migrations and the reference seed (by the server)', async () => {
  const seeding = await startServer({
    env: { DATABASE_URL: databaseUrl, DATA_DIR: options.dataDir, SEED_ON_START: 'true', SEED_DEMO_ACCOUNTS: 'true', SEED_DEMO_HISTORY: 'false', LOG_LEVEL: 'warn', JWT_SECRET: randomBytes(24).toString('hex') },
    logFile: path.join(options.dataDir, 'server-seed.log'),
  });
  await seeding.stop();
});

// The loaders' connections, plus one held by each table's deferred-index wrapper during the load.
const pool = mysql.createPool({ uri: databaseUrl, connectionLimit: options.parallel + 6, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
try {
  const reference = await prepareReference(pool, options.departments, prng(options.seed));
  console.log(`departments: ${reference.departments.length} · leaf categories: ${reference.categories.length} · districts: ${reference.districts.length}`);
  const now = Date.now();
  const password = randomBytes(9).toString('base64url');
  // The server's own hashing (built CommonJS), so the accounts sign in like any other.
  const { hashPassword } = createRequire(import.meta.url)(path.join(REPO_ROOT, 'apps/server/dist/core/auth/password.util.js'));
  const users = userRows({ ...options, departments: reference.departments, passwordHash: await hashPassword(password), spanDays: options.days, now });
  writeFileSync(path.join(options.dataDir, 'city-credentials.json'), JSON.stringify({ staffPassword: password, database: options.database }, null, 2), { mode: 0o600 });
  await step(`users: ${fmt.int(options.residents)} residents and ${fmt.int(options.staff)} staff`, async () => {
    const connection = await pool.getConnection();
    try {
      await loadDataInfile(connection, 'users', USER_COLUMNS, users.stream, users.count);
    } finally {
      connection.release();
    }
  });

  // Aged: each ticket has the status its own timeline has reached (mostly closed; open ones are recent).
  const tickets = ticketGenerator({ total: options.tickets, reference, seed: options.seed, now, spanDays: options.days, lifecycle: 'aged' });
  const [[adminRow]] = /** @type {any} */ (await pool.query("SELECT id FROM users WHERE role = 'admin' ORDER BY createdAt LIMIT 1"));
  const city = cityChunks({ tickets, residentIds: users.residentIds, staffByDepartment: users.staffByDepartment, adminId: adminRow?.id ?? null, seed: options.seed, now });
  const totals = { tickets: 0, reports: 0, events: 0, photos: 0 };
  let lastPrint = 0;
  const load = () =>
    loadInChunks(pool, {
      total: options.tickets,
      chunkRows: options.chunk,
      parallel: options.parallel,
      loadChunk: async (connection, from, to) => {
        const rows = city.chunk(from, to);
        await loadDataInfile(connection, 'tickets', TICKET_COLUMNS, rows.tickets, rows.counts.tickets);
        await loadDataInfile(connection, 'reports', REPORT_COLUMNS, rows.reports, rows.counts.reports);
        await loadDataInfile(connection, 'ticket_events', EVENT_COLUMNS, rows.events, rows.counts.events);
        await loadDataInfile(connection, 'photos', PHOTO_COLUMNS, rows.photos, rows.counts.photos);
        for (const key of Object.keys(totals)) totals[key] += rows.counts[key];
      },
      onProgress: (loaded, ms) => {
        if (ms - lastPrint < 10_000 && loaded < options.tickets) return;
        lastPrint = ms;
        console.log(`  ${fmt.int(loaded).padStart(9)} tickets  ${fmt.duration(ms).padStart(8)}  ${fmt.int((loaded / ms) * 1000)} tickets/s`);
      },
    });
  // Secondary indexes are dropped for the load and built once afterwards (checked against the migrated schema).
  const deferred = (tables, run) => (tables.length === 0 ? run() : withIndexesDeferred(pool, tables[0], () => deferred(tables.slice(1), run)));
  await step('tickets, reports, events and photos (indexes built afterwards)', () => deferred(['tickets', 'reports', 'ticket_events', 'photos'], load));
  console.log(`loaded: ${Object.entries(totals).map(([table, n]) => `${fmt.int(n)} ${table}`).join(', ')}`);
  await step('ANALYZE', () => pool.query('ANALYZE TABLE tickets, reports, ticket_events, photos, users, departments, categories'));

  // A city two years in has its statistics rolled up and its SLA checks and 自动结案 done: the server's own
  // jobs catch up (the rollups backfill 31 days a step; 催办, 督办 and 自动结案 write their events and
  // outbox messages for the tickets late or due by now), one pass a second, so the load run's server
  // does not start with that backlog.
  await step('statistics rollups, SLA checks and 自动结案 (the server catching up, one pass a second)', async () => {
    const since = new Date();
    const rolling = await startServer({
      env: { DATABASE_URL: databaseUrl, DATA_DIR: options.dataDir, STATS_ROLLUP_SECONDS: '1', SLA_CHECK_SECONDS: '1', LOG_LEVEL: 'warn', JWT_SECRET: randomBytes(24).toString('hex') },
      logFile: path.join(options.dataDir, 'server-rollups.log'),
    });
    try {
      const deadline = Date.now() + 30 * 60_000;
      // Caught up: the backfill has its watermark and the tickets the jobs update (IDX_tickets_changed)
      // stopped growing for 5 passes.
      let changed = -1;
      let still = 0;
      for (;;) {
        const [[state]] = /** @type {any} */ (await pool.query("SELECT watermark FROM stats_rollup_state WHERE id = 'daily'"));
        const [[touched]] = /** @type {any} */ (await pool.query('SELECT COUNT(*) AS n FROM tickets WHERE updatedAt >= ?', [since]));
        still = Number(touched.n) === changed ? still + 1 : 0;
        changed = Number(touched.n);
        if (state?.watermark && still >= 5) break;
        if (Date.now() > deadline) throw new Error('the server did not catch up in 30 minutes');
        await sleep(1000);
      }
      const [byAction] = /** @type {any} */ (
        await pool.query("SELECT action, COUNT(*) AS n FROM ticket_events WHERE action IN ('urge', 'escalate', 'auto_close') AND createdAt >= ? GROUP BY action", [since])
      );
      console.log(`  the jobs updated ${fmt.int(changed)} tickets: ${byAction.map((row) => `${row.action} ${fmt.int(Number(row.n))}`).join(', ') || 'no events'}`);
    } finally {
      await rolling.stop();
    }
  });

  const problems = await integrityProblems(pool);
  // Nothing stamped after the seed's own "now" (the statistics rebuild a future day on every refresh).
  const checkedAt = new Date();
  const [[future]] = /** @type {any} */ (
    await pool.query('SELECT (SELECT COUNT(*) FROM tickets WHERE updatedAt > ?) + (SELECT COUNT(*) FROM reports WHERE createdAt > ?) + (SELECT COUNT(*) FROM ticket_events WHERE createdAt > ?) AS n', [checkedAt, checkedAt, checkedAt])
  );
  if (Number(future.n) > 0) problems.push(`${fmt.int(Number(future.n))} rows stamped in the future`);
  const [[counts]] = /** @type {any} */ (
    await pool.query(
      "SELECT (SELECT COUNT(*) FROM tickets) AS tickets, (SELECT COUNT(*) FROM reports) AS reports, (SELECT COUNT(*) FROM ticket_events) AS events, (SELECT COUNT(*) FROM photos) AS photos, (SELECT COUNT(*) FROM users WHERE role = 'resident') AS residents, (SELECT COUNT(*) FROM users WHERE role = 'staff') AS staff, (SELECT COUNT(*) FROM departments) AS departments, (SELECT COUNT(*) FROM default_routes) AS defaultRoutes, (SELECT COUNT(*) FROM routing_rule_revisions) AS ruleRevisions, (SELECT COUNT(*) FROM sla_policies) AS slaPolicies, (SELECT MIN(createdAt) FROM tickets) AS first, (SELECT MAX(createdAt) FROM tickets) AS last",
    )
  );
  console.log(`database ${options.database}: ${Object.entries(counts).map(([k, v]) => `${k} ${v instanceof Date ? v.toISOString().slice(0, 10) : fmt.int(Number(v))}`).join(', ')}`);
  const [statusRows] = await pool.query('SELECT status, COUNT(*) AS n, SUM(overdue) AS overdue FROM tickets GROUP BY status ORDER BY COUNT(*) DESC');
  console.log(`tickets by status: ${/** @type {any[]} */ (statusRows).map((row) => `${row.status} ${fmt.int(Number(row.n))}${Number(row.overdue) > 0 ? ` (${fmt.int(Number(row.overdue))} overdue)` : ''}`).join(', ')}`);
  console.log(problems.length === 0 ? 'integrity: every ticket has its events and reports, every report and event its ticket' : `integrity: ${problems.join('; ')}`);
  console.log(`\nVERDICT city seed: ${problems.length === 0 ? 'built' : 'FAILED'} in ${fmt.duration(performance.now() - started)} (staff password in ${path.join(options.dataDir, 'city-credentials.json')})`);
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await pool.end();
}
