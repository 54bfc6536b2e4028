import type { DurationStats, StatsMetrics } from './open-data';
import { TICKET_STATUSES, type TicketStatus } from './tickets';

/**
 * Pure parts of the statistics (`GET /api/v1/admin/stats`): the city's calendar, the duration
 * histogram whose buckets the database counts, and the folding of aggregate rows into metrics.
 */

/** A rating of this score or more counts as satisfied. */
export const SATISFIED_SCORE = 4;
/** The longest range one request may cover (days, both ends included). */
export const STATS_MAX_RANGE_DAYS = 366;
/** Asia/Shanghai: UTC+8 all year (no daylight saving since 1991). */
export const CITY_UTC_OFFSET_MINUTES = 480;

const DAY_MS = 86_400_000;
const OFFSET_MS = CITY_UTC_OFFSET_MINUTES * 60_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function wholeMinutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
}

/** The city's calendar day of an instant, `2026-11-30`. */
export function cityDayOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a city day begins; null for anything that is not a real `YYYY-MM-DD` date. */
export function cityDayStart(day: string): Date | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(utc).toISOString().slice(0, 10) !== day) return null;
  return new Date(utc - OFFSET_MS);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The Monday of a day's ISO week. */
export function weekStartOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** ISO 8601 week key, `2026-W48` (the week belongs to the year of its Thursday). */
export function isoWeekOf(day: string): string {
  const thursday = addDays(weekStartOf(day), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(weekStartOf(`${year}-01-04`), 3);
  const week = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${firstThursday}T00:00:00Z`)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export type StatsRange = { from: string; to: string; start: Date; end: Date };

/**
 * Checks a requested range of city days. Missing ends default to the last 30 days up to today.
 * `start` is the first instant, `end` the first instant after the range.
 */
export function parseStatsRange(from: string | undefined, to: string | undefined, now: Date): StatsRange | { error: string } {
  const toDay = to ?? cityDayOf(now);
  const fromDay = from ?? addDays(toDay, -29);
  const start = cityDayStart(fromDay);
  const last = cityDayStart(toDay);
  if (!start) return { error: '开始日期格式不正确，应为 YYYY-MM-DD，例如 2026-11-01' };
  if (!last) return { error: '结束日期格式不正确，应为 YYYY-MM-DD，例如 2026-11-30' };
  if (last < start) return { error: '结束日期不能早于开始日期' };
  if ((last.getTime() - start.getTime()) / DAY_MS + 1 > STATS_MAX_RANGE_DAYS) {
    return { error: `统计范围最长 ${STATS_MAX_RANGE_DAYS} 天，请缩短日期范围` };
  }
  return { from: fromDay, to: toDay, start, end: new Date(last.getTime() + DAY_MS) };
}

/**
 * Durations are counted by the database in buckets (MySQL has no PERCENTILE_CONT): below each `below`
 * (minutes) a bucket is `width` minutes wide. Every tier boundary is a multiple of the widths on both
 * sides, so `minutes - minutes % width` is the bucket's lower bound in SQL and here.
 * Percentiles are interpolated inside a bucket, so they are off by less than the bucket's width:
 * under 1 minute below 1 hour, 5 minutes below 10 hours, 30 minutes below 2 days, 4 hours below
 * 30 days, 1 day beyond (relative error ≤ 8.4 %).
 */
export const DURATION_BUCKET_TIERS: ReadonlyArray<{ below: number; width: number }> = [
  { below: 60, width: 1 },
  { below: 600, width: 5 },
  { below: 2880, width: 30 },
  { below: 43_200, width: 240 },
  { below: Number.POSITIVE_INFINITY, width: 1440 },
];

export function durationBucketWidth(minutes: number): number {
  const tier = DURATION_BUCKET_TIERS.find((candidate) => minutes < candidate.below);
  return tier ? tier.width : 1440;
}

/** The lower bound of the bucket a duration falls in. */
export function durationBucketOf(minutes: number): number {
  return minutes - (minutes % durationBucketWidth(minutes));
}

/**
 * The q-quantile (0..1) of a histogram of bucket lower bound → count, values spread evenly inside a
 * bucket; rounded to 0.1 minute. The order statistic of rank ⌈q·n⌉ lies in the bucket the
 * interpolation lands in, so the result is within that bucket's width of it.
 */
export function percentileOfHistogram(histogram: ReadonlyMap<number, number>, q: number): number | null {
  const buckets = [...histogram.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const n = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const rank = q * n;
  let below = 0;
  for (const [lower, count] of buckets) {
    if (rank <= below + count) {
      const value = lower + (durationBucketWidth(lower) * Math.max(0, rank - below)) / count;
      return Math.round(value * 10) / 10;
    }
    below += count;
  }
  const [lower] = buckets[buckets.length - 1];
  return lower + durationBucketWidth(lower);
}

/** One row of the database's aggregate: tickets of one group key and status. */
export interface StatsCountRow {
  key: string;
  status: TicketStatus;
  tickets: number;
  accepted: number;
  acceptedOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  reopened: number;
  ratings: number;
  ratingSum: number;
  satisfied: number;
  supporters: number;
}

/** Tickets of one group key whose sign-for (accept) or resolution duration falls in one bucket. */
export interface StatsBucketRow {
  key: string;
  kind: 'accept' | 'resolve';
  lower: number;
  count: number;
}

/** Sums of a group, additive: a week is the tally of its days, the totals the tally of every row. */
export interface StatsTally {
  byStatus: Record<TicketStatus, number>;
  counted: Omit<StatsCountRow, 'key' | 'status'>;
  accept: Map<number, number>;
  resolve: Map<number, number>;
}

export function emptyStatsTally(): StatsTally {
  return {
    byStatus: Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as Record<TicketStatus, number>,
    counted: {
      tickets: 0,
      accepted: 0,
      acceptedOnTime: 0,
      resolved: 0,
      resolvedOnTime: 0,
      reopened: 0,
      ratings: 0,
      ratingSum: 0,
      satisfied: 0,
      supporters: 0,
    },
    accept: new Map(),
    resolve: new Map(),
  };
}

/** Adds a count row. Merged tickets show in `byStatus` only: they are another ticket's reports. */
export function addCountRow(tally: StatsTally, row: StatsCountRow): void {
  tally.byStatus[row.status] += row.tickets;
  if (row.status === 'merged') return;
  const counted = tally.counted as Record<string, number>;
  for (const field of Object.keys(counted)) counted[field] += row[field as keyof typeof tally.counted];
}

export function addBucketRow(tally: StatsTally, row: Pick<StatsBucketRow, 'kind' | 'lower' | 'count'>): void {
  const histogram = row.kind === 'accept' ? tally.accept : tally.resolve;
  histogram.set(row.lower, (histogram.get(row.lower) ?? 0) + row.count);
}

export function mergeTally(into: StatsTally, from: StatsTally): void {
  for (const status of TICKET_STATUSES) into.byStatus[status] += from.byStatus[status];
  const counted = into.counted as Record<string, number>;
  for (const field of Object.keys(counted)) counted[field] += from.counted[field as keyof typeof from.counted];
  for (const kind of ['accept', 'resolve'] as const) {
    for (const [lower, count] of from[kind]) addBucketRow(into, { kind, lower, count });
  }
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function durations(histogram: ReadonlyMap<number, number>): DurationStats {
  return { median: percentileOfHistogram(histogram, 0.5), p90: percentileOfHistogram(histogram, 0.9) };
}

export function metricsOf(tally: StatsTally): StatsMetrics {
  const c = tally.counted;
  return {
    total: c.tickets,
    byStatus: { ...tally.byStatus },
    acceptOnTimeRate: share(c.acceptedOnTime, c.accepted),
    resolveOnTimeRate: share(c.resolvedOnTime, c.resolved),
    acceptMinutes: durations(tally.accept),
    resolveMinutes: durations(tally.resolve),
    satisfaction: { mean: share(c.ratingSum, c.ratings), satisfiedShare: share(c.satisfied, c.ratings), ratings: c.ratings },
    reopenRate: share(c.reopened, c.resolved),
    supportersPerTicket: share(c.supporters, c.tickets),
  };
}

/** One ticket's statistics figures, as the rollups read them from `tickets`. */
export interface TicketStatsFigures {
  status: TicketStatus;
  supporterCount: number;
  reopenCount: number;
  acceptMinutes: number | null;
  acceptedOnTime: boolean | number | null;
  resolveMinutes: number | null;
  resolvedOnTime: boolean | number | null;
  ratingCount: number;
  ratingSum: number;
  satisfiedCount: number;
}

/**
 * Adds one ticket to a tally exactly as the per-ticket SQL aggregate counts it: COUNT of the non-null
 * durations, SUM of the on-time flags, reopened = reopened at least once and resolved, durations
 * bucketed for tickets that are not merged.
 */
export function addTicketFigures(tally: StatsTally, ticket: TicketStatsFigures): void {
  tally.byStatus[ticket.status] += 1;
  if (ticket.status === 'merged') return;
  const c = tally.counted;
  c.tickets += 1;
  c.acceptedOnTime += Number(ticket.acceptedOnTime ?? 0);
  c.resolvedOnTime += Number(ticket.resolvedOnTime ?? 0);
  c.ratings += ticket.ratingCount;
  c.ratingSum += ticket.ratingSum;
  c.satisfied += ticket.satisfiedCount;
  c.supporters += ticket.supporterCount;
  if (ticket.acceptMinutes !== null) {
    c.accepted += 1;
    addBucketRow(tally, { kind: 'accept', lower: durationBucketOf(ticket.acceptMinutes), count: 1 });
  }
  if (ticket.resolveMinutes !== null) {
    c.resolved += 1;
    if (ticket.reopenCount > 0) c.reopened += 1;
    addBucketRow(tally, { kind: 'resolve', lower: durationBucketOf(ticket.resolveMinutes), count: 1 });
  }
}

/** A histogram as stored in a rollup row: `[lower, count, lower, count, …]`, lowers ascending. */
export function encodeHistogram(histogram: ReadonlyMap<number, number>): string {
  const flat: number[] = [];
  for (const [lower, count] of [...histogram.entries()].sort(([a], [b]) => a - b)) if (count > 0) flat.push(lower, count);
  return JSON.stringify(flat);
}

/** Adds a stored histogram into a tally's; throws on anything that is not an even list of numbers. */
export function addEncodedHistogram(tally: StatsTally, kind: StatsBucketRow['kind'], encoded: string): void {
  const flat: unknown = JSON.parse(encoded);
  if (!Array.isArray(flat) || flat.length % 2 !== 0) throw new Error(`not a stored histogram: ${encoded.slice(0, 40)}`);
  const histogram = kind === 'accept' ? tally.accept : tally.resolve;
  for (let i = 0; i < flat.length; i += 2) {
    const lower = flat[i] as number;
    const count = flat[i + 1] as number;
    if (typeof lower !== 'number' || typeof count !== 'number') throw new Error(`not a stored histogram: ${encoded.slice(0, 40)}`);
    histogram.set(lower, (histogram.get(lower) ?? 0) + count);
  }
}

/** The additive counts of stored rollup rows (one row, or the sums of several). */
export interface StatsStoredCounts {
  byStatus: Record<TicketStatus, number>;
  counted: StatsTally['counted'];
}

/** Adds stored counts straight into a tally (no tally of their own: requests add thousands of rows). */
export function addStoredCounts(tally: StatsTally, row: StatsStoredCounts): void {
  for (const status of TICKET_STATUSES) tally.byStatus[status] += row.byStatus[status];
  const counted = tally.counted as Record<string, number>;
  for (const field of Object.keys(counted)) counted[field] += row.counted[field as keyof StatsTally['counted']];
}
