import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ErrorBody, Page, TicketDetail } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import type { OutboxMessageDto } from '../../modules/notifications/dto/outbox-message.dto';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { outboxRows, pointDepartmentAt, waitFor, type TestSql } from '../helpers/outbox-sql';
import { MANHOLE, STREETLIGHT, reportBody, submitReport } from '../helpers/reporting';
import { request, startTestApp, type TestApp } from '../helpers/test-app';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

const ENGINE = process.env.TEST_DATABASE_URL ? 'MySQL/MariaDB' : 'SQLite';
const SECRET = 'szyh-webhook-secret-0123456789';

/** The README's receiver snippet: HMAC-SHA256 of the raw body, compared in constant time. */
function signatureHolds(rawBody: string, header: string | string[] | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`);
  const given = Buffer.from(typeof header === 'string' ? header : '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** SQL through the app's own connection (the app runs in this process). */
function sqlOf(t: TestApp): TestSql {
  const db = t.app.get(DataSource);
  return { query: (sql, params) => db.query(sql, params), close: async () => undefined };
}

const FAST_OUTBOX = {
  OUTBOX_POLL_MS: '50',
  OUTBOX_BACKOFF_BASE_MS: '100',
  OUTBOX_BACKOFF_MAX_MS: '400',
  WEBHOOK_TIMEOUT_MS: '1000',
  OUTBOX_LEASE_MS: '5000',
};

/** Words of each category that no hazard rule of the seeded routing rules picks up (井盖缺失 goes to SZYH). */
const DESCRIPTIONS: Record<string, string> = {
  [MANHOLE.code]: '小区门口的井盖松动了，车一压就响',
  [STREETLIGHT.code]: '楼下那盏路灯不亮好几天了',
};

async function dispatchedTicket(t: TestApp, resident: LoggedIn, category: string = MANHOLE.code): Promise<string> {
  const created = await submitReport(t.baseUrl, resident, reportBody({ categoryCode: category, description: DESCRIPTIONS[category] }));
  const ticket = created.body.ticket;
  if (created.status !== 201 || ticket?.status !== 'dispatched') throw new Error(`not dispatched: ${created.text}`);
  return ticket.id;
}

describe(`department webhooks through the outbox (${ENGINE})`, () => {
  let t: TestApp;
  let sql: TestSql;
  let receiver: WebhookReceiver;
  let resident: LoggedIn;
  let admin: LoggedIn;
  beforeAll(async () => {
    receiver = await startWebhookReceiver('ok');
    t = await startTestApp({ ...FAST_OUTBOX, OUTBOX_MAX_ATTEMPTS: '100' });
    sql = sqlOf(t);
    await pointDepartmentAt(sql, MANHOLE.departmentCode, `${receiver.url}/szyh`, SECRET);
    await pointDepartmentAt(sql, STREETLIGHT.departmentCode, `${receiver.url}/ld`, `${SECRET}-ld`);
    resident = await loginAs(t.baseUrl, 'resident', { openid: 'outbox-resident' });
    admin = await loginAs(t.baseUrl, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('delivers a dispatched ticket to its department, signed with its secret, without resident data', async () => {
    const ticketId = await dispatchedTicket(t, resident);
    await waitFor('the dispatch webhook', () => receiver.received.some((hook) => hook.body.ticket.id === ticketId));
    const hook = receiver.received.find((candidate) => candidate.body.ticket.id === ticketId)!;
    expect(hook.path).toBe('/szyh');
    expect(hook.topic).toBe('ticket.dispatched');
    expect(hook.headers['x-message-id']).toBe(hook.body.id);
    expect(signatureHolds(hook.raw, hook.headers['x-signature'], SECRET)).toBe(true);
    expect(signatureHolds(hook.raw, hook.headers['x-signature'], 'some-other-secret-0123')).toBe(false);
    expect(Math.abs(Number(hook.headers['x-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(hook.body).toMatchObject({
      topic: 'ticket.dispatched',
      ticket: { status: 'dispatched', department: { code: MANHOLE.departmentCode }, category: { code: MANHOLE.code } },
      event: { action: 'open_dispatched', fromStatus: null, toStatus: 'dispatched' },
    });
    expect(Date.parse(hook.body.occurredAt)).not.toBeNaN();
    for (const personal of [resident.userId, 'outbox-resident', 'reporter', 'openid']) expect(hook.raw).not.toContain(personal);
    // The worker marks the message done once the receiver has answered, a moment after it recorded the hook.
    const rowOf = async () => (await outboxRows(sql)).find((candidate) => candidate.id === hook.id);
    await waitFor('the message marked done', async () => (await rowOf())?.status !== 'pending');
    expect(await rowOf()).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('loses nothing while the receiver is down and then failing: every message arrives, repeats only under the same id', async () => {
    await receiver.setMode('down');
    const tickets: string[] = [];
    for (let i = 0; i < 8; i += 1) tickets.push(await dispatchedTicket(t, resident));
    // An admin moves one ticket to the lighting department: both departments hear of it.
    const moved = await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${tickets[0]}`, { headers: admin.headers });
    const transfer = await request(t.baseUrl, 'POST', `/api/v1/tickets/${tickets[0]}/actions`, {
      headers: admin.headers,
      json: { action: 'transfer', version: moved.body.version, departmentCode: STREETLIGHT.departmentCode, note: '属路灯设施' },
    });
    expect(transfer.status).toBe(200);
    const expected = (await outboxRows(sql, 'department.')).filter((row) => row.status !== 'done');
    expect(expected).toHaveLength(10);
    await waitFor('attempts against the closed port', async () =>
      (await outboxRows(sql, 'department.')).some((row) => row.attempts >= 2 && /ECONNREFUSED/.test(row.lastError ?? '')),
    );

    await receiver.setMode('fail');
    await waitFor('attempts answered 500', async () => receiver.requests >= 10);
    expect(receiver.received.filter((hook) => expected.some((row) => row.id === hook.id))).toEqual([]);

    await receiver.setMode('ok');
    await waitFor('every message delivered', async () => (await outboxRows(sql, 'department.')).every((row) => row.status === 'done'));
    const rows = await outboxRows(sql, 'department.');
    expect(rows.filter((row) => row.status !== 'done')).toEqual([]);
    const arrived = receiver.uniqueIds();
    for (const row of rows) expect(arrived.has(row.id)).toBe(true);
    // A repeat is the same message: same id, same bytes.
    for (const hook of receiver.received) {
      expect(receiver.received.filter((other) => other.id === hook.id).every((other) => other.raw === hook.raw)).toBe(true);
    }
    const transferred = receiver.received.filter((hook) => hook.topic === 'ticket.transferred' && hook.body.ticket.id === tickets[0]);
    expect(transferred.map((hook) => hook.path).sort()).toEqual(['/ld', '/szyh']);
    expect(transferred[0].body.event).toMatchObject({ previousDepartment: { code: MANHOLE.departmentCode } });
    expect(signatureHolds(transferred.find((hook) => hook.path === '/ld')!.raw, transferred.find((hook) => hook.path === '/ld')!.headers['x-signature'], `${SECRET}-ld`)).toBe(true);
  });

  it('lets only admins read the outbox', async () => {
    const staff = await loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername });
    const refused = await request<ErrorBody>(t.baseUrl, 'GET', '/api/v1/admin/outbox?status=dead', { headers: staff.headers });
    expect(refused.status).toBe(403);
    const done = await request<Page<OutboxMessageDto>>(t.baseUrl, 'GET', '/api/v1/admin/outbox?status=done&limit=3', { headers: admin.headers });
    expect(done.status).toBe(200);
    expect(done.body.items).toHaveLength(3);
    expect(done.body.items.every((item) => item.status === 'done')).toBe(true);
    const next = await request<Page<OutboxMessageDto>>(t.baseUrl, 'GET', `/api/v1/admin/outbox?status=done&limit=3&cursor=${done.body.nextCursor}`, {
      headers: admin.headers,
    });
    expect(next.body.items[0].id < done.body.items[2].id).toBe(true);
    expect((await request(t.baseUrl, 'GET', '/api/v1/admin/outbox?status=lost', { headers: admin.headers })).status).toBe(400);
  });
});

