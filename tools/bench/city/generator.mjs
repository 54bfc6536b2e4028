// The rows of a city two years into running the system, generated from the inbox generator's tickets
// (tools/bench/inbox/seed.mjs): per ticket the report that opened it and its supporters' (附议) reports,
// a photo's metadata for 85 % of reports, and the ticket's events as the lifecycle writes them (opened,
// supporters joined, signed for, resolved, confirmed or closed automatically). Deterministic for a seed.
import geo from '@ssp/geo';
import text from '@ssp/text';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { dt0, dt6, prng, uuidv7 } from '../inbox/seed.mjs';
import { randomPhash } from '../intake/fixtures.mjs';

const { encodeGeohash } = geo;
const { normalizeText } = text;
const N = '\\N';
const BEIJING_OFFSET_MS = 8 * 3600_000;
const REPLY = '已安排人员现场处理完毕，感谢您的反馈。';

export const USER_COLUMNS = ['id', 'createdAt', 'updatedAt', 'role', 'username', 'passwordHash', 'openid', 'nickname', 'departmentId', 'active'];
export const REPORT_COLUMNS = [
  'id', 'createdAt', 'updatedAt', 'reportNo', 'reporterId', 'clientRequestId', 'description', 'lat', 'lng', 'coordSystem', 'geohash',
  'regionCode', 'chosenCategoryCode', 'suggestedCategoryCode', 'outcome', 'reasons', 'ticketId', 'rating', 'ratedAt', 'checks',
  'textHash', 'classifierConfidence',
];
export const EVENT_COLUMNS = ['id', 'createdAt', 'updatedAt', 'ticketId', 'action', 'fromStatus', 'toStatus', 'actorId', 'actorRole', 'note', 'departmentId', 'data'];
export const PHOTO_COLUMNS = ['id', 'createdAt', 'updatedAt', 'ownerId', 'storageKey', 'thumbKey', 'mime', 'sizeBytes', 'width', 'height', 'sha256', 'phash', 'qualityFlags', 'reportId'];

/**
 * TSV lines of `rows` as a Readable factory, 2,000 lines a piece: mysql2 sends each piece as one packet,
 * which must stay under the server's max_allowed_packet.
 */
const tsv = (rows) => () =>
  Readable.from(
    (function* () {
      for (let i = 0; i < rows.length; i += 2000) yield Buffer.from(`${rows.slice(i, i + 2000).map((row) => (typeof row === 'string' ? row : row.join('\t'))).join('\n')}\n`, 'utf8');
    })(),
  );
const hex = (random, bytes) => Array.from({ length: bytes }, () => Math.floor(random() * 256).toString(16).padStart(2, '0')).join('');

/** Residents (openid `city-resident-N`) created over the span, and `staff` staff spread over the departments. */
export function userRows({ residents, staff, departments, passwordHash, spanDays, now, seed }) {
  const random = prng(seed ^ 0x05e5);
  const start = now - spanDays * 86_400_000;
  const rows = [];
  const residentIds = [];
  for (let i = 0; i < residents; i++) {
    const ms = Math.floor(start + (i * spanDays * 86_400_000) / residents);
    const id = uuidv7(ms, random);
    residentIds.push(id);
    rows.push([id, dt6(ms), dt6(ms), 'resident', N, N, `city-resident-${i}`, `市民${String(i).padStart(6, '0')}`, N, 1]);
  }
  /** @type {Map<string, string[]>} department id → its staff ids */
  const staffByDepartment = new Map();
  for (let i = 0; i < staff; i++) {
    const department = departments[i % departments.length];
    const id = uuidv7(start + i, random);
    staffByDepartment.set(department.id, [...(staffByDepartment.get(department.id) ?? []), id]);
    rows.push([id, dt6(start), dt6(start), 'staff', `city.staff.${String(i).padStart(3, '0')}`, passwordHash, N, `工作人员${String(i).padStart(3, '0')}`, department.id, 1]);
  }
  return { stream: tsv(rows), count: rows.length, residentIds, staffByDepartment };
}

/**
 * `chunk(from, to)`: TSV stream factories of tickets [from, to) and of their reports, events and photos,
 * with the row counts. The tickets are exactly `tickets.stream(from, to)`'s (same random sequence).
 */
