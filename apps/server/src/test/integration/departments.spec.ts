import type { DepartmentOption } from '@ssp/contracts';
import { loginAs } from '../helpers/auth';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

describe('GET /api/v1/departments', () => {
  let t: TestApp;
  const options = (headers?: Record<string, string>) => request<DepartmentOption[]>(t.baseUrl, 'GET', '/api/v1/departments', { headers });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives staff and admins the active departments in pinyin order, code, name and short name only', async () => {
    const staff = await options((await loginAs(t.baseUrl, 'staff')).headers);
    expect(staff.status).toBe(200);
    expect(staff.body.length).toBeGreaterThanOrEqual(27);
    for (const option of staff.body) expect(Object.keys(option).sort()).toEqual(['code', 'name', 'shortName']);
    const names = staff.body.map((option) => option.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-Hans-CN').compare));
    // Pinyin, not code-point order: 高 (gāo, U+9AD8) sorts after 南 (nán, U+5357) by code point.
    expect(names.indexOf('高淳区城市管理局')).toBeLessThan(names.indexOf('南京市城市管理局'));
    expect(staff.body.find((option) => option.code === 'CGJ')).toEqual({ code: 'CGJ', name: '南京市城市管理局', shortName: '市城管局' });

    const admin = await options((await loginAs(t.baseUrl, 'admin')).headers);
    expect(admin.body).toEqual(staff.body);
  });

  it('leaves out deactivated departments', async () => {
    const admin = await loginAs(t.baseUrl, 'admin');
    await request(t.baseUrl, 'PATCH', '/api/v1/admin/departments/RQQX', { json: { active: false }, headers: admin.headers });
    expect((await options(admin.headers)).body.map((option) => option.code)).not.toContain('RQQX');
  });

  it('refuses residents (403) and anonymous callers (401)', async () => {
    expect((await options((await loginAs(t.baseUrl, 'resident')).headers)).status).toBe(403);
    expect((await options()).status).toBe(401);
  });
});
