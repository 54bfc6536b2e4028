#!/usr/bin/env node
// Intake benchmark (issue 4, "Proof"): on MariaDB with 1,000,000 existing tickets, in one run and on one
// server process,
//   (a) POST /api/v1/reports through the whole pipeline (filters → classify → dedupe → route → open the
//       ticket or merge), every report with one pre-uploaded photo of its resident;
//   (b) POST /api/v1/bench/bare, a route mounted for the bench only (same guard, same ValidationPipe with
//       the same DTO and body) that inserts one row;
// both with autocannon, 32 connections; prints req/s, p50/p99 of both, the ratio (a) ÷ (b), the CPU
// split, statements per request and a CPU profile of (a). Target: ratio ≥ 0.35 and (a) p99 ≤ 60 ms.
//
//   node tools/bench/intake/run.mjs [--tickets 1000000] [--duration 20] [--connections 32] [--keep] [--reuse]
//
// Exits non-zero when something failed (server, SQL, a 5xx, a lost or doubled report); a missed target
// prints MISSED and exits 0.
import mysql from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { cpuSplit, describeCpu, fmt, measureQuietly, parseArgs, pidByName, printTable } from '../lib/measure.mjs';
import { ensureServerBuilt, startServer, tail } from '../lib/server.mjs';
import { loadBenchTickets, prepareReference, prng } from '../inbox/seed.mjs';
import { makeTestJpeg } from '../upload/make-jpeg.mjs';
import { BENCH_TABLE, BENCH_TABLE_DDL } from './bench.module.mjs';
import { bulkPhotos, corpusLines, loginResidents, recentTickets, reportBodies, seedHistory, uploadTemplatePhoto } from './fixtures.mjs';
import { answerTally, bodySource, checkPipelineRows, describeStatuses, loadRun, sendSample } from './load.mjs';
import { diagnose } from './diagnose.mjs';
import { migrateWithForeignKeyChecksOff } from './schema.mjs';
import { benchScratch } from '../lib/scratch.mjs';

const TARGET_RATIO = 0.35;
const TARGET_P99_MS = 60;
const LAUNCHER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'launcher.mjs');
const REPORTS_PATH = '/api/v1/reports';
const BARE_PATH = '/api/v1/bench/bare';

const options = parseArgs(process.argv.slice(2), {
  tickets: 1_000_000,
  departments: 60,
  residents: 2000,
  history: 20_000,
  photos: 80_000,
  nearShare: 0.04,
  duration: 20,
  warmup: 5,
  connections: 32,
  sample: 200,
  mysqlUrl: 'mysql://root@127.0.0.1:3306',
  database: 'ssp_bench_intake',
  seed: 42,
  chunk: 50_000,
  parallel: 2,
  deferIndexes: true,
  keep: false,
  reuse: false,
  profile: true,
  profileSeconds: 8,
  quietWait: 120,
  retries: 1,
  processes: 1,
  rounds: 2,
});

/** @type {import('../lib/server.mjs').RunningServer | null} */
let server = null;
/** @type {mysql.Pool | null} */
let admin = null;
// Whatever happens, stop the server we started and drop the scratch database (unless --keep).
const { databaseUrl, dataDir, cleanup } = benchScratch(options, 'ssp-bench-intake-', () => ({ server, admin }));
let failed = false;

/**
 * The server's configuration for the bench. Limits that would refuse or hold the bench's own traffic are
 * raised: 2,000 residents send far more than 10 reports an hour each in a run, and the corpus repeats
 * texts across residents, which the same-text check would otherwise send to review.
 */
const serverEnv = () => ({
  DATABASE_URL: databaseUrl,
  DATA_DIR: dataDir,
  SEED_ON_START: 'true',
  SEED_DEMO_ACCOUNTS: 'true',
  AUTH_DEV_LOGIN: 'true',
  REPORTS_PER_HOUR: '10000',
  REPORTS_PER_DAY: '100000',
  SAME_TEXT_REVIEW_USERS: '1000',
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  SLA_CHECK: 'off',
  STATS_ROLLUP_SECONDS: '0',
  LOG_FORMAT: 'json',
  // A fixed secret so tokens survive the restart for the diagnosis instance.
  JWT_SECRET: 'bench-intake-secret-0123456789abcdef',
  // Diagnosis: the launcher's event-loop and GC lines (launcher.mjs watchStalls) in the server log.
  ...(process.env.BENCH_STALLS ? { BENCH_STALLS: process.env.BENCH_STALLS } : {}),
});