export function cityChunks({ tickets, residentIds, staffByDepartment, adminId, seed, now }) {
  const textHashes = new Map();
  const textHashOf = (description) => {
    let hash = textHashes.get(description);
    if (!hash) {
      hash = createHash('sha256').update(normalizeText(description).text).digest('hex');
      textHashes.set(description, hash);
    }
    return hash;
  };
  return {
    chunk(from, to) {
      const random = prng(seed + from);
      const extra = prng((seed ^ 0xc17) + from);
      const ticketLines = [];
      const reports = [];
      const events = [];
      const photos = [];
      for (let i = from; i < to; i++) {
        const t = tickets.ticket(i, random);
        ticketLines.push(t.line);
        const day = new Date(t.createdMs + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
        const departmentStaff = t.department ? staffByDepartment.get(t.department.id) ?? [] : [];
        const signer = departmentStaff.length > 0 ? departmentStaff[Math.floor(extra() * departmentStaff.length)] : null;
        const event = (ms, action, fromStatus, toStatus, actorId, actorRole, note = N) =>
          events.push([uuidv7(ms, extra), dt6(ms), dt6(ms), t.id, action, fromStatus ?? N, toStatus ?? N, actorId ?? N, actorRole, note, t.department?.id ?? N, N]);

        // Routed by a rule at once, or triaged by an admin later (then dispatched or rejected).
        const triaged = !t.department || (t.dispatchedMs !== null && t.dispatchedMs > t.createdMs);
        event(t.createdMs, triaged ? 'open_triage' : 'open_dispatched', null, triaged ? 'pending_triage' : 'dispatched', null, 'system');
        if (triaged && t.department) event(t.dispatchedMs, 'dispatch', 'pending_triage', 'dispatched', adminId, 'admin');
        let firstReporter = '';
        for (let j = 0; j < t.supporterCount; j++) {
          // The opening report, then its supporters over the following hours (a recent ticket's between its
          // opening and now: nothing is stamped in the future); numbers distinct by length.
          const later = t.createdMs + j * 3_600_000 * (1 + Math.floor(extra() * 12));
          const ms = later <= now ? later : t.createdMs + Math.floor(((now - t.createdMs) * j) / t.supporterCount);
          const reporter = residentIds[Math.floor(extra() * residentIds.length)];
          if (j === 0) firstReporter = reporter;
          const id = uuidv7(ms, extra);
          const rated = j === 0 && t.rating !== null;
          reports.push([
            id, dt6(ms), dt6(ms), `SP${day}${String(i % 100000).padStart(5, '0')}${j === 0 ? '' : j}`, reporter, `city-${i}-${j}`,
            t.description, t.point.lat, t.point.lng, 'gcj02', t.point.geohash, t.regionCode, t.category.code, t.category.code,
            j === 0 ? 'accepted' : 'merged', '[]', t.id, rated ? t.rating : N, rated ? dt0(t.closedMs) : N, '[]', textHashOf(t.description), 0.9,
          ]);
          if (j > 0) event(ms, 'supporter_joined', null, null, null, 'system');
          if (extra() < 0.85) {
            const photoId = uuidv7(ms - 60_000, extra);
            const month = new Date(ms).toISOString().slice(0, 7).replace('-', '/');
            photos.push([
              photoId, dt6(ms - 60_000), dt6(ms), reporter, `photos/${month}/${photoId}.jpg`, `photos/${month}/${photoId}.thumb.jpg`, 'image/jpeg',
              150_000 + Math.floor(extra() * 250_000), 1200, 1600, hex(extra, 32), randomPhash(extra), '[]', id,
            ]);
          }
        }
        if (t.acceptedMs !== null) event(t.acceptedMs, 'accept', 'dispatched', 'in_progress', signer, 'staff');
        if (t.resolvedMs !== null) event(t.resolvedMs, 'resolve', 'in_progress', 'resolved', signer, 'staff', REPLY);
        if (t.status === 'rejected') event(t.closedMs, 'reject', 'pending_triage', 'rejected', adminId, 'admin', '经核实不属于城市管理问题，不予受理');
        else if (t.closedMs !== null) {
          if (t.rating !== null) event(t.closedMs, 'confirm', 'resolved', 'closed', firstReporter, 'resident');
          else event(t.closedMs, 'auto_close', 'resolved', 'closed', null, 'system');
        }
      }
      return {
        tickets: tsv(ticketLines),
        reports: tsv(reports),
        events: tsv(events),
        photos: tsv(photos),
        counts: { tickets: to - from, reports: reports.length, events: events.length, photos: photos.length },
      };
    },
  };
}
