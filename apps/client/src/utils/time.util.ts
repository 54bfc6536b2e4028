const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Times are shown on the city's clock (Beijing, UTC+8, no daylight saving), whatever the device's zone,
 * so a deadline reads the same for the resident, the staff member and the admin.
 */
const BEIJING_OFFSET_MS = 8 * 60 * MINUTE_MS;
const onBeijingClock = (date: Date) => new Date(date.getTime() + BEIJING_OFFSET_MS);

/** `2025-03-08 14:05` Beijing time, or '—' for a missing or broken time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const clock = onBeijingClock(date);
  return `${formatDateValue(date)} ${pad(clock.getUTCHours())}:${pad(clock.getUTCMinutes())}`;
}

/** `YYYY-MM-DD` of the Beijing calendar day, the value format of Taro's date picker. */
export function formatDateValue(date: Date): string {
  const clock = onBeijingClock(date);
  return `${clock.getUTCFullYear()}-${pad(clock.getUTCMonth() + 1)}-${pad(clock.getUTCDate())}`;
}

/** The last second of a Beijing calendar day (`YYYY-MM-DD`) as an ISO instant. */
export function endOfBeijingDayIso(day: string): string {
  return new Date(`${day}T23:59:59+08:00`).toISOString();
}

function durationText(totalMinutes: number): string {
  const days = Math.floor(totalMinutes / DAY_MINUTES);
  const hours = Math.floor((totalMinutes % DAY_MINUTES) / HOUR_MINUTES);
  const minutes = totalMinutes % HOUR_MINUTES;
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return minutes > 0 ? `${hours}小时${minutes}分钟` : `${hours}小时`;
  return `${Math.max(minutes, 1)}分钟`;
}

export interface DeadlineView {
  text: string;
  overdue: boolean;
}

/** "剩余 2天3小时" before a deadline, "已超时 5小时" after it; null without a deadline. */
export function deadlineView(deadlineIso: string | null | undefined, now: number): DeadlineView | null {
  if (!deadlineIso) return null;
  const deadline = new Date(deadlineIso).getTime();
  if (Number.isNaN(deadline)) return null;
  const minutes = Math.floor(Math.abs(deadline - now) / MINUTE_MS);
  return deadline >= now
    ? { text: `剩余 ${durationText(minutes)}`, overdue: false }
    : { text: `已超时 ${durationText(minutes)}`, overdue: true };
}
