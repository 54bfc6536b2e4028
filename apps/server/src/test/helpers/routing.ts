import type { CreateReportResponse } from '@ssp/contracts';
import { geometryContains } from '@ssp/geo';
import type { RoutingRule } from '@ssp/rules';
import { DataSource } from 'typeorm';
import { bundledRegions } from '../../seed/bundled-regions.util';
import type { LoggedIn } from './auth';
import { reportBody, submitReport } from './reporting';
import { request, type HttpResult, type TestApp } from './test-app';

/** Points inside one district of the bundled outlines, spread over a grid so reports there never look like duplicates. */
export function spotsIn(districtCode: string): Array<{ lat: number; lng: number; coordSystem: 'gcj02' }> {
  const district = bundledRegions().find((region) => region.code === districtCode);
  if (!district) throw new Error(`district ${districtCode} is missing from the bundled outlines`);
  const [minLng, minLat, maxLng, maxLat] = district.bbox;
  const spots: Array<{ lat: number; lng: number; coordSystem: 'gcj02' }> = [];
  for (let i = 1; i < 20; i += 1) {
    for (let j = 1; j < 20; j += 1) {
      const spot = { lat: Number((minLat + ((maxLat - minLat) * i) / 20).toFixed(5)), lng: Number((minLng + ((maxLng - minLng) * j) / 20).toFixed(5)) };
      if (geometryContains(district.geometry, spot)) spots.push({ ...spot, coordSystem: 'gcj02' });
    }
  }
  if (spots.length === 0) throw new Error(`no grid point inside ${districtCode}`);
  return spots;
}

export interface DraftView {
  version: number;
  rules: RoutingRule[];
  liveRevision: number | null;
  unpublished: { identical: boolean; summary: string };
  updatedBy: { username: string | null } | null;
}

export function routingApi(t: TestApp, admin: LoggedIn) {
  return <T = unknown>(method: string, path = '', json?: unknown): Promise<HttpResult<T>> =>
    request<T>(t.baseUrl, method, `/api/v1/admin/routing-rules${path}`, { json, headers: admin.headers });
}

/** The stored opening event of a ticket: its trace lines and what decided the department. */
export async function openingEventOf(t: TestApp, ticketId: string): Promise<{ action: string; data: Record<string, unknown> }> {
  const rows: Array<{ action: string; data: string }> = await t.app
    .get(DataSource)
    .query('SELECT action, data FROM ticket_events WHERE ticketId = ? ORDER BY createdAt ASC', [ticketId]);
  const [first] = rows;
  if (!first) throw new Error(`ticket ${ticketId} has no events`);
  return { action: first.action, data: JSON.parse(first.data) as Record<string, unknown> };
}

export async function priorityOf(t: TestApp, ticketId: string): Promise<number> {
  const rows: Array<{ priority: number | string }> = await t.app.get(DataSource).query('SELECT priority FROM tickets WHERE id = ?', [ticketId]);
  return Number(rows[0]?.priority);
}

/** Submits a report through the real endpoint and returns its ticket (the report must open or join one). */
export async function reportAt(
  t: TestApp,
  resident: LoggedIn,
  fields: { categoryCode?: string; description: string; location: { lat: number; lng: number; coordSystem: 'gcj02' } },
): Promise<NonNullable<CreateReportResponse['ticket']>> {
  const response = await submitReport(t.baseUrl, resident, reportBody({ categoryCode: undefined, ...fields }));
  if (response.status !== 201 || !response.body.ticket) throw new Error(`report not accepted: ${response.status} ${response.text}`);
  return response.body.ticket;
}
