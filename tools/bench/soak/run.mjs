#!/usr/bin/env node
// Soak and knee (issue 7, "Load"): the built server on the city of `npm run seed:city`, mixed traffic at a
// fixed arrival rate from this process (an open loop: requests leave on schedule whether or not earlier
// ones have answered) — residents submitting and browsing, staff working their inboxes, admins reading
// statistics. Prints a latency histogram per endpoint, the server's RSS over time, the CPU split, and
// writes an HTML page with the plots.
//
//   node tools/bench/soak/run.mjs [--database ssp_city] [--rate 300] [--minutes 15] [--warmup 30]
//        [--knee 200,300,400,500] [--step-seconds 60] [--max-in-flight 512] [--out artifacts/soak]
//        [--skip 'GET /admin/stats,…'] [--shares 'POST /reports=0.03,…'] [--profile-dir DIR] [--node-args '--trace-gc'] [--serial N] [--processes N]
//
// --knee runs each arrival rate for --step-seconds (after one warm-up) instead of the soak, and names the
// highest rate whose p99 stays within the targets and what was busiest there. Targets (issue 7): zero
// errors, p99 ≤ 100 ms for reads and ≤ 150 ms for submits, RSS growth ≤ 10 % from minute 2 to the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';
import { newestProfile, summariseProfile } from '../lib/cpuprofile.mjs';
import { childPids, cpuSplit, describeCpu, fmt, memoryOf, parseArgs, percentile, pidByName, printTable, sleep } from '../lib/measure.mjs';
import { REPO_ROOT, ensureServerBuilt, startServer } from '../lib/server.mjs';
import { shuffle } from '../../classifier/devsets/prng.mjs';
import { prng } from '../inbox/seed.mjs';
import { plotPage } from './plot.mjs';

const options = parseArgs(process.argv.slice(2), {
  mysqlUrl: 'mysql://root@127.0.0.1:3306',
  database: 'ssp_city',
  dataDir: path.join(REPO_ROOT, 'data/city'),
  rate: 300,
  minutes: 15,
  warmup: 30,
  knee: '',
  stepSeconds: 60,
  maxInFlight: 512,
  out: path.join(REPO_ROOT, 'artifacts/soak'),
  seed: 7,
  skip: '',
  shares: '',
  profileDir: '',
  nodeArgs: '',
  serial: 0,
  processes: 1,
});
const TARGET_READ_P99 = 100;
const TARGET_SUBMIT_P99 = 150;
const TARGET_RSS_GROWTH = 0.1;
const JWT_SECRET = 'soak-run-secret-0123456789abcdef0123456789';
const { sign } = createRequire(import.meta.url)('jsonwebtoken');

