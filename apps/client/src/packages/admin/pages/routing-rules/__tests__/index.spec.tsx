import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RoutingRulesDraft, RoutingSimulation } from '@ssp/contracts';
import type { RoutingRule } from '@ssp/rules';
import { apiRoutes, bodyOf, errorBody, json } from '@test/api-routes';
import { ADMIN, signInAs } from '@test/session';
import { taroTest, type FakeResponse } from '@test/taro-mock';
import RoutingRulesPage from '../index';

const LIGHTS: RoutingRule = {
  id: 'street-lights',
  name: '路灯派市政养护',
  order: 10,
  enabled: true,
  when: { all: [{ fact: 'category', operator: 'equal', value: 'GY-01' }] },
  then: { departmentCode: 'SZYH' },
};
const NIGHT: RoutingRule = {
  id: 'night-noise',
  name: '夜间噪音',
  order: 20,
  enabled: true,
  when: { all: [{ fact: 'hour', operator: 'between', value: [22, 6] }] },
  then: { departmentCode: 'CG', priority: 'high' },
};

function draft(rules: RoutingRule[], version = 3, identical = false): RoutingRulesDraft {
  return {
    version,
    rules,
    updatedAt: '2025-06-01T00:00:00.000Z',
    updatedBy: null,
    liveRevision: 2,
    unpublished: { identical, summary: identical ? '新增 0 条、删除 0 条、修改 0 条规则' : '新增 0 条、删除 0 条、修改 1 条规则' },
  };
}

const SIMULATION: RoutingSimulation = {
  category: { code: 'GY-01', name: '路灯' },
  classification: { code: 'GY-01', name: '路灯', confidence: 0.9, source: 'model', accepted: true },
  region: { code: '320104', name: '秦淮区' },
  inServiceArea: true,
  department: { code: 'SZYH', name: '市政设施综合养护管理中心' },
  slaPolicy: { code: 'STD', name: '标准时限' },
  priority: 'normal',
  routedBy: 'rule',
  matchedRule: { id: 'street-lights', name: '路灯派市政养护', order: 10 },
  ruleSet: { source: 'draft', version: 3 },
  trace: [
    {
      ruleId: 'street-lights',
      ruleName: '路灯派市政养护',
      order: 10,
      outcome: 'matched',
      condition: {
        kind: 'all',
        result: true,
        skipped: 0,
        children: [{ kind: 'fact', fact: 'category', operator: 'equal', value: 'GY-01', seen: 'GY-01', result: true, explanation: '小类 等于 GY-01：实际为 GY-01，成立' }],
      },
      explanation: '第 10 条「路灯派市政养护」：条件成立，命中',
    },
  ],
  explanation: '命中第 10 条规则「路灯派市政养护」，派往市政设施综合养护管理中心',
  steps: [],
  at: '2025-06-01T00:00:00.000Z',
};

interface Server {
  draft: RoutingRulesDraft;
  put?: (body: Record<string, unknown>) => FakeResponse;
}

function serve(server: Server) {
  taroTest.onRequest(
    apiRoutes({
      'GET /api/v1/admin/routing-rules': () => json(server.draft),
      'PUT /api/v1/admin/routing-rules': (options) => {
        const body = bodyOf(options);
        if (server.put) return server.put(body);
        server.draft = { ...draft(body.rules as RoutingRule[], server.draft.version + 1) };
        return json(server.draft);
      },
      'POST /api/v1/admin/routing-rules/simulate': () => json(SIMULATION),
      'GET /api/v1/departments': () =>
        json([
          { code: 'SZYH', name: '市政设施综合养护管理中心', shortName: '市政养护' },
          { code: 'CG', name: '城市管理局', shortName: '城管' },
        ]),
      'GET /api/v1/admin/sla-policies': () => json([{ code: 'STD', name: '标准时限' }]),
      'GET /api/v1/admin/regions': () =>
        json([
          { code: '320100', name: '南京市', level: 'city', parentCode: null, bbox: [118, 31, 119, 33] },
          { code: '320104', name: '秦淮区', level: 'district', parentCode: '320100', bbox: [118.5, 32.0, 119.0, 32.1] },
          { code: '320102', name: '玄武区', level: 'district', parentCode: '320100', bbox: [118.7, 32.0, 118.9, 32.2] },
        ]),
      'GET /api/v1/categories': () => json([]),
    }),
  );
}

