#!/usr/bin/env node
// Faults under load (issue 7, "Faults"): the built server on a MariaDB of this run's own, residents
// submitting reports in closed loops, every department's webhook pointed at a local receiver, and then
//   db-restart   — mariadbd is killed (SIGKILL) and started again after --outage seconds;
//   server-kill  — the server is killed (SIGKILL) mid-load and started again at once;
//   disk-full    — photos are stored on a tmpfs of --disk-mb megabytes (needs root to mount it) that fills
//                  up under uploads, then gets room again.
// Residents retry a failed submission with the same clientRequestId, as the app does. Afterwards it checks
// what a city needs to hold: every report that got a 2xx is in the database exactly once, no ticket
// without its opening event or its report, no report pointing at a missing ticket, every outbox message
// delivered (the receiver saw every ticket); for db-restart also that failures came fast as 503 and the
// server served again within 5 s of the database coming back; for disk-full that a full disk is a fast
// 503, that every photo row has both its files whole and every file its row, no temporary file is left,
// and that uploads work again once there is room.
//
//   node tools/chaos/run.mjs [--scenario db-restart,server-kill,disk-full] [--clients 16] [--before 8] [--outage 5]
//                            [--after 10] [--drain 30] [--disk-mb 4] [--keep]
//
// Exits 1 when a check fails (and prints which), 0 when every check holds.
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';
import { fmt, parseArgs, percentile, sleep } from '../bench/lib/measure.mjs';
import { ensureServerBuilt, freePort, startServer } from '../bench/lib/server.mjs';
import { makeTestJpeg } from '../bench/upload/make-jpeg.mjs';
import { integrityCounts } from '../bench/lib/integrity.mjs';
import { startPrivateMariadb } from './private-mariadb.mjs';

const options = parseArgs(process.argv.slice(2), {
  scenario: 'db-restart,server-kill,disk-full',
  clients: 16,
  before: 8,
  outage: 5,
  after: 10,
  drain: 30,
  diskMb: 4,
  keep: false,
});
const RECOVERY_TARGET_S = 5;
const FAIL_FAST_MS = 1000;
const REQUEST_TIMEOUT_MS = 10_000;
const DESCRIPTIONS = ['井盖松动，车一压就响', '路灯不亮好几天了', '人行道地砖翘起来了', '垃圾桶满了没人清', '路边有一摊积水', '绿化带里的树倒了'];

const scenarios = String(options.scenario).split(',').map((name) => name.trim());
for (const name of scenarios) if (!['db-restart', 'server-kill', 'disk-full'].includes(name)) throw new Error(`unknown scenario ${name}`);

ensureServerBuilt();
const failed = [];
for (const scenario of scenarios) {
  console.log(`\n== ${scenario} ${'='.repeat(80 - scenario.length)}`);
  const problems = await runScenario(scenario);
  if (problems.length > 0) failed.push(...problems.map((problem) => `${scenario}: ${problem}`));
}
console.log(failed.length === 0 ? '\nVERDICT faults: every check held' : `\nVERDICT faults: FAILED\n${failed.map((line) => `  - ${line}`).join('\n')}`);
process.exit(failed.length === 0 ? 0 : 1);

