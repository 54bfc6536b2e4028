import type { CreateReportResponse, ErrorBody, Page, ReportDetail, ReportListItem, TicketDetail } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { MANHOLE, SHANGHAI, XINJIEKOU, reportBody, submitReport, uploadPhoto } from '../helpers/reporting';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

describe('reports', () => {
  let t: TestApp;
  let alice: LoggedIn;
  let bob: LoggedIn;
  const count = async (table: 'reports' | 'tickets' | 'ticket_events') =>
    Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const counts = async () => ({ reports: await count('reports'), tickets: await count('tickets'), events: await count('ticket_events') });

  beforeAll(async () => {
    t = await startTestApp({ CLASSIFIER_MIN_CONFIDENCE: '1' });
    alice = await loginAs(t.baseUrl, 'resident', { openid: 'alice' });
    bob = await loginAs(t.baseUrl, 'resident', { openid: 'bob' });
  });
  afterAll(() => t.close());

  it('opens a dispatched ticket for a categorised report inside the city, with photos and a deadline', async () => {
    const photo = await uploadPhoto(t.baseUrl, alice);
    const body = reportBody({ photoIds: [photo.id] });
    const response = await submitReport(t.baseUrl, alice, body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      outcome: 'accepted',
      reasons: [],
      ticket: { status: 'dispatched', category: { code: MANHOLE.code, name: '井盖' }, department: { code: MANHOLE.departmentCode } },
    });
    expect(response.body.reportNo).toMatch(/^SP\d{8}\d{5}$/);
    expect(response.body.ticket?.ticketNo).toMatch(/^GD\d{8}\d{5}$/);
    expect(Date.parse(response.body.ticket?.resolveBy ?? '')).toBeGreaterThan(Date.now());

    const detail = await request<ReportDetail>(t.baseUrl, 'GET', `/api/v1/reports/${response.body.id}`, { headers: alice.headers });
    expect(detail.status).toBe(200);
    expect(detail.body.photos.map((p) => p.id)).toEqual([photo.id]);
    expect(detail.body.regionName).toBe('秦淮区');
    expect(detail.body.timeline.map((e) => e.action)).toEqual(['open_dispatched']);
    expect(detail.body.timeline[0].actorName).toBeNull();
  });

  it('answers a repeated clientRequestId with the first answer and creates nothing more', async () => {
    const body = reportBody();
    const first = await submitReport(t.baseUrl, alice, body);
    const before = await counts();
    const again = await submitReport(t.baseUrl, alice, { ...body, description: '改过的描述也不会生成第二份' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await counts()).toEqual(before);
  });

  it('creates exactly one report when the same submission races itself', async () => {
    const body = reportBody();
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submitReport(t.baseUrl, alice, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await counts()).toEqual({ reports: before.reports + 1, tickets: before.tickets + 1, events: before.events + 1 });
  });

  it('sends a report without a category to triage, and says so', async () => {
    // No hazard words either: a routing rule would dispatch 井盖缺失 without a category.
    const response = await submitReport(t.baseUrl, alice, reportBody({ categoryCode: undefined, description: '门口这个情况麻烦有人来看一下' }));
    expect(response.status).toBe(201);
    expect(response.body.outcome).toBe('accepted');
    expect(response.body.reasons.map((r) => r.code)).toEqual(['LOW_CONFIDENCE']);
    expect(response.body.ticket).toMatchObject({ status: 'pending_triage', department: null, resolveBy: null });
  });

  it('keeps a report from outside the city as a rejected report with its reason, and opens no ticket', async () => {
    const before = await counts();
    const response = await submitReport(t.baseUrl, alice, reportBody({ location: { ...SHANGHAI } }));
    expect(response.status).toBe(201);
    expect(response.body.outcome).toBe('rejected');
    expect(response.body.reasons[0].code).toBe('OUT_OF_AREA');
    expect(response.body.ticket).toBeUndefined();
    expect(await counts()).toEqual({ ...before, reports: before.reports + 1 });
  });

  it('places a WGS-84 position after converting it (the ticket is stored in GCJ-02)', async () => {
    const wgs = { lat: 32.0436, lng: 118.7735, coordSystem: 'wgs84' as const };
    const response = await submitReport(t.baseUrl, alice, reportBody({ location: wgs, description: '地铁口的井盖翘起来了，WGS-84 定位' }));
    const [ticket] = await t.app.get(DataSource).query('SELECT lat, lng FROM tickets WHERE id = ?', [response.body.ticket?.id]);
    expect(Number(ticket.lat)).not.toBeCloseTo(wgs.lat, 4);
    expect(Number(ticket.lat) - wgs.lat).toBeLessThan(0.01);
    expect(Number(ticket.lng) - wgs.lng).toBeGreaterThan(0.003);
  });

  it('keeps HTML, script, SQL, bidi overrides and 4-byte characters verbatim, as data, for the resident and the department', async () => {
    const hostile = `<script>alert('x')</script><img src=x onerror="alert(1)">'; DROP TABLE reports; -- \u202e倒序文字\u202c 🚧😀𠮷`;
    const description = `井盖松动了${hostile}`;
    const response = await submitReport(t.baseUrl, alice, reportBody({ description }));
    expect([response.status, response.body.outcome]).toEqual([201, 'accepted']);
    const detail = await request<ReportDetail>(t.baseUrl, 'GET', `/api/v1/reports/${response.body.id}`, { headers: alice.headers });
    expect(detail.body.description).toBe(description);
    const mine = await request<Page<ReportListItem>>(t.baseUrl, 'GET', '/api/v1/reports/mine', { headers: alice.headers });
    expect(mine.body.items.find((item) => item.id === response.body.id)?.description).toBe(description);

    // The department reads it as written, and a note written the same way comes back the same.
    const staff = await loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername });
    const ticketPath = `/api/v1/tickets/${response.body.ticket?.id ?? ''}`;
    const ticket = await request<TicketDetail>(t.baseUrl, 'GET', ticketPath, { headers: staff.headers });
    expect(ticket.body.description).toBe(description);
    const note = `已签收${hostile}`;
    const accepted = await request(t.baseUrl, 'POST', `${ticketPath}/actions`, { headers: staff.headers, json: { action: 'accept', version: ticket.body.version, note } });
    expect(accepted.status).toBe(200);
    const after = await request<TicketDetail>(t.baseUrl, 'GET', ticketPath, { headers: staff.headers });
    expect(after.body.events.at(-1)?.note).toBe(note);
    expect(await count('reports')).toBeGreaterThan(0);
  });

  describe('refuses what is not a report, leaving nothing behind', () => {
    const cases: Array<[string, () => Promise<Record<string, unknown>>, number]> = [
      ['no body fields', async () => ({}), 400],
      ['latitude out of range', async () => reportBody({ location: { ...XINJIEKOU, lat: 91 } }), 400],
      ['latitude as the string NaN', async () => ({ ...reportBody(), location: { ...XINJIEKOU, lat: 'NaN' } }), 400],
      ['an unknown coordinate system', async () => ({ ...reportBody(), location: { ...XINJIEKOU, coordSystem: 'bd09' } }), 400],
      ['a 501-character description', async () => reportBody({ description: '井'.repeat(501) }), 400],
      ['an empty description', async () => reportBody({ description: ' ' }), 400],
      ['an unknown photo id', async () => reportBody({ photoIds: ['01930000-0000-7000-8000-000000000000'] }), 400],
      ['another resident’s photo', async () => reportBody({ photoIds: [(await uploadPhoto(t.baseUrl, bob, 7)).id] }), 400],
      ['seven photos', async () => reportBody({ photoIds: Array.from({ length: 7 }, (_, i) => `01930000-0000-7000-8000-00000000000${i}`) }), 400],
      ['an unknown category', async () => reportBody({ categoryCode: 'ZZ-99' }), 400],
      ['a bad clientRequestId', async () => reportBody({ clientRequestId: 'x' }), 400],
      ['an unknown field', async () => ({ ...reportBody(), ticketId: 'forged' }), 400],
      ['a 10 MB description', async () => reportBody({ description: 'x'.repeat(10 * 1024 * 1024) }), 413],
    ];
    it.each(cases)('%s', async (_label, makeBody, status) => {
      const body = await makeBody();
      const before = await counts();
      const response = await submitReport(t.baseUrl, alice, body);
      expect(response.status).toBe(status);
      expect((response.body as unknown as ErrorBody).error.code).toEqual(expect.any(String));
      expect(await counts()).toEqual(before);
    });

    it('refuses a photo already attached to another report', async () => {
      const photo = await uploadPhoto(t.baseUrl, alice, 3);
      expect((await submitReport(t.baseUrl, alice, reportBody({ photoIds: [photo.id] }))).status).toBe(201);
      const before = await counts();
      expect((await submitReport(t.baseUrl, alice, reportBody({ photoIds: [photo.id] }))).status).toBe(400);
      expect(await counts()).toEqual(before);
    });

    it('refuses staff, admins and anonymous callers', async () => {
      const staff = await loginAs(t.baseUrl, 'staff');
      expect((await submitReport(t.baseUrl, staff, reportBody())).status).toBe(403);
      const anonymous = await request(t.baseUrl, 'POST', '/api/v1/reports', { json: reportBody() });
      expect(anonymous.status).toBe(401);
    });
  });

  describe('my reports', () => {
    it('lists only the caller’s reports, newest first, in pages', async () => {
      const carol = await loginAs(t.baseUrl, 'resident', { openid: 'carol' });
      const made: CreateReportResponse[] = [];
      for (let i = 0; i < 23; i += 1) made.push((await submitReport(t.baseUrl, carol, reportBody({ description: `第${i}条` }))).body);
      const first = await request<Page<ReportListItem>>(t.baseUrl, 'GET', '/api/v1/reports/mine', { headers: carol.headers });
      expect(first.body.items).toHaveLength(20);
      expect(first.body.items[0].id).toBe(made[22].id);
      const second = await request<Page<ReportListItem>>(
        t.baseUrl,
        'GET',
        `/api/v1/reports/mine?cursor=${first.body.nextCursor}`,
        { headers: carol.headers },
      );
      expect(second.body.items.map((r) => r.id)).toEqual([made[2].id, made[1].id, made[0].id]);
      expect(second.body.nextCursor).toBeNull();
      const bobs = await request<Page<ReportListItem>>(t.baseUrl, 'GET', '/api/v1/reports/mine', { headers: bob.headers });
      expect(bobs.body.items.filter((r) => made.some((m) => m.id === r.id))).toEqual([]);
      const bad = await request(t.baseUrl, 'GET', '/api/v1/reports/mine?cursor=garbage', { headers: carol.headers });
      expect(bad.status).toBe(400);
    });

    it('hides another resident’s report as not found', async () => {
      const mine = await submitReport(t.baseUrl, alice, reportBody());
      const peek = await request<ErrorBody>(t.baseUrl, 'GET', `/api/v1/reports/${mine.body.id}`, { headers: bob.headers });
      expect(peek.status).toBe(404);
      const rate = await request(t.baseUrl, 'POST', `/api/v1/reports/${mine.body.id}/rating`, {
        json: { score: 1 },
        headers: bob.headers,
      });
      expect(rate.status).toBe(404);
      expect((await request(t.baseUrl, 'GET', '/api/v1/reports/not-a-uuid', { headers: bob.headers })).status).toBe(400);
    });
  });
});
