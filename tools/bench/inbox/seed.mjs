// Bulk-loads the inbox benchmark's data into a database the server has already migrated and seeded:
// synthetic departments up to the wanted count, then N tickets through LOAD DATA LOCAL INFILE, the rows
// generated in this process and streamed to MariaDB (no temp file). Deterministic for a given --seed.
import geo from '@ssp/geo';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';

const { encodeGeohash, geometryContains } = geo;

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** Status mix of a city that has run the system for a year (sums to 1). */
export const STATUS_MIX = /** @type {const} */ ([
  ['dispatched', 0.1],
  ['in_progress', 0.15],
  ['closed', 0.5],
  ['resolved', 0.2],
  ['pending_triage', 0.05],
]);

/** Department the benchmark's staff member belongs to (the seeded demo account staff.cgj): the biggest. */
export const BIG_DEPARTMENT_CODE = 'CGJ';
export const BIG_DEPARTMENT_USER = 'staff.cgj';

/** Ticket columns in the order the generator writes them. */
export const TICKET_COLUMNS = [
  'id', 'createdAt', 'updatedAt', 'ticketNo', 'status', 'categoryId', 'regionCode', 'departmentId', 'priority',
  'description', 'lat', 'lng', 'geohash', 'acceptBy', 'resolveBy', 'overdue', 'version', 'supporterCount',
  'resolutionReply', 'resolvedAt', 'closedAt', 'pendingExtensionUntil', 'reopenCount',
  // The statistics figures (StatsFigures migration), as the sign-for, 办结 and ratings record them.
  'dispatchedAt', 'acceptedAt', 'acceptMinutes', 'acceptedOnTime', 'resolveMinutes', 'resolvedOnTime',
  'ratingCount', 'ratingSum', 'satisfiedCount',
];

const PROBLEMS = [
  '人行道上有一处井盖缺失，行人经过很危险，请尽快处理',
  '路边垃圾堆积多日无人清运，气味很大',
  '路灯晚上不亮，整段路一片漆黑',
  '小区门口有车辆长期占用消防通道',
  '道路中间出现坑洼，下雨后积水严重',
  '围墙上有大面积乱涂乱画的小广告',
  '绿化带里的树木倒伏，挡住了非机动车道',
  '施工工地夜间噪音扰民，影响休息',
  '共享单车乱停乱放堵塞人行道',
  '河道水面漂浮大量垃圾，影响市容',
  '公交站台的座椅损坏，存在安全隐患',
  '店铺占道经营，把货物摆到了人行道上',
  '雨水井盖堵塞，暴雨时路面积水',
  '交通信号灯故障，路口车辆通行混乱',
  '公园里的健身器材损坏，螺丝松动',
];
const PLACES = ['中山路', '汉中路', '龙蟠中路', '江东中路', '中央路', '太平南路', '应天大街', '集庆门大街', '北京东路', '草场门大街', '虎踞路', '卡子门大街'];
const REPLY = '已安排人员现场处理完毕，感谢您的反馈。';

/** mulberry32: a small fast seeded PRNG, so the same seed gives the same million tickets. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** UUIDv7 for an instant, like the server's newId(), with the random part from `random`. */
export function uuidv7(ms, random) {
  const b = new Array(16);
  let time = ms;
  for (let i = 5; i >= 0; i--) {
    b[i] = time % 256;
    time = Math.floor(time / 256);
  }
  for (let i = 6; i < 16; i++) b[i] = Math.floor(random() * 256);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => HEX[x]).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC (the server talks to MySQL with timezone 'Z'). */