const sent = (method: string) => taroTest.taro.request.mock.calls.map(([options]) => options).filter((options) => options.method === method);
const names = () => Array.from(document.querySelectorAll('#rule-list .routing-rule__name'), (element) => element.textContent);
const row = (id: string) => document.querySelector(`.routing-rule[data-id="${id}"]`) as HTMLElement;
const formChip = (name: string, value: string, scope: ParentNode = document) =>
  fireEvent.click(scope.querySelector(`[data-name="${name}"] [data-value="${value}"]`) as HTMLElement);

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} not rendered`);
  return element;
}

describe('派单规则', () => {
  beforeEach(() => {
    taroTest.reset();
    signInAs(ADMIN);
  });

  it('lists the rules in order with a Chinese summary and the unpublished changes', async () => {
    serve({ draft: draft([NIGHT, LIGHTS]) });

    render(<RoutingRulesPage />);

    await waitFor(() => expect(names()).toEqual(['路灯派市政养护', '夜间噪音']));
    expect(row('street-lights').textContent).toContain('小类 等于 GY-01 → 派往 市政设施综合养护管理中心');
    expect(row('night-noise').textContent).toContain('上报时段 在 22:00–次日06:00 → 派往 城市管理局，优先级 较急');
    expect(byId('unpublished-summary').textContent).toContain('修改 1 条规则');
  });

  it('moves a rule up and saves the set renumbered against the version on screen', async () => {
    serve({ draft: draft([LIGHTS, NIGHT]) });

    render(<RoutingRulesPage />);
    await waitFor(() => expect(names()).toEqual(['路灯派市政养护', '夜间噪音']));
    fireEvent.click(row('night-noise').querySelector('.routing-rule__up') as HTMLElement);

    await waitFor(() => expect(names()).toEqual(['夜间噪音', '路灯派市政养护']));
    const body = bodyOf(sent('PUT')[0]);
    expect(body.version).toBe(3);
    expect((body.rules as RoutingRule[]).map((rule) => [rule.id, rule.order])).toEqual([
      ['night-noise', 10],
      ['street-lights', 20],
    ]);
  });

  it('editing a condition row sends the rule JSON the form describes', async () => {
    serve({ draft: draft([LIGHTS]) });

    render(<RoutingRulesPage />);
    await waitFor(() => expect(names()).toEqual(['路灯派市政养护']));
    fireEvent.click(row('street-lights').querySelector('.routing-rule__edit') as HTMLElement);
    const condition = document.querySelector('.condition-row[data-path="rules[0].when.all[0]"]') as HTMLElement;
    formChip('fact', 'keywords', condition);
    formChip('operator', 'containsAny', condition);
    fireEvent.change(condition.querySelector('[data-name="value"] input') as HTMLElement, { target: { value: '井盖，窨井盖 ' } });
    formChip('priority', 'urgent');
    formChip('department', 'CG');
    fireEvent.click(byId('rule-save'));

    await waitFor(() => expect(sent('PUT')).toHaveLength(1));
    expect(bodyOf(sent('PUT')[0]).rules).toEqual([
      {
        ...LIGHTS,
        when: { all: [{ fact: 'keywords', operator: 'containsAny', value: ['井盖', '窨井盖'] }] },
        then: { departmentCode: 'CG', priority: 'urgent' },
      },
    ]);
    await waitFor(() => expect(document.getElementById('rule-form')).toBeNull());
  });

  it('shows the server path errors next to the fields and keeps the form open', async () => {
    serve({
      draft: draft([LIGHTS]),
      put: () =>
        errorBody(400, 'VALIDATION_FAILED', '派单规则有 2 处问题，请修改后再保存', {
          errors: [
            { path: 'rules[1].name', message: '名称不能为空' },
            { path: 'rules[1].when.any[0].any[0].value', message: '列表不能为空' },
          ],
        }),
    });

    render(<RoutingRulesPage />);
    await waitFor(() => expect(names()).toEqual(['路灯派市政养护']));
    fireEvent.click(byId('rule-add'));
    fireEvent.click(document.querySelector('.condition-group__add-group') as HTMLElement);
    formChip('group-kind', 'any', document.querySelector('.condition-group[data-path="rules[1].when"]') as HTMLElement);
    formChip('operator', 'in', document.querySelector('.condition-row[data-path="rules[1].when.any[0].any[0]"]') as HTMLElement);
    fireEvent.click(byId('rule-save'));

    expect(await screen.findByText('名称不能为空')).toBeTruthy();
    expect(document.querySelector('[data-path="rules[1].name"]')?.textContent).toBe('名称不能为空');
    expect(document.querySelector('.condition-row[data-path="rules[1].when.any[0].any[0]"]')?.textContent).toContain('列表不能为空');
    expect((bodyOf(sent('PUT')[0]).rules as RoutingRule[])[1].when).toEqual({ any: [{ any: [{ fact: 'category', operator: 'in', value: [] }] }] });
    expect(byId('rule-form')).toBeTruthy();
  });

  it('says another admin changed the rules on a 409 and reloads on request', async () => {
    const server: Server = { draft: draft([LIGHTS]), put: () => errorBody(409, 'CONFLICT', 'stale version', { currentVersion: 4 }) };
    serve(server);

    render(<RoutingRulesPage />);
    await waitFor(() => expect(names()).toEqual(['路灯派市政养护']));
    fireEvent.click(row('street-lights').querySelector('.routing-rule__switch') as HTMLElement);

    expect(await screen.findByText(/规则已被其他管理员修改/)).toBeTruthy();
    server.draft = draft([{ ...LIGHTS, name: '路灯（新）' }], 4);
    fireEvent.click(byId('rules-reload'));

    await waitFor(() => expect(names()).toEqual(['路灯（新）']));
    expect(document.getElementById('rules-conflict')).toBeNull();
  });

  it('simulates a report in a district and shows why it went to the department', async () => {
    serve({ draft: draft([LIGHTS], 3, true) });

    render(<RoutingRulesPage />);
    await waitFor(() => expect(names()).toEqual(['路灯派市政养护']));
    fireEvent.change(byId('simulate-description'), { target: { value: '路灯坏了' } });
    formChip('simulate-place', '320104');
    formChip('simulate-source', 'live');
    fireEvent.click(byId('simulate-run'));

    await waitFor(() => expect(byId('simulation-department').textContent).toBe('市政设施综合养护管理中心'));
    expect(bodyOf(sent('POST')[0])).toEqual({ description: '路灯坏了', location: { lat: 32.05, lng: 118.75, coordSystem: 'gcj02' }, rules: 'live' });
    const trace = byId('simulation-trace');
    expect(trace.textContent).toContain('第 10 条「路灯派市政养护」：条件成立，命中');
    expect(trace.textContent).toContain('小类 等于 GY-01：实际为 GY-01，成立');
  });
});
