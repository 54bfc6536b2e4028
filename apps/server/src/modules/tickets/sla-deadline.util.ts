/** Working time: Monday–Friday, 09:00–18:00 Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_START_HOUR = 9;
const DAY_END_HOUR = 18;
const MINUTE_MS = 60_000;

export interface SlaTerms {
  acceptWithinMinutes: number;
  resolveWithinHours: number;
  workingHoursOnly: boolean;
}

export interface Deadlines {
  acceptBy: Date;
  resolveBy: Date;
}

/** Beijing wall-clock fields of an instant. */
function beijing(instant: number): { day: number; minuteOfDay: number; midnight: number } {
  const shifted = new Date(instant + BEIJING_OFFSET_MS);
  const minuteOfDay = shifted.getUTCHours() * 60 + shifted.getUTCMinutes() + shifted.getUTCSeconds() / 60;
  const midnight = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - BEIJING_OFFSET_MS;
  return { day: shifted.getUTCDay(), minuteOfDay, midnight };
}

/**
 * `minutes` of working time after `start`. Public holidays and 调休 working weekends are not modelled
 * yet: the calendar is Monday–Friday office hours.
 */
export function addWorkingMinutes(start: Date, minutes: number): Date {
  let cursor = start.getTime();
  let remaining = minutes;
  for (let guard = 0; guard < 10_000; guard += 1) {
    const { day, minuteOfDay, midnight } = beijing(cursor);
    const opens = midnight + DAY_START_HOUR * 60 * MINUTE_MS;
    const closes = midnight + DAY_END_HOUR * 60 * MINUTE_MS;
    const weekend = day === 0 || day === 6;
    if (weekend || minuteOfDay >= DAY_END_HOUR * 60) {
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

export function deadlinesFrom(start: Date, terms: SlaTerms): Deadlines {
  const add = (minutes: number) =>
    terms.workingHoursOnly ? addWorkingMinutes(start, minutes) : new Date(start.getTime() + minutes * MINUTE_MS);
  return { acceptBy: add(terms.acceptWithinMinutes), resolveBy: add(terms.resolveWithinHours * 60) };
}
