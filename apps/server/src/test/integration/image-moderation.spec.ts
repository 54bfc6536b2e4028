import type { AuthResult, ModerationItem, Page } from '@ssp/contracts';
import { ensureDemoPassword } from '../../seed/demo-credentials.util';
import { makeJpeg, reportBody } from '../helpers/reporting';
import { DIST, freePort, startNodeProcess, waitUntilReady, type NodeRun } from '../helpers/node-process';
import { request } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The optional image check as production runs it: the built server with IMAGE_MODERATION=true, the nsfwjs
 * model loaded from the npm package in a worker thread of the compiled build (no network).
 */
describe('image moderation in the intake pipeline (built server)', () => {
  let database: TestDatabase;
  let run: NodeRun;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    run = startNodeProcess(DIST.server, {
      ...database.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_ON_START: 'true',
      SEED_DEMO_ACCOUNTS: 'true',
      AUTH_DEV_LOGIN: 'true',
      IMAGE_MODERATION: 'true',
      // A busy CI machine loads the model slowly; the check must still run, not time out.
      IMAGE_MODERATION_TIMEOUT_MS: '30000',
    });
    await waitUntilReady(port, run);
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await database.drop();
  });

  it('scores every photo of a report and records the check; an ordinary street photo passes', async () => {
    const login = await request<AuthResult>(baseUrl, 'POST', '/api/v1/auth/dev', { json: { openid: 'moderation-resident' } });
    const resident = { authorization: `Bearer ${login.body.accessToken}` };
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await makeJpeg(3, 800, 600))], { type: 'image/jpeg' }), 'street.jpg');
    const upload = await fetch(`${baseUrl}/api/v1/photos`, { method: 'POST', headers: resident, body: form });
    expect(upload.status).toBe(201);
    const photo = (await upload.json()) as { id: string };

    const report = await request<{ id: string; outcome: string }>(baseUrl, 'POST', '/api/v1/reports', {
      headers: resident,
      json: reportBody({ photoIds: [photo.id], description: '路口的井盖松动了，车一压就响' }),
    });
    expect(report.status).toBe(201);
    expect(report.body.outcome).toBe('accepted');

    const adminLogin = await request<AuthResult>(baseUrl, 'POST', '/api/v1/auth/login', {
      json: { username: 'admin', password: ensureDemoPassword(database.dataDir) },
    });
    const admin = { authorization: `Bearer ${adminLogin.body.accessToken}` };
    const accepted = await request<Page<ModerationItem>>(baseUrl, 'GET', '/api/v1/admin/reports?outcome=accepted', { headers: admin });
    const item = accepted.body.items.find((candidate) => candidate.id === report.body.id);
    expect(item?.checks.find((check) => check.check === 'image_moderation')).toEqual({ check: 'image_moderation', verdict: 'pass' });
  });
});