const startBenchServer = (logName, extra = {}) =>
  startServer({ env: { ...serverEnv(), ...(extra.env ?? {}) }, logFile: path.join(dataDir, logName), entry: LAUNCHER, nodeArgs: extra.nodeArgs ?? [] });

function section(title) {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 96 - title.length))}`);
}

async function prepareDatabase(pool) {
  const [existing] = await admin.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [options.database]);
  if (options.reuse && /** @type {any[]} */ (existing).length > 0) {
    const [[count]] = /** @type {any} */ (await admin.query(`SELECT COUNT(*) AS n FROM \`${options.database}\`.tickets`));
    if (Number(count.n) >= options.tickets) {
      console.log(`--reuse: ${options.database} already holds ${fmt.int(Number(count.n))} tickets, skipping the load`);
      return;
    }
    console.log(`--reuse: only ${count.n} tickets, reloading`);
  }
  section('Seeding');
  await admin.query(`DROP DATABASE IF EXISTS \`${options.database}\``);
  await admin.query(`CREATE DATABASE \`${options.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const t = performance.now();
  const migrations = await migrateWithForeignKeyChecksOff(databaseUrl);
  console.log(`server migrations applied by the bench with foreign_key_checks off (see schema.mjs): ${migrations.join(', ')}`);
  server = await startBenchServer('server-seed.log');
  await server.stop();
  server = null;
  console.log(`migrations + the server's reference seed: ${fmt.duration(performance.now() - t)}`);
  const loaded = await loadBenchTickets(pool, { ...options, log: (line) => console.log(line) });
  console.log(
    `loaded ${fmt.int(loaded.loadResult.loaded)} tickets in ${fmt.duration(loaded.loadResult.elapsedMs)}` +
      `${loaded.indexTimings ? `, rebuilt ${loaded.indexTimings.indexes.length} indexes in ${fmt.duration(loaded.indexTimings.buildMs)} (schema identical afterwards)` : ''}` +
      `, ANALYZE ${fmt.duration(loaded.analyzeMs)}; total ${fmt.duration(loaded.totalMs)}`,
  );
}

