import {
  DURATION_BUCKET_TIERS,
  addBucketRow,
  addCountRow,
  daysOf,
  emptyStatsTally,
  isoWeekOf,
  mergeTally,
  metricsOf,
  parseStatsRange,
  weekStartOf,
  type StatsGroup,
  type StatsResponse,
  type StatsRow,
  type StatsTally,
  type TicketStatus,
} from '@ssp/contracts';
import type { DataSource } from 'typeorm';

/**
 * The statistics computed the way the endpoint did before the rollups: the per-ticket aggregate over
 * `tickets` (counts per group key and status, duration buckets), folded into the response. The rollup
 * tests compare the endpoint with this on the same database.
 */
export async function referenceStats(db: DataSource, from: string, to: string, groupBy: StatsGroup): Promise<Omit<StatsResponse, 'asOf'>> {
  const range = parseStatsRange(from, to, new Date());
  if ('error' in range) throw new Error(range.error);
  const mysql = db.options.type !== 'better-sqlite3';
  const q = (name: string) => db.driver.escape(name);
  const column = { department: 'departmentId', category: 'categoryId', region: 'regionCode' }[groupBy as string];
  const key = column
    ? mysql
      ? `${q(column)} COLLATE utf8mb4_bin`
      : q(column)
    : mysql
      ? `DATE(${q('createdAt')} + INTERVAL 8 HOUR)`
      : `strftime('%Y-%m-%d', ${q('createdAt')}, '+8 hours')`;
  const where = `${q('createdAt')} >= :start AND ${q('createdAt')} < :end`;
  const run = async (sql: string) => {
    const [text, values] = db.driver.escapeQueryWithParameters(sql, { start: range.start, end: range.end });
    return db.query<Array<Record<string, unknown>>>(text, values);
  };
  const bucket = (name: string) => {
    const m = q(name);
    return `CASE ${DURATION_BUCKET_TIERS.map((tier) => (Number.isFinite(tier.below) ? `WHEN ${m} < ${tier.below} THEN ${m} - ${m} % ${tier.width}` : `ELSE ${m} - ${m} % ${tier.width}`)).join(' ')} END`;
  };
  const counts = await run(
    `SELECT ${key} AS k, ${q('status')} AS status, COUNT(*) AS tickets, COUNT(${q('acceptMinutes')}) AS accepted, SUM(${q('acceptedOnTime')}) AS acceptedOnTime,` +
      ` COUNT(${q('resolveMinutes')}) AS resolved, SUM(${q('resolvedOnTime')}) AS resolvedOnTime,` +
      ` SUM(CASE WHEN ${q('reopenCount')} > 0 AND ${q('resolveMinutes')} IS NOT NULL THEN 1 ELSE 0 END) AS reopened,` +
      ` SUM(${q('ratingCount')}) AS ratings, SUM(${q('ratingSum')}) AS ratingSum, SUM(${q('satisfiedCount')}) AS satisfied, SUM(${q('supporterCount')}) AS supporters` +
      ` FROM ${q('tickets')} WHERE ${where} GROUP BY k, ${q('status')}`,
  );
  const buckets = async (kind: 'accept' | 'resolve') => {
    const name = kind === 'accept' ? 'acceptMinutes' : 'resolveMinutes';
    const rows = await run(
      `SELECT ${key} AS k, ${bucket(name)} AS lower_bound, COUNT(*) AS n FROM ${q('tickets')} WHERE ${where} AND ${q('status')} <> 'merged' AND ${q(name)} IS NOT NULL GROUP BY k, lower_bound`,
    );
    return rows.map((row) => ({ key: keyText(row.k), kind, lower: Number(row.lower_bound), count: Number(row.n) }));
  };

  const group = await groupsOf(db, groupBy);
  const tallies = new Map<string, { key: string; label: string; tally: StatsTally }>();
  const tallyOf = (raw: string) => {
    const g = group(raw);
    let entry = tallies.get(g.key);
    if (!entry) tallies.set(g.key, (entry = { ...g, tally: emptyStatsTally() }));
    return entry.tally;
  };
  if (groupBy === 'day' || groupBy === 'week') for (const day of daysOf(range.from, range.to)) tallyOf(day);
  for (const row of counts) {
    addCountRow(tallyOf(keyText(row.k)), {
      key: keyText(row.k),
      status: row.status as TicketStatus,
      tickets: Number(row.tickets),
      accepted: Number(row.accepted),
      acceptedOnTime: Number(row.acceptedOnTime ?? 0),
      resolved: Number(row.resolved),
      resolvedOnTime: Number(row.resolvedOnTime ?? 0),
      reopened: Number(row.reopened ?? 0),
      ratings: Number(row.ratings ?? 0),
      ratingSum: Number(row.ratingSum ?? 0),
      satisfied: Number(row.satisfied ?? 0),
      supporters: Number(row.supporters ?? 0),
    });
  }
  for (const row of [...(await buckets('accept')), ...(await buckets('resolve'))]) addBucketRow(tallyOf(row.key), row);
  const totals = emptyStatsTally();
  const rows: StatsRow[] = [];
  for (const entry of tallies.values()) {
    mergeTally(totals, entry.tally);
    rows.push({ key: entry.key, label: entry.label, ...metricsOf(entry.tally) });
  }
  if (groupBy === 'day' || groupBy === 'week') rows.sort((a, b) => a.key.localeCompare(b.key));
  else rows.sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return { from: range.from, to: range.to, groupBy, totals: metricsOf(totals), rows };
}

function keyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Raw key → shown key and label, read with joins (departments by code, 大类, districts). */
async function groupsOf(db: DataSource, groupBy: StatsGroup): Promise<(raw: string) => { key: string; label: string }> {
  if (groupBy === 'day') return (day) => ({ key: day, label: day });
  if (groupBy === 'week') return (day) => ({ key: isoWeekOf(day), label: weekStartOf(day) });
  const sql = {
    department: 'SELECT id AS raw, code AS k, name AS label FROM departments',
    category: 'SELECT c.id AS raw, COALESCE(p.code, c.code) AS k, COALESCE(p.name, c.name) AS label FROM categories c LEFT JOIN categories p ON p.id = c.parentId',
    region:
      "SELECT r.code AS raw, CASE WHEN r.level = 'street' AND p.code IS NOT NULL THEN p.code ELSE r.code END AS k," +
      " CASE WHEN r.level = 'street' AND p.code IS NOT NULL THEN p.name ELSE r.name END AS label FROM regions r LEFT JOIN regions p ON p.code = r.parentCode",
  }[groupBy];
  const none = { department: '未分派部门', category: '未分类', region: '未知区域' }[groupBy];
  const map = new Map((await db.query<Array<{ raw: string; k: string; label: string }>>(sql)).map((row) => [row.raw, { key: row.k, label: row.label }]));
  return (raw) => (raw === '' ? { key: '', label: none } : (map.get(raw) ?? { key: raw, label: raw }));
}
