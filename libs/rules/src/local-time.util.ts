/**
 * Asia/Shanghai wall-clock time of an instant, whatever the machine's TZ. China has kept UTC+8 without
 * daylight saving since 1991, so a fixed offset is exact for every date a report can carry and needs no
 * time-zone database (Intl data differs between Node builds; this does not).
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

export interface ShanghaiLocalTime {
  /** 0–23 */
  readonly hour: number;
  readonly minute: number;
  /** ISO day of week: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Local calendar date, `YYYY-MM-DD`. */
  readonly date: string;
}

export function shanghaiLocalTime(at: Date): ShanghaiLocalTime {
  const time = at.getTime();
  if (!Number.isFinite(time)) throw new RangeError('shanghaiLocalTime needs a valid Date');
  const local = new Date(time + SHANGHAI_OFFSET_MINUTES * 60_000);
  return {
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay() === 0 ? 7 : local.getUTCDay(),
    date: local.toISOString().slice(0, 10),
  };
}

/** `2026-06-01 08:00` in Shanghai time, for explanations shown to admins. */
export function formatShanghaiDateTime(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date-time that names its offset (`Z` or `+08:00`), or
 * null when the text is not one or names a day that does not exist (`2026-02-30`). A date-time without
 * an offset is refused: it would mean different instants on differently configured servers.
 */
export function parseIsoDateTime(text: string): number | null {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '0', zone] = match;
  const fields = [year, month, day, hour, minute, second].map(Number);
  const [y, mo, d, h, mi, s] = fields;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, Number(fraction.padEnd(3, '0')));
  if (new Date(utc).getUTCDate() !== d) return null;
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetHours = Number(zone.slice(1, 3));
  const offsetMinutes = Number(zone.slice(4, 6));
  if (offsetHours > 14 || offsetMinutes > 59) return null;
  return utc - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}
