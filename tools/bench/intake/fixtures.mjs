// What the intake benchmark needs besides the million tickets: residents with tokens, a history of
// earlier reports (each with an attached photo) so per-resident and per-photo checks read real rows,
// the pre-uploaded photos the measured reports attach, and the report bodies themselves.
import geo from '@ssp/geo';
import text from '@ssp/text';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, apiJson } from '../lib/server.mjs';
import { pointPools, prng, uuidv7 } from '../inbox/seed.mjs';

const { normalizeText } = text;
const { encodeGeohash, gcj02ToWgs84 } = geo;
const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3600_000;
const OPEN_STATUSES = ['pending_triage', 'dispatched', 'in_progress'];
const CORPUS_DIR = path.join(REPO_ROOT, 'tools/classifier/corpus');
const PLACES = ['中山路', '汉中路', '龙蟠中路', '江东中路', '中央路', '太平南路', '应天大街', '集庆门大街', '北京东路', '草场门大街', '虎踞路', '卡子门大街'];

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC (the server talks to MySQL with timezone 'Z'). */
const dt6 = (ms) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

/** The server's textHashOf: sha256 of the normalised description. */
const textHashOf = (description) => createHash('sha256').update(normalizeText(description).text).digest('hex');

/** A random 64-bit dHash that isInformativeHash() accepts (20–44 bits set, like a real photo's). */
export function randomPhash(random) {
  for (;;) {
    let hex = '';
    let bits = 0;
    for (let i = 0; i < 8; i++) {
      const byte = Math.floor(random() * 256);
      bits += byte.toString(2).replace(/0/g, '').length;
      hex += byte.toString(16).padStart(2, '0');
    }
    if (bits >= 20 && bits <= 44) return hex;
  }
}