export const dt6 = (ms) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
/** DATETIME without fraction, for the deadline columns. */
export const dt0 = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** Index into cumulative weights by binary search. */
function pick(cumulative, u) {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cumulative[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulativeOf(weights) {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let running = 0;
  return weights.map((w) => (running += w / total));
}

/**
 * Adds synthetic departments BENCH-01… until there are `count`, and reads what the generator needs:
 * departments (the big one first, then district bureaus, then the rest), leaf categories and district outlines.
 * @param {import('mysql2/promise').Pool} pool
 */
export async function prepareReference(pool, count, random) {
  const [existing] = await pool.query('SELECT id, code, regionCode FROM departments ORDER BY code');
  const departments = /** @type {Array<{id: string, code: string, regionCode: string | null}>} */ (existing);
  const now = Date.now();
  const added = [];
  for (let n = 1; departments.length + added.length < count; n++) {
    const code = `BENCH-${String(n).padStart(2, '0')}`;
    if (departments.some((d) => d.code === code)) continue;
    added.push({ id: uuidv7(now + n, random), code, regionCode: null });
  }
  if (added.length > 0) {
    await pool.query(
      'INSERT INTO departments (id, createdAt, updatedAt, code, name, shortName, duties, regionCode, active) VALUES ?',
      [added.map((d, i) => [d.id, new Date(now), new Date(now), d.code, `压测部门${String(i + 1).padStart(2, '0')}`, `压测${i + 1}`, '基准测试用的合成部门', null, 1])],
    );
  }
  const all = [...departments, ...added];
  const rank = (d) => (d.code === BIG_DEPARTMENT_CODE ? 0 : d.code.startsWith('CGJ-') ? 1 : d.code.startsWith('BENCH-') ? 3 : 2);
  all.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));

  const [categoryRows] = await pool.query('SELECT id, code FROM categories WHERE parentId IS NOT NULL ORDER BY code');
  const [regionRows] = await pool.query("SELECT code, name, geometry, bbox FROM regions WHERE level = 'district' ORDER BY code");
  const districts = /** @type {Array<any>} */ (regionRows).map((row) => ({
    code: row.code,
    name: row.name,
    geometry: typeof row.geometry === 'string' ? JSON.parse(row.geometry) : row.geometry,
    bbox: typeof row.bbox === 'string' ? JSON.parse(row.bbox) : row.bbox,
  }));
  if (districts.length === 0) throw new Error('no district outlines in `regions`: was the database seeded?');
  if (/** @type {any[]} */ (categoryRows).length === 0) throw new Error('no categories: was the database seeded?');
  return { departments: all, addedDepartments: added.length, categories: /** @type {Array<{id: string, code: string}>} */ (categoryRows), districts };
}

/** `perDistrict` random GCJ-02 points inside each district's outline (rejection sampling in its bbox). */
export function pointPools(districts, perDistrict, random) {
  const pools = new Map();
  for (const district of districts) {
    const [minLng, minLat, maxLng, maxLat] = district.bbox;
    const points = [];
    let tries = 0;
    while (points.length < perDistrict && tries < perDistrict * 50) {
      tries++;
      const point = { lat: minLat + random() * (maxLat - minLat), lng: minLng + random() * (maxLng - minLng) };
      if (geometryContains(district.geometry, point)) {
        points.push({ lat: Number(point.lat.toFixed(6)), lng: Number(point.lng.toFixed(6)), geohash: encodeGeohash(point.lat, point.lng, 9) });
      }
    }
    if (points.length === 0) throw new Error(`could not place a point inside ${district.code}`);
    pools.set(district.code, points);
  }
  return pools;
}

const HOUR_MS = 3_600_000;
/** The aged city's deadlines: sign for within a day, 办结 within seven days of dispatch. */
export const AGED_ACCEPT_HOURS = 24;
export const AGED_RESOLVE_DAYS = 7;
/** The server's default REOPEN_WINDOW_DAYS: an unrated resolved ticket closes by itself after it. */
const AGED_REOPEN_WINDOW_DAYS = 7;

/**
 * One ticket's life in a city that works its tickets, and where it stands at `now`:
 * - 5 % are not routed by a rule; an admin triages them within 8 hours and rejects 40 % of those;
 * - staff sign for within 12 hours (skewed short), 5 % take up to 3 days;
 * - 办结 2 hours to ~8 days after signing (skewed short); a long tail of 0.5 % takes 1–4 months;
 * - 60 % of residents rate within 3 days (mostly 4–5 stars); the others' tickets close by themselves
 *   after the reopen window.
 * Steps after `now` have not happened: the ticket has the status of the last step before it.
 */
