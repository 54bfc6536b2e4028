import type { ErrorBody, Page } from '@ssp/contracts';
import type { AdminDepartmentDto } from '../../modules/departments/dto/department.dto';
import { request, startTestApp, type HttpResult, type TestApp } from '../helpers/test-app';
import {
  ADMIN_ONLY,
  HOSTILE_TEXT,
  TEN_KB,
  auditTrail,
  failNextAuditWrite,
  hiddenKeysIn,
  refusals,
  signInEveryone,
  type Callers,
} from './admin-support';

const SECRET = 'sekret-4f9a-only-for-hmac-signing';

const VALID = {
  code: 'TEST-01',
  name: '测试管理局',
  shortName: '测试局',
  duties: '测试用部门。',
  regionCode: '320102',
  contact: '025-0000-9999',
  webhookUrl: 'https://hooks.example.gov.cn/ssp',
  webhookSecret: SECRET,
  active: true,
};

describe('admin departments', () => {
  let t: TestApp;
  let callers: Callers;
  const api = <T = AdminDepartmentDto>(method: string, path = '', json?: unknown) =>
    request<T>(t.baseUrl, method, `/api/v1/admin/departments${path}`, { json, headers: callers.admin.headers });

  beforeAll(async () => {
    t = await startTestApp();
    callers = await signInEveryone(t.baseUrl);
  });
  afterAll(() => t.close());

  it.each<[string, string, unknown]>([
    ['GET', '', undefined],
    ['POST', '', VALID],
    ['GET', '/CGJ', undefined],
    ['PATCH', '/CGJ', { name: '改名' }],
    ['DELETE', '/CGJ', undefined],
  ])('%s /admin/departments%s is for admins only', async (method, path, json) => {
    expect(await refusals(t.baseUrl, callers, method, `/api/v1/admin/departments${path}`, json)).toEqual(ADMIN_ONLY);
  });

  it('lists every department in code order, page by page', async () => {
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const page: HttpResult<Page<AdminDepartmentDto>> = await api('GET', `?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(10);
      expect(hiddenKeysIn(page.body)).toEqual([]);
      codes.push(...page.body.items.map((item) => item.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(codes.length).toBeGreaterThanOrEqual(27);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(['CGJ', 'ZHZX', 'CGJ-320104']));
  });

  it.each([['cursor=not-ours'], ['limit=0'], ['limit=abc'], ['limit=201'], ['unknown=1']])('refuses the query %s with 400', async (query) => {
    expect((await api('GET', `?${query}`)).status).toBe(400);
  });

  it('creates a department, never returns its webhook secret, and audits the creation', async () => {
    const created = await api('POST', '', VALID);
    expect(created.status).toBe(201);
    const { webhookSecret: _secret, ...visible } = VALID;
    expect(created.body).toMatchObject({ ...visible, hasWebhookSecret: true });
    expect(hiddenKeysIn(created.body)).toEqual([]);
    expect(created.text).not.toContain(SECRET);
    const read = await api('GET', '/TEST-01');
    expect(read.body).toEqual(created.body);
    expect(read.text).not.toContain(SECRET);

    const trail = await auditTrail(t.baseUrl, callers.admin, 'department', 'TEST-01');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'create', before: null, actor: { id: callers.admin.userId, username: 'admin' } });
    expect(trail[0].after).toMatchObject({ name: VALID.name, hasWebhookSecret: true });
    expect(JSON.stringify(trail)).not.toContain(SECRET);
  });

  it('refuses a duplicate code with 409 and writes no audit entry', async () => {
    const before = await auditTrail(t.baseUrl, callers.admin, 'department', 'CGJ');
    const response = await api<ErrorBody>('POST', '', { ...VALID, code: 'CGJ' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('CONFLICT');
    expect(await auditTrail(t.baseUrl, callers.admin, 'department', 'CGJ')).toEqual(before);
  });

  const { name: _name, ...withoutName } = VALID;
  it.each([
    ['a number for the name', { ...VALID, name: 42 }],
    ['a string for active', { ...VALID, active: 'yes' }],
    ['an unknown field', { ...VALID, isAdmin: true }],
    ['no name', withoutName],
    ['a name of spaces', { ...VALID, name: '   ' }],
    ['a 10 KB name', { ...VALID, name: TEN_KB }],
    ['a 10 KB webhook secret', { ...VALID, webhookSecret: TEN_KB }],
    ['a short webhook secret', { ...VALID, webhookSecret: 'short' }],
    ['an http webhook URL', { ...VALID, webhookUrl: 'http://hooks.example.gov.cn/ssp' }],
    ['a webhook URL with credentials', { ...VALID, webhookUrl: 'https://user:pass@hooks.example.gov.cn/ssp' }],
    ['a 10 KB webhook URL', { ...VALID, webhookUrl: `https://hooks.example.gov.cn/${TEN_KB}` }],
    ['a lower-case code', { ...VALID, code: 'test-02' }],
    ['an unknown region', { ...VALID, regionCode: '999999' }],
    ['a list instead of an object', [VALID]],
  ])('refuses %s with 400 and creates nothing', async (_label, json) => {
    const response = await api<ErrorBody>('POST', '', Array.isArray(json) ? json : { ...json, code: json.code === VALID.code ? 'TEST-BAD' : json.code });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect((await api('GET', '/TEST-BAD')).status).toBe(404);
    expect(await auditTrail(t.baseUrl, callers.admin, 'department', 'TEST-BAD')).toEqual([]);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/admin/departments', {
      body: '{"code": "TEST-03",',
      headers: { ...callers.admin.headers, 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('MALFORMED_JSON');
  });

  it('stores SQL and HTML as plain data and returns it verbatim', async () => {
    const created = await api('POST', '', { code: 'TEST-XSS', name: HOSTILE_TEXT, duties: HOSTILE_TEXT, contact: HOSTILE_TEXT.slice(0, 100) });
    expect(created.status).toBe(201);
    const read = await api('GET', '/TEST-XSS');
    expect(read.body).toMatchObject({ name: HOSTILE_TEXT, duties: HOSTILE_TEXT, hasWebhookSecret: false, regionCode: null });
    expect((await api('GET', '/CGJ')).status).toBe(200);
  });

  it('changes only the named fields, clears nullable ones with null, and audits just the difference', async () => {
    const updated = await api('PATCH', '/TEST-01', { name: '测试管理局（新）', contact: null });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: '测试管理局（新）', contact: null, shortName: VALID.shortName, hasWebhookSecret: true });
    const [latest] = await auditTrail(t.baseUrl, callers.admin, 'department', 'TEST-01');
    expect(latest).toMatchObject({
      action: 'update',
      before: { name: VALID.name, contact: VALID.contact },
      after: { name: '测试管理局（新）', contact: null },
    });

    const unchanged = await api('PATCH', '/TEST-01', { name: '测试管理局（新）' });
    expect(unchanged.status).toBe(200);
    expect(await auditTrail(t.baseUrl, callers.admin, 'department', 'TEST-01')).toHaveLength(2);

    for (const json of [{ name: null }, { active: null }, { name: 42 }, { code: 'OTHER' }, { shortName: TEN_KB }]) {
      expect((await api('PATCH', '/TEST-01', json)).status).toBe(400);
    }
    expect(await auditTrail(t.baseUrl, callers.admin, 'department', 'TEST-01')).toHaveLength(2);
  });

  it('rotates and removes the webhook secret without ever showing it', async () => {
    const rotated = await api('PATCH', '/TEST-01', { webhookSecret: `${SECRET}-rotated` });
    expect(rotated.body.hasWebhookSecret).toBe(true);
    expect(rotated.text).not.toContain(SECRET);
    const [rotation] = await auditTrail(t.baseUrl, callers.admin, 'department', 'TEST-01');
    expect(rotation.after).toEqual({ webhookSecretChanged: true });

    const removed = await api('PATCH', '/TEST-01', { webhookSecret: null });
    expect(removed.body.hasWebhookSecret).toBe(false);
    const trail = await auditTrail(t.baseUrl, callers.admin, 'department', 'TEST-01');
    expect(trail[0]).toMatchObject({ before: { hasWebhookSecret: true }, after: { hasWebhookSecret: false } });
    expect(JSON.stringify(trail)).not.toContain(SECRET);
  });

  it('deactivates with active: false, and answers 404 for unknown codes', async () => {
    const deactivated = await api('PATCH', '/TEST-01', { active: false });
    expect(deactivated.body.active).toBe(false);
    expect((await api('GET', '/TEST-01')).body.active).toBe(false);
    for (const [method, json] of [['GET'], ['PATCH', { name: '无' }], ['DELETE']] as const) {
      const response = await api<ErrorBody>(method, '/NO-SUCH-DEPT', json);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('refuses to delete a department that has accounts (409) and deletes an unused one', async () => {
    const refused = await api<ErrorBody>('DELETE', '/CGJ');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('停用');
    expect(refused.body.error.details).toMatchObject({ users: 1 });
    expect((await api('GET', '/CGJ')).status).toBe(200);

    expect((await api('DELETE', '/TEST-XSS')).status).toBe(204);
    expect((await api('GET', '/TEST-XSS')).status).toBe(404);
    const [deletion] = await auditTrail(t.baseUrl, callers.admin, 'department', 'TEST-XSS');
    expect(deletion).toMatchObject({ action: 'delete', after: null, before: { name: HOSTILE_TEXT } });
  });

  it('rolls a change back when its audit entry cannot be written', async () => {
    failNextAuditWrite(t.app);
    expect((await api('POST', '', { ...VALID, code: 'TEST-RB' })).status).toBe(500);
    expect((await api('GET', '/TEST-RB')).status).toBe(404);

    const before = await api('GET', '/CGJ');
    failNextAuditWrite(t.app);
    expect((await api('PATCH', '/CGJ', { name: '不应保存' })).status).toBe(500);
    expect((await api('GET', '/CGJ')).body).toEqual(before.body);

    expect(await auditTrail(t.baseUrl, callers.admin, 'department', 'TEST-RB')).toEqual([]);
    expect(await auditTrail(t.baseUrl, callers.admin, 'department', 'CGJ')).toEqual([]);
  });
});