/** Lowest UUIDv7 string of an instant, for id range scans (ids follow creation time). */
function uuidFloor(ms) {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

/** Inserts rows in batches of `batch` through multi-row INSERTs. */
async function insertRows(pool, table, columns, rows, batch = 2000) {
  const sql = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`;
  for (let i = 0; i < rows.length; i += batch) await pool.query(sql, [rows.slice(i, i + batch)]);
}

/**
 * `count` residents through the dev login (POST /api/v1/auth/dev), `parallel` at a time. A resident is
 * created on first login and found again on later runs (same openids).
 * @returns {Promise<Array<{ id: string, token: string, deviceId: string }>>}
 */
export async function loginResidents(baseUrl, count, parallel = 8) {
  const residents = new Array(count);
  let next = 0;
  async function worker() {
    while (next < count) {
      const i = next++;
      const openid = `bench-intake-${String(i).padStart(5, '0')}`;
      const result = await apiJson(`${baseUrl}/api/v1/auth/dev`, { method: 'POST', body: { openid, nickname: `压测居民${i}` } });
      residents[i] = { id: result.user.id, token: result.accessToken, deviceId: `bench-device-${String(i).padStart(5, '0')}` };
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return residents;
}

/** Corpus lines (code, text) of tools/classifier/corpus/*.tsv whose code is an active leaf category. */
export function corpusLines(activeCodes) {
  const lines = [];
  for (const file of readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.tsv')).sort()) {
    for (const line of readFileSync(path.join(CORPUS_DIR, file), 'utf8').split('\n')) {
      const [code, description] = line.split('\t');
      if (description && activeCodes.has(code)) lines.push({ code, description: description.trim() });
    }
  }
  if (lines.length === 0) throw new Error('no corpus line names an active category');
  return lines;
}

/**
 * Open tickets of the last `days` days (the dedupe window is 7) with their category code, read through
 * the primary key (UUIDv7 ids follow creation time), at most `limit`.
 */
export async function recentTickets(pool, { days, limit, now, openOnly }) {
  const [rows] = await pool.query(
    `SELECT t.id, t.lat, t.lng, t.description, t.createdAt, t.regionCode, c.code AS categoryCode FROM tickets t
     LEFT JOIN categories c ON c.id = t.categoryId WHERE t.id >= ? ${openOnly ? 'AND t.status IN (?)' : ''} LIMIT ?`,
    openOnly ? [uuidFloor(now - days * DAY_MS), OPEN_STATUSES, limit] : [uuidFloor(now - days * DAY_MS), limit],
  );
  return /** @type {Array<{id: string, lat: number, lng: number, description: string, createdAt: Date, regionCode: string, categoryCode: string | null}>} */ (rows);
}

/**
 * Earlier reports of the bench residents: `count` reports of the last 30 days, each the report that
 * opened one of the tickets of those days (same text and place, outcome accepted) with one attached
 * photo of its reporter. Their numbers use counter values from 90000 up, which the server's daily
 * counter does not reach in a run. Returns how many were added (0 when the history is already there).
 */
export async function seedHistory(pool, { residents, count, storage, seed, now }) {
  const [[existing]] = /** @type {any} */ (await pool.query("SELECT COUNT(*) AS n FROM reports WHERE clientRequestId LIKE 'bench-history-%'"));
  if (Number(existing.n) >= count) return 0;
  await pool.query("DELETE FROM photos WHERE reportId IN (SELECT id FROM reports WHERE clientRequestId LIKE 'bench-history-%')");
  await pool.query("DELETE FROM reports WHERE clientRequestId LIKE 'bench-history-%'");
  const random = prng(seed ^ 0x4157);
  const tickets = await recentTickets(pool, { days: 30, limit: count * 4, now, openOnly: false });
  if (tickets.length === 0) throw new Error('no tickets of the last 30 days to attach the history to');
  const perDay = new Map();
  const reports = [];
  const photos = [];
  for (let i = 0; i < count; i++) {
    const ticket = tickets[Math.floor((i * tickets.length) / count)];
    const resident = residents[Math.floor(random() * residents.length)];
    const createdMs = new Date(ticket.createdAt).getTime();
    const day = new Date(createdMs + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
    const n = (perDay.get(day) ?? 90000) + 1;
    perDay.set(day, n);
    const id = uuidv7(createdMs, random);
    reports.push([
      id, dt6(createdMs), dt6(createdMs), `SP${day}${n}`, resident.id, `bench-history-${i}`, ticket.description,
      ticket.lat, ticket.lng, 'gcj02', encodeGeohash(ticket.lat, ticket.lng, 9), ticket.regionCode, null,
      ticket.categoryCode, 'accepted', '[]', ticket.id, '[]', resident.deviceId, textHashOf(ticket.description), 0.9,
    ]);
    photos.push(photoRow(uuidv7(createdMs - 60_000, random), resident.id, storage, random, createdMs - 60_000, id));
  }
  await insertRows(pool, 'reports', [
    'id', 'createdAt', 'updatedAt', 'reportNo', 'reporterId', 'clientRequestId', 'description', 'lat', 'lng', 'coordSystem', 'geohash',
    'regionCode', 'chosenCategoryCode', 'suggestedCategoryCode', 'outcome', 'reasons', 'ticketId', 'checks', 'deviceId', 'textHash',
    'classifierConfidence',
  ], reports);
  await insertRows(pool, 'photos', PHOTO_COLUMNS, photos);
  return count;
}

const PHOTO_COLUMNS = ['id', 'createdAt', 'updatedAt', 'ownerId', 'storageKey', 'thumbKey', 'mime', 'sizeBytes', 'width', 'height', 'sha256', 'phash', 'qualityFlags', 'reportId'];

/** A photo row like the uploaded one, with its own id, bytes fingerprint (sha256) and perceptual hash. */
function photoRow(id, ownerId, storage, random, createdMs, reportId = null) {
  return [
    id, dt6(createdMs), dt6(createdMs), ownerId, storage.storageKey, storage.thumbKey, storage.mime, storage.sizeBytes,
    storage.width, storage.height, randomBytes(32).toString('hex'), randomPhash(random), '[]', reportId,
  ];
}

/**
 * The pre-upload, first half: one real photo through POST /api/v1/photos. Its row is the template of
 * every bench photo row (stored object keys, size, dimensions, quality flags).
 */
export async function uploadTemplatePhoto(pool, { baseUrl, token, jpeg }) {
  const form = new FormData();
  form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'bench.jpg');
  const response = await fetch(`${baseUrl}/api/v1/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
    signal: AbortSignal.timeout(60_000),
  });
  const uploaded = await response.json();
  if (response.status !== 201) throw new Error(`photo upload → ${response.status}: ${JSON.stringify(uploaded).slice(0, 300)}`);
  const [[template]] = /** @type {any} */ (await pool.query('SELECT * FROM photos WHERE id = ?', [uploaded.id]));
  if (JSON.parse(template.qualityFlags).length > 0) throw new Error(`the bench photo has quality flags ${template.qualityFlags}: it would be rejected`);
  return template;
}