export function agedLife(createdMs, random, now) {
  const triaged = random() < 0.05;
  const triageEndMs = triaged ? createdMs + Math.floor(random() * 8 * HOUR_MS) : createdMs;
  const rejected = triaged && random() < 0.4;
  const acceptMinutes = random() < 0.05 ? 720 + Math.floor(random() * 3600) : Math.floor(random() * random() * 720);
  const resolveHours = random() < 0.005 ? (30 + random() * 90) * 24 : 2 + random() * random() * 200;
  const rated = random() < 0.6;
  const ratedAfterMs = Math.floor(random() * 3 * DAY_MS);
  const score = 5 - Math.floor(random() * random() * 5);
  const reopened = random() < 0.05 ? 1 : 0;

  const reached = (ms) => (ms !== null && ms <= now ? ms : null);
  const dispatchedMs = rejected ? null : reached(triageEndMs);
  const acceptedMs = dispatchedMs === null ? null : reached(dispatchedMs + acceptMinutes * 60_000);
  const resolvedMs = acceptedMs === null ? null : reached(acceptedMs + Math.floor(resolveHours * HOUR_MS));
  const closedMs = rejected
    ? reached(triageEndMs)
    : resolvedMs === null
      ? null
      : reached(resolvedMs + (rated ? ratedAfterMs : AGED_REOPEN_WINDOW_DAYS * DAY_MS));
  const status = rejected
    ? closedMs === null ? 'pending_triage' : 'rejected'
    : closedMs !== null ? 'closed' : resolvedMs !== null ? 'resolved' : acceptedMs !== null ? 'in_progress' : dispatchedMs !== null ? 'dispatched' : 'pending_triage';
  const acceptMs = dispatchedMs === null ? null : dispatchedMs + AGED_ACCEPT_HOURS * HOUR_MS;
  const resolveMs = dispatchedMs === null ? null : dispatchedMs + AGED_RESOLVE_DAYS * DAY_MS;
  const done = resolvedMs !== null;
  return {
    status,
    triage: dispatchedMs === null,
    overdue: (status === 'dispatched' && acceptMs < now) || ((status === 'dispatched' || status === 'in_progress') && resolveMs < now),
    times: () => ({
      dispatchedMs,
      acceptMs,
      resolveMs,
      acceptedMs,
      acceptMinutes: acceptedMs === null ? null : acceptMinutes,
      resolvedMs,
      closedMs,
      updatedMs: closedMs ?? resolvedMs ?? acceptedMs ?? dispatchedMs ?? createdMs,
      rating: status === 'closed' && rated ? score : null,
      reopened: done ? reopened : 0,
    }),
  };
}

/**
 * Makes the row generator: `stream(from, to)` yields TSV lines of tickets from..to-1, `ticket(i, random)`
 * one ticket's TSV line with the facts other rows of it need (the city seed builds its reports and events
 * from them). Tickets are created over the `spanDays` before `now` in index order (so UUIDv7 ids and
 * inserts are ordered).
 *
 * `lifecycle`:
 * - `'mixed'` (the inbox and dedupe benches): each ticket's status is drawn from STATUS_MIX whatever its
 *   age, deadlines fall within ±30 days of `now`. Many open tickets of every age: a heavy inbox.
 * - `'aged'` (the city): each ticket lives through its own timeline (agedLife) and has the status that
 *   timeline has reached at `now`. Old tickets are closed or rejected, open ones are recent, and only a
 *   long tail is overdue, as in a city that works its tickets.
 */