/** @param {string} scenario @returns {Promise<string[]>} what did not hold */
async function runScenario(scenario) {
  const dir = mkdtempSync(path.join(tmpdir(), `ssp-chaos-${scenario}-`));
  const database = await startPrivateMariadb(dir);
  const receiver = await startReceiver();
  const port = await freePort();
  const env = {
    DATABASE_URL: database.url,
    DATA_DIR: path.join(dir, 'data'),
    PORT: String(port),
    JWT_SECRET: 'chaos-run-secret-0123456789abcdef0123',
    SEED_ON_START: 'true',
    AUTH_DEV_LOGIN: 'true',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    REPORTS_PER_HOUR: '10000',
    REPORTS_PER_DAY: '100000',
    SAME_TEXT_REVIEW_USERS: '1000',
    OUTBOX_POLL_MS: '100',
    OUTBOX_BACKOFF_BASE_MS: '200',
    OUTBOX_BACKOFF_MAX_MS: '1000',
    OUTBOX_MAX_ATTEMPTS: '100',
    WEBHOOK_TIMEOUT_MS: '1000',
    OUTBOX_LEASE_MS: '5000',
    SLA_CHECK: 'off',
    STATS_ROLLUP_SECONDS: '0',
  };
  const logFile = path.join(dir, 'server.log');
  const photosDir = path.join(env.DATA_DIR, 'photos');
  let mounted = false;
  /** @type {import('../bench/lib/server.mjs').RunningServer | null} */
  let server = null;
  /** A pool, not one connection: the tool's own connection dies with the database too. */
  /** @type {mysql.Pool | null} */
  let sql = null;
  try {
    if (scenario === 'disk-full') {
      mkdirSync(photosDir, { recursive: true });
      const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${options.diskMb}m`, 'tmpfs', photosDir], { encoding: 'utf8' });
      if (mount.status !== 0) throw new Error(`disk-full needs a tmpfs for the photos (run as root): ${mount.stderr}`);
      mounted = true;
    }
    server = await startServer({ env, logFile });
    sql = mysql.createPool({ uri: database.url, connectionLimit: 2 });
    await sql.query('UPDATE departments SET webhookUrl = ?, webhookSecret = ?', [`${receiver.url}/hook`, 'chaos-webhook-secret-0123456789']);
    const tokens = await Promise.all(
      Array.from({ length: options.clients }, async (_, i) => {
        const answer = await post(server.baseUrl, '/api/v1/auth/dev', { openid: `chaos-${scenario}-${i}` });
        if (answer.status !== 200) throw new Error(`dev login: ${answer.status}`);
        return /** @type {{ accessToken: string }} */ (answer.body).accessToken;
      }),
    );

    if (scenario === 'disk-full') return await diskFull(server.baseUrl, tokens, sql, photosDir);
    const load = startLoad(server.baseUrl, tokens);
    await sleep(options.before * 1000);
    const fault = { at: 0, backAt: 0, readyAt: 0, firstCreatedAt: 0 };
    if (scenario === 'db-restart') {
      fault.at = Date.now();
      await database.crash();
      console.log(`mariadbd killed (SIGKILL) after ${options.before} s of load; down for ${options.outage} s`);
      await sleep(options.outage * 1000);
      await database.restart();
      fault.backAt = Date.now();
      fault.readyAt = await firstReady(server.baseUrl, fault.backAt);
      console.log(`mariadbd accepting connections again; /health/ready 200 after ${fmt.n((fault.readyAt - fault.backAt) / 1000, 2)} s`);
    } else {
      fault.at = Date.now();
      process.kill(server.pid, 'SIGKILL');
      console.log(`server killed (SIGKILL) after ${options.before} s of load; restarting it`);
      while (server.alive()) await sleep(20);
      server = await startServer({ env, logFile });
      fault.backAt = Date.now();
      console.log(`server ready again ${fmt.n((fault.backAt - fault.at) / 1000, 2)} s after the kill`);
    }
    await sleep(options.after * 1000);
    const outcome = await load.stop(options.drain * 1000);
    fault.firstCreatedAt = outcome.attempts.find((attempt) => attempt.ok && attempt.endedAt > fault.backAt)?.endedAt ?? 0;
    const delivered = await drainOutbox(sql, 60_000);
    return await check(scenario, sql, outcome, fault, receiver, delivered);
  } finally {
    await sql?.end().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await database.stop().catch(() => undefined);
    if (mounted) spawnSync('umount', [photosDir]);
    await receiver.close();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

/**
 * Residents in closed loops, each submitting one report after another; a failed submission (a 5xx, a
 * timeout, a refused connection) is sent again with the same body and clientRequestId until it gets
 * an answer, as the app's retry does.
 * @param {string} baseUrl @param {string[]} tokens
 */
function startLoad(baseUrl, tokens) {
  /** @type {Array<{ startedAt: number, endedAt: number, ms: number, status: number | string, ok: boolean, retry: boolean }>} */
  const attempts = [];
  /** @type {Map<string, string>} clientRequestId → report id, for every 2xx */
  const answered = new Map();
  /** @type {string[]} */
  const refused = [];
  let unfinished = 0;
  let stopping = false;
  let drainDeadline = Number.POSITIVE_INFINITY;
  let sequence = 0;

  const resident = async (token, index) => {
    while (!stopping) {
      sequence += 1;
      const body = {
        clientRequestId: `chaos-${index}-${sequence}-${Date.now()}`,
        description: `${DESCRIPTIONS[sequence % DESCRIPTIONS.length]}（第${sequence}次）`,
        location: { lat: 32.0 + ((sequence * 37) % 400) / 10_000, lng: 118.77 + ((sequence * 53) % 300) / 10_000, coordSystem: 'gcj02' },
        photoIds: [],
      };
      for (let attempt = 0; ; attempt += 1) {
        const startedAt = Date.now();
        const t0 = performance.now();
        const answer = await post(baseUrl, '/api/v1/reports', body, token);
        const ok = answer.status === 200 || answer.status === 201;
        attempts.push({ startedAt, endedAt: Date.now(), ms: performance.now() - t0, status: answer.status, ok, retry: attempt > 0 });
        if (ok) {
          answered.set(body.clientRequestId, /** @type {{ id: string }} */ (answer.body).id);
          break;
        }
        if (typeof answer.status === 'number' && answer.status < 500 && answer.status !== 429) {
          refused.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`);
          break;
        }
        if (Date.now() > drainDeadline) {
          unfinished += 1;
          break;
        }
        await sleep(Math.min(1000, 100 * (attempt + 1)));
      }
    }
  };
  const running = tokens.map((token, index) => resident(token, index));
  return {
    async stop(drainMs) {
      stopping = true;
      drainDeadline = Date.now() + drainMs;
      await Promise.all(running);
      return { attempts, answered, refused, unfinished };
    },
  };
}

