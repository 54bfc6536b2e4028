import type { AuditSnapshot } from './entities/audit-entry.entity';

/**
 * Never kept in the audit trail: credentials (a stored hash can be attacked offline) and the WeChat
 * openid, which is personal data (ARCHITECTURE.md §10). Callers pass views that omit them already;
 * this is the backstop for a snapshot built from a raw row.
 */
const HIDDEN_KEYS = new Set(['password', 'passwordHash', 'webhookSecret', 'openid']);

export function redactSnapshot(snapshot: AuditSnapshot): AuditSnapshot {
  return Object.fromEntries(Object.entries(snapshot).filter(([key, value]) => !HIDDEN_KEYS.has(key) && value !== undefined));
}

/**
 * Only the fields an update changed, on both sides, so the trail reads as "name: A → B" rather
 * than two full copies of the record.
 */
export function changedFields(before: AuditSnapshot, after: AuditSnapshot): { before: AuditSnapshot; after: AuditSnapshot } {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  const pick = (snapshot: AuditSnapshot) =>
    Object.fromEntries(changed.filter((key) => key in snapshot).map((key) => [key, snapshot[key]]));
  return { before: pick(before), after: pick(after) };
}