export function ticketGenerator({ total, reference, seed, now, spanDays = 365, lifecycle = 'mixed' }) {
  if (lifecycle !== 'mixed' && lifecycle !== 'aged') throw new Error(`unknown lifecycle ${lifecycle}`);
  const setupRandom = prng(seed ^ 0x5eed);
  const pools = pointPools(reference.districts, 4000, setupRandom);
  const districtCodes = reference.districts.map((d) => d.code);
  // Zipf-like department sizes (exponent 0.6): the city management bureau gets the most tickets.
  const departmentCumulative = cumulativeOf(reference.departments.map((_, i) => 1 / Math.pow(i + 1, 0.6)));
  const statusCumulative = cumulativeOf(STATUS_MIX.map(([, share]) => share));
  const start = now - spanDays * DAY_MS - DAY_MS;
  const step = (spanDays * DAY_MS) / total;

  /**
   * The mixed lifecycle's times (its random draws in their original order, so every seed's tickets stay
   * as they were): a drawn status, deadlines around `now`, on-time flags drawn later in the row.
   */
  function mixedLife(createdMs, status, random) {
    const triage = status === 'pending_triage';
    const resolveMs = triage ? null : Math.floor(now + (random() * 2 - 1) * 30 * DAY_MS);
    const done = status === 'resolved' || status === 'closed';
    // Never stamped in the future: the statistics rebuild the days of changes "since the watermark" on every refresh.
    const resolvedMs = done ? Math.min(now - 120_000, createdMs + Math.floor(random() * 5 * DAY_MS)) : null;
    const closedMs = status === 'closed' ? Math.min(now - 60_000, resolvedMs + 3 * DAY_MS) : null;
    // Signed for (in_progress and after): minutes skewed short with a long tail, 85 % on time.
    const accepted = status === 'in_progress' || done;
    const acceptMinutes = accepted ? Math.floor(random() * random() * 720) : null;
    const rating = status === 'closed' && random() < 0.6 ? 1 + Math.floor(random() * 5) : null;
    return {
      dispatchedMs: null,
      acceptMs: resolveMs === null ? null : resolveMs - 46 * 3600_000,
      resolveMs,
      acceptedMs: acceptMinutes === null ? null : createdMs + acceptMinutes * 60_000,
      acceptMinutes,
      resolvedMs,
      closedMs,
      updatedMs: closedMs ?? resolvedMs ?? createdMs,
      rating,
      reopened: done && random() < 0.05 ? 1 : 0,
    };
  }

  /** A ticket's status, whether it has no department (triage, rejected), and its times (mixed or aged). */
  function lifeOf(createdMs, random) {
    if (lifecycle === 'aged') return agedLife(createdMs, random, now);
    const status = STATUS_MIX[pick(statusCumulative, random())][0];
    return { status, triage: status === 'pending_triage', times: (r) => mixedLife(createdMs, status, r) };
  }

  /** @param {number} i */
  function ticket(i, random) {
    const createdMs = Math.floor(start + i * step);
    const life = lifeOf(createdMs, random);
    const { status, triage } = life;
    const department = triage ? null : reference.departments[pick(departmentCumulative, random())];
    const regionCode = department?.regionCode ?? districtCodes[Math.floor(random() * districtCodes.length)];
    const pool = pools.get(regionCode) ?? pools.get(districtCodes[0]);
    const point = pool[Math.floor(random() * pool.length)];
    const category = reference.categories[Math.floor(random() * reference.categories.length)];
    const { dispatchedMs, acceptMs, resolveMs, acceptedMs, acceptMinutes, resolvedMs, closedMs, updatedMs, rating, reopened } = life.times(random);
    const open = status === 'dispatched' || status === 'in_progress';
    const done = status === 'resolved' || status === 'closed';
    // The aged timeline knows whether each step was in time; the mixed one draws it (85 % and 75 %).
    const onTime = (drawn, share, ms, deadlineMs) => (lifecycle === 'aged' ? (ms <= deadlineMs ? 1 : 0) : drawn < share ? 1 : 0);
    const overdue = lifecycle === 'aged' ? life.overdue : open && resolveMs < now;
    const day = new Date(createdMs + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
    // i mod 100000 is unique within a day (a day holds far fewer tickets), so ticketNo is unique.
    const ticketNo = `GD${day}${String(i % 100000).padStart(5, '0')}`;
    const description = `${PLACES[Math.floor(random() * PLACES.length)]}${1 + Math.floor(random() * 300)}号附近：${PROBLEMS[Math.floor(random() * PROBLEMS.length)]}`;
    const N = '\\N';
    const id = uuidv7(createdMs, random);
    // Drawn where the row needs it, so the random sequence (and every ticket of a seed) stays as it was.
    let supporterCount = 1;
    const line = [
      id,
      dt6(createdMs),
      dt6(updatedMs),
      ticketNo,
      status,
      category.id,
      regionCode,
      department?.id ?? N,
      random() < 0.05 ? 1 : 0,
      description,
      point.lat,
      point.lng,
      point.geohash,
      acceptMs === null ? N : dt0(acceptMs),
      resolveMs === null ? N : dt0(resolveMs),
      overdue ? 1 : 0,
      1,
      (supporterCount = 1 + (random() < 0.1 ? Math.floor(random() * 5) : 0)),
      done ? REPLY : N,
      resolvedMs === null ? N : dt0(resolvedMs),
      closedMs === null ? N : dt0(closedMs),
      N,
      reopened,
      dispatchedMs === null ? N : dt0(dispatchedMs),
      acceptedMs === null ? N : dt0(acceptedMs),
      acceptMinutes ?? N,
      acceptMinutes === null ? N : onTime(random(), 0.85, acceptedMs, acceptMs),
      resolvedMs === null ? N : Math.floor((resolvedMs - (dispatchedMs ?? createdMs)) / 60_000),
      resolvedMs === null ? N : onTime(random(), 0.75, resolvedMs, resolveMs),
      rating === null ? 0 : 1,
      rating ?? 0,
      rating !== null && rating >= 4 ? 1 : 0,
    ].join('\t');
    return { line, id, createdMs, status, department, regionCode, point, category, description, supporterCount, dispatchedMs, acceptedMs, resolvedMs, closedMs, rating };
  }

  return {
    ticket,
    /** A Readable of TSV for tickets [from, to), made in batches of 2,000 lines. */
    stream(from, to) {
      const random = prng(seed + from);
      return Readable.from(
        (function* () {
          for (let i = from; i < to; i += 2000) {
            const end = Math.min(to, i + 2000);
            const lines = new Array(end - i);
            for (let j = i; j < end; j++) lines[j - i] = ticket(j, random).line;
            yield Buffer.from(`${lines.join('\n')}\n`, 'utf8');
          }
        })(),
        { objectMode: false },
      );
    },
  };
}

/**
 * One LOAD DATA LOCAL INFILE of TSV rows (tab-separated, `\\N` for NULL) into `table`; throws unless every
 * one of `rows` rows was loaded without a warning.
 * @param {import('mysql2/promise').PoolConnection} connection
 * @param {string} table @param {readonly string[]} columns
 * @param {() => import('node:stream').Readable} streamFactory @param {number} rows
 */
export async function loadDataInfile(connection, table, columns, streamFactory, rows) {
  const sql =
    `LOAD DATA LOCAL INFILE 'bench-${table}.tsv' INTO TABLE \`${table}\` CHARACTER SET utf8mb4 ` +
    `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${columns.map((c) => `\`${c}\``).join(', ')})`;
  const [result] = await connection.query({ sql, infileStreamFactory: streamFactory });
  const affected = /** @type {any} */ (result).affectedRows;
  const warnings = /** @type {any} */ (result).warningStatus;
  if (affected !== rows) throw new Error(`LOAD DATA into ${table} loaded ${affected} of ${rows} rows (${warnings} warnings)`);
  if (warnings > 0) {
    const [shown] = await connection.query('SHOW WARNINGS LIMIT 5');
    throw new Error(`LOAD DATA into ${table} gave ${warnings} warnings, e.g. ${JSON.stringify(shown)}`);
  }
}

/**
 * Runs `loadChunk(connection, from, to)` over [0, total) in chunks of `chunkRows` on `parallel` pool
 * connections, unique and foreign-key checks off for those sessions (the generators guarantee both).
 * @param {import('mysql2/promise').Pool} pool
 * @param {{ total: number, chunkRows: number, parallel: number, loadChunk: (connection: import('mysql2/promise').PoolConnection, from: number, to: number) => Promise<void>, onProgress?: (loaded: number, ms: number) => void }} options
 */
export async function loadInChunks(pool, { total, chunkRows, parallel, loadChunk, onProgress }) {
  let next = 0;
  let loaded = 0;
  const t0 = performance.now();
  async function worker() {
    const connection = await pool.getConnection();
    try {
      await connection.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
      while (next < total) {
        const from = next;
        const to = Math.min(total, from + chunkRows);
        next = to;
        await loadChunk(connection, from, to);
        loaded += to - from;
        onProgress?.(loaded, performance.now() - t0);
      }
    } finally {
      await connection.query('SET SESSION unique_checks = 1, foreign_key_checks = 1').catch(() => undefined);
      connection.release();
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return { loaded, elapsedMs: performance.now() - t0 };
}

/** Loads `total` tickets of `generator` in chunks (loadInChunks). @param {import('mysql2/promise').Pool} pool */
export function loadTickets(pool, { total, chunkRows, parallel, generator, onProgress }) {
  return loadInChunks(pool, {
    total,
    chunkRows,
    parallel,
    onProgress,
    loadChunk: (connection, from, to) => loadDataInfile(connection, 'tickets', TICKET_COLUMNS, () => generator.stream(from, to), to - from),
  });
}

/**
 * Runs `load` with the table's secondary indexes dropped, then adds them back in one ALTER (InnoDB
 * builds each by sorting, far faster than a million random B-tree inserts into a 128 MB buffer pool),
 * and checks that SHOW CREATE TABLE is exactly what the migrations made. Foreign-key checks are off for
 * the drop (the FK indexes are among them) and on again afterwards.
 * @param {import('mysql2/promise').Pool} pool
 * @param {string} table
 * @param {() => Promise<unknown>} load
 */
export async function withIndexesDeferred(pool, table, load) {
  const createOf = async () => {
    const [rows] = await pool.query(`SHOW CREATE TABLE \`${table}\``);
    return String(/** @type {any[]} */ (rows)[0]['Create Table']);
  };
  const before = await createOf();
  const [indexRows] = await pool.query(`SHOW INDEX FROM \`${table}\``);
  /** @type {Map<string, {unique: boolean, columns: string[]}>} */
  const indexes = new Map();
  for (const row of /** @type {any[]} */ (indexRows)) {
    if (row.Key_name === 'PRIMARY') continue;
    const index = indexes.get(row.Key_name) ?? { unique: Number(row.Non_unique) === 0, columns: [] };
    index.columns[Number(row.Seq_in_index) - 1] = `\`${row.Column_name}\`${row.Sub_part ? `(${row.Sub_part})` : ''}`;
    indexes.set(row.Key_name, index);
  }
  const connection = await pool.getConnection();
  const timings = { dropMs: 0, loadMs: 0, buildMs: 0 };
  try {
    await connection.query('SET SESSION foreign_key_checks = 0');
    let t = performance.now();
    if (indexes.size > 0) {
      await connection.query(`ALTER TABLE \`${table}\` ${[...indexes.keys()].map((name) => `DROP INDEX \`${name}\``).join(', ')}`);
    }
    timings.dropMs = performance.now() - t;
    t = performance.now();
    await load();
    timings.loadMs = performance.now() - t;
    t = performance.now();
    if (indexes.size > 0) {
      const adds = [...indexes.entries()].map(
        ([name, index]) => `ADD ${index.unique ? 'UNIQUE ' : ''}INDEX \`${name}\` (${index.columns.join(', ')})`,
      );
      await connection.query(`ALTER TABLE \`${table}\` ${adds.join(', ')}, ALGORITHM=INPLACE, LOCK=NONE`);
    }
    timings.buildMs = performance.now() - t;
  } finally {
    await connection.query('SET SESSION foreign_key_checks = 1').catch(() => undefined);
    connection.release();
  }
  const after = await createOf();
  if (after !== before) {
    throw new Error(`${table} differs from the migrated schema after the index rebuild:\n--- before\n${before}\n--- after\n${after}`);
  }
  return { ...timings, indexes: [...indexes.keys()] };
}

