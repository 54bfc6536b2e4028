import type { CategorySuggestion, ClassificationRuleView, ErrorBody, ReportDetail, TicketDetail } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { MANHOLE, STREETLIGHT, nextSpot, reportBody, submitReport, uploadPhoto } from '../helpers/reporting';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

/** About `metres` north of a point (1° of latitude ≈ 111 km). */
function north(point: { lat: number; lng: number; coordSystem: 'gcj02' }, metres: number) {
  return { ...point, lat: point.lat + metres / 111_000 };
}

describe('classify, dedupe and correct (ARCHITECTURE.md §6 steps 3–5)', () => {
  let t: TestApp;
  let alice: LoggedIn;
  let bob: LoggedIn;
  let admin: LoggedIn;
  let manholeStaff: LoggedIn;
  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const ticket = (who: LoggedIn, id: string) => request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${id}`, { headers: who.headers });

  beforeAll(async () => {
    t = await startTestApp();
    alice = await loginAs(t.baseUrl, 'resident', { openid: 'dispatch-alice' });
    bob = await loginAs(t.baseUrl, 'resident', { openid: 'dispatch-bob' });
    admin = await loginAs(t.baseUrl, 'admin');
    manholeStaff = await loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername });
  });
  afterAll(() => t.close());

  it('suggests categories while the resident types, best first, with confidences', async () => {
    const response = await request<CategorySuggestion[]>(t.baseUrl, 'GET', `/api/v1/categories/suggest?text=${encodeURIComponent('小区门口的路灯坏了，晚上一片漆黑')}`, {
      headers: alice.headers,
    });
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(3);
    expect(response.body[0]).toMatchObject({ code: STREETLIGHT.code, name: '路灯', parentName: '公用设施' });
    const confidences = response.body.map((suggestion) => suggestion.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    for (const confidence of confidences) expect(confidence).toBeGreaterThanOrEqual(0);
    expect(confidences.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(1.0001);
  });

  it('refuses suggestion requests without a token, without text or with too much of it', async () => {
    const path = '/api/v1/categories/suggest';
    expect((await request(t.baseUrl, 'GET', `${path}?text=abc`)).status).toBe(401);
    expect((await request<ErrorBody>(t.baseUrl, 'GET', path, { headers: alice.headers })).status).toBe(400);
    expect((await request(t.baseUrl, 'GET', `${path}?text=${'井'.repeat(501)}`, { headers: alice.headers })).status).toBe(400);
    expect((await request(t.baseUrl, 'GET', `${path}?text=abc&limit=99`, { headers: alice.headers })).status).toBe(400);
  });

  it('classifies a report without a category and dispatches it by the default table', async () => {
    const response = await submitReport(t.baseUrl, alice, reportBody({ categoryCode: undefined, description: '我家楼下那盏路灯不亮了好几天了' }));
    expect(response.body).toMatchObject({
      outcome: 'accepted',
      ticket: { status: 'dispatched', category: { code: STREETLIGHT.code }, department: { code: STREETLIGHT.departmentCode } },
    });
    // Staff read why the ticket came to them (为什么派给这个部门); the resident's timeline keeps it to itself.
    const lightStaff = await loginAs(t.baseUrl, 'staff', { username: STREETLIGHT.staffUsername });
    const opened = (await ticket(lightStaff, response.body.ticket?.id ?? '')).body.events[0];
    expect(opened.trace?.join('\n')).toMatch(/自动分类/);
    const mine = await request<ReportDetail>(t.baseUrl, 'GET', `/api/v1/reports/${response.body.id}`, { headers: alice.headers });
    expect(mine.body.timeline[0].trace).toBeNull();
  });

  it("lets an admin's keyword rule override the model, for suggestions and for dispatch", async () => {
    const created = await request<ClassificationRuleView>(t.baseUrl, 'POST', '/api/v1/admin/classification-rules', {
      headers: admin.headers,
      json: { keyword: '蓝色大桶', categoryCode: 'GY-08' },
    });
    expect(created.status).toBe(201);
    expect(created.body.category).toEqual({ code: 'GY-08', name: '垃圾箱' });
    const suggest = await request<CategorySuggestion[]>(t.baseUrl, 'GET', `/api/v1/categories/suggest?text=${encodeURIComponent('路灯下面的蓝色大桶')}`, {
      headers: alice.headers,
    });
    expect(suggest.body[0]).toMatchObject({ code: 'GY-08', confidence: 1 });
    const report = await submitReport(t.baseUrl, alice, reportBody({ categoryCode: undefined, description: '路灯下面的蓝色大桶被人砸坏了' }));
    expect(report.body.ticket?.category?.code).toBe('GY-08');
    for (const body of [{ keyword: '蓝色大桶', categoryCode: 'GY-08' }, { keyword: '某物', categoryCode: 'GY' }, { keyword: '某物', categoryCode: 'NOPE-01' }]) {
      const refused = await request(t.baseUrl, 'POST', '/api/v1/admin/classification-rules', { headers: admin.headers, json: body });
      expect([body, refused.status]).toEqual([body, body.keyword === '蓝色大桶' ? 409 : 400]);
    }
  });

  it('merges a second report of the same problem into the open ticket (附议) and tells the resident', async () => {
    const spot = nextSpot();
    const photo = await uploadPhoto(t.baseUrl, alice, 21);
    const first = await submitReport(t.baseUrl, alice, reportBody({ location: spot, photoIds: [photo.id], description: '这个井盖的盖子没了，下面很深，太危险了' }));
    expect(first.body.outcome).toBe('accepted');
    const tickets = await count('tickets');
    const second = await submitReport(t.baseUrl, bob, reportBody({ location: north(spot, 15), description: '井盖没有盖子了，下面好深，很危险' }));
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ outcome: 'merged', reasons: [{ code: 'MERGED' }], ticket: { id: first.body.ticket?.id, supporterCount: 2 } });
    expect(second.body.reasons[0].message).toContain('已有 2 位市民反映');
    // The joined ticket as the first answer showed it (category, department, deadline), one more supporter.
    expect(first.body.ticket?.department).not.toBeNull();
    expect(second.body.ticket).toEqual({ ...first.body.ticket, supporterCount: 2 });
    expect(await count('tickets')).toBe(tickets);

    const detail = await ticket(manholeStaff, first.body.ticket?.id ?? '');
    expect(detail.body.supporterCount).toBe(2);
    expect(detail.body.reports.map((report) => report.id)).toEqual([first.body.id, second.body.id]);
    expect(detail.body.events.map((event) => event.action)).toContain('supporter_joined');

    // Far enough away it is another problem.
    const far = await submitReport(t.baseUrl, bob, reportBody({ location: north(spot, 400), description: '井盖没有盖子了，下面好深，很危险' }));
    expect(far.body.outcome).toBe('accepted');
    expect(far.body.ticket?.id).not.toBe(first.body.ticket?.id);
  });

  it('lets staff reclassify a ticket, which records a training example', async () => {
    const report = await submitReport(t.baseUrl, alice, reportBody({ description: '井盖旁边的路灯杆歪了' }));
    const id = report.body.ticket?.id ?? '';
    const before = await ticket(manholeStaff, id);
    const examples = await count('training_examples');
    const act = (json: Record<string, unknown>) =>
      request<TicketDetail>(t.baseUrl, 'POST', `/api/v1/tickets/${id}/actions`, { headers: manholeStaff.headers, json });
    expect((await act({ action: 'reclassify', version: before.body.version })).status).toBe(400);
    expect((await act({ action: 'reclassify', version: before.body.version, categoryCode: 'GY' })).status).toBe(400);
    const changed = await act({ action: 'reclassify', version: before.body.version, categoryCode: STREETLIGHT.code });
    expect(changed.status).toBe(200);
    expect(changed.body.category?.code).toBe(STREETLIGHT.code);
    expect(changed.body.events.at(-1)).toMatchObject({ action: 'reclassify', label: '更正分类' });
    expect(await count('training_examples')).toBe(examples + 1);
    const stale = await act({ action: 'reclassify', version: before.body.version, categoryCode: MANHOLE.code });
    expect(stale.status).toBe(409);
  });

  it('lets staff merge a missed duplicate into another ticket and split a report out again', async () => {
    const a = await submitReport(t.baseUrl, alice, reportBody({ description: '人民路这段井盖松动，车一过就响' }));
    const b = await submitReport(t.baseUrl, bob, reportBody({ description: '井盖一压就哐哐响，半夜吵死人' }));
    const aId = a.body.ticket?.id ?? '';
    const bId = b.body.ticket?.id ?? '';
    const target = await ticket(manholeStaff, bId);
    const source = await ticket(manholeStaff, aId);
    const path = `/api/v1/tickets/${aId}/actions`;

    const otherStaff = await loginAs(t.baseUrl, 'staff', { username: STREETLIGHT.staffUsername });
    const foreign = await request(t.baseUrl, 'POST', path, {
      headers: otherStaff.headers,
      json: { action: 'merge', version: source.body.version, targetTicketNo: target.body.ticketNo, note: '同一问题' },
    });
    expect(foreign.status).toBe(404);
    const unknown = await request(t.baseUrl, 'POST', path, {
      headers: manholeStaff.headers,
      json: { action: 'merge', version: source.body.version, targetTicketNo: 'GD2099010199999', note: '同一问题' },
    });
    expect(unknown.status).toBe(404);
    const itself = await request(t.baseUrl, 'POST', path, {
      headers: manholeStaff.headers,
      json: { action: 'merge', version: source.body.version, targetTicketNo: source.body.ticketNo, note: '同一问题' },
    });
    expect(itself.status).toBe(422);

    const merged = await request<TicketDetail>(t.baseUrl, 'POST', path, {
      headers: manholeStaff.headers,
      json: { action: 'merge', version: source.body.version, targetTicketNo: target.body.ticketNo, note: '同一个井盖' },
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: { id: bId, ticketNo: target.body.ticketNo } });
    const joined = await ticket(manholeStaff, bId);
    expect(joined.body.supporterCount).toBe(2);
    expect(joined.body.reports.map((report) => report.id).sort()).toEqual([a.body.id, b.body.id].sort());
    expect(joined.body.events.map((event) => event.action)).toContain('merged_in');

    const split = await request<TicketDetail>(t.baseUrl, 'POST', `/api/v1/tickets/${bId}/actions`, {
      headers: manholeStaff.headers,
      json: { action: 'split', version: joined.body.version, reportId: joined.body.reports[1].id, note: '其实是两个井盖' },
    });
    expect(split.status).toBe(200);
    expect(split.body.supporterCount).toBe(1);
    expect(split.body.reports).toHaveLength(1);
    const firstReport = await request<TicketDetail>(t.baseUrl, 'POST', `/api/v1/tickets/${bId}/actions`, {
      headers: manholeStaff.headers,
      json: { action: 'split', version: split.body.version, reportId: split.body.reports[0].id, note: '再拆' },
    });
    expect(firstReport.status).toBe(422);
  });
});