/** The mix: share of requests, and whether the endpoint counts as a read or a submit. */
const MIX = [
  { name: 'GET /reports/mine', share: 0.16, kind: 'read' },
  { name: 'GET /reports/:id', share: 0.12, kind: 'read' },
  { name: 'GET /tickets/nearby', share: 0.1, kind: 'read' },
  { name: 'GET /categories', share: 0.05, kind: 'read' },
  { name: 'GET /categories/suggest', share: 0.07, kind: 'read' },
  { name: 'POST /reports', share: 0.15, kind: 'submit' },
  { name: 'GET /tickets (inbox)', share: 0.13, kind: 'read' },
  { name: 'GET /tickets/:id', share: 0.12, kind: 'read' },
  { name: 'POST /tickets/:id/actions', share: 0.04, kind: 'submit' },
  { name: 'GET /admin/stats', share: 0.03, kind: 'read' },
  { name: 'GET /admin/reports', share: 0.03, kind: 'read' },
];
// --skip 'GET /admin/stats,…' leaves endpoints out (for diagnosis); --shares 'POST /reports=0.03,…' sets
// those endpoints' shares. Either way the other endpoints are scaled to fill the rest, and the verdict
// names the change.
const SKIPPED = String(options.skip).split(',').map((name) => name.trim()).filter(Boolean);
const SET_SHARES = new Map([
  ...SKIPPED.map((name) => [name, 0]),
  ...String(options.shares)
    .split(',')
    .filter((entry) => entry.trim())
    .map((entry) => {
      const at = entry.lastIndexOf('=');
      const share = Number(entry.slice(at + 1));
      if (at < 0 || !(share >= 0 && share < 1)) throw new Error(`--shares: ${entry} is not endpoint=share (0 ≤ share < 1)`);
      return [entry.slice(0, at).trim(), share];
    }),
]);
for (const name of SET_SHARES.keys()) if (!MIX.some((entry) => entry.name === name)) throw new Error(`--skip/--shares: no endpoint ${name}`);
if (SET_SHARES.size > 0) {
  const fixed = [...SET_SHARES.values()].reduce((sum, share) => sum + share, 0);
  const others = MIX.filter((entry) => !SET_SHARES.has(entry.name)).reduce((sum, entry) => sum + entry.share, 0);
  if (fixed >= 1 || others === 0) throw new Error('--skip/--shares: the set shares leave nothing for the other endpoints');
  const scaled = MIX.map((entry) => ({ ...entry, share: SET_SHARES.get(entry.name) ?? (entry.share * (1 - fixed)) / others }));
  MIX.splice(0, MIX.length, ...scaled.filter((entry) => entry.share > 0));
}
const MIX_CHANGE = [
  ...(SKIPPED.length > 0 ? [` WITHOUT ${SKIPPED.join(', ')}`] : []),
  ...[...SET_SHARES].filter(([, share]) => share > 0).map(([name, share]) => ` WITH ${name} AT ${(share * 100).toFixed(1)} %`),
].join(',');
if (MIX_CHANGE) console.log(`mix: ${MIX.map((entry) => `${entry.name} ${(entry.share * 100).toFixed(1)} %`).join(' · ')}`);
const DESCRIPTIONS = ['井盖松动，车一压就响', '路灯不亮好几天了', '人行道地砖翘起来了', '垃圾桶满了没人清', '路边有一摊积水', '绿化带里的树倒了', '小区门口车辆乱停', '工地晚上施工太吵'];
// A submit's text: street, number, spot, problem and remark drawn apart (millions of combinations), as
// residents write them. The same text from three residents within an hour is held for review
// (SAME_TEXT_REVIEW_USERS): a few fixed phrases would have sent nearly every submit there.
const STREETS = ['中山路', '汉中路', '龙蟠中路', '江东中路', '中央路', '太平南路', '应天大街', '集庆门大街', '北京东路', '草场门大街', '虎踞路', '卡子门大街', '珠江路', '广州路', '湖南路', '建宁路', '长虹路', '中华路', '升州路', '水西门大街'];
const SPOTS = ['门口', '对面', '东侧', '西侧', '南侧', '北侧', '附近', '路口', '公交站旁', '小区门口'];
const REMARKS = ['已经好几天了', '晚上特别危险', '请尽快处理', '影响行人通行', '老人小孩经过很危险', '希望有关部门管一管', '下雨天更严重', '上班路上每天都看到', '周围居民意见很大', '之前反映过还没解决'];
const submitText = () => `${pickOf(STREETS)}${1 + Math.floor(random() * 999)}号${pickOf(SPOTS)}${pickOf(DESCRIPTIONS)}，${pickOf(REMARKS)}`;
const HISTOGRAM_MS = [5, 10, 20, 50, 100, 150, 200, 500, 1000, Infinity];

// Set by the run at the bottom of the file (after every declaration above it exists).
let databaseUrl = '';
/** @type {mysql.Pool} */
let pool;
let random = prng(options.seed);
/** @type {Awaited<ReturnType<typeof loadActors>>} */
let actors;
/** @type {import('../lib/server.mjs').RunningServer} */
let server;
/** @type {number | null} */
let mariadb = null;
let failed = false;