/**
 * The whole bulk load for a bench database that the server has migrated and seeded: reference data,
 * `tickets` tickets through LOAD DATA with the secondary indexes deferred (or not), then ANALYZE.
 * `log` receives progress lines. Returns the timings and the reference data used.
 * @param {import('mysql2/promise').Pool} pool
 * @param {{ tickets: number, departments: number, seed: number, chunk: number, parallel: number, deferIndexes: boolean, log: (line: string) => void }} options
 */
export async function loadBenchTickets(pool, { tickets, departments, seed, chunk, parallel, deferIndexes, log }) {
  const started = performance.now();
  const reference = await prepareReference(pool, departments, prng(seed));
  log(`departments: ${reference.departments.length} (${reference.departments.length - reference.addedDepartments} seeded + ${reference.addedDepartments} BENCH-xx) · leaf categories: ${reference.categories.length} · districts: ${reference.districts.length}`);
  const generator = ticketGenerator({ total: tickets, reference, seed, now: Date.now() });
  let lastPrint = 0;
  const load = () =>
    loadTickets(pool, {
      total: tickets,
      chunkRows: chunk,
      parallel,
      generator,
      onProgress: (loaded, ms) => {
        if (ms - lastPrint < 5000 && loaded < tickets) return;
        lastPrint = ms;
        log(`  ${String(loaded).padStart(9)} tickets  ${(ms / 1000).toFixed(1).padStart(7)} s  ${Math.round((loaded / ms) * 1000)} rows/s`);
      },
    });
  let loadResult = { loaded: 0, elapsedMs: 0 };
  const indexTimings = deferIndexes
    ? await withIndexesDeferred(pool, 'tickets', async () => {
        loadResult = await load();
      })
    : null;
  if (!deferIndexes) loadResult = await load();
  const analyzeStart = performance.now();
  await pool.query('ANALYZE TABLE tickets, departments, categories, users');
  return { reference, loadResult, indexTimings, analyzeMs: performance.now() - analyzeStart, totalMs: performance.now() - started };
}
