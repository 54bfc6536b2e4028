#!/usr/bin/env node
// Statistics benchmark (issue 6, "Proof"): 1,000,000 tickets over a year in MariaDB (the inbox bench's
// generator, with the statistics figures); the server builds its daily rollups (stats_daily) from them,
// timed; one refresh after --new-tickets new tickets, timed; then for a 90-day range and each groupBy:
//   (a) GET /api/v1/admin/stats through the real server, one request at a time (a dashboard), p50/p95;
//       it answers from the rollups after bringing them up to date; the new tickets are stamped changed
//       before each groupBy, so (as on a busy day) every request's refresh rebuilds today's rows;
//   (b) baseline: the same aggregate as raw SQL through mysql2 (the counts and the two duration-bucket
//       statements the server sends, side by side), one aggregate at a time, in this process;
//   (c) floor: a plain COUNT(*) over the same range (one index range scan, nothing aggregated);
// and prints the ratio API ÷ raw, EXPLAIN of the statements, the CPU split, and a VERDICT.
// Target: API p95 ≤ 300 ms for every groupBy.
//
//   node tools/bench/stats/run.mjs [--tickets 1000000] [--new-tickets 1000] [--duration 10] [--days 90] [--keep] [--reuse]
//
// Exits non-zero when something failed (server, SQL, wrong totals); a missed target prints MISSED and exits 0.
import { hash } from '@node-rs/argon2';
import mysql from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { cpuSplit, describeCpu, fmt, measureQuietly, parseArgs, percentile, pidByName, printTable, runClosedLoop } from '../lib/measure.mjs';
import { benchScratch } from '../lib/scratch.mjs';
import { apiJson, startServer } from '../lib/server.mjs';
import { loadBenchTickets } from '../inbox/seed.mjs';

const TARGET_P95_MS = 300;
const GROUPS = ['day', 'week', 'department', 'category', 'region'];
const BENCH_ADMIN = 'bench.admin';

const options = parseArgs(process.argv.slice(2), {
  tickets: 1_000_000,
  newTickets: 1000,
  departments: 60,
  days: 90,
  duration: 10,
  warmup: 2,
  mysqlUrl: 'mysql://root@127.0.0.1:3306',
  database: 'ssp_bench_stats',
  seed: 42,
  chunk: 50_000,
  parallel: 2,
  keep: false,
  reuse: false,
  quietWait: 120,
  retries: 2,
});

/** @type {import('../lib/server.mjs').RunningServer | null} */
let server = null;
/** @type {mysql.Pool | null} */
let admin = null;
// Whatever happens, stop the server we started and drop the scratch database (unless --keep).
const { databaseUrl, dataDir, cleanup } = benchScratch(options, 'ssp-bench-stats-', () => ({ server, admin }));

const serverEnv = {
  SERVER_PROCESSES: '1',
  DATABASE_URL: databaseUrl,
  DATA_DIR: dataDir,
  SEED_ON_START: 'true',
  SEED_DEMO_ACCOUNTS: 'true',
  SEED_DEMO_HISTORY: 'false',
  SLA_CHECK: 'off',
  OUTBOX_WORKER: 'off',
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  LOG_FORMAT: 'json',
  JWT_SECRET: 'bench-stats-secret-0123456789abcdef',
};

