/**
 * Working time: 09:00–18:00 Beijing time (UTC+8, no daylight saving) on working days: Monday–Friday,
 * except the calendar's public holidays, plus its make-up working weekends (调休).
 */
const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_START_HOUR = 9;
const DAY_END_HOUR = 18;
const MINUTE_MS = 60_000;

export interface SlaTerms {
  acceptWithinMinutes: number;
  resolveWithinHours: number;
  workingHoursOnly: boolean;
}

/** Days that break the Monday–Friday rule, as Beijing dates `YYYY-MM-DD`. */
export interface WorkCalendar {
  /** Weekdays off: public holidays. */
  holidays: ReadonlySet<string>;
  /** Weekend days worked: make-up workdays (调休). */
  workdays: ReadonlySet<string>;
}

export const WEEKDAYS_ONLY: WorkCalendar = { holidays: new Set(), workdays: new Set() };

export interface Deadlines {
  acceptBy: Date;
  resolveBy: Date;
}

/** Beijing wall-clock fields of an instant. */
function beijing(instant: number): { date: string; day: number; minuteOfDay: number; midnight: number } {
  const shifted = new Date(instant + BEIJING_OFFSET_MS);
  const minuteOfDay = shifted.getUTCHours() * 60 + shifted.getUTCMinutes() + shifted.getUTCSeconds() / 60;
  const midnight = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - BEIJING_OFFSET_MS;
  return { date: shifted.toISOString().slice(0, 10), day: shifted.getUTCDay(), minuteOfDay, midnight };
}

/** Whether a Beijing date (`YYYY-MM-DD`, its weekday `day`, 0 = Sunday) is a working day. */
export function isWorkingDay(date: string, day: number, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return day !== 0 && day !== 6;
}

/** `minutes` of working time after `start`, on the working days of `calendar`. */
export function addWorkingMinutes(start: Date, minutes: number, calendar: WorkCalendar = WEEKDAYS_ONLY): Date {
  let cursor = start.getTime();
  let remaining = minutes;
  for (let guard = 0; guard < 10_000; guard += 1) {
    const { date, day, minuteOfDay, midnight } = beijing(cursor);
    const opens = midnight + DAY_START_HOUR * 60 * MINUTE_MS;
    const closes = midnight + DAY_END_HOUR * 60 * MINUTE_MS;
    if (!isWorkingDay(date, day, calendar) || minuteOfDay >= DAY_END_HOUR * 60) {
      cursor = midnight + 24 * 60 * MINUTE_MS + DAY_START_HOUR * 60 * MINUTE_MS;
      continue;
    }
    if (cursor < opens) cursor = opens;
    const available = (closes - cursor) / MINUTE_MS;
    if (remaining <= available) return new Date(cursor + remaining * MINUTE_MS);
    remaining -= available;
    cursor = midnight + 24 * 60 * MINUTE_MS + DAY_START_HOUR * 60 * MINUTE_MS;
  }
  throw new Error(`working-time span too long: ${minutes} minutes`);
}

export function deadlinesFrom(start: Date, terms: SlaTerms, calendar: WorkCalendar = WEEKDAYS_ONLY): Deadlines {
  const add = (minutes: number) =>
    terms.workingHoursOnly ? addWorkingMinutes(start, minutes, calendar) : new Date(start.getTime() + minutes * MINUTE_MS);
  return { acceptBy: add(terms.acceptWithinMinutes), resolveBy: add(terms.resolveWithinHours * 60) };
}
