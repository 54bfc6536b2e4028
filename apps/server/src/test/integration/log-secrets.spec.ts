import { existsSync } from 'node:fs';
import type { AuthResult, CreateReportResponse, PhotoView, ReportDetail, TicketDetail } from '@ssp/contracts';
import { ensureDemoPassword } from '../../seed/demo-credentials.util';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { DIST, freePort, startNodeProcess, waitUntilReady, type NodeRun } from '../helpers/node-process';
import { makeJpeg, MANHOLE, reportBody } from '../helpers/reporting';
import { request } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const WECHAT_APP = 'wx-log-app';
const WECHAT_SECRET = 'wx-log-secret-5f1e9a';
const PHONE = '13912345678';
const ID_NUMBER = '32010219900101123X';
const DEV_OPENID = 'leak-dev-openid-77';
const WRONG_PASSWORD = 'Wrong-Pass-9187';

/**
 * Issue 7, "Secrets": the server process as users run it, logging at its most verbose level, through a
 * resident's and a department's day (logins of every kind, a failed one, a report whose text carries
 * a phone and an ID number, a category suggestion for that text, a photo fetched by its signed link,
 * a WeChat notice, a forged token). Nothing it printed may hold a token, a password, a phone or ID
 * number, an openid, a file signature or a WeChat credential.
 */
describe('what the server logs', () => {
  let database: TestDatabase;
  let wechat: FakeWechat;
  let run: NodeRun;
  let baseUrl: string;

  beforeAll(async () => {
    if (!existsSync(DIST.server)) throw new Error(`${DIST.server} is missing: run "npx nx run server:build" first`);
    [database, wechat] = await Promise.all([createTestDatabase(), startFakeWechat(WECHAT_APP, WECHAT_SECRET)]);
    const port = await freePort();
    run = startNodeProcess(DIST.server, {
      ...database.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'trace',
      LOG_FORMAT: 'json',
      SEED_ON_START: 'true',
      SEED_DEMO_ACCOUNTS: 'true',
      AUTH_DEV_LOGIN: 'true',
      WECHAT_APP_ID: WECHAT_APP,
      WECHAT_APP_SECRET: WECHAT_SECRET,
      WECHAT_API_BASE: wechat.baseUrl,
      NOTIFY_PROVIDER: 'wechat',
      WECHAT_TEMPLATE_STATUS: 'tpl-status',
      WECHAT_TEMPLATE_RESOLVED: 'tpl-resolved',
      OUTBOX_POLL_MS: '50',
    });
    await waitUntilReady(port, run);
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    if (run.child.exitCode === null) run.child.kill('SIGKILL');
    await wechat.close();
    await database.drop();
  });

  it('holds no token, password, phone or ID number, openid, file signature or WeChat credential', async () => {
    const secrets: Array<[string, string]> = [
      ['WeChat app secret', WECHAT_SECRET],
      ['phone number', PHONE],
      ['ID-card number', ID_NUMBER],
      ['dev-login openid', DEV_OPENID],
      ['WeChat openid', 'oleak-wechat-1'],
      ['rejected password', WRONG_PASSWORD],
    ];
    const keep = (what: string, value: string) => {
      secrets.push([what, value]);
      return value;
    };
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const tokenOf = async (what: string, path: string, json: unknown): Promise<string> => {
      const answer = await request<AuthResult>(baseUrl, 'POST', path, { json });
      expect(`${what}: ${answer.status}`).toBe(`${what}: 200`);
      // The signature alone is as much a credential as the whole token.
      keep(`${what} token signature`, answer.body.accessToken.split('.')[2]);
      return keep(`${what} token`, answer.body.accessToken);
    };

    const password = keep('demo password', ensureDemoPassword(database.dataDir));
    const resident = await tokenOf('WeChat login', '/api/v1/auth/wechat', { code: 'code-leak-wechat-1' });
    await tokenOf('dev login', '/api/v1/auth/dev', { openid: DEV_OPENID });
    const staff = await tokenOf('staff login', '/api/v1/auth/login', { username: MANHOLE.staffUsername, password });
    await tokenOf('admin login', '/api/v1/auth/login', { username: 'admin', password });
    expect((await request(baseUrl, 'POST', '/api/v1/auth/login', { json: { username: 'admin', password: WRONG_PASSWORD } })).status).toBe(401);
    expect((await request(baseUrl, 'POST', '/api/v1/auth/wechat', { json: { code: 'used' } })).status).toBeGreaterThanOrEqual(400);
    const [header, , signature] = staff.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'x', role: 'admin' })).toString('base64url')}.${signature}`;
    expect((await request(baseUrl, 'GET', '/api/v1/me', { headers: bearer(keep('forged token', forged)) })).status).toBe(401);

    // A report whose text carries a phone and an ID number, with a photo, and the suggestion for that text.
    const text = `新街口井盖缺失，联系电话${PHONE}，身份证${ID_NUMBER}`;
    const suggest = await request(baseUrl, 'GET', `/api/v1/categories/suggest?text=${encodeURIComponent(text)}`, { headers: bearer(resident) });
    expect(suggest.status).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await makeJpeg(7))], { type: 'image/jpeg' }), 'photo.jpg');
    const upload = await fetch(`${baseUrl}/api/v1/photos`, { method: 'POST', headers: bearer(resident), body: form });
    expect(upload.status).toBe(201);
    const photo = (await upload.json()) as PhotoView;
    const created = await request<CreateReportResponse>(baseUrl, 'POST', '/api/v1/reports', {
      headers: bearer(resident),
      json: reportBody({ description: text, photoIds: [photo.id] }),
    });
    expect(created.status).toBe(201);
    const detail = await request<ReportDetail>(baseUrl, 'GET', `/api/v1/reports/${created.body.id}`, { headers: bearer(resident) });
    const photoUrl = detail.body.photos[0].url;
    keep('file signature', new URL(photoUrl, baseUrl).searchParams.get('sig') ?? 'no signature in the photo URL');
    expect((await fetch(new URL(photoUrl, baseUrl))).status).toBe(200);

    // The department signs for it: the resident's WeChat notice goes out with an access token in its URL.
    const ticketId = created.body.ticket?.id ?? '';
    const ticket = await request<TicketDetail>(baseUrl, 'GET', `/api/v1/tickets/${ticketId}`, { headers: bearer(staff) });
    const accepted = await request(baseUrl, 'POST', `/api/v1/tickets/${ticketId}/actions`, {
      headers: bearer(staff),
      json: { action: 'accept', version: ticket.body.version },
    });
    expect(accepted.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (wechat.subscribeMessages.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(wechat.subscribeMessages).toHaveLength(1);
    for (const issued of wechat.tokensIssued) keep('WeChat access token', issued);
    keep('WeChat session key', 'c2Vzc2lvbg==');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const output = run.output();
    // The scan reads a real log: request lines of the steps above are in it.
    expect(output).toContain('/api/v1/tickets/');
    expect(output).toContain('/api/v1/categories/suggest');
    const found = secrets.filter(([, value]) => output.includes(value)).map(([what]) => what);
    expect(found).toEqual([]);
  });
});