async function soak() {
  console.log(`\nwarm-up: ${options.warmup} s at ${options.rate} req/s`);
  await runAt(options.rate, options.warmup * 1000);
  console.log(`soak: ${options.minutes} min at ${options.rate} req/s (open loop), server pid ${server.pid}`);
  const split = cpuSplit({ bench: 'self', server: { tree: server.pid }, mariadbd: mariadb });
  const run = await runAt(options.rate, options.minutes * 60_000, true);
  const cpu = split.stop();
  report(run, cpu);
  const verdict = targetsOf(run);
  const growth = rssGrowth(run.timeline);
  console.log(`RSS: minute 2 ${fmt.n(growth.fromMb, 0)} MB → end ${fmt.n(growth.toMb, 0)} MB (${fmt.n(growth.ratio * 100, 1)} %; peak ${fmt.n(growth.peakMb, 0)} MB)`);
  const rssOk = growth.ratio <= TARGET_RSS_GROWTH;
  mkdirSync(options.out, { recursive: true });
  const file = path.join(options.out, `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.html`);
  writeFileSync(file, plotPage({ title: `随手拍 soak: ${options.minutes} min at ${options.rate} req/s`, timeline: run.timeline, endpoints: summaries(run) }));
  console.log(`plot: ${file}`);
  const ok = verdict.ok && rssOk;
  console.log(
    `\nVERDICT soak ${options.rate} req/s for ${options.minutes} min${MIX_CHANGE}: ${ok ? 'MET' : 'MISSED'} — errors ${run.errors} (target 0), ` +
      `reads p99 ${fmt.n(verdict.readP99, 0)} ms (≤ ${TARGET_READ_P99}), submits p99 ${fmt.n(verdict.submitP99, 0)} ms (≤ ${TARGET_SUBMIT_P99}), ` +
      `RSS growth ${fmt.n(growth.ratio * 100, 1)} % (≤ ${TARGET_RSS_GROWTH * 100})`,
  );
  if (run.errors > 0 && run.errors === run.sent) failed = true;
  return run;
}

/**
 * --profile-dir: where the server's main thread was in the slowest seconds of the soak (read p99 per
 * second, the seconds before each included: a stall shows in the answers that come after it).
 */
function slowestSeconds(run, count = 6) {
  const profile = newestProfile(options.profileDir);
  if (!profile) return console.log(`no CPU profile in ${options.profileDir}`);
  const worst = run.timeline
    .map((second) => ({ at: second.at, p99: percentile([...second.read].sort((a, b) => a - b), 99) }))
    .filter((second) => Number.isFinite(second.p99))
    .sort((a, b) => b.p99 - a.p99)
    .filter((second, k, list) => list.slice(0, k).every((other) => Math.abs(other.at - second.at) > 5))
    .slice(0, count);
  console.log(`\nthe ${worst.length} slowest seconds (read p99), the server's main thread in the 3 s up to each (${profile.file}):`);
  for (const second of worst.sort((a, b) => a.at - b.at)) {
    const fromNs = run.startNs + BigInt(Math.round((second.at - 2) * 1e9));
    const summary = summariseProfile(profile.profile, { top: 5, windowNs: [fromNs, fromNs + 3_000_000_000n] });
    if (!summary.windowed) continue;
    console.log(`  second ${fmt.n(second.at, 0)}: read p99 ${fmt.n(second.p99, 0)} ms, main thread busy ${fmt.n(summary.busyMs / 30, 0)} %`);
    for (const fn of summary.functions) console.log(`      ${fmt.n(fn.ms, 0).padStart(6)} ms  ${fn.name}`);
  }
}

/**
 * --serial N (diagnosis): first what the server and MariaDB use with no traffic (the periodic jobs), then
 * each endpoint N times, one request at a time: its latency alone, without queueing behind the others.
 */
async function serial(times) {
  const idle = cpuSplit({ server: { tree: server.pid }, mariadbd: mariadb });
  await sleep(10_000);
  console.log(`\nidle 10 s (the periodic jobs only): ${describeCpu(idle.stop())}`);
  const rows = [];
  for (const entry of MIX) {
    const latencies = [];
    const statuses = new Map();
    const cpu = cpuSplit({ server: { tree: server.pid }, mariadbd: mariadb });
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      const status = await send(entry.name);
      latencies.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const { seconds } = cpu.stop();
    const perRequest = (s) => (s === null ? 'n/a' : fmt.n((s * 1000) / times, 2));
    latencies.sort((a, b) => a - b);
    rows.push([
      entry.name, fmt.n(percentile(latencies, 50), 1), fmt.n(percentile(latencies, 90), 1), fmt.n(latencies.at(-1), 1),
      perRequest(seconds.server), perRequest(seconds.mariadbd), [...statuses].map(([status, n]) => `${status}×${n}`).join(' '),
    ]);
  }
  console.log(`\none request at a time, ${times} of each (CPU per request: /proc, 10 ms ticks, so use N ≥ 100):`);
  printTable(['endpoint', 'p50 ms', 'p90 ms', 'max ms', 'server CPU ms', 'mariadbd CPU ms', 'statuses'], rows);
}