describe(`dead letters (${ENGINE})`, () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver('fail');
    t = await startTestApp({ ...FAST_OUTBOX, OUTBOX_MAX_ATTEMPTS: '3' });
    await pointDepartmentAt(sqlOf(t), STREETLIGHT.departmentCode, `${receiver.url}/ld`, SECRET);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('dead-letters a message after the last attempt; an admin sees why and sends it again (audited)', async () => {
    const resident = await loginAs(t.baseUrl, 'resident');
    const admin = await loginAs(t.baseUrl, 'admin');
    await dispatchedTicket(t, resident, STREETLIGHT.code);
    const sql = sqlOf(t);
    await waitFor('the dead letter', async () => (await outboxRows(sql, 'department.')).some((row) => row.status === 'dead'));
    expect(receiver.requests).toBe(3);

    const dead = await request<Page<OutboxMessageDto>>(t.baseUrl, 'GET', '/api/v1/admin/outbox?status=dead', { headers: admin.headers });
    expect(dead.status).toBe(200);
    expect(dead.body.items).toHaveLength(1);
    const [letter] = dead.body.items;
    expect(letter).toMatchObject({ topic: 'department.ticket.dispatched', status: 'dead', attempts: 3, lastError: 'HTTP 500: receiver failing' });

    await receiver.setMode('ok');
    const retried = await request<OutboxMessageDto>(t.baseUrl, 'POST', `/api/v1/admin/outbox/${letter.id}/retry`, { headers: admin.headers });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: letter.id, status: 'pending', attempts: 0 });
    await waitFor('the retried delivery', () => receiver.uniqueIds().has(letter.id));
    await waitFor('the message done', async () => (await outboxRows(sql, 'department.')).every((row) => row.status === 'done'));
    expect(receiver.received.map((hook) => hook.id)).toEqual([letter.id]);

    const again = await request<ErrorBody>(t.baseUrl, 'POST', `/api/v1/admin/outbox/${letter.id}/retry`, { headers: admin.headers });
    expect(again.status).toBe(409);
    const unknown = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/admin/outbox/01930000-0000-7000-8000-000000000000/retry', { headers: admin.headers });
    expect(unknown.status).toBe(404);
    const audit = await request<Page<{ actor: { id: string }; before: Record<string, unknown>; after: Record<string, unknown> }>>(
      t.baseUrl,
      'GET',
      `/api/v1/admin/audit?entityType=outbox_message&entityId=${letter.id}`,
      { headers: admin.headers },
    );
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actor: { id: admin.userId }, before: { status: 'dead', attempts: 3 }, after: { status: 'pending', attempts: 0 } });
  });
});
