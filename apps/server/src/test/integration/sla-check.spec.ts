import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TicketDetail } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { createApp } from '../../app.factory';
import { Clock } from '../../modules/sla/clock.service';
import { SlaCheckJob } from '../../modules/sla/sla-check.job';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { TicketDeadlinesService } from '../../modules/tickets/ticket-deadlines.service';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { openTestSql, pointDepartmentAt, type TestSql } from '../helpers/outbox-sql';
import { MANHOLE, reportBody, submitReport } from '../helpers/reporting';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

/** Beijing wall-clock time as an instant. */
const bj = (iso: string) => new Date(`${iso}+08:00`);
const HOUR = 3_600_000;
const COMMAND_CENTRE = 'ZHZX';

interface CalendarBody {
  year: number;
  days: Array<{ date: string; kind: 'holiday' | 'workday'; name: string }>;
}

describe('SLA check (催办/督办) and the work calendar', () => {
  let t: TestApp;
  let sql: TestSql;
  let db: DataSource;
  let resident: LoggedIn;
  let staff: LoggedIn;
  let admin: LoggedIn;
  /**
   * On MySQL/MariaDB a second instance of the app on the same database, racing the first. On SQLite
   * (embedded mode: one instance) both runs are the same instance's, whose passes queue one behind the other.
   */
  let second: NestFastifyApplication | null = null;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_WORKER: 'off' });
    sql = await openTestSql(t.database);
    db = t.app.get(DataSource);
    [resident, staff, admin] = await Promise.all([
      loginAs(t.baseUrl, 'resident', { openid: 'sla-resident' }),
      loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername }),
      loginAs(t.baseUrl, 'admin'),
    ]);
    // Only departments with a webhook get department messages.
    await pointDepartmentAt(sql, MANHOLE.departmentCode, 'http://127.0.0.1:9/hook', 'secret-1');
    await pointDepartmentAt(sql, COMMAND_CENTRE, 'http://127.0.0.1:9/hook', 'secret-2');
    if (t.database.engine === 'mysql') {
      second = await createApp({ ...t.config, seed: { onStart: false, demoAccounts: false, demoHistory: false } });
      await second.init();
    }
  });

  afterAll(async () => {
    await second?.close();
    await sql?.close();
    await t?.close();
  });

  afterEach(() => jest.restoreAllMocks());

  /** Every instance's job sees the same time. */
  function clockAt(now: Date): void {
    for (const app of [t.app, second]) if (app) jest.spyOn(app.get(Clock), 'now').mockReturnValue(now);
  }

  const jobs = () => [t.app.get(SlaCheckJob), (second ?? t.app).get(SlaCheckJob)];

  async function dispatchedTicket(): Promise<string> {
    const created = await submitReport(t.baseUrl, resident, reportBody());
    const id = created.body.ticket?.id;
    if (!id) throw new Error(`no ticket: ${created.text}`);
    const [row] = await sql.query<{ status: string }>('SELECT status FROM tickets WHERE id = ?', [id]);
    expect(row.status).toBe('dispatched');
    return id;
  }

  const setTicket = (id: string, fields: Partial<Ticket>) => db.getRepository(Ticket).update({ id }, fields);

  const eventsOf = async (id: string, action: string) =>
    sql.query<{ note: string; departmentId: string | null }>('SELECT note, departmentId FROM ticket_events WHERE ticketId = ? AND action = ?', [
      id,
      action,
    ]);

  const escalationMessages = async (id: string) =>
    (
      await sql.query<{ payload: string }>("SELECT payload FROM outbox_messages WHERE topic = 'department.ticket.escalated'")
    ).filter((row) => String(row.payload).includes(id));

  const overdueOf = async (id: string) => Boolean(Number((await sql.query<{ overdue: unknown }>('SELECT overdue FROM tickets WHERE id = ?', [id]))[0].overdue));

  const detail = async (id: string, who: LoggedIn) =>
    (await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${id}`, { headers: who.headers })).body;

  it('催办 a ticket past its deadline exactly once, even when two runs race', async () => {
    const id = await dispatchedTicket();
    const now = new Date();
    await setTicket(id, { acceptBy: new Date(now.getTime() - 10 * 60_000), resolveBy: new Date(now.getTime() + 2 * HOUR) });
    const untouched = await dispatchedTicket();
    await setTicket(untouched, { acceptBy: new Date(now.getTime() + HOUR), resolveBy: new Date(now.getTime() + 2 * HOUR) });
    clockAt(now);

    const outcomes = await Promise.all(jobs().map((job) => job.runOnce()));
    await Promise.all(jobs().map((job) => job.runOnce()));

    expect(outcomes.reduce((sum, outcome) => sum + outcome.urged, 0)).toBe(1);
    expect(await eventsOf(id, 'urge')).toEqual([expect.objectContaining({ note: '已超过签收时限，请尽快签收' })]);
    expect(await escalationMessages(id)).toHaveLength(1);
    expect(await overdueOf(id)).toBe(true);
    expect(await eventsOf(untouched, 'urge')).toEqual([]);
    expect(await overdueOf(untouched)).toBe(false);
    const seen = await detail(id, staff);
    expect(seen.events.at(-1)).toMatchObject({ action: 'urge', label: '催办' });
  });

  it('督办 to the escalation target once the ticket is late by its resolve time again; once per deadline', async () => {
    const id = await dispatchedTicket();
    const now = new Date();
    await setTicket(id, { acceptBy: new Date(now.getTime() - 40 * 24 * HOUR), resolveBy: new Date(now.getTime() - 30 * 24 * HOUR) });
    clockAt(now);

    const outcomes = await Promise.all(jobs().map((job) => job.runOnce()));
    await Promise.all(jobs().map((job) => job.runOnce()));

    expect(outcomes.reduce((sum, outcome) => sum + outcome.escalated, 0)).toBe(1);
    expect(await eventsOf(id, 'urge')).toHaveLength(1);
    const [centre] = await sql.query<{ id: string }>('SELECT id FROM departments WHERE code = ?', [COMMAND_CENTRE]);
    expect(await eventsOf(id, 'escalate')).toEqual([expect.objectContaining({ departmentId: centre.id })]);
    // One message for the 催办 (the department), two for the 督办 (the department and the command centre).
    const messages = (await escalationMessages(id)).map((row) => JSON.parse(String(row.payload)) as { departmentId: string });
    expect(messages).toHaveLength(3);
    expect(messages.filter((message) => message.departmentId === centre.id)).toHaveLength(1);
  });

  it('does not 督办 a ticket only just past its deadline', async () => {
    const id = await dispatchedTicket();
    const now = new Date();
    await setTicket(id, { acceptBy: new Date(now.getTime() - 2 * 60_000), resolveBy: new Date(now.getTime() - 60_000) });
    clockAt(now);
    await jobs()[0].runOnce();
    expect(await eventsOf(id, 'urge')).toHaveLength(1);
    expect(await eventsOf(id, 'escalate')).toEqual([]);
  });

  it('an approved extension moves the deadline and clears overdue; past the new deadline it is 催办 again', async () => {
    const id = await dispatchedTicket();
    let ticket = await detail(id, staff);
    ticket = (await request<TicketDetail>(t.baseUrl, 'POST', `/api/v1/tickets/${id}/actions`, { headers: staff.headers, json: { action: 'accept', version: ticket.version } })).body;
    const now = new Date();
    await setTicket(id, { resolveBy: new Date(now.getTime() - 60_000) });
    clockAt(now);
    await jobs()[0].runOnce();
    expect(await overdueOf(id)).toBe(true);
    expect((await detail(id, staff)).overdue).toBe(true);

    ticket = await detail(id, staff);
    const until = new Date(Math.floor(now.getTime() / 1000) * 1000 + 5 * 24 * HOUR).toISOString();
    const requested = await request<TicketDetail>(t.baseUrl, 'POST', `/api/v1/tickets/${id}/actions`, {
      headers: staff.headers,
      json: { action: 'request_extension', version: ticket.version, note: '需要更换井座', until },
    });
    expect(requested.status).toBe(200);
    const approved = await request<TicketDetail>(t.baseUrl, 'POST', `/api/v1/tickets/${id}/actions`, {
      headers: admin.headers,
      json: { action: 'approve_extension', version: requested.body.version },
    });
    expect(approved.body).toMatchObject({ resolveBy: until, overdue: false });
    expect(await overdueOf(id)).toBe(false);

    await jobs()[0].runOnce();
    expect(await eventsOf(id, 'urge')).toHaveLength(1);
    clockAt(new Date(Date.parse(until) + 60_000));
    await jobs()[0].runOnce();
    expect(await eventsOf(id, 'urge')).toHaveLength(2);
    expect(await overdueOf(id)).toBe(true);
  });

  it('admins read and replace a year of the work calendar (audited); deadlines and the check follow it', async () => {
    const seeded = await request<CalendarBody>(t.baseUrl, 'GET', '/api/v1/admin/work-calendar?year=2026', { headers: admin.headers });
    expect(seeded.status).toBe(200);
    expect(seeded.body.days).toEqual(
      expect.arrayContaining([
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
      ]),
    );
    expect((await request(t.baseUrl, 'GET', '/api/v1/admin/work-calendar?year=2026', { headers: staff.headers })).status).toBe(403);
    const weekdayAsWorkday = await request(t.baseUrl, 'PUT', '/api/v1/admin/work-calendar?year=2026', {
      headers: admin.headers,
      json: { days: [{ date: '2026-10-09', kind: 'workday', name: '错误' }] },
    });
    expect(weekdayAsWorkday.status).toBe(422);

    // The city adds a local day off on Thursday 10-08 (a test of the calendar, not a real holiday).
    const days = [...seeded.body.days, { date: '2026-10-08', kind: 'holiday' as const, name: '测试假日' }];
    const put = await request<CalendarBody>(t.baseUrl, 'PUT', '/api/v1/admin/work-calendar?year=2026', { headers: admin.headers, json: { days } });
    expect(put.status).toBe(200);
    expect((await request<CalendarBody>(t.baseUrl, 'GET', '/api/v1/admin/work-calendar?year=2026', { headers: admin.headers })).body.days).toContainEqual({
      date: '2026-10-08',
      kind: 'holiday',
      name: '测试假日',
    });
    const audit = await request<{ items: Array<{ entityId: string; before: { days: string[] }; after: { days: string[] } }> }>(
      t.baseUrl,
      'GET',
      '/api/v1/admin/audit?entityType=work_calendar',
      { headers: admin.headers },
    );
    const entry = audit.body.items[0];
    expect(entry.entityId).toBe('2026');
    expect(entry.after.days.filter((line) => !entry.before.days.includes(line))).toEqual(['2026-10-08 holiday 测试假日']);

    // 一般 (working hours): dispatched Wednesday 09-30 17:00, 4 working hours to sign for:
    // 1 h that day, then the holiday week and 10-08, 3 h on Friday 10-09.
    const deadlines = await t.app.get(TicketDeadlinesService).deadlinesFor(null, bj('2026-09-30T17:00:00'), 'NORMAL');
    expect(deadlines.acceptBy).toEqual(bj('2026-10-09T12:00:00'));

    const id = await dispatchedTicket();
    await setTicket(id, deadlines);
    clockAt(bj('2026-10-05T12:00:00'));
    await jobs()[0].runOnce();
    expect(await eventsOf(id, 'urge')).toEqual([]);
    clockAt(bj('2026-10-09T12:01:00'));
    await jobs()[0].runOnce();
    expect(await eventsOf(id, 'urge')).toHaveLength(1);
  });
});