async function findKnee(rates) {
  console.log(`\nwarm-up: ${options.warmup} s at ${rates[0]} req/s`);
  await runAt(rates[0], options.warmup * 1000);
  const rows = [];
  let knee = null;
  for (const rate of rates) {
    const split = cpuSplit({ bench: 'self', server: { tree: server.pid }, mariadbd: mariadb });
    const run = await runAt(rate, options.stepSeconds * 1000);
    const cpu = split.stop();
    const verdict = targetsOf(run);
    const busiest = Object.entries(cpu.seconds).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0];
    rows.push([
      rate, fmt.n(run.answered / (options.stepSeconds), 0), run.errors, fmt.n(verdict.readP99, 0), fmt.n(verdict.submitP99, 0),
      `${busiest[0]} ${fmt.n(((busiest[1] ?? 0) / cpu.wallSeconds) * 100, 0)}%`, verdict.ok ? 'ok' : 'over',
    ]);
    console.log(`  ${rate} req/s: ${describeCpu(cpu)}`);
    if (verdict.ok) knee = rate;
  }
  printTable(['offered req/s', 'answered/s', 'errors', 'read p99 ms', 'submit p99 ms', 'busiest (of one core)', 'targets'], rows);
  console.log(`\nVERDICT knee${MIX_CHANGE}: ${knee === null ? `below ${rates[0]} req/s` : `${knee} req/s`} is the highest offered rate within the targets`);
}

/** Sends requests of the mix at `rate` per second for `durationMs`; `timeline` also samples RSS each second. */
async function runAt(rate, durationMs, timeline = false) {
  const samples = new Map(MIX.map((entry) => [entry.name, { latencies: [], errors: 0, statuses: new Map() }]));
  actors.signFor = { sent: 0, noneLeft: 0, opened: 0 };
  const seconds = [];
  let inFlight = 0;
  let sent = 0;
  let answered = 0;
  let errors = 0;
  let dropped = 0;
  const start = performance.now();
  const startNs = process.hrtime.bigint();
  const pending = new Set();
  let second = { at: 0, read: [], submit: [], errors: 0, rssMb: 0 };
  const sampler = timeline
    ? setInterval(() => {
        // The whole server: with --processes > 1 the primary and its workers.
        second.rssMb = [server.pid, ...childPids(server.pid)].reduce((sum, pid) => sum + (memoryOf(pid)?.rssMb ?? 0), 0);
        seconds.push(second);
        second = { at: (performance.now() - start) / 1000, read: [], submit: [], errors: 0, rssMb: 0 };
      }, 1000)
    : null;
  for (let k = 0; ; k++) {
    const due = start + (k * 1000) / rate;
    if (due - start >= durationMs) break;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    if (inFlight >= options.maxInFlight) {
      dropped += 1;
      errors += 1;
      continue;
    }
    const entry = pickEntry();
    const sample = samples.get(entry.name);
    inFlight += 1;
    sent += 1;
    const t0 = performance.now();
    const request = send(entry.name)
      .then((status) => {
        const ms = performance.now() - t0;
        const ok = typeof status === 'number' && status < 400;
        sample.statuses.set(status, (sample.statuses.get(status) ?? 0) + 1);
        if (ok) {
          answered += 1;
          sample.latencies.push(ms);
          second[entry.kind].push(ms);
        } else {
          errors += 1;
          sample.errors += 1;
          second.errors += 1;
        }
      })
      .finally(() => {
        inFlight -= 1;
        pending.delete(request);
      });
    pending.add(request);
  }
  await Promise.all(pending);
  if (sampler) clearInterval(sampler);
  return { samples, timeline: seconds, startNs, sent, answered, errors, dropped };
}

function pickEntry() {
  let u = random();
  for (const entry of MIX) {
    if (u < entry.share) return entry;
    u -= entry.share;
  }
  return MIX[MIX.length - 1];
}

