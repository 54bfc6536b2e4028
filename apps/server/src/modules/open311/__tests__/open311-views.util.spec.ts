import { TICKET_STATUSES } from '@ssp/contracts';
import { open311StatusOf, publicPoint, statusNotesOf, toServiceEntry, toServiceRequestEntry, type PublicTicketRow } from '../open311-views.util';

const ROW: PublicTicketRow = {
  ticketNo: 'GD2026120100001',
  status: 'dispatched',
  categoryCode: 'GY-02',
  categoryName: '井盖',
  departmentName: '市政养护中心',
  publicDescription: '井盖缺失，电话138****5678',
  publicReply: null,
  mergedIntoNo: null,
  lat: 32.0416,
  lng: 118.7784,
  address: '秦淮区, 南京市',
  createdAt: new Date('2026-12-01T02:00:00Z'),
  updatedAt: new Date('2026-12-01T03:00:00Z'),
  resolveBy: new Date('2026-12-03T02:00:00Z'),
  mediaUrl: null,
  serviceNotice: null,
};

describe('open311StatusOf', () => {
  it('maps every ticket status to open or closed', () => {
    expect(Object.fromEntries(TICKET_STATUSES.map((status) => [status, open311StatusOf(status)]))).toEqual({
      pending_triage: 'open',
      dispatched: 'open',
      in_progress: 'open',
      resolved: 'closed',
      closed: 'closed',
      rejected: 'closed',
      merged: 'closed',
    });
  });
});

describe('statusNotesOf', () => {
  it('explains each status, with the reply and the ticket merged into', () => {
    expect(statusNotesOf('resolved', '已修复', null)).toBe('已办结：已修复');
    expect(statusNotesOf('merged', null, 'GD2026120100009')).toContain('GD2026120100009');
    for (const status of TICKET_STATUSES) expect(statusNotesOf(status, null, null).length).toBeGreaterThan(0);
  });
});

describe('publicPoint', () => {
  it('gives WGS-84 rounded to about 100 m', () => {
    const point = publicPoint({ lat: 32.0416, lng: 118.7784 });
    expect(point.lat.toString().split('.')[1].length).toBeLessThanOrEqual(3);
    // GCJ-02 is offset by a few hundred metres from WGS-84 around 南京.
    expect(point.lat).toBeCloseTo(32.044, 2);
    expect(point.long).toBeCloseTo(118.773, 2);
  });
});

describe('toServiceRequestEntry', () => {
  it('lists the specification’s fields in its order', () => {
    const entry = toServiceRequestEntry(ROW);
    expect(Object.keys(entry)).toEqual([
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
      'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
    ]);
    expect(entry).toMatchObject({ status: 'open', requested_datetime: '2026-12-01T10:00:00+08:00', expected_datetime: '2026-12-03T10:00:00+08:00' });
  });

  it('expects nothing of a closed request', () => {
    expect(toServiceRequestEntry({ ...ROW, status: 'closed' })).toMatchObject({ status: 'closed', expected_datetime: null });
  });
});

describe('toServiceEntry', () => {
  it('sets metadata only when the category has questions', () => {
    const category = { code: 'GY-02', name: '井盖', description: 'd', keywords: ['井盖', '窨井'], parentName: '公用设施', serviceAttributes: null };
    expect(toServiceEntry(category)).toEqual({ service_code: 'GY-02', service_name: '井盖', description: 'd', metadata: false, type: 'realtime', keywords: '井盖, 窨井', group: '公用设施' });
    expect(toServiceEntry({ ...category, serviceAttributes: [] }).metadata).toBe(false);
  });
});