/** @returns {Promise<{ status: number | string, body: unknown }>} */
async function post(baseUrl, pathname, body, token) {
  try {
    const response = await fetch(`${baseUrl}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed };
  } catch (error) {
    return { status: /** @type {Error} */ (error).name === 'TimeoutError' ? 'timeout' : 'no connection', body: null };
  }
}

async function firstReady(baseUrl, since) {
  const deadline = since + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return Date.now();
    await sleep(50);
  }
  return 0;
}

/** Waits until no outbox message is pending; returns the count by status. */
async function drainOutbox(sql, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [rows] = await sql.query('SELECT status, COUNT(*) AS n FROM outbox_messages GROUP BY status');
    const byStatus = Object.fromEntries(/** @type {any[]} */ (rows).map((row) => [row.status, Number(row.n)]));
    if (!byStatus.pending || Date.now() > deadline) return byStatus;
    await sleep(200);
  }
}

/** A department's webhook endpoint: answers 200 and remembers which tickets it was told about. */
async function startReceiver() {
  const ticketIds = new Set();
  const messageIds = new Set();
  let deliveries = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      deliveries += 1;
      messageIds.add(String(req.headers['x-message-id'] ?? ''));
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (body?.ticket?.id) ticketIds.add(body.ticket.id);
      } catch {
        /* counted, not parsed */
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    ticketIds,
    messageIds,
    deliveries: () => deliveries,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

async function check(scenario, sql, outcome, fault, receiver, delivered) {
  const problems = [];
  const { attempts, answered, refused, unfinished } = outcome;
  const failures = attempts.filter((attempt) => !attempt.ok);
  const byStatus = new Map();
  for (const attempt of attempts) byStatus.set(attempt.status, (byStatus.get(attempt.status) ?? 0) + 1);
  console.log(
    `submissions: ${attempts.length} attempts by ${options.clients} residents, ${answered.size} reports answered 2xx, ` +
      `${attempts.filter((attempt) => attempt.retry).length} retries; answers: ${[...byStatus].map(([status, n]) => `${status} × ${n}`).join(', ')}`,
  );
  if (refused.length > 0) problems.push(`${refused.length} submissions refused with a 4xx: ${refused.slice(0, 3).join(' | ')}`);
  if (unfinished > 0) problems.push(`${unfinished} submissions still failing after the ${options.drain} s drain`);

  const failedMs = failures.map((attempt) => attempt.ms);
  if (failures.length > 0) {
    console.log(`failed attempts: ${failures.length}, answered in p50 ${fmt.n(percentile(failedMs, 50), 0)} ms, p99 ${fmt.n(percentile(failedMs, 99), 0)} ms, max ${fmt.n(Math.max(...failedMs), 0)} ms`);
  }
  if (scenario === 'db-restart') {
    const not503 = failures.filter((attempt) => attempt.status !== 503);
    const slow = failures.filter((attempt) => attempt.ms > FAIL_FAST_MS);
    if (failures.length === 0) problems.push('no submission failed while the database was down: the fault did not bite');
    if (not503.length > 0) problems.push(`${not503.length} failed attempts were not 503: ${[...new Set(not503.map((attempt) => attempt.status))].join(', ')}`);
    if (slow.length > 0) problems.push(`${slow.length} failed attempts took over ${FAIL_FAST_MS} ms (slowest ${fmt.n(Math.max(...slow.map((a) => a.ms)), 0)} ms)`);
    const recoveryS = fault.firstCreatedAt ? (fault.firstCreatedAt - fault.backAt) / 1000 : Number.POSITIVE_INFINITY;
    const readyS = fault.readyAt ? (fault.readyAt - fault.backAt) / 1000 : Number.POSITIVE_INFINITY;
    console.log(`recovery after the database came back: ready in ${fmt.n(readyS, 2)} s, first report accepted in ${fmt.n(recoveryS, 2)} s (target ≤ ${RECOVERY_TARGET_S} s)`);
    if (!(Math.max(readyS, recoveryS) <= RECOVERY_TARGET_S)) problems.push(`recovery took ${fmt.n(Math.max(readyS, recoveryS), 2)} s`);
  } else {
    const inFlight = failures.filter((attempt) => attempt.startedAt <= fault.at + 100 && attempt.endedAt >= fault.at);
    console.log(`attempts cut off by the kill: ${inFlight.length}; first report accepted ${fmt.n((fault.firstCreatedAt - fault.at) / 1000, 2)} s after the kill`);
    if (failures.length === 0) problems.push('no submission failed across the kill: the fault did not bite');
  }

  // Every answered report is stored, once.
  const ids = [...answered.keys()];
  const stored = new Map();
  for (let i = 0; i < ids.length; i += 500) {
    const [rows] = await sql.query('SELECT clientRequestId, id FROM reports WHERE clientRequestId IN (?)', [ids.slice(i, i + 500)]);
    for (const row of /** @type {any[]} */ (rows)) stored.set(row.clientRequestId, [...(stored.get(row.clientRequestId) ?? []), row.id]);
  }
  const lost = ids.filter((id) => !stored.has(id));
  const doubled = [...stored].filter(([, rows]) => rows.length > 1);
  const mismatched = ids.filter((id) => stored.has(id) && stored.get(id)[0] !== answered.get(id));
  console.log(`answered reports in the database: ${ids.length - lost.length} of ${ids.length}; stored twice: ${doubled.length}; answered with another id: ${mismatched.length}`);
  if (lost.length > 0) problems.push(`${lost.length} reports answered 2xx are not in the database`);
  if (doubled.length > 0) problems.push(`${doubled.length} clientRequestIds stored more than once`);
  if (mismatched.length > 0) problems.push(`${mismatched.length} reports answered with an id the database does not have for them`);

  // Nothing half-written.
  const halves = await integrityCounts(sql);
  const [[totals]] = /** @type {any} */ (await sql.query('SELECT (SELECT COUNT(*) FROM tickets) AS tickets, (SELECT COUNT(*) FROM reports) AS reports'));
  console.log(`database: ${totals.tickets} tickets, ${totals.reports} reports; ${Object.entries(halves).map(([what, n]) => `${what}: ${n}`).join(', ')}`);
  for (const [what, n] of Object.entries(halves)) if (n > 0) problems.push(`${n} ${what}`);

  // No outbox message lost: every ticket's department was told, every message delivered.
  const [ticketRows] = await sql.query('SELECT id FROM tickets');
  const untold = /** @type {any[]} */ (ticketRows).filter((row) => !receiver.ticketIds.has(row.id));
  console.log(
    `outbox: ${Object.entries(delivered).map(([status, n]) => `${status} ${n}`).join(', ')}; webhook deliveries ${receiver.deliveries()} ` +
      `(${receiver.messageIds.size} distinct messages); tickets the receiver never heard of: ${untold.length}`,
  );
  if (delivered.pending) problems.push(`${delivered.pending} outbox messages still pending after 60 s`);
  if (delivered.dead) problems.push(`${delivered.dead} outbox messages dead`);
  if (untold.length > 0) problems.push(`${untold.length} tickets whose department webhook never arrived`);
  console.log(problems.length === 0 ? `${scenario}: every check held` : `${scenario}: ${problems.length} checks failed`);
  return problems;
}

/**
 * Fills the photo disk: a filler file takes half of it, then residents upload photos until uploads fail;
 * the filler is removed and one more upload must succeed.
 */
async function diskFull(baseUrl, tokens, sql, photosDir) {
  const problems = [];
  const filler = path.join(photosDir, 'filler.bin');
  writeFileSync(filler, Buffer.alloc(Math.floor((options.diskMb * 1024 * 1024) / 2)));
  const photos = await Promise.all(Array.from({ length: 8 }, (_, seed) => makeTestJpeg({ width: 1600, height: 1200, seed: seed + 1 })));
  const upload = async (token, photo) => {
    const form = new FormData();
    form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
    const t0 = performance.now();
    try {
      const response = await fetch(`${baseUrl}/api/v1/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const body = await response.json().catch(() => null);
      return { status: response.status, code: body?.error?.code ?? null, message: body?.error?.message ?? null, ms: performance.now() - t0 };
    } catch (error) {
      return { status: String(error), code: null, message: null, ms: performance.now() - t0 };
    }
  };
  const answers = [];
  let failures = 0;
  for (let round = 0; round < 100 && failures < 12; round += 1) {
    const batch = await Promise.all(tokens.slice(0, 4).map((token, i) => upload(token, photos[(round * 4 + i) % photos.length])));
    answers.push(...batch);
    failures += batch.filter((answer) => answer.status !== 201).length;
  }
  const stored = answers.filter((answer) => answer.status === 201).length;
  const refused = answers.filter((answer) => answer.status !== 201);
  const byStatus = new Map();
  for (const answer of refused) byStatus.set(`${answer.status} ${answer.code}`, (byStatus.get(`${answer.status} ${answer.code}`) ?? 0) + 1);
  console.log(`uploads on a ${options.diskMb} MB disk half taken by a filler: ${stored} stored, then ${refused.length} refused (${[...byStatus].map(([k, n]) => `${k} × ${n}`).join(', ')})`);
  if (refused.length > 0) {
    const ms = refused.map((answer) => answer.ms);
    console.log(`refusals answered in p50 ${fmt.n(percentile(ms, 50), 0)} ms, max ${fmt.n(Math.max(...ms), 0)} ms; message: ${refused[0].message}`);
  }
  if (stored === 0) problems.push('no upload fitted on the disk: the disk was too small to show anything');
  if (refused.length === 0) problems.push('the disk never filled up: the fault did not bite');
  const not503 = refused.filter((answer) => answer.status !== 503);
  if (not503.length > 0) problems.push(`${not503.length} refusals were not 503: ${[...new Set(not503.map((answer) => `${answer.status} ${answer.code}`))].join(', ')}`);
  if (refused.some((answer) => answer.ms > 5000)) problems.push('a refusal took over 5 s');

  const audit = async () => {
    const [rows] = await sql.query('SELECT storageKey, thumbKey, sizeBytes FROM photos');
    const files = readdirSync(photosDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'filler.bin')
      .map((entry) => path.relative(photosDir, path.join(entry.parentPath, entry.name)));
    const keys = new Set(/** @type {any[]} */ (rows).flatMap((row) => [row.storageKey, row.thumbKey]));
    const missing = /** @type {any[]} */ (rows).filter((row) => !existsSync(path.join(photosDir, row.storageKey)) || !existsSync(path.join(photosDir, row.thumbKey)));
    const cut = /** @type {any[]} */ (rows).filter((row) => existsSync(path.join(photosDir, row.storageKey)) && statSync(path.join(photosDir, row.storageKey)).size !== Number(row.sizeBytes));
    const orphans = files.filter((file) => !keys.has(file));
    return { rows: /** @type {any[]} */ (rows).length, files: files.length, missing: missing.length, cut: cut.length, orphans };
  };
  const full = await audit();
  console.log(`on the full disk: ${full.rows} photo rows, ${full.files} files; rows missing a file: ${full.missing}, files cut short: ${full.cut}, files without a row (temporary ones included): ${full.orphans.length}`);
  if (full.missing > 0) problems.push(`${full.missing} photo rows without their files`);
  if (full.cut > 0) problems.push(`${full.cut} stored photos cut short`);
  if (full.orphans.length > 0) problems.push(`${full.orphans.length} files without a row: ${full.orphans.slice(0, 3).join(', ')}`);

  rmSync(filler);
  const again = await upload(tokens[0], photos[0]);
  console.log(`after freeing the filler: upload answered ${again.status}`);
  if (again.status !== 201) problems.push(`uploads did not work again once there was room (${again.status} ${again.code})`);
  console.log(problems.length === 0 ? 'disk-full: every check held' : `disk-full: ${problems.length} checks failed`);
  return problems;
}