/**
 * The pre-upload, second half: `count` unattached photo rows in bulk, photo k owned by resident k mod R,
 * each with a distinct id, sha256 and an informative random dHash, all pointing at the template's
 * stored objects. A photo can be attached to one report only, so each measured report gets its own.
 */
export async function bulkPhotos(pool, { template, residents, count, seed, now }) {
  const random = prng(seed ^ 0x9407);
  const rows = [];
  const ids = [];
  for (let k = 0; k < count; k++) {
    const createdMs = now - Math.floor(random() * 30 * 60_000);
    const id = uuidv7(createdMs, random);
    ids.push(id);
    rows.push(photoRow(id, residents[k % residents.length].id, template, random, createdMs));
  }
  await insertRows(pool, 'photos', PHOTO_COLUMNS, rows);
  return ids;
}

/**
 * Report bodies for POST /api/v1/reports, report k by resident k mod R with photo k: corpus texts (a third
 * with a street address in front), half with the corpus's categoryCode and half without (so the
 * classifier decides), positions uniform over the districts (10 % sent in WGS-84, as a browser would), and
 * `nearShare` of them within 25 m of an open ticket of the last 6 days, half of those with that
 * ticket's text and category, so dedupe scores real candidates and some reports merge.
 */
export function reportBodies({ count, residents, photoIds, lines, districts, nearTickets, nearShare, runTag, seed }) {
  const random = prng(seed ^ 0xb0d1);
  const pools = [...pointPools(districts, 1000, random).values()];
  const bodies = new Array(count);
  for (let k = 0; k < count; k++) {
    const resident = residents[k % residents.length];
    const line = lines[Math.floor(random() * lines.length)];
    let description = random() < 1 / 3 ? `${PLACES[Math.floor(random() * PLACES.length)]}${1 + Math.floor(random() * 300)}号附近，${line.description}` : line.description;
    let categoryCode = random() < 0.5 ? line.code : undefined;
    let location;
    if (nearTickets.length > 0 && random() < nearShare) {
      const ticket = nearTickets[Math.floor(random() * nearTickets.length)];
      const metres = random() * 25;
      const angle = random() * 2 * Math.PI;
      location = {
        lat: Number((ticket.lat + (metres * Math.sin(angle)) / 111_195).toFixed(6)),
        lng: Number((ticket.lng + (metres * Math.cos(angle)) / (111_195 * Math.cos((ticket.lat * Math.PI) / 180))).toFixed(6)),
        coordSystem: 'gcj02',
      };
      if (random() < 0.5) {
        description = ticket.description;
        categoryCode = ticket.categoryCode ?? undefined;
      }
    } else {
      const pool = pools[Math.floor(random() * pools.length)];
      const point = pool[Math.floor(random() * pool.length)];
      if (random() < 0.1) {
        const wgs = gcj02ToWgs84(point);
        location = { lat: Number(wgs.lat.toFixed(6)), lng: Number(wgs.lng.toFixed(6)), coordSystem: 'wgs84' };
      } else {
        location = { lat: point.lat, lng: point.lng, coordSystem: 'gcj02' };
      }
    }
    const body = { clientRequestId: `${runTag}-${k}`, description, location, photoIds: [photoIds[k]], deviceId: resident.deviceId };
    if (categoryCode) body.categoryCode = categoryCode;
    bodies[k] = { buffer: Buffer.from(JSON.stringify(body)), authorization: `Bearer ${resident.token}`, body };
  }
  return bodies;
}
