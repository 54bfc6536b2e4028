import type { ErrorBody } from '@ssp/contracts';
import type { SlaPolicyDto } from '../../modules/sla/dto/sla-policy.dto';
import { request, startTestApp, type TestApp } from '../helpers/test-app';
import { ADMIN_ONLY, TEN_KB, auditTrail, failNextAuditWrite, refusals, signInEveryone, type Callers } from './admin-support';

describe('admin SLA policies', () => {
  let t: TestApp;
  let callers: Callers;
  const api = <T = SlaPolicyDto>(method: string, path = '', json?: unknown) =>
    request<T>(t.baseUrl, method, `/api/v1/admin/sla-policies${path}`, { json, headers: callers.admin.headers });
  const policy = async (code: string) => (await api<SlaPolicyDto[]>('GET')).body.find((item) => item.code === code);

  beforeAll(async () => {
    t = await startTestApp();
    callers = await signInEveryone(t.baseUrl);
  });
  afterAll(() => t.close());

  it.each<[string, string, unknown]>([
    ['GET', '', undefined],
    ['PATCH', '/NORMAL', { resolveWithinHours: 1 }],
  ])('%s /admin/sla-policies%s is for admins only', async (method, path, json) => {
    expect(await refusals(t.baseUrl, callers, method, `/api/v1/admin/sla-policies${path}`, json)).toEqual(ADMIN_ONLY);
  });

  it('lists the policies tightest first with their escalation target', async () => {
    const list = await api<SlaPolicyDto[]>('GET');
    expect(list.status).toBe(200);
    expect(list.body.map((item) => item.code)).toEqual(['URGENT', 'PRIORITY', 'NORMAL', 'ADVISORY', 'COMPLEX']);
    expect(list.body[0]).toMatchObject({
      name: '紧急',
      acceptWithinMinutes: 30,
      resolveWithinHours: 4,
      workingHoursOnly: false,
      escalateToDepartment: { code: 'ZHZX' },
    });
    expect(list.body.find((item) => item.code === 'ADVISORY')?.escalateToDepartment).toBeNull();
  });

  it('changes deadlines, calendar and escalation, and audits the difference', async () => {
    const updated = await api('PATCH', '/NORMAL', {
      acceptWithinMinutes: 180,
      resolveWithinHours: 48,
      workingHoursOnly: false,
      escalateToDepartmentCode: 'CGJ',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ acceptWithinMinutes: 180, resolveWithinHours: 48, workingHoursOnly: false, escalateToDepartment: { code: 'CGJ' } });
    const [change] = await auditTrail(t.baseUrl, callers.admin, 'sla_policy', 'NORMAL');
    expect(change).toMatchObject({
      action: 'update',
      before: { acceptWithinMinutes: 240, resolveWithinHours: 72, workingHoursOnly: true, escalateToDepartmentCode: 'ZHZX' },
      after: { acceptWithinMinutes: 180, resolveWithinHours: 48, workingHoursOnly: false, escalateToDepartmentCode: 'CGJ' },
    });
    expect((await api('PATCH', '/NORMAL', { escalateToDepartmentCode: null })).body.escalateToDepartment).toBeNull();
    expect(await policy('NORMAL')).toMatchObject({ resolveWithinHours: 48, escalateToDepartment: null });
  });

  it('refuses a sign-for time longer than the resolve time (422)', async () => {
    const response = await api<ErrorBody>('PATCH', '/URGENT', { acceptWithinMinutes: 300 });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('BUSINESS_RULE');
    expect((await policy('URGENT'))?.acceptWithinMinutes).toBe(30);
  });

  it('answers 404 for an unknown policy, 400 for an unknown department and 422 for a deactivated one', async () => {
    expect((await api('PATCH', '/NO-SUCH', { resolveWithinHours: 5 })).status).toBe(404);
    expect((await api('PATCH', '/URGENT', { escalateToDepartmentCode: 'NOPE' })).status).toBe(400);
    await request(t.baseUrl, 'PATCH', '/api/v1/admin/departments/YJJ', { json: { active: false }, headers: callers.admin.headers });
    expect((await api('PATCH', '/URGENT', { escalateToDepartmentCode: 'YJJ' })).status).toBe(422);
    expect((await policy('URGENT'))?.escalateToDepartment?.code).toBe('ZHZX');
  });

  it.each([
    ['a string for minutes', { acceptWithinMinutes: '60' }],
    ['zero minutes', { acceptWithinMinutes: 0 }],
    ['fractional minutes', { acceptWithinMinutes: 1.5 }],
    ['more than a month to sign for', { acceptWithinMinutes: 43_201 }],
    ['more than a year to resolve', { resolveWithinHours: 8_761 }],
    ['null hours', { resolveWithinHours: null }],
    ['a string for the calendar flag', { workingHoursOnly: 'yes' }],
    ['a field that is not editable', { name: '改名' }],
    ['a 10 KB department code', { escalateToDepartmentCode: TEN_KB }],
  ])('refuses %s with 400', async (_label, json) => {
    expect((await api('PATCH', '/PRIORITY', json)).status).toBe(400);
    expect(await policy('PRIORITY')).toMatchObject({ acceptWithinMinutes: 120, resolveWithinHours: 24, workingHoursOnly: false });
  });

  it('rolls a change back when its audit entry cannot be written', async () => {
    failNextAuditWrite(t.app);
    expect((await api('PATCH', '/COMPLEX', { resolveWithinHours: 100 })).status).toBe(500);
    expect((await policy('COMPLEX'))?.resolveWithinHours).toBe(360);
    expect(await auditTrail(t.baseUrl, callers.admin, 'sla_policy', 'COMPLEX')).toEqual([]);
  });
});
