import type { ErrorBody, Page } from '@ssp/contracts';
import type { RoutingRule } from '@ssp/rules';
import { DataSource } from 'typeorm';
import { newId } from '../../core/database/id.util';
import { ROUTING_RULE_SET } from '../../core/database/seeds/data/routing-rules.data';
import type { CreateReportDto } from '../../modules/reports/dto/create-report.dto';
import { ReportsService } from '../../modules/reports/reports.service';
import type { RevisionDetailDto, RevisionSummaryDto } from '../../modules/routing/dto/routing-rules.dto';
import type { RoutingSimulationDto } from '../../modules/routing/dto/routing-simulation.dto';
import { RoutingRuleRevision } from '../../modules/routing/entities/routing-rule-revision.entity';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { SHANGHAI, reportBody } from '../helpers/reporting';
import { openingEventOf, priorityOf, reportAt, routingApi, spotsIn, type DraftView } from '../helpers/routing';
import { request, startTestApp, type TestApp } from '../helpers/test-app';
import { ADMIN_ONLY, auditTrail, refusals, signInEveryone, type Callers } from './admin-support';

const XUANWU = '320102';
const QINHUAI = '320104';
const SEED_RULES = JSON.parse(JSON.stringify(ROUTING_RULE_SET.rules)) as RoutingRule[];
const MINUTE = 60_000;

function withRule(rules: RoutingRule[], id: string, change: (rule: RoutingRule) => RoutingRule): RoutingRule[] {
  return rules.map((rule) => (rule.id === id ? change(rule) : rule));
}

