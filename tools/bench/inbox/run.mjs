#!/usr/bin/env node
// Staff inbox benchmark (issue 3, "Proof"): 1,000,000 tickets over 60 departments in MariaDB, then in
// one run
//   (a) GET /api/v1/tickets?status=dispatched — a staff member's first page (20 items, by deadline) —
//       through the real server with autocannon, 16 connections, with SERVER_PROCESSES=--processes
//       (default: one per core); with more than one, also (a1) the same with a single process;
//   (b) the same page as ONE raw SQL statement through a mysql2 pool, 16 in flight, in this process;
//   (c) diagnostic: the server's own TicketsRepository.list() in this process (no HTTP, auth or JSON);
//   (d) diagnosis, not measured: statements per request (counting proxy), PROCESSLIST and a CPU profile;
// and prints req/s, p50, p99, the ratio API ÷ raw, EXPLAIN of the statements and where the time goes.
// Target: API p99 ≤ 30 ms and API req/s ≥ 0.5 × raw req/s.
//
//   node tools/bench/inbox/run.mjs [--tickets 1000000] [--duration 20] [--connections 16] [--processes 2] [--keep] [--reuse]
//
// Exits non-zero when something failed (server, SQL, wrong page); a missed target prints MISSED and exits 0.
import { hash } from '@node-rs/argon2';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuSplit, describeCpu, fmt, measureQuietly, parseArgs, percentile, pidByName, printTable, runClosedLoop } from '../lib/measure.mjs';
import { benchScratch } from '../lib/scratch.mjs';
import { apiJson, routeExists, startServer, tail } from '../lib/server.mjs';
import { BIG_DEPARTMENT_CODE, loadTickets, prepareReference, prng, ticketGenerator, withIndexesDeferred } from './seed.mjs';
import { diagnose } from './diagnose.mjs';
import { explain, printExplain, rawPageSql, serverRepository, shapeOf } from './sql.mjs';

const TARGET_P99_MS = 30;
const TARGET_RATIO = 0.5;
const PAGE = 20;
const STATUS = 'dispatched';
const BENCH_USER = 'bench.staff';

const options = parseArgs(process.argv.slice(2), {
  tickets: 1_000_000,
  departments: 60,
  duration: 20,
  warmup: 5,
  ormDuration: 10,
  connections: 16,
  processes: availableParallelism(),
  mysqlUrl: 'mysql://root@127.0.0.1:3306',
  database: 'ssp_bench_inbox',
  seed: 42,
  chunk: 50_000,
  parallel: 2,
  deferIndexes: true,
  keep: false,
  reuse: false,
  waitForRoute: 0,
  profile: true,
  quietWait: 120,
  retries: 2,
});

/** @type {import('../lib/server.mjs').RunningServer | null} */
let server = null;
/** @type {mysql.Pool | null} */
let admin = null;
// Whatever happens, stop the server we started and drop the scratch database (unless --keep).
const { databaseUrl, dataDir, cleanup } = benchScratch(options, 'ssp-bench-inbox-', () => ({ server, admin }));
let failed = false;

const serverEnv = (processes = 1) => ({
  SERVER_PROCESSES: String(processes),
  DATABASE_URL: databaseUrl,
  DATA_DIR: dataDir,
  SEED_ON_START: 'true',
  SEED_DEMO_ACCOUNTS: 'true',
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  LOG_FORMAT: 'json',
  // A fixed secret so tokens survive the restart between seeding and measuring.
  JWT_SECRET: 'bench-inbox-secret-0123456789abcdef',
});