const pickOf = (list) => list[Math.floor(random() * list.length)];
const bearer = (user) => ({ authorization: `Bearer ${user.token}` });

/** One request of the named kind; resolves to the status (or a string for a transport error). */
async function send(name) {
  const resident = pickOf(actors.residents);
  const staff = pickOf(actors.staff);
  const place = { lat: 31.98 + random() * 0.1, lng: 118.72 + random() * 0.12 };
  switch (name) {
    case 'GET /reports/mine':
      return get('/api/v1/reports/mine', bearer(resident));
    case 'GET /reports/:id':
      return get(`/api/v1/reports/${resident.reportId}`, bearer(resident));
    case 'GET /tickets/nearby':
      return get(`/api/v1/tickets/nearby?lat=${place.lat.toFixed(5)}&lng=${place.lng.toFixed(5)}&coordSystem=gcj02`, {});
    case 'GET /categories':
      return get('/api/v1/categories', {});
    case 'GET /categories/suggest':
      return get(`/api/v1/categories/suggest?text=${encodeURIComponent(pickOf(DESCRIPTIONS))}`, bearer(resident));
    case 'POST /reports': {
      // Submitters take turns over every resident of the city: nobody reaches the hourly report limit.
      const id = actors.submitterIds[actors.nextSubmitter++ % actors.submitterIds.length];
      // One token per resident for the run, as a signed-in phone keeps it.
      let submitter = actors.submitterTokens.get(id);
      if (!submitter) actors.submitterTokens.set(id, (submitter = { id, token: actors.token(id, 'resident') }));
      return post(
        '/api/v1/reports',
        bearer(submitter),
        {
          clientRequestId: `soak-${submitter.id.slice(-12)}-${Date.now()}-${Math.floor(random() * 1e9)}`,
          description: submitText(),
          location: { ...place, coordSystem: 'gcj02' },
          photoIds: [],
        },
        signForLater,
      );
    }
    case 'GET /tickets (inbox)':
      return get('/api/v1/tickets?status=dispatched', bearer(staff));
    case 'GET /tickets/:id':
      return get(`/api/v1/tickets/${pickOf(staff.ticketIds)}`, bearer(staff));
    case 'POST /tickets/:id/actions': {
      const ticket = actors.dispatched.pop();
      if (!ticket) {
        actors.signFor.noneLeft += 1;
        return get('/api/v1/tickets?status=dispatched', bearer(staff));
      }
      actors.signFor.sent += 1;
      return post(`/api/v1/tickets/${ticket.id}/actions`, bearer(ticket.staff), { action: 'accept', version: ticket.version });
    }
    case 'GET /admin/stats': {
      const to = new Date();
      const from = new Date(to.getTime() - 30 * 86_400_000);
      return get(`/api/v1/admin/stats?from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}&groupBy=${pickOf(['day', 'department', 'category'])}`, bearer(actors.admin));
    }
    case 'GET /admin/reports':
      return get('/api/v1/admin/reports?outcome=review', bearer(actors.admin));
    default:
      throw new Error(`no request for ${name}`);
  }
}

/**
 * A ticket a submit opened in a department with city staff joins the tickets to sign for (taken first:
 * staff take new work first), so the sign-fors go on for the whole run, as they would in a city.
 */
function signForLater(answer) {
  const ticket = answer?.ticket;
  // Only a ticket this submit opened (version 1): a merged report's answer names the ticket it joined,
  // which may have been signed for or be queued here already (a second accept is a 409).
  const opened = answer?.outcome === 'accepted' && ticket?.status === 'dispatched';
  const staff = opened ? actors.staffOfCode.get(ticket.department?.code) : undefined;
  if (staff) {
    actors.dispatched.push({ id: ticket.id, version: 1, staff });
    actors.signFor.opened += 1;
  }
}