describe('routing rules (ARCHITECTURE.md §7): draft, publish, revisions, simulate, dispatch', () => {
  let t: TestApp;
  let callers: Callers;
  let resident: LoggedIn;
  let api: ReturnType<typeof routingApi>;
  const xuanwu = spotsIn(XUANWU);
  const qinhuai = spotsIn(QINHUAI);
  let spot = 0;
  const inQinhuai = () => qinhuai[spot++ % qinhuai.length];
  const draft = async () => (await api<DraftView>('GET')).body;
  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const streetLightIn = (location = inQinhuai()) => reportAt(t, resident, { categoryCode: 'GY-01', description: '路灯不亮了，晚上很黑', location });
  const simulate = (json: Record<string, unknown>) => api<RoutingSimulationDto>('POST', '/simulate', { location: inQinhuai(), ...json });

  beforeAll(async () => {
    t = await startTestApp({ ROUTING_REFRESH_SECONDS: '1' });
    callers = await signInEveryone(t.baseUrl);
    resident = await loginAs(t.baseUrl, 'resident', { openid: 'routing-rules-resident' });
    api = routingApi(t, callers.admin);
  });
  afterAll(() => t.close());

  it.each<[string, string, unknown]>([
    ['GET', '', undefined],
    ['PUT', '', { version: 1, rules: [] }],
    ['POST', '/publish', { version: 1 }],
    ['POST', '/simulate', { description: '路灯不亮', location: { lat: 32.04, lng: 118.78, coordSystem: 'gcj02' } }],
    ['GET', '/revisions', undefined],
    ['GET', '/revisions/1', undefined],
    ['POST', '/revisions/1/rollback', { version: 1 }],
  ])('%s /admin/routing-rules%s is for admins only', async (method, path, json) => {
    expect(await refusals(t.baseUrl, callers, method, `/api/v1/admin/routing-rules${path}`, json)).toEqual(ADMIN_ONLY);
  });

  it('seeds the city rule set as revision 1 by the system and copies it to the draft', async () => {
    expect(await draft()).toMatchObject({ version: 1, rules: SEED_RULES, liveRevision: 1, updatedBy: null, unpublished: { identical: true } });
    const revisions = await api<Page<RevisionSummaryDto>>('GET', '/revisions');
    expect(revisions.body).toEqual({
      items: [expect.objectContaining({ revision: 1, author: null, note: '系统初始派单规则', live: true, ruleCount: SEED_RULES.length, rolledBackFrom: null })],
      nextCursor: null,
    });
    expect(revisions.body.items[0].summary).toBe(`新增 ${SEED_RULES.length} 条、删除 0 条、修改 0 条规则`);
  });

  it('routes reports by the seeded rules: district bureau, lighting centre, urgent missing manhole cover', async () => {
    const stall = await reportAt(t, resident, { categoryCode: 'JM-01', description: '人行道上有流动摊贩占道经营', location: xuanwu[0] });
    expect(stall).toMatchObject({ status: 'dispatched', department: { code: 'CGJ-320102' } });
    expect(await streetLightIn()).toMatchObject({ status: 'dispatched', department: { code: 'LD' } });

    const before = Date.now();
    const manhole = await reportAt(t, resident, { categoryCode: 'GY-08', description: '垃圾箱旁边井盖缺失，晚上很危险', location: inQinhuai() });
    const after = Date.now();
    expect(manhole).toMatchObject({ status: 'dispatched', category: { code: 'GY-02' }, department: { code: 'SZYH' } });
    // URGENT: 4 hours on the 24-hour clock, not the category's working-time policy.
    const resolveBy = Date.parse(manhole.resolveBy ?? '');
    expect(resolveBy).toBeGreaterThanOrEqual(before + 240 * MINUTE - 1000);
    expect(resolveBy).toBeLessThanOrEqual(after + 240 * MINUTE + 1000);
    expect(await priorityOf(t, manhole.id)).toBe(2);

    const opening = await openingEventOf(t, manhole.id);
    expect(opening.action).toBe('open_dispatched');
    expect(opening.data.routing).toEqual({ by: 'rule', ruleId: 'manhole-missing', ruleName: '井盖缺失按紧急派市政养护', revision: 1, priority: 'urgent' });
    const trace = opening.data.trace as string[];
    expect(trace.some((line) => line.includes('派单规则第 1 版') && line.includes('井盖缺失按紧急派市政养护') && line.includes('命中'))).toBe(true);
    expect(trace).toContain('按规则改为类别：公用设施/井盖');
  });

  it('sends noise at 23:00 Beijing time to the police, and in the daytime to the district bureau', async () => {
    const night = await simulate({ description: '楼下广场舞音响声音太大', categoryCode: 'HB-02', rules: 'live', at: '2026-03-10T23:00:00+08:00' });
    expect(night.status).toBe(200);
    expect(night.body).toMatchObject({
      department: { code: 'GAJ' },
      matchedRule: { id: 'night-noise-to-police' },
      slaPolicy: { code: 'PRIORITY' },
      priority: 'high',
      routedBy: 'rule',
      ruleSet: { source: 'live', version: 1 },
      region: { code: QINHUAI },
    });
    const day = await simulate({ description: '楼下广场舞音响声音太大', categoryCode: 'HB-02', rules: 'live', at: '2026-03-10T10:00:00+08:00' });
    expect(day.body).toMatchObject({ department: { code: 'CGJ-320104' }, matchedRule: { id: 'district-cgj-qinhuai' }, priority: 'normal' });

    // The intake pipeline with its clock at 23:00 Beijing time (15:00 UTC).
    const dto = reportBody({ categoryCode: 'HB-02', description: '半夜楼上一直在装修噪音扰民', location: inQinhuai() }) as CreateReportDto;
    const created = await t.app.get(ReportsService).create({ id: resident.userId, role: 'resident', departmentId: null }, dto, new Date('2026-03-10T15:00:00Z'));
    expect(created.body.ticket).toMatchObject({ status: 'dispatched', department: { code: 'GAJ' } });
  });

  it('refuses an invalid rule set with every problem at its path, in Chinese, and keeps the draft', async () => {
    const rules = structuredClone(SEED_RULES) as Array<Record<string, unknown> & RoutingRule>;
    rules[0] = { ...rules[0], then: { ...rules[0].then, departmentCode: 'NOPE' } };
    rules[2] = { ...rules[2], order: rules[1].order };
    rules[3] = { ...rules[3], when: { fact: 'region', operator: 'equal', value: '999999' } };
    rules[4] = { ...rules[4], then: { ...rules[4].then, slaPolicyCode: 'NOPE' } };
    rules[5] = { ...rules[5], then: { ...rules[5].then, categoryCode: 'ZZ-99' } };
    const refused = await api<ErrorBody>('PUT', '', { version: 1, rules });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    const errors = refused.body.error.details?.errors as Array<{ path: string; message: string }>;
    expect(errors.map((error) => error.path)).toEqual(
      expect.arrayContaining(['rules[0].then.departmentCode', 'rules[2].order', 'rules[3].when.value', 'rules[4].then.slaPolicyCode', 'rules[5].then.categoryCode']),
    );
    for (const error of errors) expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await draft()).toMatchObject({ version: 1, rules: SEED_RULES });
  });

  it('refuses hostile bodies cleanly: 10 MB, 1000-deep nesting, deep arrays, wrong shapes', async () => {
    const put = (body: string) => request<ErrorBody>(t.baseUrl, 'PUT', '/api/v1/admin/routing-rules', { body, headers: { ...callers.admin.headers, 'content-type': 'application/json' } });
    expect((await put(JSON.stringify({ version: 1, rules: [{ note: 'x'.repeat(10 * 1024 * 1024) }] }))).status).toBe(413);

    const nested = (depth: number): unknown => {
      let when: unknown = { fact: 'category', operator: 'equal', value: 'GY-01' };
      for (let level = 0; level < depth; level += 1) when = { not: when };
      return when;
    };
    // Past the engine's depth limit but not the body's: refused by validateRuleSet, at its path.
    const tooDeep = await api<ErrorBody>('PUT', '', { version: 1, rules: [{ ...SEED_RULES[0], when: nested(12) }] });
    expect(tooDeep.status).toBe(400);
    expect(JSON.stringify(tooDeep.body.error.details)).toContain('rules[0].when.not');
    // 1000 levels never reach the DTO: the body parser refuses them before anything walks them recursively.
    const deep = await api<ErrorBody>('PUT', '', { version: 1, rules: [{ ...SEED_RULES[0], when: nested(1000) }] });
    expect([deep.status, deep.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const arrays = await put(`{"version":1,"rules":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(arrays.status).toBe(400);
    for (const json of [{ version: 1, rules: 'x' }, { version: 1, rules: [], extra: true }, { version: 'one', rules: [] }, { rules: [] }, { version: 1, rules: [null, 42] }]) {
      expect([json, (await api('PUT', '', json)).status]).toEqual([json, 400]);
    }
    expect((await draft()).version).toBe(1);
  });

  it('edits the draft, publishes it as revision 2, and new reports follow the new rule', async () => {
    const rules = withRule(SEED_RULES, 'street-lights-citywide', (rule) => ({ ...rule, then: { departmentCode: 'CGJ-320104' } }));
    const saved = await api<DraftView>('PUT', '', { version: 1, rules });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, liveRevision: 1, updatedBy: { username: 'admin' }, unpublished: { identical: false, summary: '新增 0 条、删除 0 条、修改 1 条规则' } });
    expect(await auditTrail(t.baseUrl, callers.admin, 'routing_rules_draft', 'city')).toHaveLength(1);
    // Dispatch keeps using the live revision until the draft is published.
    expect(await streetLightIn()).toMatchObject({ department: { code: 'LD' } });

    const published = await api<RevisionDetailDto>('POST', '/publish', { version: 2, note: '路灯由属地受理' });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ revision: 2, note: '路灯由属地受理', author: { username: 'admin' }, live: true, summary: '新增 0 条、删除 0 条、修改 1 条规则' });
    expect(published.body.diff.changed).toEqual([
      expect.objectContaining({ id: 'street-lights-citywide', changes: [expect.objectContaining({ field: 'then.departmentCode', before: 'LD', after: 'CGJ-320104' })] }),
    ]);
    expect(await auditTrail(t.baseUrl, callers.admin, 'routing_rule_revision', '2')).toEqual([
      expect.objectContaining({ action: 'create', after: expect.objectContaining({ revision: 2, note: '路灯由属地受理' }) }),
    ]);

    const light = await streetLightIn();
    expect(light).toMatchObject({ department: { code: 'CGJ-320104' } });
    expect((await openingEventOf(t, light.id)).data.routing).toMatchObject({ by: 'rule', ruleId: 'street-lights-citywide', revision: 2 });

    const again = await api<ErrorBody>('POST', '/publish', { version: 2 });
    expect([again.status, again.body.error.code]).toEqual([422, 'BUSINESS_RULE']);
    expect(await count('routing_rule_revisions')).toBe(2);
  });

  it('detects two admins saving the same draft version: the second gets 409 and nothing of it is written', async () => {
    const other = await loginAs(t.baseUrl, 'admin');
    const { version, rules } = await draft();
    const mine = withRule(rules, 'shared-bikes-pilot', (rule) => ({ ...rule, enabled: true }));
    const theirs = withRule(rules, 'other-issues', (rule) => ({ ...rule, name: '其他问题由另一位管理员改过' }));
    expect((await api<DraftView>('PUT', '', { version, rules: mine })).body.version).toBe(version + 1);
    const audits = (await auditTrail(t.baseUrl, callers.admin, 'routing_rules_draft', 'city')).length;

    const stale = await request<ErrorBody>(t.baseUrl, 'PUT', '/api/v1/admin/routing-rules', { json: { version, rules: theirs }, headers: other.headers });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: version + 1 } });
    expect((await draft()).rules).toEqual(mine);
    expect(await auditTrail(t.baseUrl, callers.admin, 'routing_rules_draft', 'city')).toHaveLength(audits);
    expect((await api('POST', '/publish', { version })).status).toBe(409);
    expect((await api('POST', '/revisions/1/rollback', { version })).status).toBe(409);
    expect(await count('routing_rule_revisions')).toBe(2);
  });

  it('simulates a sample report against the draft or the live set, writing nothing', async () => {
    const tables = ['reports', 'tickets', 'ticket_events', 'audit_entries', 'routing_rule_revisions'];
    const before = await Promise.all(tables.map(count));
    const bikes = { description: '共享单车乱停放堵住了盲道', categoryCode: 'JM-04' };
    const onDraft = await simulate({ ...bikes, rules: 'draft' });
    const onLive = await simulate({ ...bikes, rules: 'live' });
    expect(onDraft.body).toMatchObject({ department: { code: 'JTJ' }, matchedRule: { id: 'shared-bikes-pilot' }, ruleSet: { source: 'draft', version: 3 } });
    expect(onLive.body).toMatchObject({ department: { code: 'CGJ-320104' }, matchedRule: { id: 'district-cgj-qinhuai' }, ruleSet: { source: 'live', version: 2 } });
    expect(onLive.body.trace.find((entry) => entry.ruleId === 'shared-bikes-pilot')?.outcome).toBe('disabled');
    expect(onDraft.body.trace.at(-1)).toMatchObject({ ruleId: 'shared-bikes-pilot', outcome: 'matched' });
    expect(onDraft.body.explanation).toContain('共享单车乱停放派交通运输局');

    const classified = await simulate({ description: '我家楼下那盏路灯不亮了好几天了' });
    expect(classified.body).toMatchObject({ classification: { code: 'GY-01', source: 'model', accepted: true }, category: { code: 'GY-01' }, department: { code: 'CGJ-320104' } });
    const outside = await api<RoutingSimulationDto>('POST', '/simulate', { description: '路灯不亮', categoryCode: 'GY-01', location: SHANGHAI });
    expect(outside.body).toMatchObject({ inServiceArea: false, region: null });
    expect((await simulate({ description: '路灯不亮', at: '2026-03-10T23:00:00' })).status).toBe(400);
    expect((await simulate({ description: '路灯不亮', categoryCode: 'ZZ-99' })).status).toBe(400);
    expect((await simulate({ description: '路灯不亮', rules: 'other' })).status).toBe(400);
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('rolls back to revision 1 as a new revision, resets the draft, and lists the history in pages', async () => {
    const { version } = await draft();
    const rolled = await api<RevisionDetailDto>('POST', '/revisions/1/rollback', { version });
    expect(rolled.status).toBe(201);
    expect(rolled.body).toMatchObject({ revision: 3, rolledBackFrom: 1, note: '回滚到第 1 版', summary: '新增 0 条、删除 0 条、修改 1 条规则', rules: SEED_RULES });
    expect(await draft()).toMatchObject({ version: version + 1, rules: SEED_RULES, liveRevision: 3, unpublished: { identical: true } });
    const light = await streetLightIn();
    expect(light).toMatchObject({ department: { code: 'LD' } });
    expect((await openingEventOf(t, light.id)).data.routing).toMatchObject({ revision: 3 });

    expect((await api('POST', '/revisions/3/rollback', { version: version + 1 })).status).toBe(422);
    expect((await api('POST', '/revisions/99/rollback', { version: version + 1 })).status).toBe(404);
    expect((await api('POST', '/revisions/abc/rollback', { version: version + 1 })).status).toBe(400);
    expect(await count('routing_rule_revisions')).toBe(3);

    const first = await api<Page<RevisionSummaryDto>>('GET', '/revisions?limit=2');
    expect(first.body.items.map((item) => [item.revision, item.live])).toEqual([[3, true], [2, false]]);
    const second = await api<Page<RevisionSummaryDto>>('GET', `/revisions?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ revision: 1 })], nextCursor: null });
    expect((await api('GET', '/revisions?cursor=%25%25')).status).toBe(400);
    const two = await api<RevisionDetailDto>('GET', '/revisions/2');
    expect(two.body.diff).toMatchObject({ fromVersion: 1, toVersion: 2, changed: [expect.objectContaining({ id: 'street-lights-citywide' })] });
    expect((await api('GET', '/revisions/99')).status).toBe(404);
  });

  it('falls back to the default table when no rule matches, and to triage when that has no department either', async () => {
    const gasOnly = SEED_RULES.filter((rule) => rule.id === 'gas-leak');
    const saved = await api<DraftView>('PUT', '', { version: (await draft()).version, rules: gasOnly });
    expect((await api('POST', '/publish', { version: saved.body.version })).status).toBe(201);

    const byTable = await streetLightIn();
    expect(byTable).toMatchObject({ status: 'dispatched', department: { code: 'LD' } });
    const event = await openingEventOf(t, byTable.id);
    expect(event.data.routing).toEqual({ by: 'default_table', ruleId: null, ruleName: null, revision: 4, priority: 'normal' });
    expect(event.data.trace).toEqual(expect.arrayContaining(['派单规则第 4 版：未命中任何规则（共尝试 1 条）', '默认派单表：GY-01 → 南京市城市照明管理中心']));

    const defaults = (method: string, json?: unknown) =>
      request(t.baseUrl, method, '/api/v1/admin/default-routes/GY-01', { json, headers: callers.admin.headers });
    expect((await defaults('DELETE')).status).toBe(204);
    try {
      const response = await reportAt(t, resident, { categoryCode: 'GY-01', description: '路灯杆子歪了', location: inQinhuai() });
      expect(response).toMatchObject({ status: 'pending_triage', department: null });
      expect((await openingEventOf(t, response.id)).data.routing).toMatchObject({ by: 'triage' });
    } finally {
      await defaults('PUT', { departmentCode: 'LD' });
    }
  });

  it('applies a revision another instance published within seconds', async () => {
    const live = await t.app.get(DataSource).getRepository(RoutingRuleRevision).findOneByOrFail({ revision: 1 });
    const rules = withRule(SEED_RULES, 'street-lights-citywide', (rule) => ({ ...rule, then: { departmentCode: 'JTJ' } }));
    // Written straight to the table, as a publish on another server instance would be.
    await t.app.get(DataSource).getRepository(RoutingRuleRevision).insert({ ...live, id: newId(), revision: 5, rules: JSON.stringify(rules), authorId: null });
    const started = Date.now();
    let department: string | undefined;
    while (Date.now() - started < 8000 && department !== 'JTJ') {
      department = (await simulate({ description: '路灯不亮', categoryCode: 'GY-01', rules: 'live' })).body.department?.code;
      if (department !== 'JTJ') await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(department).toBe('JTJ');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await streetLightIn()).toMatchObject({ department: { code: 'JTJ' } });
  });
});
