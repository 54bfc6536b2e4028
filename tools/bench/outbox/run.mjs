#!/usr/bin/env node
// Outbox delivery benchmark (issue 5, "Proof"): N department-webhook messages pre-filled in MariaDB, then
// in one run
//   (a) outbox: the production worker (`node apps/server/dist/worker.js`) claims (FOR UPDATE SKIP
//       LOCKED), signs and POSTs every message to a local receiver and marks it done;
//   (b) baseline: the same receiver hit directly by a plain HTTP loop in this process (same body
//       sizes, same HMAC signing, same concurrency), no database;
// and prints deliveries/s of both, the ratio (a) ÷ (b), the CPU split and the verdict.
// Target: (a) ≥ 2,000 deliveries/s.
//
//   node tools/bench/outbox/run.mjs [--messages 20000] [--concurrency 32] [--batch 100] [--keep]
//
// Exits non-zero when something failed (worker, SQL, a message lost, a bad signature); a missed target
// prints MISSED and exits 0.
import mysql from 'mysql2/promise';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { cpuSplit, describeCpu, fmt, measureQuietly, parseArgs, pidByName, printTable, runClosedLoop, sleep } from '../lib/measure.mjs';
import { REPO_ROOT, ensureServerBuilt, startServer, tail } from '../lib/server.mjs';
import { summariseProfileDir } from '../lib/cpuprofile.mjs';

const TARGET = 2000;
const DEPARTMENT = 'SZYH';
const SECRET = 'bench-outbox-secret-0123456789abcdef';
const WORKER_MAIN = path.join(REPO_ROOT, 'apps/server/dist/worker.js');

const options = parseArgs(process.argv.slice(2), {
  messages: 20_000,
  concurrency: 32,
  batch: 100,
  mysqlUrl: 'mysql://root@127.0.0.1:3306',
  database: 'ssp_bench_outbox',
  keep: false,
  quietWait: 120,
  retries: 1,
  timeout: 300,
  profile: false,
});

const serverUrl = new URL(options.mysqlUrl);
if (!['127.0.0.1', 'localhost'].includes(serverUrl.hostname)) throw new Error('this bench only talks to 127.0.0.1');
if (!/^[a-z0-9_]{1,64}$/.test(options.database)) throw new Error(`unsafe database name ${options.database}`);
const databaseUrl = `${options.mysqlUrl.replace(/\/$/, '')}/${options.database}`;
const section = (title) => console.log(`\n== ${title}`);

/** A ticket snapshot shaped like the server's (≈ 600 bytes of JSON). */
function payloadFor(departmentId, i) {
  return {
    departmentId,
    topic: 'ticket.dispatched',
    occurredAt: new Date().toISOString(),
    ticket: {
      id: randomUUID(),
      ticketNo: `GD20260501${String(i).padStart(5, '0')}`,
      status: 'dispatched',
      priority: 0,
      category: { code: 'GY-02', name: '井盖' },
      regionCode: '320104',
      department: { code: DEPARTMENT, name: '南京市市政设施综合养护管理中心' },
      description: '新街口地铁站2号口旁井盖缺失，晚上很危险，请尽快处理',
      location: { lat: 32.0416 + i * 1e-6, lng: 118.7784, coordSystem: 'gcj02' },
      supporterCount: 1,
      acceptBy: new Date(Date.now() + 3_600_000).toISOString(),
      resolveBy: new Date(Date.now() + 86_400_000).toISOString(),
      createdAt: new Date().toISOString(),
    },
    event: { action: 'open_dispatched', fromStatus: null, toStatus: 'dispatched', note: null },
  };
}

/** The department's system: verifies every signature, counts distinct message ids. */
function startReceiver() {
  const state = { ids: new Set(), requests: 0, badSignatures: 0, firstAt: 0, lastNewAt: 0, onFirst: null };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-signature'] ?? ''));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) state.badSignatures++;
      state.requests++;
      if (state.requests === 1) {
        state.firstAt = performance.now();
        state.onFirst?.();
      }
      const id = String(req.headers['x-message-id']);
      if (!state.ids.has(id)) {
        state.ids.add(id);
        state.lastNewAt = performance.now();
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, state, url: `http://127.0.0.1:${server.address().port}` })),
  );
}

