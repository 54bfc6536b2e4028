import {
  STAFF_ADMIN_ACTIONS,
  TICKET_STATUSES,
  refusalOf,
  transitionOf,
  type ErrorBody,
  type ReportDetail,
  type StaffAdminAction,
  type TicketDetail,
  type TicketPage,
  type TicketStatus,
} from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { TicketsService } from '../../modules/tickets/tickets.service';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { MANHOLE, STREETLIGHT, reportBody, submitReport, uploadPhoto } from '../helpers/reporting';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

type ActorName = 'own staff' | 'other staff' | 'admin' | 'resident';
const ACTORS: ActorName[] = ['resident', 'other staff', 'admin', 'own staff'];

describe('tickets', () => {
  let t: TestApp;
  let resident: LoggedIn;
  let ownStaff: LoggedIn;
  let otherStaff: LoggedIn;
  let admin: LoggedIn;
  let db: DataSource;

  const who = (actor: ActorName) =>
    ({ resident, 'own staff': ownStaff, 'other staff': otherStaff, admin })[actor];

  /**
   * A fresh ticket of the manhole department, put into `status` directly (test set-up only). With
   * `supporters`, another resident's report is added to it, as a merge would (for splitting).
   */
  async function ticketIn(status: TicketStatus, pendingExtension = false, supporters = false): Promise<string> {
    const created = await submitReport(t.baseUrl, resident, reportBody());
    const id = created.body.ticket?.id;
    if (!id) throw new Error('no ticket');
    if (supporters) {
      const extra = await submitReport(t.baseUrl, resident, reportBody({ description: '同一个井盖，我也反映一下' }));
      await db.query('UPDATE reports SET ticketId = ?, outcome = ? WHERE id = ?', [id, 'merged', extra.body.id]);
      await setTicket(id, { supporterCount: 2 });
    }
    const [department] = await db.query('SELECT id FROM departments WHERE code = ?', [MANHOLE.departmentCode]);
    await setTicket(id, {
      status,
      departmentId: status === 'pending_triage' ? null : department.id,
      pendingExtensionUntil: pendingExtension ? new Date(Date.now() + 30 * 86_400_000) : null,
      resolvedAt: status === 'resolved' || status === 'closed' ? new Date() : null,
    });
    return id;
  }

  /** Test set-up writes through the entity, so dates are stored the way each engine expects. */
  const setTicket = (id: string, fields: Partial<Ticket>) => db.getRepository(Ticket).update({ id }, fields);

  const snapshot = async (id: string) => ({
    ticket: (await db.query('SELECT status, version, departmentId, resolveBy, pendingExtensionUntil FROM tickets WHERE id = ?', [id]))[0],
    events: Number((await db.query('SELECT COUNT(*) AS n FROM ticket_events WHERE ticketId = ?', [id]))[0].n),
  });

  const versionOf = async (id: string) => Number((await db.query('SELECT version FROM tickets WHERE id = ?', [id]))[0].version);

  /** The open ticket every `merge` of the table joins (the manhole department's, so own staff see it). */
  let mergeTargetNo = '';

  /** A body that satisfies every action's requirements, so only role, ownership and state decide. */
  const bodyFor = async (action: StaffAdminAction, id: string, version: number) => {
    const requires = transitionOf(action).requires;
    const reports: Array<{ id: string }> = requires.reportId ? await db.query('SELECT id FROM reports WHERE ticketId = ? ORDER BY createdAt, id', [id]) : [];
    return {
      action,
      version,
      ...(requires.note ? { note: '测试说明' } : {}),
      ...(requires.departmentCode ? { departmentCode: STREETLIGHT.departmentCode } : {}),
      ...(requires.until ? { until: new Date(Date.now() + 60 * 86_400_000).toISOString() } : {}),
      ...(requires.categoryCode ? { categoryCode: STREETLIGHT.code } : {}),
      ...(requires.targetTicketNo ? { targetTicketNo: mergeTargetNo } : {}),
      ...(requires.reportId ? { reportId: reports.at(-1)?.id } : {}),
    };
  };

  const act = (id: string, actor: LoggedIn, body: object) =>
    request<TicketDetail & ErrorBody>(t.baseUrl, 'POST', `/api/v1/tickets/${id}/actions`, { json: body, headers: actor.headers });

  beforeAll(async () => {
    // Reports without a category wait for triage here: classification has its own suite.
    t = await startTestApp({ CLASSIFIER_MIN_CONFIDENCE: '1' });
    db = t.app.get(DataSource);
    resident = await loginAs(t.baseUrl, 'resident', { openid: 'ticket-tester' });
    ownStaff = await loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername });
    otherStaff = await loginAs(t.baseUrl, 'staff', { username: STREETLIGHT.staffUsername });
    admin = await loginAs(t.baseUrl, 'admin');
    const target = await submitReport(t.baseUrl, resident, reportBody({ description: '合并目标：井盖破损' }));
    mergeTargetNo = target.body.ticket?.ticketNo ?? '';
  });
  afterAll(() => t.close());

  describe('the transition table, action × state × actor', () => {
    const expected = (action: StaffAdminAction, status: TicketStatus, actor: ActorName, pending: boolean) => {
      if (actor === 'resident') return 403; // the route itself is for staff and admins
      // Staff see their department's tickets only; a ticket in triage belongs to no department yet.
      const visible = actor === 'admin' || (actor === 'own staff' && status !== 'pending_triage');
      if (!visible) return 404;
      const refusal = refusalOf(action, {
        status,
        hasPendingExtension: pending,
        role: actor === 'admin' ? 'admin' : 'staff',
        owns: true,
      });
      if (refusal === null) return 200;
      return refusal === 'wrong_role' ? 403 : 409;
    };

    const rows = STAFF_ADMIN_ACTIONS.flatMap((action) =>
      TICKET_STATUSES.flatMap((status) =>
        transitionOf(action).needsPendingExtension || action === 'request_extension'
          ? [{ action, status, pending: false }, { action, status, pending: true }]
          : [{ action, status, pending: false }],
      ),
    );

    it.each(rows)('$action from $status (pending extension: $pending)', async ({ action, status, pending }) => {
      const id = await ticketIn(status, pending, action === 'split');
      // Refused actors first: each must leave the ticket exactly as it was.
      for (const actor of ACTORS) {
        const want = expected(action, status, actor, pending);
        const before = await snapshot(id);
        const response = await act(id, who(actor), await bodyFor(action, id, before.ticket.version));
        expect(`${actor}: ${response.status}`).toBe(`${actor}: ${want}`);
        if (want !== 200) {
          expect(await snapshot(id)).toEqual(before);
          continue;
        }
        const target = transitionOf(action).to;
        expect(response.body.status).toBe(target === 'same' ? status : target);
        expect(response.body.version).toBe(before.ticket.version + 1);
        expect((await snapshot(id)).events).toBe(before.events + 1);
        expect(response.body.events.at(-1)?.action).toBe(action);
        break;
      }
    });
  });

  it('refuses a stale version with 409 TICKET_STALE_VERSION and changes nothing', async () => {
    const id = await ticketIn('dispatched');
    const version = await versionOf(id);
    const before = await snapshot(id);
    const response = await act(id, ownStaff, { action: 'accept', version: version - 1 || version + 1 });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('TICKET_STALE_VERSION');
    expect(await snapshot(id)).toEqual(before);
  });

  it('lets exactly one of two staff accepting at once succeed', async () => {
    const id = await ticketIn('dispatched');
    const version = await versionOf(id);
    const colleague = await loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername });
    const results = await Promise.all([
      act(id, ownStaff, { action: 'accept', version }),
      act(id, colleague, { action: 'accept', version }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await snapshot(id)).events).toBe(2);
  });

  it.each([
    ['return without a reason', 'dispatched', { action: 'return' }],
    ['resolve without a reply', 'in_progress', { action: 'resolve' }],
    ['dispatch without a department', 'pending_triage', { action: 'dispatch' }],
    ['dispatch to an unknown department', 'pending_triage', { action: 'dispatch', departmentCode: 'NOPE' }],
    ['an extension into the past', 'in_progress', { action: 'request_extension', note: '材料未到', until: '2020-01-01T00:00:00Z' }],
    ['an unknown action', 'dispatched', { action: 'teleport' }],
    ['photos on accept', 'dispatched', { action: 'accept', photoIds: ['01930000-0000-7000-8000-000000000000'] }],
    ['a 2000-character note', 'dispatched', { action: 'return', note: '长'.repeat(2000) }],
  ] as const)('refuses %s with 400 and changes nothing', async (_label, status, body) => {
    const id = await ticketIn(status);
    const actor = status === 'pending_triage' ? admin : ownStaff;
    const before = await snapshot(id);
    const response = await act(id, actor, { ...body, version: before.ticket.version });
    expect(response.status).toBe(400);
    expect(await snapshot(id)).toEqual(before);
  });

  it('runs the whole loop: accept, extension, resolve with a photo; the resident rates 5 and it closes', async () => {
    const created = await submitReport(t.baseUrl, resident, reportBody());
    const id = created.body.ticket?.id ?? '';
    let detail = (await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${id}`, { headers: ownStaff.headers })).body;
    expect(detail.actions).toEqual(['accept', 'return', 'request_transfer', 'reclassify', 'merge', 'split']);
    detail = (await act(id, ownStaff, { action: 'accept', version: detail.version })).body;
    const until = new Date(Math.floor(Date.now() / 1000) * 1000 + 20 * 86_400_000).toISOString();
    detail = (await act(id, ownStaff, { action: 'request_extension', version: detail.version, note: '需要更换井座', until })).body;
    expect(detail.pendingExtensionUntil).toBe(until);
    const adminView = (await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${id}`, { headers: admin.headers })).body;
    expect(adminView.actions).toEqual(expect.arrayContaining(['approve_extension', 'deny_extension']));
    const waiting = await request<TicketPage>(t.baseUrl, 'GET', '/api/v1/tickets?pendingExtension=true&limit=100', { headers: admin.headers });
    expect(waiting.body.items.find((item) => item.id === id)?.pendingExtensionUntil).toBe(until);
    expect(waiting.body.items.every((item) => item.pendingExtensionUntil !== null)).toBe(true);
    detail = (await act(id, admin, { action: 'approve_extension', version: detail.version })).body;
    expect(detail.resolveBy).toBe(until);
    const photo = await uploadPhoto(t.baseUrl, ownStaff, 11);
    detail = (await act(id, ownStaff, { action: 'resolve', version: detail.version, note: '已更换新井盖', photoIds: [photo.id] })).body;
    expect(detail.status).toBe('resolved');
    expect(detail.events.at(-1)?.photos.map((p) => p.id)).toEqual([photo.id]);
    expect(detail.events.find((e) => e.action === 'accept')?.departmentName).toBe('南京市市政设施综合养护管理中心');

    const mine = (await request<ReportDetail>(t.baseUrl, 'GET', `/api/v1/reports/${created.body.id}`, { headers: resident.headers })).body;
    expect(mine.ticket?.status).toBe('resolved');
    expect(mine.resolution).toMatchObject({ reply: '已更换新井盖', photos: [{ id: photo.id }] });
    expect(mine.canRate).toBe(true);
    expect(mine.timeline.map((e) => e.action)).toEqual(['open_dispatched', 'accept', 'request_extension', 'approve_extension', 'resolve']);
    expect(mine.timeline.every((e) => e.actorName === null)).toBe(true);
    expect(mine.timeline.find((e) => e.action === 'request_extension')?.note).toBeNull();

    const rated = await request<ReportDetail>(t.baseUrl, 'POST', `/api/v1/reports/${created.body.id}/rating`, {
      json: { score: 5, comment: '很及时' },
      headers: resident.headers,
    });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ rating: 5, ratingComment: '很及时', canRate: false, ticket: { status: 'closed' } });
  });

  it('lets the admin set the category while dispatching from triage, with that category’s deadlines', async () => {
    // Neither a category nor a hazard word: a routing rule would dispatch 井盖缺失 on its own.
    const created = await submitReport(t.baseUrl, resident, reportBody({ categoryCode: undefined, description: '门口这个情况麻烦有人来看一下' }));
    const id = created.body.ticket?.id ?? '';
    const response = await act(id, admin, {
      action: 'dispatch',
      version: await versionOf(id),
      departmentCode: STREETLIGHT.departmentCode,
      categoryCode: STREETLIGHT.code,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'dispatched', category: { code: STREETLIGHT.code }, department: { code: STREETLIGHT.departmentCode } });
    expect(Date.parse(response.body.resolveBy ?? '')).toBeGreaterThan(Date.now());
    const wrong = await act(id, admin, { action: 'transfer', version: response.body.version, departmentCode: 'CGJ', note: '转', categoryCode: 'ZZ-99' });
    expect(wrong.status).toBe(400);
    const onAccept = await act(id, otherStaff, { action: 'accept', version: response.body.version, categoryCode: STREETLIGHT.code });
    expect(onAccept.status).toBe(400);
  });

  it('reopens to the same department within the window, and refuses after it', async () => {
    const created = await submitReport(t.baseUrl, resident, reportBody());
    const id = created.body.ticket?.id ?? '';
    let version = await versionOf(id);
    version = (await act(id, ownStaff, { action: 'accept', version })).body.version;
    await act(id, ownStaff, { action: 'resolve', version, note: '已处理' });
    const rate = (json: object) =>
      request<ReportDetail & ErrorBody>(t.baseUrl, 'POST', `/api/v1/reports/${created.body.id}/rating`, { json, headers: resident.headers });
    expect((await rate({ score: 1, reopen: true })).status).toBe(400);
    const reopened = await rate({ score: 1, reopen: true, comment: '井盖还是松的' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.ticket).toMatchObject({ status: 'dispatched', department: { code: MANHOLE.departmentCode } });
    expect((await rate({ score: 4 })).status).toBe(422);

    version = await versionOf(id);
    version = (await act(id, ownStaff, { action: 'accept', version })).body.version;
    await act(id, ownStaff, { action: 'resolve', version, note: '已加固' });
    await setTicket(id, { resolvedAt: new Date(Date.now() - 30 * 86_400_000) });
    const late = await rate({ score: 2, reopen: true, comment: '还是不行' });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('BUSINESS_RULE');
  });

  it('closes resolved work nobody rated once the reopen window has passed (自动结案), once', async () => {
    const created = await submitReport(t.baseUrl, resident, reportBody({ description: '小区门口的井盖松动了，车一压就响' }));
    const id = created.body.ticket?.id ?? '';
    let version = await versionOf(id);
    version = (await act(id, ownStaff, { action: 'accept', version })).body.version;
    await act(id, ownStaff, { action: 'resolve', version, note: '已更换井座' });
    const service = t.app.get(TicketsService);
    const statusOf = async () => (await db.query('SELECT status FROM tickets WHERE id = ?', [id]))[0].status;
    const now = new Date();
    await service.autoCloseDue(now);
    // Still inside the reopen window: the resident may yet rate or reopen it.
    expect(await statusOf()).toBe('resolved');
    const later = new Date(now.getTime() + (t.config.tickets.reopenWindowDays + 1) * 86_400_000);
    expect(await service.autoCloseDue(later)).toBeGreaterThanOrEqual(1);
    expect(await statusOf()).toBe('closed');
    const detail = await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${id}`, { headers: ownStaff.headers });
    expect(detail.body.status).toBe('closed');
    expect(detail.body.events.at(-1)).toMatchObject({ action: 'auto_close', label: '自动结案', actorRole: 'system' });
    const eventsBefore = detail.body.events.length;
    await service.autoCloseDue(later);
    const again = await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${id}`, { headers: ownStaff.headers });
    expect(again.body.events).toHaveLength(eventsBefore);
    const rated = await request<ErrorBody>(t.baseUrl, 'POST', `/api/v1/reports/${created.body.id}/rating`, { json: { score: 5 }, headers: resident.headers });
    expect(rated.status).toBe(422);
  });

  describe('lists', () => {
    it('shows staff only their department, filters by status, overdue and number, and pages by deadline', async () => {
      const ids = [await ticketIn('dispatched'), await ticketIn('dispatched'), await ticketIn('in_progress')];
      await setTicket(ids[2], { resolveBy: new Date(Date.now() - 3600_000) });
      const list = (query: string, as = ownStaff) =>
        request<TicketPage>(t.baseUrl, 'GET', `/api/v1/tickets${query}`, { headers: as.headers });

      const theirs = await list('?limit=100', otherStaff);
      expect(theirs.body.items.filter((item) => ids.includes(item.id))).toEqual([]);
      const dispatched = await list('?status=dispatched&limit=100');
      expect(dispatched.body.items.every((item) => item.status === 'dispatched')).toBe(true);
      const overdue = await list('?overdue=true&limit=100');
      expect(overdue.body.items.map((item) => item.id)).toContain(ids[2]);
      expect(overdue.body.items.every((item) => item.overdue)).toBe(true);
      const [row] = await db.query('SELECT ticketNo FROM tickets WHERE id = ?', [ids[0]]);
      const byNumber = await list(`?q=${row.ticketNo}`);
      expect(byNumber.body.items.map((item) => item.id)).toEqual([ids[0]]);

      const pageThrough = async (limit: number) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: TicketPage = (await list(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)).body;
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        } while (cursor);
        return seen;
      };
      const seen = await pageThrough(7);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(await pageThrough(100));
      const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM tickets t JOIN departments d ON d.id = t.departmentId WHERE d.code = ?', [MANHOLE.departmentCode]);
      expect(seen).toHaveLength(Number(n));
      expect((await list('?status=flying')).status).toBe(400);
      expect((await list('?cursor=garbage')).status).toBe(400);
    });

    it('lets admins see every department and residents none', async () => {
      const id = await ticketIn('dispatched');
      const adminList = await request<TicketPage>(t.baseUrl, 'GET', '/api/v1/tickets?limit=100&status=dispatched', { headers: admin.headers });
      expect(adminList.body.items.map((item) => item.id)).toContain(id);
      expect((await request(t.baseUrl, 'GET', '/api/v1/tickets', { headers: resident.headers })).status).toBe(403);
      expect((await request(t.baseUrl, 'GET', `/api/v1/tickets/${id}`, { headers: otherStaff.headers })).status).toBe(404);
    });
  });
});