async function get(pathname, headers) {
  return exchange(pathname, { headers });
}
async function post(pathname, headers, body, onAnswer) {
  return exchange(pathname, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }, onAnswer);
}
async function exchange(pathname, init, onAnswer) {
  try {
    const response = await fetch(`${server.baseUrl}${pathname}`, { ...init, signal: AbortSignal.timeout(10_000) });
    const body = await response.arrayBuffer();
    if (onAnswer && response.ok) onAnswer(JSON.parse(Buffer.from(body).toString('utf8')));
    return response.status;
  } catch (error) {
    return /** @type {Error} */ (error).name === 'TimeoutError' ? 'timeout' : 'transport';
  }
}

/** Residents who have reports, staff with their department's tickets, the admin, tickets to sign for; tokens signed here. */
async function loadActors(db) {
  const token = (id, role) => sign({ role }, JWT_SECRET, { subject: id, algorithm: 'HS256', expiresIn: '12h' });
  // UUIDv7 ids follow creation time: the lowest id of an instant bounds a range scan on the primary key.
  const idFloor = (daysAgo) => {
    const hex = (Date.now() - daysAgo * 86_400_000).toString(16).padStart(12, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
  };
  const [residentRows] = await db.query('SELECT reporterId AS id, MIN(id) AS reportId FROM reports WHERE id >= ? GROUP BY reporterId LIMIT 20000', [idFloor(180)]);
  const [staffRows] = await db.query("SELECT id, departmentId FROM users WHERE role = 'staff' AND username LIKE 'city.staff.%'");
  const [[adminRow]] = /** @type {any} */ (await db.query("SELECT id FROM users WHERE role = 'admin' ORDER BY createdAt LIMIT 1"));
  const [departmentRows] = await db.query('SELECT id, code FROM departments');
  const [submitterRows] = await db.query("SELECT id FROM users WHERE role = 'resident'");
  const byDepartment = new Map();
  const [ticketRows] = await db.query('SELECT id, departmentId, status, version FROM tickets WHERE id >= ? AND departmentId IS NOT NULL', [idFloor(120)]);
  for (const row of /** @type {any[]} */ (ticketRows)) {
    const list = byDepartment.get(row.departmentId);
    if (list) list.push(row);
    else byDepartment.set(row.departmentId, [row]);
  }
  const staff = /** @type {any[]} */ (staffRows)
    .map((row) => ({ id: row.id, token: token(row.id, 'staff'), ticketIds: (byDepartment.get(row.departmentId) ?? []).map((ticket) => ticket.id) }))
    .filter((member) => member.ticketIds.length > 0);
  const staffOf = new Map(/** @type {any[]} */ (staffRows).map((row) => [row.departmentId, staff.find((member) => member.id === row.id)]));
  const seededDispatched = /** @type {any[]} */ (ticketRows)
    .filter((row) => row.status === 'dispatched' && staffOf.get(row.departmentId))
    .map((row) => ({ id: row.id, version: row.version, staff: staffOf.get(row.departmentId) }));
  random = prng(options.seed);
  const dispatched = shuffle(random, seededDispatched);
  const submitterIds = shuffle(random, /** @type {any[]} */ (submitterRows).map((row) => row.id));
  return {
    residents: /** @type {any[]} */ (residentRows).map((row) => ({ id: row.id, reportId: row.reportId, token: token(row.id, 'resident') })),
    staff,
    admin: { token: token(adminRow.id, 'admin') },
    dispatched,
    token,
    /** Sign-fors sent, those that found no dispatched ticket left (an inbox read instead), tickets the run's submits opened. */
    signFor: { sent: 0, noneLeft: 0, opened: 0 },
    submitterIds,
    submitterTokens: new Map(),
    // Each run starts at another place in the turn order, so runs within the hour use other residents.
    nextSubmitter: Math.floor(Math.random() * submitterIds.length),
    staffOfCode: new Map(/** @type {any[]} */ (departmentRows).map((row) => [row.code, staffOf.get(row.id)]).filter(([, member]) => member)),
  };
}

function summaries(run) {
  return MIX.map((entry) => {
    const sample = run.samples.get(entry.name);
    const sorted = [...sample.latencies].sort((a, b) => a - b);
    return {
      name: entry.name,
      kind: entry.kind,
      count: sorted.length,
      errors: sample.errors,
      statuses: [...sample.statuses].map(([status, n]) => `${status}×${n}`).join(' '),
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      histogram: HISTOGRAM_MS.map((limit, i) => sorted.filter((ms) => ms <= limit && ms > (HISTOGRAM_MS[i - 1] ?? -1)).length),
    };
  });
}

function report(run, cpu) {
  console.log(`\nsent ${fmt.int(run.sent)}, answered ${fmt.int(run.answered)}, errors ${run.errors} (dropped at the in-flight cap: ${run.dropped})`);
  console.log(describeCpu(cpu));
  const { sent, noneLeft, opened } = actors.signFor;
  console.log(`sign-fors: ${fmt.int(sent)} sent, ${fmt.int(noneLeft)} found no dispatched ticket left (an inbox read instead); the run's submits opened ${fmt.int(opened)} to sign for`);
  const rows = summaries(run);
  printTable(
    ['endpoint', 'kind', 'count', 'errors', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'statuses'],
    rows.map((row) => [row.name, row.kind, fmt.int(row.count), row.errors, fmt.n(row.p50, 1), fmt.n(row.p90, 1), fmt.n(row.p99, 1), fmt.n(row.max, 0), row.statuses]),
  );
  console.log('\nhistogram (answers per latency bucket, ms):');
  printTable(
    ['endpoint', ...HISTOGRAM_MS.map((limit, i) => (limit === Infinity ? `>${HISTOGRAM_MS[i - 1]}` : `≤${limit}`))],
    rows.map((row) => [row.name, ...row.histogram.map((n) => fmt.int(n))]),
  );
}

function targetsOf(run) {
  const all = (kind) => MIX.filter((entry) => entry.kind === kind).flatMap((entry) => run.samples.get(entry.name).latencies).sort((a, b) => a - b);
  const readP99 = percentile(all('read'), 99);
  const submitP99 = percentile(all('submit'), 99);
  return { readP99, submitP99, ok: run.errors === 0 && readP99 <= TARGET_READ_P99 && submitP99 <= TARGET_SUBMIT_P99 };
}

/** RSS from minute 2 (the mean of its samples) to the end (the mean of the last minute). */
function rssGrowth(timeline) {
  const mean = (list) => list.reduce((sum, s) => sum + s.rssMb, 0) / Math.max(1, list.length);
  const fromMb = mean(timeline.filter((s) => s.at >= 60 && s.at < 120));
  const toMb = mean(timeline.slice(-60));
  return { fromMb, toMb, ratio: fromMb > 0 ? (toMb - fromMb) / fromMb : NaN, peakMb: Math.max(...timeline.map((s) => s.rssMb)) };
}

// ---------------------------------------------------------------------------------------------------
ensureServerBuilt();
databaseUrl = `${options.mysqlUrl.replace(/\/$/, '')}/${options.database}`;
pool = mysql.createPool({ uri: databaseUrl, connectionLimit: 2, timezone: 'Z' });
random = prng(options.seed);
actors = await loadActors(pool);
console.log(
  `city ${options.database}: ${fmt.int(actors.residents.length)} residents with reports sampled, ${fmt.int(actors.staff.length)} staff, ` +
    `${fmt.int(actors.dispatched.length)} dispatched tickets to sign for`,
);
server = await startServer({
  // --processes N: SERVER_PROCESSES (node:cluster workers sharing the port), e.g. one per core.
  env: { DATABASE_URL: databaseUrl, DATA_DIR: options.dataDir, JWT_SECRET, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', NODE_ENV: 'development', SERVER_PROCESSES: String(options.processes) },
  logFile: path.join(options.dataDir, 'server-soak.log'),
  // --profile-dir: a V8 CPU profile of the server's whole run, for diagnosis (it slows the server).
  // --node-args '--trace-gc …': more of node's own flags for the server, for diagnosis.
  nodeArgs: [...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []), ...String(options.nodeArgs).split(' ').filter(Boolean)],
});
mariadb = pidByName('mariadbd');
let soakRun = null;
try {
  const knee = String(options.knee).split(',').filter(Boolean).map(Number);
  if (Number(options.serial) > 0) await serial(Number(options.serial));
  else if (knee.length > 0) await findKnee(knee);
  else soakRun = await soak();
} finally {
  await server.stop();
  await pool.end();
}
if (soakRun && options.profileDir) slowestSeconds(soakRun);
process.exit(failed ? 1 : 0);