function section(title) {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 96 - title.length))}`);
}

/** City days (UTC+8) of the `days` days up to yesterday, and the instants they span. */
function rangeOf(days) {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const end = Date.parse(`${today}T00:00:00+08:00`);
  const start = end - days * 86_400_000;
  const day = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  return { from: day(start), to: day(end - 1), start: new Date(start), end: new Date(end) };
}

/**
 * The aggregate written out by hand (not taken from the server): counts per group key and status, and
 * the sign-for / resolution durations per bucket (the tiers of DURATION_BUCKET_TIERS).
 */
function rawStatements(group) {
  const column = { department: 'departmentId', category: 'categoryId', region: 'regionCode' }[group];
  const key = column ? `${column} COLLATE utf8mb4_bin` : 'DATE(createdAt + INTERVAL 8 HOUR)';
  const bucket = (m) => `CASE WHEN ${m} < 60 THEN ${m} WHEN ${m} < 600 THEN ${m} - ${m} % 5 WHEN ${m} < 2880 THEN ${m} - ${m} % 30 WHEN ${m} < 43200 THEN ${m} - ${m} % 240 ELSE ${m} - ${m} % 1440 END`;
  const range = 'createdAt >= ? AND createdAt < ?';
  const counts =
    `SELECT ${key} AS k, status, COUNT(*) AS tickets, COUNT(acceptMinutes) AS accepted, SUM(acceptedOnTime) AS acceptedOnTime,` +
    ` COUNT(resolveMinutes) AS resolved, SUM(resolvedOnTime) AS resolvedOnTime,` +
    ` SUM(CASE WHEN reopenCount > 0 AND resolveMinutes IS NOT NULL THEN 1 ELSE 0 END) AS reopened,` +
    ` SUM(ratingCount) AS ratings, SUM(ratingSum) AS ratingSum, SUM(satisfiedCount) AS satisfied, SUM(supporterCount) AS supporters` +
    ` FROM tickets WHERE ${range} GROUP BY k, status`;
  const buckets = (m) => `SELECT ${key} AS k, ${bucket(m)} AS lower_bound, COUNT(*) AS n FROM tickets WHERE ${range} AND status <> 'merged' AND ${m} IS NOT NULL GROUP BY k, lower_bound`;
  return { counts, accepts: buckets('acceptMinutes'), resolutions: buckets('resolveMinutes') };
}

async function main() {
  admin = mysql.createPool({ uri: `${options.mysqlUrl}/`, connectionLimit: options.parallel + 2, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  const [[versionRow]] = /** @type {any} */ (await admin.query('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS bp'));
  section('Statistics benchmark');
  console.log(`node ${process.version} · MariaDB ${versionRow.v} (buffer pool ${(versionRow.bp / 1048576).toFixed(0)} MB) · database ${options.database}`);
  console.log('NOTE: the load generator (this process), the server and MariaDB share the machine\'s cores; the CPU split per');
  console.log('      phase shows who used what, "other" is everyone else on the machine.');

  const [existing] = await admin.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [options.database]);
  let reuse = false;
  if (options.reuse && /** @type {any[]} */ (existing).length > 0) {
    const [[count]] = /** @type {any} */ (await admin.query(`SELECT COUNT(*) AS n FROM \`${options.database}\`.tickets`));
    reuse = Number(count.n) >= options.tickets;
    console.log(reuse ? `--reuse: ${fmt.int(Number(count.n))} tickets there, skipping the load` : `--reuse: only ${count.n} tickets, reloading`);
  }
  const pool = mysql.createPool({ uri: databaseUrl, connectionLimit: Math.max(3, options.parallel + 2), timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  try {
    if (!reuse) {
      section('Seeding');
      await admin.query(`DROP DATABASE IF EXISTS \`${options.database}\``);
      await admin.query(`CREATE DATABASE \`${options.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      server = await startServer({ env: serverEnv, logFile: path.join(dataDir, 'server-seed.log') });
      await server.stop();
      server = null;
      const loaded = await loadBenchTickets(pool, { tickets: options.tickets, departments: options.departments, seed: options.seed, chunk: options.chunk, parallel: options.parallel, deferIndexes: true, log: (line) => console.log(line) });
      console.log(`${fmt.int(loaded.loadResult.loaded)} tickets loaded in ${fmt.duration(loaded.loadResult.elapsedMs)}, ${loaded.indexTimings?.indexes.length} secondary indexes rebuilt in ${fmt.duration(loaded.indexTimings?.buildMs ?? NaN)} (schema identical to the migrated one), total ${fmt.duration(loaded.totalMs)}`);
    }

    // The bulk load wrote tickets behind the server's back, with past `updatedAt` stamps: start the rollups
    // over, as any import outside the application must (README: "Rollups").
    await pool.query('DELETE FROM stats_daily');
    await pool.query('UPDATE stats_rollup_state SET watermark = NULL, backfillStartedAt = NULL, backfillDay = NULL, backfillLastDay = NULL');
    // The generator stamps a ticket's last change at its (simulated) resolution or closing, for recent
    // tickets days into the future; a real instance stamps with its clock. Left alone, those days would
    // count as "changed since the watermark" on every refresh until then.
    await pool.query('UPDATE tickets SET updatedAt = UTC_TIMESTAMP(6) - INTERVAL 1 HOUR WHERE updatedAt > UTC_TIMESTAMP(6) - INTERVAL 1 HOUR');

    section('Server');
    server = await startServer({ env: serverEnv, logFile: path.join(dataDir, 'server.log') });
    // An admin account with a password known to this run (also after --reuse, where the seed keeps the old one).
    const password = randomBytes(12).toString('base64url');
    await pool.query(
      `INSERT INTO users (id, role, username, passwordHash, nickname, departmentId, active) VALUES (UUID(), 'admin', ?, ?, '压测管理员', NULL, 1)
       ON DUPLICATE KEY UPDATE passwordHash = VALUES(passwordHash), role = 'admin', active = 1`,
      [BENCH_ADMIN, await hash(password)],
    );
    const login = await apiJson(`${server.baseUrl}/api/v1/auth/login`, { method: 'POST', body: { username: BENCH_ADMIN, password } });
    const token = login.accessToken;
    const range = rangeOf(options.days);
    const rangeParams = [range.start, range.end];
    const [[inRange]] = /** @type {any} */ (await pool.query("SELECT COUNT(*) AS n, SUM(status <> 'merged') AS counted FROM tickets WHERE createdAt >= ? AND createdAt < ?", rangeParams));
    console.log(`server pid ${server.pid} · range ${range.from} … ${range.to} (${options.days} city days): ${fmt.int(Number(inRange.n))} tickets of ${fmt.int(options.tickets)}`);

    section('Rollups');
    const statsUrl = (group) => `${server.baseUrl}/api/v1/admin/stats?from=${range.from}&to=${range.to}&groupBy=${group}`;
    const buildCpu = cpuSplit({ bench: 'self', server: { tree: server.pid }, mariadbd: pidByName('mariadbd') ?? pidByName('mysqld') });
    let began = performance.now();
    await apiJson(statsUrl('day'), { token });
    const buildMs = performance.now() - began;
    const [[rollupRows]] = /** @type {any} */ (await pool.query('SELECT COUNT(*) AS n, COUNT(DISTINCT day) AS days FROM stats_daily'));
    console.log(`build: the first request built the rollups of ${fmt.int(options.tickets)} tickets (${fmt.int(Number(rollupRows.days))} days, ${fmt.int(Number(rollupRows.n))} rows) in ${fmt.duration(buildMs)} · ${describeCpu(buildCpu.stop())}`);
    began = performance.now();
    await apiJson(statsUrl('day'), { token });
    const idleMs = performance.now() - began;
    // N new tickets: copies of existing ones created now (new ids and numbers), as intake would add them.
    const [columnRows] = await pool.query("SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tickets' ORDER BY ORDINAL_POSITION");
    const columns = /** @type {any[]} */ (columnRows).map((row) => row.c);
    const runTag = randomBytes(3).toString('hex');
    const fresh = { id: 'UUID()', ticketNo: `CONCAT('GB${runTag}', LPAD(@n := @n + 1, 9, '0'))`, createdAt: 'UTC_TIMESTAMP(6)', updatedAt: 'UTC_TIMESTAMP(6)' };
    const conn = await pool.getConnection();
    try {
      await conn.query('SET @n = 0');
      await conn.query(
        `INSERT INTO tickets (${columns.map((c) => `\`${c}\``).join(', ')}) SELECT ${columns.map((c) => fresh[c] ?? `\`${c}\``).join(', ')} FROM tickets WHERE createdAt >= ? ORDER BY createdAt LIMIT ${Number(options.newTickets)}`,
        [range.start],
      );
    } finally {
      conn.release();
    }
    const touchNewTickets = () => pool.query('UPDATE tickets SET updatedAt = UTC_TIMESTAMP(6) WHERE ticketNo LIKE ?', [`GB${runTag}%`]);
    const refreshCpu = cpuSplit({ bench: 'self', server: { tree: server.pid }, mariadbd: pidByName('mariadbd') ?? pidByName('mysqld') });
    began = performance.now();
    await apiJson(statsUrl('day'), { token });
    const refreshMs = performance.now() - began;
    console.log(`refresh: a request with nothing new took ${fmt.n(idleMs)} ms; the first request after ${fmt.int(options.newTickets)} new tickets (refresh + answer) ${fmt.n(refreshMs)} ms · ${describeCpu(refreshCpu.stop())}`);
    const [[after]] = /** @type {any} */ (await pool.query("SELECT COUNT(*) AS n, SUM(status <> 'merged') AS counted FROM tickets WHERE createdAt >= ? AND createdAt < ?", rangeParams));
    Object.assign(inRange, after);

    // Correctness first: the endpoint's totals against the raw statements' own sums.
    for (const group of GROUPS) {
      const response = await apiJson(statsUrl(group), { token });
      if (response.totals.total !== Number(inRange.counted)) throw new Error(`groupBy=${group}: total ${response.totals.total}, SQL says ${inRange.counted}`);
      const [rows] = await pool.query(rawStatements(group).counts, rangeParams);
      const resolved = /** @type {any[]} */ (rows).filter((r) => r.status !== 'merged').reduce((sum, r) => sum + Number(r.resolved), 0);
      const onTime = /** @type {any[]} */ (rows).filter((r) => r.status !== 'merged').reduce((sum, r) => sum + Number(r.resolvedOnTime), 0);
      if (Math.abs(response.totals.resolveOnTimeRate - onTime / resolved) > 1e-9) throw new Error(`groupBy=${group}: resolveOnTimeRate differs from the raw SQL`);
    }
    console.log('check: every groupBy gives the total and the on-time resolve rate the raw SQL gives');
    const verdictExtras = { buildMs, refreshMs };

    section('EXPLAIN (groupBy=department)');
    const statements = rawStatements('department');
    for (const [name, sql] of [['counts', statements.counts], ['accepts', statements.accepts], ['resolves', statements.resolutions], ['count', 'SELECT COUNT(*) FROM tickets WHERE createdAt >= ? AND createdAt < ?']]) {
      const [plan] = await pool.query(`EXPLAIN ${sql}`, rangeParams);
      for (const row of /** @type {any[]} */ (plan)) console.log(`  ${name.padEnd(8)} ${row.select_type} table=${row.table} type=${row.type} key=${row.key} rows≈${row.rows} ${row.Extra ?? ''}`);
    }

    const mariadbPid = pidByName('mariadbd') ?? pidByName('mysqld');
    const quietly = (label, phase) => measureQuietly(label, phase, { retries: options.retries, quietWait: options.quietWait });
    /** One request at a time for `duration` seconds after a warm-up; latencies in ms. */
    const measure = async (label, op) =>
      quietly(label, async () => {
        await runClosedLoop({ concurrency: 1, durationMs: options.warmup * 1000, op });
        const cpu = cpuSplit({ bench: 'self', server: { tree: server.pid }, mariadbd: mariadbPid });
        const result = await runClosedLoop({ concurrency: 1, durationMs: options.duration * 1000, op });
        if (result.errors > 0) throw new Error(`${label}: ${result.errors} errors, first: ${result.firstError}`);
        return { result, cpu: cpu.stop() };
      });
    const p = (run, q) => percentile(run.result.latenciesMs, q);

    const rows = [];
    const verdicts = [];
    for (const group of GROUPS) {
      section(`groupBy=${group}: (a) API, (b) raw SQL, one at a time, ${options.duration} s each (+${options.warmup} s warm-up)`);
      const url = statsUrl(group);
      // A busy day: today's new tickets changed just now, so every request's refresh rebuilds today's rows.
      await touchNewTickets();
      const api = await measure(`(a) ${group}`, async () => {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        await response.arrayBuffer();
      });
      console.log(`(a) ${api.result.ok} requests · ${describeCpu(api.cpu)}`);
      const sql = rawStatements(group);
      // Side by side on three pool connections, as the server runs them.
      const raw = await measure(`(b) ${group}`, () => Promise.all([sql.counts, sql.accepts, sql.resolutions].map((statement) => pool.query(statement, rangeParams))));
      console.log(`(b) ${raw.result.ok} runs · ${describeCpu(raw.cpu)}`);
      rows.push([group, fmt.n(p(api, 50)), fmt.n(p(api, 95)), fmt.n(p(raw, 50)), fmt.n(p(raw, 95)), fmt.n(p(api, 95) / p(raw, 95), 2), String(api.result.ok)]);
      verdicts.push({ group, p95: p(api, 95) });
    }
    section('(c) floor: SELECT COUNT(*) over the range, one at a time');
    const count = await measure('(c) count', () => pool.query('SELECT COUNT(*) FROM tickets WHERE createdAt >= ? AND createdAt < ?', rangeParams));
    console.log(`(c) ${count.result.ok} runs · ${describeCpu(count.cpu)} · p50 ${fmt.n(p(count, 50))} ms, p95 ${fmt.n(p(count, 95))} ms`);

    section(`Results: ${options.days}-day range, ${fmt.int(Number(inRange.n))} tickets in it, ${fmt.int(options.tickets)} in the table`);
    printTable(['groupBy', 'API p50 ms', 'API p95 ms', 'raw p50 ms', 'raw p95 ms', 'API÷raw p95', 'API requests'], rows);
    console.log(`floor COUNT(*) over the range: p50 ${fmt.n(p(count, 50))} ms, p95 ${fmt.n(p(count, 95))} ms`);
    console.log(`rollups: built for ${fmt.int(options.tickets)} tickets in ${fmt.duration(verdictExtras.buildMs)}; first request after ${fmt.int(options.newTickets)} new tickets ${fmt.n(verdictExtras.refreshMs)} ms`);
    const missed = verdicts.filter((v) => v.p95 > TARGET_P95_MS);
    console.log(
      missed.length === 0
        ? `VERDICT stats p95 ≤ ${TARGET_P95_MS} ms for every groupBy: MET (worst ${fmt.n(Math.max(...verdicts.map((v) => v.p95)))} ms)`
        : `VERDICT stats p95 ≤ ${TARGET_P95_MS} ms for every groupBy: MISSED — ${missed.map((v) => `${v.group} ${fmt.n(v.p95)} ms (${fmt.n(v.p95 / TARGET_P95_MS, 2)}×)`).join(', ')}`,
    );
  } finally {
    await pool.end().catch(() => undefined);
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
