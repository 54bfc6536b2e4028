import type { ErrorBody } from '@ssp/contracts';
import { SUBCATEGORIES } from '../../core/database/seeds/data/categories.data';
import type { DefaultRouteDto } from '../../modules/routing/dto/default-route.dto';
import { DefaultRoutesService } from '../../modules/routing/default-routes.service';
import { request, startTestApp, type TestApp } from '../helpers/test-app';
import { ADMIN_ONLY, HOSTILE_TEXT, TEN_KB, auditTrail, failNextAuditWrite, refusals, signInEveryone, type Callers } from './admin-support';

describe('admin default routes', () => {
  let t: TestApp;
  let callers: Callers;
  let routes: DefaultRoutesService;
  const api = <T = DefaultRouteDto>(method: string, path = '', json?: unknown) =>
    request<T>(t.baseUrl, method, `/api/v1/admin/default-routes${path}`, { json, headers: callers.admin.headers });
  const routeOf = async (code: string) => (await api<DefaultRouteDto[]>('GET')).body.find((item) => item.categoryCode === code);
  const departmentFor = async (code: string) => (await routes.departmentFor(code))?.code ?? null;

  beforeAll(async () => {
    t = await startTestApp();
    callers = await signInEveryone(t.baseUrl);
    routes = t.app.get(DefaultRoutesService);
  });
  afterAll(() => t.close());

  it.each<[string, string, unknown]>([
    ['GET', '', undefined],
    ['PUT', '/GY-01', { departmentCode: 'LD' }],
    ['DELETE', '/GY-01', undefined],
  ])('%s /admin/default-routes%s is for admins only', async (method, path, json) => {
    expect(await refusals(t.baseUrl, callers, method, `/api/v1/admin/default-routes${path}`, json)).toEqual(ADMIN_ONLY);
  });

  it('seeded every 小类 with the department the reference data names', async () => {
    const list = await api<DefaultRouteDto[]>('GET');
    expect(list.status).toBe(200);
    const subcategories = list.body.filter((item) => item.parentCode !== null);
    expect(subcategories).toHaveLength(SUBCATEGORIES.length);
    for (const seed of SUBCATEGORIES) {
      expect(subcategories.find((item) => item.categoryCode === seed.code)).toMatchObject({
        parentCode: seed.parentCode,
        department: { code: seed.defaultDepartmentCode },
      });
    }
    // Tree order: each 大类 directly before its 小类.
    const gy = list.body.findIndex((item) => item.categoryCode === 'GY');
    expect(list.body[gy]).toMatchObject({ parentCode: null, department: null });
    expect(list.body[gy + 1].parentCode).toBe('GY');
  });

  it("answers departmentFor with the 小类's route, else its 大类's, else null", async () => {
    expect(await routes.departmentFor('GY-01')).toEqual({ id: expect.any(String), code: 'LD', name: '南京市城市照明管理中心' });
    expect((await api('DELETE', '/GY-01')).status).toBe(204);
    expect(await departmentFor('GY-01')).toBeNull();
    expect((await routeOf('GY-01'))?.department).toBeNull();

    expect((await api('PUT', '/GY', { departmentCode: 'SZYH' })).body.department?.code).toBe('SZYH');
    expect(await departmentFor('GY-01')).toBe('SZYH');
    expect(await departmentFor('GY')).toBe('SZYH');

    expect((await api('PUT', '/GY-01', { departmentCode: 'LD' })).status).toBe(200);
    expect(await departmentFor('GY-01')).toBe('LD');
    expect(await departmentFor('NO-SUCH')).toBeNull();
  });

  it('skips a deactivated department and falls back to the 大类', async () => {
    const adminDepartments = (code: string, json: unknown) =>
      request(t.baseUrl, 'PATCH', `/api/v1/admin/departments/${code}`, { json, headers: callers.admin.headers });
    await adminDepartments('LD', { active: false });
    try {
      expect(await departmentFor('GY-01')).toBe('SZYH');
    } finally {
      await adminDepartments('LD', { active: true });
    }
    expect(await departmentFor('GY-01')).toBe('LD');
  });

  it('moves a route and audits the move; the same department again changes nothing', async () => {
    const moved = await api('PUT', '/SR-01', { departmentCode: 'CGJ-320104' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ categoryCode: 'SR-01', parentCode: 'SR', department: { code: 'CGJ-320104', name: '秦淮区城市管理局' } });
    const seeded = SUBCATEGORIES.find((seed) => seed.code === 'SR-01')?.defaultDepartmentCode;
    const trail = await auditTrail(t.baseUrl, callers.admin, 'default_route', 'SR-01');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'update', before: { departmentCode: seeded }, after: { departmentCode: 'CGJ-320104' } });

    expect((await api('PUT', '/SR-01', { departmentCode: 'CGJ-320104' })).status).toBe(200);
    expect(await auditTrail(t.baseUrl, callers.admin, 'default_route', 'SR-01')).toHaveLength(1);
    expect(await departmentFor('SR-01')).toBe('CGJ-320104');
  });

  it('refuses unknown categories (404), unknown departments (400) and deactivated ones (422)', async () => {
    expect((await api('PUT', '/NO-SUCH', { departmentCode: 'LD' })).status).toBe(404);
    expect((await api('DELETE', '/NO-SUCH')).status).toBe(404);
    expect((await api('DELETE', '/SR')).status).toBe(404);
    expect((await api<ErrorBody>('PUT', '/GY-02', { departmentCode: 'NOPE' })).status).toBe(400);
    await request(t.baseUrl, 'POST', '/api/v1/admin/departments', {
      json: { code: 'TEST-OFF', name: '已停用部门', active: false },
      headers: callers.admin.headers,
    });
    const inactive = await api<ErrorBody>('PUT', '/GY-02', { departmentCode: 'TEST-OFF' });
    expect(inactive.status).toBe(422);
    expect(inactive.body.error.code).toBe('BUSINESS_RULE');
    expect(await departmentFor('GY-02')).toBe('SZYH');
  });

  it.each([
    ['an empty body', {}],
    ['a number', { departmentCode: 42 }],
    ['an unknown field', { departmentCode: 'LD', priority: 1 }],
    ['a 10 KB code', { departmentCode: TEN_KB }],
    ['SQL in the code', { departmentCode: HOSTILE_TEXT }],
  ])('refuses %s with 400', async (_label, json) => {
    expect((await api('PUT', '/GY-02', json)).status).toBe(400);
    expect(await departmentFor('GY-02')).toBe('SZYH');
  });

  it('rolls a change back when its audit entry cannot be written', async () => {
    failNextAuditWrite(t.app);
    expect((await api('PUT', '/GY-02', { departmentCode: 'LD' })).status).toBe(500);
    expect(await departmentFor('GY-02')).toBe('SZYH');
    failNextAuditWrite(t.app);
    expect((await api('DELETE', '/GY-02')).status).toBe(500);
    expect(await departmentFor('GY-02')).toBe('SZYH');
    expect(await auditTrail(t.baseUrl, callers.admin, 'default_route', 'GY-02')).toEqual([]);
  });
});
