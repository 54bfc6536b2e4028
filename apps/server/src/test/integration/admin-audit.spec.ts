import type { Page } from '@ssp/contracts';
import type { AuditEntryDto } from '../../modules/audit/dto/audit-entry.dto';
import { request, startTestApp, type TestApp } from '../helpers/test-app';
import { ADMIN_ONLY, hiddenKeysIn, refusals, signInEveryone, type Callers } from './admin-support';

describe('admin audit trail', () => {
  let t: TestApp;
  let callers: Callers;
  const audit = (query: string) =>
    request<Page<AuditEntryDto>>(t.baseUrl, 'GET', `/api/v1/admin/audit?${query}`, { headers: callers.admin.headers });
  const rename = (code: string, name: string) =>
    request(t.baseUrl, 'PATCH', `/api/v1/admin/departments/${code}`, { json: { name }, headers: callers.admin.headers });

  beforeAll(async () => {
    t = await startTestApp();
    callers = await signInEveryone(t.baseUrl);
    for (const name of ['第一次', '第二次', '第三次']) await rename('SWJ', name);
    await rename('LD', '路灯中心');
    await request(t.baseUrl, 'POST', '/api/v1/admin/users', {
      json: { username: 'audit.staff', nickname: '审计测试', role: 'staff', departmentCode: 'SWJ', password: 'long enough password' },
      headers: callers.admin.headers,
    });
  });
  afterAll(() => t.close());

  it('is for admins only', async () => {
    expect(await refusals(t.baseUrl, callers, 'GET', '/api/v1/admin/audit')).toEqual(ADMIN_ONLY);
  });

  it("shows one record's changes newest first, with who made them", async () => {
    const response = await audit('entityType=department&entityId=SWJ');
    expect(response.status).toBe(200);
    expect(response.body.items.map((entry) => entry.after?.name)).toEqual(['第三次', '第二次', '第一次']);
    expect(response.body.items[2].before).toEqual({ name: '南京市水务局' });
    expect(response.body.items[0].actor).toEqual({ id: callers.admin.userId, username: 'admin', nickname: '市指挥中心管理员' });
    expect(Date.parse(response.body.items[0].at)).toBeGreaterThanOrEqual(Date.parse(response.body.items[2].at));
    expect(response.body.nextCursor).toBeNull();
  });

  it('pages through everything with a cursor', async () => {
    const first = await audit('limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].entityType).toBe('user');
    const rest = await audit(`limit=200&cursor=${first.body.nextCursor}`);
    const all = [...first.body.items, ...rest.body.items];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((entry) => entry.id)).size).toBe(5);
    expect(rest.body.nextCursor).toBeNull();
    expect((await audit('entityType=department')).body.items).toHaveLength(4);
  });

  it('never shows password hashes or secrets, even for accounts', async () => {
    const response = await audit('entityType=user');
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0].after).toEqual({
      username: 'audit.staff',
      nickname: '审计测试',
      role: 'staff',
      departmentCode: 'SWJ',
      active: true,
    });
    expect(hiddenKeysIn(response.body)).toEqual([]);
    expect(response.text).not.toMatch(/argon2|long enough password/);
  });

  it.each([['entityType=DROP TABLE'], ['entityId=a b'], ['cursor=not-ours'], ['limit=0'], ['actor=admin']])('refuses %s with 400', async (query) => {
    expect((await audit(query)).status).toBe(400);
  });
});
