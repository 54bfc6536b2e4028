import type { AuthResult, TicketDetail } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { waitFor } from '../helpers/outbox-sql';
import { MANHOLE, reportBody, submitReport } from '../helpers/reporting';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

const ENGINE = process.env.TEST_DATABASE_URL ? 'MySQL/MariaDB' : 'SQLite';

describe(`resident notices as WeChat subscribe messages (${ENGINE})`, () => {
  let wechat: FakeWechat;
  let t: TestApp;
  let staff: LoggedIn;
  beforeAll(async () => {
    wechat = await startFakeWechat('wx-notice-app', 'wx-notice-secret');
    t = await startTestApp({
      WECHAT_APP_ID: 'wx-notice-app',
      WECHAT_APP_SECRET: 'wx-notice-secret',
      WECHAT_API_BASE: wechat.baseUrl,
      NOTIFY_PROVIDER: 'wechat',
      WECHAT_TEMPLATE_STATUS: 'tpl-status',
      WECHAT_TEMPLATE_RESOLVED: 'tpl-resolved',
      OUTBOX_POLL_MS: '50',
      OUTBOX_BACKOFF_BASE_MS: '100',
      WEBHOOK_TIMEOUT_MS: '1000',
      OUTBOX_LEASE_MS: '5000',
    });
    staff = await loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  async function act(ticketId: string, action: string, extra: Record<string, unknown> = {}): Promise<void> {
    const current = await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${ticketId}`, { headers: staff.headers });
    const done = await request(t.baseUrl, 'POST', `/api/v1/tickets/${ticketId}/actions`, {
      headers: staff.headers,
      json: { action, version: current.body.version, ...extra },
    });
    if (done.status !== 200) throw new Error(`${action} failed: ${done.status} ${done.text}`);
  }

  it('tells the resident each step of their ticket; an expired access token is fetched again and the notice still arrives', async () => {
    const login = await request<AuthResult>(t.baseUrl, 'POST', '/api/v1/auth/wechat', { json: { code: 'code-notice-1' } });
    const resident: LoggedIn = { token: login.body.accessToken, userId: login.body.user.id, headers: { authorization: `Bearer ${login.body.accessToken}` } };
    const created = await submitReport(t.baseUrl, resident, reportBody());
    const ticket = created.body.ticket!;

    await act(ticket.id, 'accept');
    await waitFor('the 签收 notice', () => wechat.subscribeMessages.length === 1);
    const [accepted] = wechat.subscribeMessages;
    expect(accepted.body).toMatchObject({
      touser: 'onotice-1',
      template_id: 'tpl-status',
      page: `packages/report/detail/index?id=${created.body.id}`,
      miniprogram_state: 'formal',
      data: { character_string1: { value: ticket.ticketNo }, phrase2: { value: '处理中' } },
    });
    expect(accepted.body.data.thing3.value).toContain('已签收');
    expect(accepted.body.data.time4.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(wechat.tokensIssued).toHaveLength(1);

    wechat.expireToken();
    await act(ticket.id, 'resolve', { note: '已补装井盖' });
    await waitFor('the 办结 notice', () => wechat.subscribeMessages.length === 2);
    const resolved = wechat.subscribeMessages[1];
    expect(resolved.body).toMatchObject({ touser: 'onotice-1', template_id: 'tpl-resolved', data: { phrase2: { value: '已办结' } } });
    expect(wechat.subscribeAttempts.map((attempt) => attempt.errcode)).toEqual([0, 42001, 0]);
    expect(wechat.tokensIssued).toHaveLength(2);
    expect(resolved.accessToken).toBe(wechat.tokensIssued[1]);

    const rows: Array<{ status: string; attempts: number }> = await t.app
      .get(DataSource)
      .query("SELECT status, attempts FROM outbox_messages WHERE topic = 'resident.ticket.status'");
    expect(rows.map((row) => [row.status, Number(row.attempts)])).toEqual([
      ['done', 1],
      ['done', 1],
    ]);
  });

  it('records a resident who did not subscribe as done with the reason, without retrying', async () => {
    const login = await request<AuthResult>(t.baseUrl, 'POST', '/api/v1/auth/wechat', { json: { code: 'code-notice-2' } });
    const resident: LoggedIn = { token: login.body.accessToken, userId: login.body.user.id, headers: { authorization: `Bearer ${login.body.accessToken}` } };
    wechat.unsubscribed.add('onotice-2');
    const created = await submitReport(t.baseUrl, resident, reportBody());
    const sent = wechat.subscribeAttempts.length;
    await act(created.body.ticket!.id, 'accept');
    const db = t.app.get(DataSource);
    const row = async () =>
      ((await db.query("SELECT status, attempts, lastError FROM outbox_messages WHERE topic = 'resident.ticket.status' AND payload LIKE ?", [
        `%${resident.userId}%`,
      ])) as Array<{ status: string; attempts: number; lastError: string }>)[0];
    await waitFor('the refused notice recorded', async () => (await row())?.status === 'done');
    expect(await row()).toMatchObject({ status: 'done', lastError: 'resident did not subscribe (43101)' });
    expect(wechat.subscribeAttempts.slice(sent).map((attempt) => attempt.errcode)).toEqual([43101]);
  });
});
