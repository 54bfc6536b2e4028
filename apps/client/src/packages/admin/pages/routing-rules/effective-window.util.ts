import type { RuleEffectiveWindow } from '@ssp/rules';
import { formatDateTime } from '@/utils/time.util';

const LOCAL_INPUT = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/;

/** `2026-03-01T00:00:00+08:00` → `2026-03-01 00:00` (Beijing time), for the text field. */
export function localInputOf(iso: string | undefined): string {
  if (!iso) return '';
  return Number.isNaN(Date.parse(iso)) ? iso : formatDateTime(iso);
}

/** What the admin typed, as the ISO text the rule stores; anything unreadable goes as typed for the server to name. */
export function isoOfLocalInput(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = LOCAL_INPUT.exec(trimmed);
  return match ? `${match[1]}T${match[2] ?? '00:00'}:00+08:00` : trimmed;
}

export function windowOf(from: string, until: string): RuleEffectiveWindow | undefined {
  const window = { from: isoOfLocalInput(from), until: isoOfLocalInput(until) };
  if (!window.from && !window.until) return undefined;
  return { ...(window.from ? { from: window.from } : {}), ...(window.until ? { until: window.until } : {}) };
}