async function main() {
  const cores = availableParallelism();
  ensureServerBuilt();
  admin = mysql.createPool({ uri: `${options.mysqlUrl}/`, connectionLimit: 4, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  const [[versionRow]] = /** @type {any} */ (await admin.query('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS bp'));
  section('Intake benchmark');
  console.log(`node ${process.version} · ${cores} cores · MariaDB ${versionRow.v} (buffer pool ${(versionRow.bp / 1048576).toFixed(0)} MB) · database ${options.database}`);
  console.log(`NOTE: the load generator (this process), the server and MariaDB share these ${cores} cores: every figure below`);
  console.log('      includes that contention; the CPU split per phase shows who used what.');
  console.log('server config for the bench: REPORTS_PER_HOUR=10000 REPORTS_PER_DAY=100000 SAME_TEXT_REVIEW_USERS=1000 (so the');
  console.log('      limits do not refuse or hold the bench’s own traffic), AUTH_DEV_LOGIN=true, LOG_LEVEL=warn');

  const pool = mysql.createPool({ uri: databaseUrl, connectionLimit: 8, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  try {
    await prepareDatabase(pool);
    const reference = await prepareReference(pool, options.departments, prng(options.seed));
    await pool.query(`DROP TABLE IF EXISTS \`${BENCH_TABLE}\``);
    await pool.query(BENCH_TABLE_DDL);

    section('Server and fixtures');
    server = await startBenchServer('server.log', { env: { SERVER_PROCESSES: String(options.processes) } });
    console.log(`server pid ${server.pid} at ${server.baseUrl}, SERVER_PROCESSES=${options.processes}${options.processes > 1 ? ` (node:cluster workers ${server.workers().join(', ')})` : ''} (launcher ${path.relative(process.cwd(), LAUNCHER)}, log ${server.logFile})`);
    const now = Date.now();
    let t = performance.now();
    const residents = await loginResidents(server.baseUrl, options.residents);
    console.log(`${fmt.int(residents.length)} residents logged in with POST /api/v1/auth/dev in ${fmt.duration(performance.now() - t)}`);
    t = performance.now();
    const jpeg = await makeTestJpeg({ width: 1600, height: 1200, quality: 90 });
    const template = await uploadTemplatePhoto(pool, { baseUrl: server.baseUrl, token: residents[0].token, jpeg });
    const added = await seedHistory(pool, { residents, count: options.history, storage: template, seed: options.seed, now });
    console.log(
      added > 0
        ? `history: ${fmt.int(added)} earlier reports of the bench residents (last 30 days, each the opening report of a ticket, one attached photo each) in ${fmt.duration(performance.now() - t)}`
        : `history: ${fmt.int(options.history)} earlier reports of the bench residents already there`,
    );
    t = performance.now();
    const runTag = `bi${randomBytes(4).toString('hex')}`;
    const photoIds = await bulkPhotos(pool, { template, residents, count: options.photos, seed: options.seed + now, now });
    console.log(
      `pre-upload: one ${fmt.int(jpeg.length)}-byte JPEG through POST /api/v1/photos (stored ${template.width}×${template.height}, ${fmt.int(template.sizeBytes)} bytes), ` +
        `then ${fmt.int(photoIds.length)} unattached photo rows like it in bulk, one per report to send (${fmt.duration(performance.now() - t)})`,
    );

    const [categoryRows] = await pool.query('SELECT code FROM categories WHERE active = 1 AND parentId IS NOT NULL');
    const lines = corpusLines(new Set(/** @type {any[]} */ (categoryRows).map((row) => row.code)));
    const nearTickets = await recentTickets(pool, { days: 6, limit: 3000, now, openOnly: true });
    const bodies = reportBodies({ count: photoIds.length, residents, photoIds, lines, districts: reference.districts, nearTickets, nearShare: options.nearShare, runTag, seed: options.seed + now });
    const withCategory = bodies.filter((b) => b.body.categoryCode).length;
    console.log(
      `report bodies: ${fmt.int(bodies.length)} (clientRequestId ${runTag}-k), texts from ${fmt.int(lines.length)} corpus lines, ${((withCategory / bodies.length) * 100).toFixed(0)}% with categoryCode, ` +
        `${(options.nearShare * 100).toFixed(0)}% within 25 m of one of ${fmt.int(nearTickets.length)} open tickets of the last 6 days; mean ${fmt.int(bodies.reduce((sum, b) => sum + b.buffer.length, 0) / bodies.length)} bytes`,
    );

    // Checks before measuring: the bare route is guarded and validated like the real one; a sample of
    // pipeline answers is 201 with the outcomes a resident expects.
    section('Checks');
    const reportsSource = bodySource(bodies);
    const bareSource = bodySource(bodies, { reuse: true });
    await checkBareRoute(pool, server.baseUrl, bodies[bodies.length - 1], residents[0]);
    const sampleTally = answerTally();
    await sendSample({ baseUrl: server.baseUrl, path: REPORTS_PATH, source: reportsSource, count: options.sample, parallel: 8, tally: sampleTally });
    const sampleOutcomes = [...sampleTally.outcomes.entries()].map(([outcome, n]) => `${outcome} ${n}`).join(', ');
    console.log(`pipeline sample: ${options.sample} reports → ${describeStatuses(sampleTally.statuses)}; outcomes: ${sampleOutcomes}`);
    if ((sampleTally.statuses.get(201) ?? 0) !== options.sample) throw new Error(`the sample was not all 201: ${describeStatuses(sampleTally.statuses)} ${sampleTally.samples.join(' | ')}`);
    const expected = (sampleTally.outcomes.get('accepted') ?? 0) + (sampleTally.outcomes.get('merged') ?? 0);
    if (expected < options.sample * 0.9) throw new Error(`only ${expected} of ${options.sample} sample reports were accepted or merged (${sampleOutcomes})`);

    // Measurements: (a) the pipeline, (b) the bare route, each after its warm-up, alternating for
    // --rounds rounds (a b a b …) so that a machine whose speed drifts during the run weighs on both.
    const mariadbPid = pidByName('mariadbd') ?? pidByName('mysqld');
    const quietly = (label, phase) => measureQuietly(label, phase, { retries: options.retries, quietWait: options.quietWait });
    const routes = [
      ['pipeline', '(a) POST /api/v1/reports, whole pipeline', REPORTS_PATH, reportsSource],
      ['bare', '(b) POST /api/v1/bench/bare, one INSERT', BARE_PATH, bareSource],
    ];
    const runs = Object.fromEntries(routes.map(([key, label]) => [key, { label, tally: answerTally(), rounds: [] }]));
    for (let round = 1; round <= Math.max(1, options.rounds); round++) for (const [key, label, routePath, source] of routes) {
      section(`${label}, round ${round}: autocannon, ${options.connections} connections, ${options.duration} s (+${options.warmup} s warm-up)`);
      const { tally } = runs[key];
      const measured = await quietly(label.slice(0, 3), async () => {
        await loadRun({ baseUrl: server.baseUrl, path: routePath, source, connections: options.connections, seconds: options.warmup, tally });
        const cpu = cpuSplit({ 'bench (autocannon)': 'self', server: { tree: server.pid }, mariadbd: mariadbPid });
        const result = await loadRun({ baseUrl: server.baseUrl, path: routePath, source, connections: options.connections, seconds: options.duration, tally });
        return { result, cpu: cpu.stop() };
      });
      const { result, cpu } = measured;
      console.log(`${fmt.int(result['2xx'])} answers in ${result.duration.toFixed(1)} s · ${describeCpu(cpu)}${measured.attempts > 1 ? ` (attempt ${measured.attempt} of ${measured.attempts}, the least disturbed)` : ''}`);
      console.log(`all answers of this route so far (warm-ups included): ${describeStatuses(tally.statuses)}`);
      const bad = [...tally.statuses.keys()].filter((status) => status !== 201);
      if (result['2xx'] === 0) throw new Error(`${label}: the server answered nothing in ${options.duration} s (stuck? see ${server.logFile})`);
      if (bad.length > 0 || result.errors > 0 || result.timeouts > 0) {
        throw new Error(`${label}: ${result.errors} errors, ${result.timeouts} timeouts, answers ${describeStatuses(tally.statuses)} ${tally.samples.join(' | ')}`);
      }
      runs[key].rounds.push({ result, cpu, rps: result['2xx'] / result.duration });
    }

    section('Database after the runs');
    const answeredIds = [...sampleTally.ids, ...runs.pipeline.tally.ids];
    const pipelineCheck = await checkPipelineRows(pool, { runTag, answeredIds, issued: reportsSource.issued });
    console.log(`reports of this run: ${fmt.int(pipelineCheck.reports)} in the database, ${fmt.int(pipelineCheck.answered)} answered 201, ${fmt.int(reportsSource.issued)} handed to the load generator (the difference is requests in flight when a run stopped)`);
    console.log(`outcomes stored: ${pipelineCheck.mix.map((row) => `${row.outcome} ${fmt.int(Number(row.n))}`).join(', ')}`);
    const [[bareRows]] = /** @type {any} */ (await pool.query(`SELECT COUNT(*) AS n FROM \`${BENCH_TABLE}\``));
    const bareAnswered = runs.bare.tally.statuses.get(201) ?? 0;
    console.log(`bench_rows: ${fmt.int(Number(bareRows.n))} rows, ${fmt.int(bareAnswered)} answered 201 (+1 from the route check)`);
    const bareLost = Number(bareRows.n) - 1 < bareAnswered;
    const bareDoubled = Number(bareRows.n) - 1 > bareSource.issued;
    if (pipelineCheck.problems.length > 0 || bareLost || bareDoubled) {
      throw new Error(`the database does not match the answers:\n  ${[...pipelineCheck.problems, ...(bareLost ? ['bench_rows lost rows'] : []), ...(bareDoubled ? ['bench_rows has more rows than requests'] : [])].join('\n  ')}`);
    }
    console.log('consistent: every answered report is stored once with its photo attached; accepted ones opened distinct tickets, merged ones joined theirs');

    const diagnosis = options.profile
      ? await diagnose({ startBenchServer, stopMain: async () => { await server.stop(); server = null; }, setServer: (s) => (server = s), admin, databaseUrl, dataDir, database: options.database, reportsSource, bareSource, connections: options.connections, seconds: options.profileSeconds, section })
      : null;

    printResults(runs, diagnosis, cores);
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/** The bare route refuses a caller without a token and an invalid body, and stores a valid one. */
async function checkBareRoute(pool, baseUrl, body, resident) {
  const post = (headers, payload) => fetch(`${baseUrl}${BARE_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
  const anonymous = await post({}, body.buffer);
  const invalid = await post({ authorization: `Bearer ${resident.token}` }, JSON.stringify({ ...body.body, extra: 1, location: { lat: 99 } }));
  const valid = await post({ authorization: `Bearer ${resident.token}` }, body.buffer);
  const answer = await valid.json();
  const [[row]] = /** @type {any} */ (await pool.query(`SELECT userId, body FROM \`${BENCH_TABLE}\` WHERE id = ?`, [answer.id ?? '']));
  const problems = [
    anonymous.status === 401 ? '' : `without a token → ${anonymous.status} (401 expected: the route must not be public)`,
    invalid.status === 400 ? '' : `invalid body → ${invalid.status} (400 expected: the ValidationPipe must check CreateReportDto)`,
    valid.status === 201 ? '' : `valid body → ${valid.status}`,
    row?.userId === resident.id && JSON.parse(row.body).clientRequestId === body.body.clientRequestId ? '' : 'the row was not stored with the caller and the body',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`bare route: ${problems.join('; ')}`);
  console.log('bare route: 401 without a token, 400 for an invalid body (CreateReportDto validated), 201 and one stored row for a valid one');
}

/** A route's rounds together: req/s over all of them, the worst p99, CPU summed. */
function combined(route) {
  const answers = route.rounds.reduce((sum, r) => sum + r.result['2xx'], 0);
  const seconds = route.rounds.reduce((sum, r) => sum + r.result.duration, 0);
  const cpu = (name) => route.rounds.reduce((sum, r) => sum + (r.cpu.seconds[name] ?? NaN), 0);
  return { answers, rps: answers / seconds, p99: Math.max(...route.rounds.map((r) => r.result.latency.p99)), serverMs: (cpu('server') * 1000) / answers, mariadbMs: (cpu('mariadbd') * 1000) / answers };
}

function printResults(runs, diagnosis, cores) {
  section('Results');
  const { pipeline, bare } = runs;
  const rows = [];
  for (const route of [pipeline, bare]) {
    route.rounds.forEach((r, index) => {
      const s = Object.values(r.cpu.seconds).map((v) => (v === null ? 'n/a' : v.toFixed(1)));
      rows.push([`${route.label} #${index + 1}`, fmt.n(r.rps, 0), fmt.n(r.result.latency.p50, 1), fmt.n(r.result.latency.p99, 1), fmt.int(r.result['2xx']), s.join(' / '), `${fmt.n(((r.cpu.seconds.server ?? NaN) * 1000) / r.result['2xx'], 2)} ms`]);
    });
  }
  printTable(['run', 'req/s', 'p50 ms', 'p99 ms', 'count', 'CPU s: bench / server / mariadbd / other', 'server CPU/req'], rows);
  const [a, b] = [combined(pipeline), combined(bare)];
  const ratio = a.rps / b.rps;
  const perRound = pipeline.rounds.map((r, index) => (r.rps / bare.rounds[index].rps).toFixed(3));
  console.log(`\nratio pipeline ÷ bare req/s over all rounds: ${ratio.toFixed(3)} (round by round: ${perRound.join(', ')})`);
  for (const [route, total] of [[pipeline, a], [bare, b]]) {
    console.log(`CPU per request, ${route.label.slice(0, 3)}: server ${fmt.n(total.serverMs, 2)} ms + MariaDB ${fmt.n(total.mariadbMs, 2)} ms`);
  }
  if (diagnosis) console.log(`statements per request: pipeline ${diagnosis.pipelineStatements.toFixed(1)}, bare ${diagnosis.bareStatements.toFixed(1)}`);
  const others = [pipeline, bare].flatMap((route) => route.rounds.map((r) => r.cpu.seconds.other / r.cpu.wallSeconds)).filter(Number.isFinite);
  if (others.some((share) => share > 0.15)) {
    console.log(`WARNING: other processes used up to ${(Math.max(...others) * 100).toFixed(0)}% of a core during a run: the figures are disturbed; rerun on a quiet machine`);
  }
  console.log(`machine: ${cores} cores shared by load generator, server and MariaDB (not separate machines)`);
  const met = ratio >= TARGET_RATIO && a.p99 <= TARGET_P99_MS;
  console.log(
    `\nVERDICT ratio ≥ ${TARGET_RATIO} and p99 ≤ ${TARGET_P99_MS} ms: ${met ? 'MET' : 'MISSED'} — ratio ${ratio.toFixed(2)} ${ratio >= TARGET_RATIO ? 'ok' : 'MISSED'}, ` +
      `pipeline p99 (worst round) ${fmt.n(a.p99, 1)} ms ${a.p99 <= TARGET_P99_MS ? 'ok' : 'MISSED'}; pipeline ${fmt.n(a.rps, 0)} req/s vs bare ${fmt.n(b.rps, 0)} req/s`,
  );
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