function section(title) {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 96 - title.length))}`);
}

// ---------------------------------------------------------------------------------------------------
async function main() {
  const cores = availableParallelism();
  admin = mysql.createPool({ uri: `${options.mysqlUrl}/`, connectionLimit: options.parallel + 2, timezone: 'Z', charset: 'utf8mb4_unicode_ci', multipleStatements: false });
  const [[versionRow]] = /** @type {any} */ (await admin.query('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS bp'));
  section('Inbox benchmark');
  console.log(`node ${process.version} · ${cores} cores · MariaDB ${versionRow.v} (buffer pool ${(versionRow.bp / 1048576).toFixed(0)} MB) · database ${options.database}`);
  console.log(`NOTE: the load generator (this process), the server and MariaDB share these ${cores} cores: every figure below`);
  console.log('      includes that contention; the CPU split per phase shows who used what.');

  // 1. Scratch database, migrated and seeded by the server itself. --------------------------------
  const [existing] = await admin.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [options.database]);
  let reuse = false;
  if (options.reuse && /** @type {any[]} */ (existing).length > 0) {
    const [[count]] = /** @type {any} */ (await admin.query(`SELECT COUNT(*) AS n FROM \`${options.database}\`.tickets`));
    reuse = Number(count.n) >= options.tickets;
    console.log(reuse ? `--reuse: ${options.database} already holds ${fmt.int(Number(count.n))} tickets, skipping the load` : `--reuse: only ${count.n} tickets, reloading`);
  }
  const pool = mysql.createPool({ uri: databaseUrl, connectionLimit: Math.max(options.connections, options.parallel + 2), timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  try {
    if (!reuse) {
      section('Seeding');
      await admin.query(`DROP DATABASE IF EXISTS \`${options.database}\``);
      await admin.query(`CREATE DATABASE \`${options.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      let t = performance.now();
      server = await startServer({ env: serverEnv(), logFile: path.join(dataDir, 'server-seed.log') });
      await server.stop();
      server = null;
      console.log(`server migrations + reference seed: ${fmt.duration(performance.now() - t)}`);

      const seedStart = performance.now();
      const reference = await prepareReference(pool, options.departments, prng(options.seed));
      console.log(`departments: ${reference.departments.length} (${reference.departments.length - reference.addedDepartments} seeded + ${reference.addedDepartments} BENCH-xx) · leaf categories: ${reference.categories.length} · districts: ${reference.districts.length}`);
      const generator = ticketGenerator({ total: options.tickets, reference, seed: options.seed, now: Date.now() });
      let lastPrint = 0;
      const load = () =>
        loadTickets(pool, {
          total: options.tickets,
          chunkRows: options.chunk,
          parallel: options.parallel,
          generator,
          onProgress: (loaded, ms) => {
            if (ms - lastPrint < 5000 && loaded < options.tickets) return;
            lastPrint = ms;
            console.log(`  ${fmt.int(loaded).padStart(9)} tickets  ${fmt.duration(ms).padStart(8)}  ${fmt.int((loaded / ms) * 1000)} rows/s`);
          },
        });
      let loadResult;
      let indexTimings = null;
      if (options.deferIndexes) {
        indexTimings = await withIndexesDeferred(pool, 'tickets', async () => {
          loadResult = await load();
        });
      } else {
        loadResult = await load();
      }
      t = performance.now();
      await pool.query('ANALYZE TABLE tickets, departments, categories, users');
      const analyzeMs = performance.now() - t;
      const totalMs = performance.now() - seedStart;
      printTable(
        ['seeding step', 'elapsed', 'rows/s'],
        [
          ['LOAD DATA LOCAL INFILE (PK only)' + (options.deferIndexes ? '' : ' with indexes'), fmt.duration(loadResult.elapsedMs), fmt.int((loadResult.loaded / loadResult.elapsedMs) * 1000)],
          ...(indexTimings ? [[`rebuild ${indexTimings.indexes.length} secondary indexes`, fmt.duration(indexTimings.buildMs), '']] : []),
          ['ANALYZE TABLE', fmt.duration(analyzeMs), ''],
          [`total for ${fmt.int(loadResult.loaded)} tickets`, fmt.duration(totalMs), fmt.int((loadResult.loaded / totalMs) * 1000)],
        ],
      );
      if (indexTimings) console.log(`schema check: SHOW CREATE TABLE tickets identical to the migrated one after the rebuild (${indexTimings.indexes.join(', ')})`);
    }

    // 2. The staff member: a bench account in the biggest department, password known to this run. ---
    const password = randomBytes(12).toString('base64url');
    const [[department]] = /** @type {any} */ (await pool.query('SELECT id, name FROM departments WHERE code = ?', [BIG_DEPARTMENT_CODE]));
    const passwordHash = await hash(password);
    await pool.query(
      `INSERT INTO users (id, role, username, passwordHash, nickname, departmentId, active) VALUES (UUID(), 'staff', ?, ?, '压测员', ?, 1)
       ON DUPLICATE KEY UPDATE passwordHash = VALUES(passwordHash), departmentId = VALUES(departmentId), active = 1`,
      [BENCH_USER, passwordHash, department.id],
    );
    const [[counts]] = /** @type {any} */ (
      await pool.query(
        `SELECT (SELECT COUNT(*) FROM tickets) AS total, (SELECT COUNT(*) FROM departments) AS departments,
                (SELECT COUNT(*) FROM tickets WHERE departmentId = ?) AS mine,
                (SELECT COUNT(*) FROM tickets WHERE departmentId = ? AND status = ?) AS inbox`,
        [department.id, department.id, STATUS],
      )
    );
    const [mix] = await pool.query('SELECT status, COUNT(*) AS n FROM tickets GROUP BY status ORDER BY n DESC');
    console.log(`\ndata: ${fmt.int(Number(counts.total))} tickets over ${counts.departments} departments · status mix: ${/** @type {any[]} */ (mix).map((r) => `${r.status} ${((r.n / counts.total) * 100).toFixed(1)}%`).join(', ')}`);
    console.log(`staff ${BENCH_USER} of ${BIG_DEPARTMENT_CODE} ${department.name}: ${fmt.int(Number(counts.mine))} tickets, ${fmt.int(Number(counts.inbox))} of them '${STATUS}' (the inbox that is paged)`);

    // 3. Server against the loaded database; log in; check the page is right. ------------------------
    section('Server');
    server = await startServer({ env: serverEnv(1), logFile: path.join(dataDir, 'server.log') });
    console.log(`server pid ${server.pid} at ${server.baseUrl}, SERVER_PROCESSES=1 (log ${server.logFile})`);
    const deadline = Date.now() + options.waitForRoute * 1000;
    while (!(await routeExists(server.baseUrl, 'GET', '/api/v1/tickets'))) {
      if (Date.now() >= deadline) throw new Error('GET /api/v1/tickets is not in this build of the server (404); rebuild it or pass --wait-for-route SECONDS');
      console.log('GET /api/v1/tickets not there yet; waiting 60 s …');
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
    const login = await apiJson(`${server.baseUrl}/api/v1/auth/login`, { method: 'POST', body: { username: BENCH_USER, password } });
    const token = login.accessToken;
    const pagePath = `/api/v1/tickets?status=${STATUS}`;
    const page = await apiJson(`${server.baseUrl}${pagePath}`, { token });

    const rawSql = await rawPageSql(pool, options.database);
    const rawParams = [department.id, STATUS, PAGE + 1];
    const [rawRows] = await pool.query(rawSql, rawParams);
    const problems = checkPage(page, /** @type {any[]} */ (rawRows));
    if (problems.length > 0) throw new Error(`the API page is wrong:\n  ${problems.join('\n  ')}`);
    const pageBytes = Buffer.byteLength(JSON.stringify(page));
    console.log(`page check: ${page.items.length} items, all '${STATUS}' in ${BIG_DEPARTMENT_CODE}, ascending resolveBy, same ids as the raw query, nextCursor set · ${fmt.int(pageBytes)} bytes of JSON`);

    // 4. EXPLAIN: the raw statement and the server's own (TypeORM) statements. -----------------------
    section('EXPLAIN');
    printExplain('raw page query (one statement):', await explain(pool, rawSql, rawParams));
    const orm = await serverRepository(databaseUrl);
    /** @type {Array<{query: string, parameters: unknown[]}>} */
    let ormStatements = [];
    if ('unavailable' in orm) {
      console.log(`(server repository not loadable in-process: ${orm.unavailable}; skipping its EXPLAIN and run (c))`);
    } else {
      const listQuery = { departmentId: department.id, status: STATUS, limit: PAGE + 1 };
      ormStatements = await orm.capture(() => orm.repository.list(listQuery));
      console.log(`\nthe server's TicketsRepository.list() sends ${ormStatements.length} statement(s) for this page:`);
      for (const [i, statement] of ormStatements.entries()) {
        console.log(`  [${i + 1}] ${shapeOf(statement.query)}`);
        printExplain(`EXPLAIN of [${i + 1}]:`, await explain(pool, statement.query, statement.parameters));
      }
    }

    // 5. Measurements. ----------------------------------------------------------------------------------
    const mariadbPid = pidByName('mariadbd') ?? pidByName('mysqld');
    const seconds = options.duration;
    const results = [];

    const quietly = (label, phase) => measureQuietly(label, phase, { retries: options.retries, quietWait: options.quietWait });

    /** (a) runs: autocannon against the running server, with the CPU of each of its processes. */
    const measureApi = async (tag, processes) => {
      const url = `${server.baseUrl}${pagePath}`;
      const autocannonRun = (duration) =>
        autocannon({ url, connections: options.connections, duration, headers: { authorization: `Bearer ${token}` } });
      const title = `SERVER_PROCESSES=${processes}${processes > 1 ? ` (node:cluster, ${processes} workers)` : ''}`;
      section(`(${tag}) API, ${title}: autocannon, ${options.connections} connections, ${seconds} s (+${options.warmup} s warm-up)`);
      const measured = await quietly(`run (${tag})`, async () => {
        await autocannonRun(options.warmup);
        const workers = server.workers();
        const cpu = cpuSplit({ 'bench (autocannon)': 'self', server: { tree: server.pid }, mariadbd: mariadbPid });
        const perProcess = cpuSplit(Object.fromEntries([['primary', server.pid], ...workers.map((pid) => [`worker ${pid}`, pid])]));
        const result = await autocannonRun(seconds);
        return { result, cpu: cpu.stop(), perProcess: perProcess.stop() };
      });
      const run = measured.result;
      if (run.errors > 0 || run.timeouts > 0 || run.non2xx > 0) {
        throw new Error(`API run (${tag}) had ${run.errors} errors, ${run.timeouts} timeouts, ${run.non2xx} non-2xx answers`);
      }
      const rps = run['2xx'] / run.duration;
      console.log(`${fmt.int(run['2xx'])} answers in ${run.duration.toFixed(1)} s · ${describeCpu(measured.cpu)}${measured.attempts > 1 ? ` (attempt ${measured.attempt} of ${measured.attempts}, the least disturbed)` : ''}`);
      if (processes > 1) {
        const { other: _machine, ...each } = measured.perProcess.seconds;
        console.log(`server processes: ${Object.entries(each).map(([name, sec]) => `${name} ${fmt.n(sec ?? NaN, 1)} s`).join(' · ')}`);
        const workerSeconds = Object.entries(each).filter(([name]) => name.startsWith('worker')).map(([, sec]) => sec ?? 0);
        const mean = workerSeconds.reduce((sum, sec) => sum + sec, 0) / Math.max(1, workerSeconds.length);
        // Round-robin hands the 16 connections out evenly; a worker with (almost) no CPU served nothing.
        if (workerSeconds.length < processes || workerSeconds.some((sec) => sec < mean * 0.1)) {
          throw new Error(`the load did not reach all ${processes} workers (${workerSeconds.map((sec) => sec.toFixed(1)).join(' / ')} s of CPU)`);
        }
      }
      return {
        row: { name: `(${tag}) API GET /api/v1/tickets, ${processes} process${processes > 1 ? 'es' : ''}`, rps, p50: run.latency.p50, p99: run.latency.p99, n: run['2xx'], cpu: measured.cpu },
        run,
        rps,
        cpu: measured.cpu,
        processes,
      };
    };

    // The configuration the verdict is about runs with options.processes; with more than one, the single
    // process is measured first for comparison, then the server restarts as a cluster on the same data.
    /** @type {Awaited<ReturnType<typeof measureApi>> | null} */
    let single = null;
    if (options.processes > 1) {
      single = await measureApi('a1', 1);
      await server.stop();
      server = null;
      server = await startServer({ env: serverEnv(options.processes), logFile: path.join(dataDir, 'server-cluster.log') });
      console.log(`\nserver restarted: pid ${server.pid}, SERVER_PROCESSES=${options.processes}, workers ${server.workers().join(', ')} (log ${server.logFile})`);
      const again = checkPage(await apiJson(`${server.baseUrl}${pagePath}`, { token }), /** @type {any[]} */ (rawRows));
      if (again.length > 0) throw new Error(`the clustered server's page is wrong:\n  ${again.join('\n  ')}`);
    }
    const api = await measureApi('a', options.processes);
    results.push(api.row);
    if (single) results.push(single.row);

    section(`(b) raw SQL: one statement via mysql2 pool, ${options.connections} in flight, ${seconds} s (+${options.warmup} s warm-up)`);
    const rawOp = () => pool.query(rawSql, rawParams);
    const rawRun = await quietly('run (b)', async () => {
      await runClosedLoop({ concurrency: options.connections, durationMs: options.warmup * 1000, op: rawOp });
      const cpu = cpuSplit({ 'bench (mysql2)': 'self', server: { tree: server.pid }, mariadbd: mariadbPid });
      const result = await runClosedLoop({ concurrency: options.connections, durationMs: seconds * 1000, op: rawOp });
      return { result, cpu: cpu.stop() };
    });
    const raw = rawRun.result;
    const rawCpu = rawRun.cpu;
    if (raw.errors > 0) throw new Error(`raw SQL run had ${raw.errors} errors, first: ${raw.firstError}`);
    const rawRps = raw.ok / (raw.elapsedMs / 1000);
    results.push({ name: '(b) raw SQL, one statement', rps: rawRps, p50: percentile(raw.latenciesMs, 50), p99: percentile(raw.latenciesMs, 99), n: raw.ok, cpu: rawCpu });
    console.log(`${fmt.int(raw.ok)} queries in ${(raw.elapsedMs / 1000).toFixed(1)} s · ${describeCpu(rawCpu)}${rawRun.attempts > 1 ? ` (attempt ${rawRun.attempt} of ${rawRun.attempts}, the least disturbed)` : ''}`);

    if (!('unavailable' in orm)) {
      section(`(c) diagnostic: server's TicketsRepository.list() in this process, ${options.connections} in flight, ${options.ormDuration} s`);
      const ormOp = () => orm.repository.list({ departmentId: department.id, status: STATUS, limit: PAGE + 1 });
      const ormMeasured = await quietly('run (c)', async () => {
        await runClosedLoop({ concurrency: options.connections, durationMs: Math.min(3, options.warmup) * 1000, op: ormOp });
        const cpu = cpuSplit({ 'bench (repository)': 'self', server: { tree: server.pid }, mariadbd: mariadbPid });
        const result = await runClosedLoop({ concurrency: options.connections, durationMs: options.ormDuration * 1000, op: ormOp });
        return { result, cpu: cpu.stop() };
      });
      await orm.close();
      const ormRun = ormMeasured.result;
      if (ormRun.errors > 0) throw new Error(`repository run had ${ormRun.errors} errors, first: ${ormRun.firstError}`);
      results.push({ name: `(c) TicketsRepository.list() in-process (${ormStatements.length} stmt)`, rps: ormRun.ok / (ormRun.elapsedMs / 1000), p50: percentile(ormRun.latenciesMs, 50), p99: percentile(ormRun.latenciesMs, 99), n: ormRun.ok, cpu: ormMeasured.cpu });
      console.log(`${fmt.int(ormRun.ok)} pages in ${(ormRun.elapsedMs / 1000).toFixed(1)} s · ${describeCpu(ormMeasured.cpu)}${ormMeasured.attempts > 1 ? ` (attempt ${ormMeasured.attempt} of ${ormMeasured.attempts}, the least disturbed)` : ''}`);
    }

    // 6. Diagnostics on a second server instance: exact statements per request (through a counting
    //    proxy), what MariaDB is busy with under load, and a CPU profile of the server. Not measured.
    /** @type {any} */
    let diagnosis = null;
    if (options.profile) {
      await server.stop();
      server = null;
      diagnosis = await diagnose({
        token,
        env: serverEnv(1),
        dataDir,
        databaseUrl,
        admin,
        database: options.database,
        connections: options.connections,
        status: STATUS,
        section,
        track: (running) => {
          server = running;
        },
      });
    }

    // 7. Results and verdict. ------------------------------------------------------------------------------
    section('Results');
    printTable(
      ['run', 'req/s', 'p50 ms', 'p99 ms', 'count', 'CPU s: bench / server / mariadbd / other'],
      results.map((r) => {
        const s = Object.values(r.cpu.seconds).map((v) => (v === null ? 'n/a' : v.toFixed(1)));
        return [r.name, fmt.n(r.rps, 0), fmt.n(r.p50, 2), fmt.n(r.p99, 2), fmt.int(r.n), s.join(' / ')];
      }),
    );
    const mariaCpuPerRawMs = ((rawCpu.seconds.mariadbd ?? NaN) * 1000) / raw.ok;
    const perRequest = (measured) => {
      const ratio = measured.rps / rawRps;
      const serverMs = ((measured.cpu.seconds.server ?? NaN) * 1000) / measured.run['2xx'];
      const mariaMs = ((measured.cpu.seconds.mariadbd ?? NaN) * 1000) / measured.run['2xx'];
      console.log(
        `SERVER_PROCESSES=${measured.processes}: ratio API ÷ raw req/s ${ratio.toFixed(3)} · CPU per API request: server ${serverMs.toFixed(2)} ms + MariaDB ${mariaMs.toFixed(2)} ms`,
      );
      return ratio;
    };
    console.log('');
    const ratio = perRequest(api);
    if (single) perRequest(single);
    console.log(`per raw query: MariaDB ${mariaCpuPerRawMs.toFixed(2)} ms, bench (mysql2 client) ${(((rawCpu.seconds['bench (mysql2)'] ?? NaN) * 1000) / raw.ok).toFixed(2)} ms`);
    if (diagnosis) console.log(`statements per API request: ${diagnosis.perRequest.toFixed(2)} (raw: 1)`);
    const others = results.map((r) => r.cpu.seconds.other / r.cpu.wallSeconds).filter(Number.isFinite);
    if (others.some((share) => share > 0.15)) {
      console.log(`WARNING: other processes used up to ${(Math.max(...others) * 100).toFixed(0)}% of a core during a run: the figures are disturbed; rerun on a quiet machine`);
    }
    console.log(`machine: ${cores} cores shared by load generator, server and MariaDB (not separate machines)`);
    console.log(
      `measured configuration: SERVER_PROCESSES=${options.processes}${options.processes > 1 ? ` (node:cluster workers sharing the port; SERVER_PROCESSES=1 shown for comparison)` : ''}`,
    );
    const p99 = api.run.latency.p99;
    const met = p99 <= TARGET_P99_MS && ratio >= TARGET_RATIO;
    console.log(
      `\nVERDICT inbox: ${met ? 'MET' : 'MISSED'} — SERVER_PROCESSES=${options.processes}: API p99 ${fmt.n(p99, 1)} ms (target ≤ ${TARGET_P99_MS}) ${p99 <= TARGET_P99_MS ? 'ok' : 'MISSED'}, ` +
        `ratio ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'ok' : 'MISSED'}; API ${fmt.n(api.rps, 0)} req/s vs raw ${fmt.n(rawRps, 0)} req/s`,
    );
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/** What is wrong with the API's first page, compared with the raw query's rows (empty when right). */
function checkPage(page, rawRows) {
  const problems = [];
  if (!page || !Array.isArray(page.items)) return ['no items array in the answer'];
  if (page.items.length !== PAGE) problems.push(`${page.items.length} items, expected ${PAGE}`);
  if (!page.nextCursor) problems.push('no nextCursor although the inbox has more tickets');
  for (const item of page.items) {
    if (item.status !== STATUS) problems.push(`item ${item.ticketNo} has status ${item.status}`);
    if (item.department?.code !== BIG_DEPARTMENT_CODE) problems.push(`item ${item.ticketNo} belongs to ${item.department?.code}`);
  }
  for (let i = 1; i < page.items.length; i++) {
    if ((page.items[i - 1].resolveBy ?? '') > (page.items[i].resolveBy ?? '')) problems.push(`items ${i - 1} and ${i} are not in deadline order`);
  }
  const apiIds = page.items.map((item) => item.id).join(',');
  const rawIds = rawRows.slice(0, PAGE).map((row) => row.t_id).join(',');
  if (apiIds !== rawIds) problems.push(`ids differ from the raw query's page:\n    api ${apiIds}\n    raw ${rawIds}`);
  return problems.slice(0, 10);
}

const started = performance.now();
main()
  .catch((error) => {
    failed = true;
    console.error(`\nFAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (server) console.error(`last lines of the server log:\n${tail(server.logFile, 20)}`);
  })
  .finally(async () => {
    await cleanup();
    console.log(`\n(bench ran ${fmt.duration(performance.now() - started)}${options.keep ? `; kept database ${options.database} and ${dataDir}` : '; scratch database dropped'})`);
    process.exit(failed ? 1 : 0);
  });
