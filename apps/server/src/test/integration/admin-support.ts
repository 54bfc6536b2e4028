import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Page } from '@ssp/contracts';
import { AuditService } from '../../modules/audit/audit.service';
import type { AuditEntryDto } from '../../modules/audit/dto/audit-entry.dto';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { request } from '../helpers/test-app';

/** Shared by the admin-*.spec files: one caller of each role, audit reads, secret checks. */

export interface Callers {
  admin: LoggedIn;
  staff: LoggedIn;
  resident: LoggedIn;
}

export async function signInEveryone(baseUrl: string): Promise<Callers> {
  return {
    admin: await loginAs(baseUrl, 'admin'),
    staff: await loginAs(baseUrl, 'staff'),
    resident: await loginAs(baseUrl, 'resident', { openid: 'admin-spec-resident' }),
  };
}

/** The status each non-admin caller gets; admin routes answer `{ anonymous: 401, resident: 403, staff: 403 }`. */
export async function refusals(
  baseUrl: string,
  callers: Callers,
  method: string,
  path: string,
  json?: unknown,
): Promise<{ anonymous: number; resident: number; staff: number }> {
  return {
    anonymous: (await request(baseUrl, method, path, { json })).status,
    resident: (await request(baseUrl, method, path, { json, headers: callers.resident.headers })).status,
    staff: (await request(baseUrl, method, path, { json, headers: callers.staff.headers })).status,
  };
}

export const ADMIN_ONLY = { anonymous: 401, resident: 403, staff: 403 };

/** The audit trail of one record, newest first, read through the admin API. */
export async function auditTrail(baseUrl: string, admin: LoggedIn, entityType: string, entityId: string): Promise<AuditEntryDto[]> {
  const query = new URLSearchParams({ entityType, entityId, limit: '200' });
  const response = await request<Page<AuditEntryDto>>(baseUrl, 'GET', `/api/v1/admin/audit?${query}`, { headers: admin.headers });
  if (response.status !== 200) throw new Error(`audit read failed: ${response.status} ${response.text}`);
  return response.body.items;
}

const HIDDEN_KEYS = new Set(['password', 'passwordHash', 'webhookSecret', 'openid']);

/** Keys of `value`, at any depth, that must never leave the server. */
export function hiddenKeysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(hiddenKeysIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, field]) => [...(HIDDEN_KEYS.has(key) ? [key] : []), ...hiddenKeysIn(field)]);
}

/**
 * Makes an audit write fail after it reached the database, as a full disk or a lost connection
 * would: the change and every entry written before it in the same transaction must roll back.
 * `after` lets that many writes succeed first (a multi-row change fails halfway).
 */
export function failNextAuditWrite(app: NestFastifyApplication, after = 0): jest.SpyInstance {
  const audit = app.get(AuditService);
  const record = audit.record.bind(audit);
  let calls = 0;
  const spy = jest.spyOn(audit, 'record').mockImplementation(async (...args: Parameters<AuditService['record']>) => {
    await record(...args);
    calls += 1;
    if (calls <= after) return;
    spy.mockRestore();
    throw new Error('injected failure after the audit write');
  });
  return spy;
}

/** 10 KB of text: longer than any field accepts. */
export const TEN_KB = 'x'.repeat(10 * 1024);

/** Stored and returned as data, never interpreted. */
export const HOSTILE_TEXT = `<script>alert(1)</script>' OR 1=1; DROP TABLE departments; --`;
