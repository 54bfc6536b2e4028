import type { CategoryNode, ErrorBody } from '@ssp/contracts';
import type { AdminCategoryNodeDto } from '../../modules/categories/dto/admin-category.dto';
import { request, startTestApp, type TestApp } from '../helpers/test-app';
import { ADMIN_ONLY, HOSTILE_TEXT, TEN_KB, auditTrail, failNextAuditWrite, refusals, signInEveryone, type Callers } from './admin-support';

const find = (tree: AdminCategoryNodeDto[], code: string): AdminCategoryNodeDto | undefined =>
  tree.flatMap((top) => [top, ...top.children]).find((node) => node.code === code);

describe('admin categories', () => {
  let t: TestApp;
  let callers: Callers;
  const api = <T = AdminCategoryNodeDto>(method: string, path = '', json?: unknown) =>
    request<T>(t.baseUrl, method, `/api/v1/admin/categories${path}`, { json, headers: callers.admin.headers });
  const adminTree = async () => (await api<AdminCategoryNodeDto[]>('GET')).body;
  const publicTree = async () => (await request<CategoryNode[]>(t.baseUrl, 'GET', '/api/v1/categories')).body;

  beforeAll(async () => {
    t = await startTestApp();
    callers = await signInEveryone(t.baseUrl);
  });
  afterAll(() => t.close());

  it.each<[string, string, unknown]>([
    ['GET', '', undefined],
    ['POST', '', { code: 'ZY', name: '越权' }],
    ['PATCH', '/GY-01', { name: '越权' }],
  ])('%s /admin/categories%s is for admins only', async (method, path, json) => {
    expect(await refusals(t.baseUrl, callers, method, `/api/v1/admin/categories${path}`, json)).toEqual(ADMIN_ONLY);
  });

  it('shows the whole tree with the fields admins edit, inactive nodes included', async () => {
    const deactivated = await api('PATCH', '/GY-03', { active: false });
    expect(deactivated.status).toBe(200);
    const tree = await adminTree();
    expect(tree.length).toBeGreaterThanOrEqual(8);
    expect(find(tree, 'GY-01')).toMatchObject({ name: '路灯', slaPolicyCode: 'PRIORITY', dedupeRadiusMetres: 30, active: true, children: [] });
    expect(find(tree, 'GY-01')?.keywords).toContain('路灯不亮');
    expect(find(tree, 'GY-03')).toMatchObject({ active: false });
    const publicCodes = (await publicTree()).flatMap((top) => top.children.map((child) => child.code));
    expect(publicCodes).not.toContain('GY-03');
    expect(publicCodes).toContain('GY-01');
  });

  it('creates a 大类 and a 小类 that inherits its policy, and audits both', async () => {
    const top = await api('POST', '', { code: 'ZZ', name: '测试大类', slaPolicyCode: 'NORMAL', dedupeRadiusMetres: 80 });
    expect(top.status).toBe(201);
    expect(top.body).toMatchObject({ code: 'ZZ', slaPolicyCode: 'NORMAL', active: true, children: [], keywords: [] });
    const tops = await adminTree();
    expect(top.body.sortOrder).toBe(Math.max(...tops.filter((node) => node.code !== 'ZZ').map((node) => node.sortOrder)) + 1);

    const child = await api('POST', '', { code: 'ZZ-01', parentCode: 'ZZ', name: '测试小类', keywords: ['测试词'] });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ slaPolicyCode: 'NORMAL', dedupeRadiusMetres: 80, sortOrder: 0, keywords: ['测试词'] });
    const published = (await publicTree()).find((node) => node.code === 'ZZ');
    expect(published?.children.map((node) => node.code)).toEqual(['ZZ-01']);

    const [created] = await auditTrail(t.baseUrl, callers.admin, 'category', 'ZZ-01');
    expect(created).toMatchObject({ action: 'create', before: null, after: { name: '测试小类', parentCode: 'ZZ', slaPolicyCode: 'NORMAL' } });
  });

  it('keeps the tree at two levels (422) and refuses unknown parents and policies (400)', async () => {
    const third = await api<ErrorBody>('POST', '', { code: 'ZZ-01-01', parentCode: 'ZZ-01', name: '第三级' });
    expect(third.status).toBe(422);
    expect(third.body.error.code).toBe('BUSINESS_RULE');
    expect((await api('POST', '', { code: 'ZX-01', parentCode: 'NOPE', name: '无' })).status).toBe(400);
    expect((await api('POST', '', { code: 'ZX', name: '无', slaPolicyCode: 'NOPE' })).status).toBe(400);
    expect(find(await adminTree(), 'ZZ-01-01')).toBeUndefined();
    expect(find(await adminTree(), 'ZX')).toBeUndefined();
  });

  it('refuses a duplicate code with 409', async () => {
    const response = await api<ErrorBody>('POST', '', { code: 'GY-01', parentCode: 'GY', name: '又一个路灯' });
    expect(response.status).toBe(409);
    expect(find(await adminTree(), 'GY-01')?.name).toBe('路灯');
  });

  const VALID = { code: 'ZY', name: '合法名称' };
  it.each([
    ['a number for the name', { ...VALID, name: 42 }],
    ['an unknown field', { ...VALID, owner: 'me' }],
    ['a 10 KB name', { ...VALID, name: TEN_KB }],
    ['a 10 KB description', { ...VALID, description: TEN_KB }],
    ['a 10 KB keyword', { ...VALID, keywords: [TEN_KB] }],
    ['keywords that are not a list', { ...VALID, keywords: '路灯' }],
    ['a repeated keyword', { ...VALID, keywords: ['井盖', '井盖'] }],
    ['a merge radius under 10 m', { ...VALID, dedupeRadiusMetres: 9 }],
    ['a merge radius over 1000 m', { ...VALID, dedupeRadiusMetres: 1001 }],
    ['a fractional merge radius', { ...VALID, dedupeRadiusMetres: 50.5 }],
    ['a negative sort order', { ...VALID, sortOrder: -1 }],
    ['a lower-case code', { ...VALID, code: 'zy' }],
    ['a string for active', { ...VALID, active: 'no' }],
  ])('refuses %s with 400', async (_label, json) => {
    const response = await api<ErrorBody>('POST', '', json);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(find(await adminTree(), 'ZY')).toBeUndefined();
  });

  it('changes the editable fields, audits the difference, and leaves code and place alone', async () => {
    const updated = await api('PATCH', '/GY-01', {
      name: '路灯照明',
      keywords: ['路灯不亮', '灯杆歪'],
      dedupeRadiusMetres: 100,
      slaPolicyCode: 'URGENT',
      sortOrder: 7,
      description: HOSTILE_TEXT,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: '路灯照明', dedupeRadiusMetres: 100, slaPolicyCode: 'URGENT', sortOrder: 7, description: HOSTILE_TEXT });
    const [change] = await auditTrail(t.baseUrl, callers.admin, 'category', 'GY-01');
    expect(change.before).toMatchObject({ name: '路灯', slaPolicyCode: 'PRIORITY', dedupeRadiusMetres: 30 });
    expect(change.after).toMatchObject({ name: '路灯照明', slaPolicyCode: 'URGENT', dedupeRadiusMetres: 100, keywords: ['路灯不亮', '灯杆歪'] });
    expect(Object.keys(change.after ?? {})).not.toContain('parentCode');

    expect((await api('PATCH', '/GY-01', { slaPolicyCode: null })).body.slaPolicyCode).toBeNull();
    for (const json of [{ parentCode: 'SR' }, { code: 'GY-99' }, { dedupeRadiusMetres: 9 }, { name: null }, { keywords: null }, { sortOrder: 'first' }]) {
      expect((await api('PATCH', '/GY-01', json)).status).toBe(400);
    }
    expect(find(await adminTree(), 'GY-01')).toMatchObject({ name: '路灯照明', slaPolicyCode: null });
  });

  it('answers 404 for an unknown code', async () => {
    const response = await api<ErrorBody>('PATCH', '/NO-SUCH', { name: '无' });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('rolls a change back when its audit entry cannot be written', async () => {
    const trailBefore = await auditTrail(t.baseUrl, callers.admin, 'category', 'GY-02');
    failNextAuditWrite(t.app);
    expect((await api('PATCH', '/GY-02', { name: '不应保存' })).status).toBe(500);
    failNextAuditWrite(t.app);
    expect((await api('POST', '', { code: 'ZW', name: '不应保存' })).status).toBe(500);
    const tree = await adminTree();
    expect(find(tree, 'GY-02')?.name).toBe('井盖');
    expect(find(tree, 'ZW')).toBeUndefined();
    expect(await auditTrail(t.baseUrl, callers.admin, 'category', 'GY-02')).toEqual(trailBefore);
    expect(await auditTrail(t.baseUrl, callers.admin, 'category', 'ZW')).toEqual([]);
  });
});