async function prefill(pool, departmentId, count) {
  await pool.query('DELETE FROM outbox_messages');
  const now = new Date();
  for (let start = 0; start < count; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      rows.push([randomUUID(), 'department.ticket.dispatched', JSON.stringify(payloadFor(departmentId, i)), 'pending', 0, now, now]);
    }
    await pool.query('INSERT INTO outbox_messages (id, topic, payload, status, attempts, nextAttemptAt, createdAt) VALUES ?', [rows]);
  }
  await pool.query('ANALYZE TABLE outbox_messages');
}

async function main() {
  ensureServerBuilt();
  if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run "npx nx run server:build"`);
  const scratch = mkdtempSync(path.join(tmpdir(), 'ssp-bench-outbox-'));
  const admin = await mysql.createConnection({ uri: `${options.mysqlUrl}/`, timezone: 'Z' });
  await admin.query(`DROP DATABASE IF EXISTS \`${options.database}\``);
  await admin.query(`CREATE DATABASE \`${options.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const pool = mysql.createPool({ uri: databaseUrl, connectionLimit: 4, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  const receiver = await startReceiver();
  const mariadbPid = pidByName('mariadbd') ?? pidByName('mysqld');
  let failed = false;
  try {
    section('set-up: migrations and reference data through the server (OUTBOX_WORKER=off), then stopped');
    const server = await startServer({
      env: { DATABASE_URL: databaseUrl, SEED_ON_START: 'true', OUTBOX_WORKER: 'off', DATA_DIR: scratch, LOG_LEVEL: 'warn', LOG_FORMAT: 'json' },
      logFile: path.join(scratch, 'server.log'),
    });
    await server.stop();
    const [[department]] = await pool.query('SELECT id FROM departments WHERE code = ?', [DEPARTMENT]);
    await pool.query('UPDATE departments SET webhookUrl = ?, webhookSecret = ? WHERE code = ?', [`${receiver.url}/hook`, SECRET, DEPARTMENT]);

    section(`(a) outbox: ${fmt.int(options.messages)} messages, worker process, ${options.concurrency} in flight, batches of ${options.batch}`);
    const outbox = await measureQuietly(
      'outbox',
      async () => {
        await prefill(pool, department.id, options.messages);
        receiver.state.ids.clear();
        receiver.state.requests = 0;
        let split = null;
        const logFile = path.join(scratch, 'worker.log');
        const fd = openSync(logFile, 'a');
        const profileArgs = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(scratch, 'profile')}`] : [];
        const worker = spawn(process.execPath, [...profileArgs, WORKER_MAIN], {
          cwd: REPO_ROOT,
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            DATABASE_URL: databaseUrl,
            DATA_DIR: scratch,
            LOG_LEVEL: 'warn',
            LOG_FORMAT: 'json',
            OUTBOX_CONCURRENCY: String(options.concurrency),
            OUTBOX_BATCH_SIZE: String(options.batch),
            OUTBOX_POLL_MS: '50',
          },
          stdio: ['ignore', fd, fd],
        });
        closeSync(fd);
        const exited = new Promise((resolve) => worker.on('exit', (code) => resolve(code)));
        receiver.state.onFirst = () => (split = cpuSplit({ worker: worker.pid, 'bench (receiver)': 'self', mariadbd: mariadbPid }));
        const deadline = Date.now() + options.timeout * 1000;
        let doneAt = 0;
        for (;;) {
          if (worker.exitCode !== null) throw new Error(`worker exited with ${worker.exitCode}:\n${tail(logFile)}`);
          if (Date.now() > deadline) throw new Error(`not all delivered within ${options.timeout} s (${receiver.state.ids.size} arrived)`);
          if (receiver.state.ids.size >= options.messages) {
            const [[{ pending }]] = await pool.query("SELECT COUNT(*) AS pending FROM outbox_messages WHERE status <> 'done'");
            if (Number(pending) === 0) {
              doneAt = performance.now();
              break;
            }
          }
          await sleep(50);
        }
        const cpu = split.stop();
        worker.kill('SIGTERM');
        if ((await exited) !== 0) throw new Error(`worker did not stop cleanly:\n${tail(logFile)}`);
        const seconds = (doneAt - receiver.state.firstAt) / 1000;
        return { seconds, arrivedSeconds: (receiver.state.lastNewAt - receiver.state.firstAt) / 1000, requests: receiver.state.requests, cpu };
      },
      { retries: options.retries, quietWait: options.quietWait },
    );
    if (receiver.state.ids.size !== options.messages) throw new Error(`lost messages: ${receiver.state.ids.size} of ${options.messages} arrived`);

    section(`(b) baseline: plain HTTP loop to the same receiver, ${options.concurrency} in flight, ${fmt.int(options.messages)} POSTs`);
    const bodies = Array.from({ length: 256 }, (_, i) => JSON.stringify({ id: randomUUID(), ...payloadFor(department.id, i) }));
    const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
    const target = new URL(`${receiver.url}/hook`);
    const post = (i) =>
      new Promise((resolve, reject) => {
        const body = bodies[i % bodies.length];
        const req = request(
          target,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json; charset=utf-8',
              'content-length': String(Buffer.byteLength(body)),
              'x-message-id': `baseline-${i}`,
              'x-signature': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const baseline = await measureQuietly(
      'baseline',
      async () => {
        await runClosedLoop({ concurrency: options.concurrency, durationMs: 60_000, maxOps: 2000, op: post });
        const cpu = cpuSplit({ 'bench (loop + receiver)': 'self', mariadbd: mariadbPid });
        const loop = await runClosedLoop({ concurrency: options.concurrency, durationMs: options.timeout * 1000, maxOps: options.messages, op: post });
        if (loop.errors > 0) throw new Error(`baseline requests failed: ${loop.firstError}`);
        return { seconds: loop.elapsedMs / 1000, cpu: cpu.stop() };
      },
      { retries: options.retries, quietWait: options.quietWait },
    );
    agent.destroy();
    if (receiver.state.badSignatures > 0) throw new Error(`${receiver.state.badSignatures} requests with a bad signature`);

    section('results');
    const outboxRate = options.messages / outbox.seconds;
    const baselineRate = options.messages / baseline.seconds;
    printTable(
      ['run', 'messages', 'wall s', 'deliveries/s', 'requests'],
      [
        ['(a) outbox worker (arrived and marked done)', fmt.int(options.messages), fmt.n(outbox.seconds, 2), fmt.int(outboxRate), fmt.int(outbox.requests)],
        ['(b) plain HTTP loop', fmt.int(options.messages), fmt.n(baseline.seconds, 2), fmt.int(baselineRate), fmt.int(options.messages)],
      ],
    );
    console.log(`\n(a) CPU: ${describeCpu(outbox.cpu)}`);
    console.log(`(b) CPU: ${describeCpu(baseline.cpu)}`);
    console.log(`(a) all arrived after ${fmt.n(outbox.arrivedSeconds, 2)} s; repeats: ${fmt.int(outbox.requests - options.messages)}; bad signatures: 0`);
    const profile = options.profile ? summariseProfileDir(path.join(scratch, 'profile'), { top: 12 }) : null;
    if (profile) {
      console.log('\nworker CPU profile (whole life, start-up included), self time by package:');
      for (const p of profile.packages) console.log(`    ${(p.share * 100).toFixed(1).padStart(5)}%  ${p.name}`);
      console.log('  hottest functions:');
      for (const f of profile.functions.slice(0, 12)) console.log(`    ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`);
    }
    console.log(`ratio outbox ÷ plain loop: ${fmt.n(outboxRate / baselineRate, 2)}`);
    console.log('(figures from a shared 2-core machine: the worker, MariaDB and this process share the cores; see the CPU split)');
    console.log(
      outboxRate >= TARGET
        ? `VERDICT outbox ≥ ${fmt.int(TARGET)} deliveries/s: MET (${fmt.int(outboxRate)}/s)`
        : `VERDICT outbox ≥ ${fmt.int(TARGET)} deliveries/s: MISSED — ${fmt.int(outboxRate)}/s, ${fmt.n((1 - outboxRate / TARGET) * 100, 0)} % short`,
    );
  } catch (error) {
    failed = true;
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    receiver.server.closeAllConnections();
    receiver.server.close();
    await pool.end();
    if (!options.keep) await admin.query(`DROP DATABASE IF EXISTS \`${options.database}\``);
    await admin.end();
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

await main();
