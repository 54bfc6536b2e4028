import { STATS_MAX_RANGE_DAYS } from '@ssp/contracts';
import { formatDateValue } from './time.util';

const DAY_MS = 86_400_000;

export interface DateRange {
  /** `YYYY-MM-DD`, Beijing calendar days, both ends included (as `GET /api/v1/admin/stats` reads them). */
  from: string;
  to: string;
}

/** The last `days` Beijing calendar days up to and including today. */
export function lastDays(days: number, now: Date = new Date()): DateRange {
  return { from: formatDateValue(new Date(now.getTime() - (days - 1) * DAY_MS)), to: formatDateValue(now) };
}

/** Days in the range, both ends included; 0 for a reversed or broken range. */
export function rangeDays(range: DateRange): number {
  const from = Date.parse(`${range.from}T00:00:00Z`);
  const to = Date.parse(`${range.to}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return 0;
  return Math.round((to - from) / DAY_MS) + 1;
}

/** Why a range cannot be asked for, in words an admin reads; null when it is fine. */
export function rangeProblem(range: DateRange, maxDays = STATS_MAX_RANGE_DAYS): string | null {
  const days = rangeDays(range);
  if (days === 0) return '开始日期不能晚于结束日期';
  if (days > maxDays) return `时间跨度不能超过 ${maxDays} 天`;
  return null;
}

/** `11-30` for a chart's axis. */
export function shortDay(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day.slice(5) : day;
}
