import type { AuthResult, ErrorBody, Page } from '@ssp/contracts';
import type { AdminUserDto } from '../../modules/admin/users/dto/admin-user.dto';
import { loginAs } from '../helpers/auth';
import { request, startTestApp, type HttpResult, type TestApp } from '../helpers/test-app';
import { ADMIN_ONLY, TEN_KB, auditTrail, failNextAuditWrite, hiddenKeysIn, refusals, signInEveryone, type Callers } from './admin-support';

const UNKNOWN_ID = '01930000-0000-7000-8000-000000000000';
const PASSWORD = 'correct horse battery';
const NEW_STAFF = { username: 'staff.test1', nickname: '测试员（路灯管理）', role: 'staff', departmentCode: 'LD', password: PASSWORD };

describe('admin users', () => {
  let t: TestApp;
  let callers: Callers;
  let staffId: string;
  const api = <T = AdminUserDto>(method: string, path = '', json?: unknown) =>
    request<T>(t.baseUrl, method, `/api/v1/admin/users${path}`, { json, headers: callers.admin.headers });
  const login = (username: string, password: string) =>
    request<AuthResult>(t.baseUrl, 'POST', '/api/v1/auth/login', { json: { username, password } });

  beforeAll(async () => {
    t = await startTestApp();
    callers = await signInEveryone(t.baseUrl);
  });
  afterAll(() => t.close());

  it.each<[string, string, unknown]>([
    ['GET', '', undefined],
    ['POST', '', NEW_STAFF],
    ['GET', `/${UNKNOWN_ID}`, undefined],
    ['PATCH', `/${UNKNOWN_ID}`, { nickname: '越权' }],
  ])('%s /admin/users%s is for admins only', async (method, path, json) => {
    expect(await refusals(t.baseUrl, callers, method, `/api/v1/admin/users${path}`, json)).toEqual(ADMIN_ONLY);
  });

  it('lists accounts newest first by role and department, never with a hash or an openid', async () => {
    const staff: AdminUserDto[] = [];
    let cursor: string | null = null;
    do {
      const page: HttpResult<Page<AdminUserDto>> = await api('GET', `?role=staff&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(hiddenKeysIn(page.body)).toEqual([]);
      staff.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(staff).toHaveLength(19);
    expect(staff.every((user) => user.role === 'staff' && user.department !== null)).toBe(true);
    expect(staff.map((user) => user.id)).toEqual(staff.map((user) => user.id).sort().reverse());

    const ld = await api<Page<AdminUserDto>>('GET', '?departmentCode=LD');
    expect(ld.body.items.map((user) => user.username)).toEqual(['staff.ld']);

    const residents = await api<Page<AdminUserDto>>('GET', '?role=resident');
    expect(residents.body.items.map((user) => user.id)).toContain(callers.resident.userId);
    expect(residents.body.items.every((user) => user.username === null)).toBe(true);
    expect(residents.text).not.toContain('admin-spec-resident');

    for (const query of ['role=boss', 'departmentCode=bad code', 'cursor=%25%25', 'limit=1000']) {
      expect((await api('GET', `?${query}`)).status).toBe(400);
    }
  });

  it('creates a staff account that can sign in, and audits it without the password', async () => {
    const created = await api('POST', '', NEW_STAFF);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'staff.test1', role: 'staff', active: true, department: { code: 'LD' } });
    expect(hiddenKeysIn(created.body)).toEqual([]);
    expect(created.text).not.toContain(PASSWORD);
    staffId = created.body.id;
    expect((await api('GET', `/${staffId}`)).body).toEqual(created.body);

    const signedIn = await login('staff.test1', PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ role: 'staff', department: { code: 'LD' } });

    const trail = await auditTrail(t.baseUrl, callers.admin, 'user', staffId);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'create', after: { username: 'staff.test1', role: 'staff', departmentCode: 'LD' } });
    expect(JSON.stringify(trail)).not.toMatch(/correct horse|argon2/);
  });

  it('creates an admin without a department', async () => {
    const created = await api('POST', '', { username: 'admin.two', nickname: '第二管理员', role: 'admin', password: PASSWORD });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: 'admin', department: null });
  });

  const { password: _password, ...withoutPassword } = NEW_STAFF;
  it.each([
    ['staff without a department', { ...NEW_STAFF, departmentCode: undefined }, 400],
    ['an unknown department', { ...NEW_STAFF, departmentCode: 'NOPE' }, 400],
    ['a password under 10 characters', { ...NEW_STAFF, password: 'short-pw' }, 400],
    ['no password', withoutPassword, 400],
    ['an upper-case username', { ...NEW_STAFF, username: 'Staff.Upper' }, 400],
    ['a username with spaces', { ...NEW_STAFF, username: 'staff test' }, 400],
    ['the resident role', { ...NEW_STAFF, role: 'resident' }, 400],
    ['an unknown field', { ...NEW_STAFF, openid: 'o-someone' }, 400],
    ['a 10 KB nickname', { ...NEW_STAFF, nickname: TEN_KB }, 400],
    ['a number for the nickname', { ...NEW_STAFF, nickname: 42 }, 400],
    ['a 10 KB password', { ...NEW_STAFF, password: TEN_KB }, 400],
    ['a username already taken', { ...NEW_STAFF, username: 'staff.cgj' }, 409],
  ])('refuses %s', async (_label, json, status) => {
    const username = json.username === NEW_STAFF.username ? 'staff.refused' : json.username;
    const response = await api<ErrorBody>('POST', '', { ...json, username });
    expect(response.status).toBe(status);
    const listed = await api<Page<AdminUserDto>>('GET', '?role=staff&limit=200');
    expect(listed.body.items.filter((user) => user.username === username).length).toBe(username === 'staff.cgj' ? 1 : 0);
  });

  it('renames, moves and resets the password of an account, auditing each change', async () => {
    const moved = await api('PATCH', `/${staffId}`, { nickname: '测试员（市政养护）', departmentCode: 'SZYH' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ nickname: '测试员（市政养护）', department: { code: 'SZYH' } });

    const reset = await api('PATCH', `/${staffId}`, { password: 'a brand new passphrase' });
    expect(reset.status).toBe(200);
    expect(hiddenKeysIn(reset.body)).toEqual([]);
    expect((await login('staff.test1', 'a brand new passphrase')).status).toBe(200);
    expect((await login('staff.test1', PASSWORD)).status).toBe(401);

    const [passwordChange, move] = await auditTrail(t.baseUrl, callers.admin, 'user', staffId);
    expect(passwordChange.after).toEqual({ passwordChanged: true });
    expect(move).toMatchObject({ before: { departmentCode: 'LD' }, after: { departmentCode: 'SZYH' } });
    expect(JSON.stringify([passwordChange, move])).not.toMatch(/passphrase|argon2/);
  });

  it('deactivates an account: its token stops working at once', async () => {
    const session = await loginAs(t.baseUrl, 'staff', { username: 'staff.jw' });
    const [jw] = (await api<Page<AdminUserDto>>('GET', '?departmentCode=JW')).body.items;
    expect((await api('PATCH', `/${jw.id}`, { active: false })).body.active).toBe(false);
    expect((await request(t.baseUrl, 'GET', '/api/v1/me', { headers: session.headers })).status).toBe(401);
  });

  it('refuses an admin deactivating or demoting themselves (422), but allows a rename', async () => {
    const self = `/${callers.admin.userId}`;
    for (const json of [{ active: false }, { role: 'staff', departmentCode: 'ZHZX' }]) {
      const response = await api<ErrorBody>('PATCH', self, json);
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('BUSINESS_RULE');
    }
    expect((await api('GET', self)).body).toMatchObject({ role: 'admin', active: true });
    expect((await api('PATCH', self, { nickname: '值班管理员' })).body.nickname).toBe('值班管理员');
  });

  it('demotes another admin, who loses the admin pages on the next request', async () => {
    const created = await api('POST', '', { username: 'admin.three', nickname: '第三管理员', role: 'admin', password: PASSWORD });
    const signedIn = await login('admin.three', PASSWORD);
    const second = { userId: created.body.id, headers: { authorization: `Bearer ${signedIn.body.accessToken}` } };
    expect((await request(t.baseUrl, 'GET', '/api/v1/admin/users', { headers: second.headers })).status).toBe(200);
    expect((await api<ErrorBody>('PATCH', `/${second.userId}`, { role: 'staff' })).status).toBe(400);
    const demoted = await api('PATCH', `/${second.userId}`, { role: 'staff', departmentCode: 'CGJ' });
    expect(demoted.body).toMatchObject({ role: 'staff', department: { code: 'CGJ' } });
    expect((await request(t.baseUrl, 'GET', '/api/v1/admin/users', { headers: second.headers })).status).toBe(403);
    expect((await api('PATCH', `/${second.userId}`, { departmentCode: null })).status).toBe(400);
  });

  it('may block a resident but not turn one into staff (422)', async () => {
    const resident = await loginAs(t.baseUrl, 'resident', { openid: 'to-be-blocked' });
    for (const json of [{ role: 'staff', departmentCode: 'CGJ' }, { password: 'resident password' }]) {
      expect((await api<ErrorBody>('PATCH', `/${resident.userId}`, json)).status).toBe(422);
    }
    expect((await api('PATCH', `/${resident.userId}`, { active: false })).status).toBe(200);
    expect((await request(t.baseUrl, 'GET', '/api/v1/me', { headers: resident.headers })).status).toBe(401);
  });

  it('answers 404 for an unknown id and 400 for malformed changes', async () => {
    expect((await api('GET', `/${UNKNOWN_ID}`)).status).toBe(404);
    expect((await api('PATCH', `/${UNKNOWN_ID}`, { nickname: '无' })).status).toBe(404);
    for (const json of [{ nickname: null }, { active: 'no' }, { role: 'root' }, { username: 'renamed' }, { password: 'short' }]) {
      expect((await api('PATCH', `/${staffId}`, json)).status).toBe(400);
    }
  });

  it('rolls a change back when its audit entry cannot be written', async () => {
    failNextAuditWrite(t.app);
    expect((await api('POST', '', { ...NEW_STAFF, username: 'staff.rollback' })).status).toBe(500);
    const listed = await api<Page<AdminUserDto>>('GET', '?role=staff&limit=200');
    expect(listed.body.items.map((user) => user.username)).not.toContain('staff.rollback');

    const before = await api('GET', `/${staffId}`);
    const trailBefore = await auditTrail(t.baseUrl, callers.admin, 'user', staffId);
    failNextAuditWrite(t.app);
    expect((await api('PATCH', `/${staffId}`, { nickname: '不应保存', active: false })).status).toBe(500);
    expect((await api('GET', `/${staffId}`)).body).toEqual(before.body);
    expect(await auditTrail(t.baseUrl, callers.admin, 'user', staffId)).toEqual(trailBefore);
  });
});
