import { buildRoutingFacts, type RoutingRule } from '@ssp/rules';
import type { AppConfig } from '../../../core/config/app-config';
import type { DefaultRoutesService } from '../default-routes.service';
import type { RoutingRuleRevision } from '../entities/routing-rule-revision.entity';
import type { RoutingReferenceRepository, RoutingTarget } from '../routing-reference.repository';
import type { RoutingRulesRepository } from '../routing-rules.repository';
import { RoutingService } from '../routing.service';

const LIGHTS: RoutingRule = {
  id: 'lights',
  name: '路灯派路灯所',
  order: 10,
  enabled: true,
  when: { fact: 'category', operator: 'equal', value: 'GY-01' },
  then: { departmentCode: 'LD', priority: 'high', slaPolicyCode: 'PRIORITY' },
};
const AT = new Date('2026-03-10T02:00:00Z');
const lightFacts = buildRoutingFacts({ categoryCode: 'GY-01', parentCategoryCode: 'GY', reportedAt: AT });

function revision(number: number, rules: unknown): RoutingRuleRevision {
  return { revision: number, rules: JSON.stringify(rules) } as RoutingRuleRevision;
}

function setUp(departments: Record<string, RoutingTarget>, tableDepartment: { id: string; code: string; name: string } | null = null) {
  const rules = { latestRevision: jest.fn(), latestRevisionNumber: jest.fn(), findDraft: jest.fn() };
  const reference = { findDepartment: jest.fn(async (code: string) => departments[code] ?? null) };
  const defaults = { departmentFor: jest.fn(async () => tableDepartment) };
  const config = { routing: { refreshSeconds: 3600 } } as AppConfig;
  const service = new RoutingService(
    rules as unknown as RoutingRulesRepository,
    reference as unknown as RoutingReferenceRepository,
    defaults as unknown as DefaultRoutesService,
    config,
  );
  return { service, rules, defaults };
}

const LD: RoutingTarget = { id: 'd1', code: 'LD', name: '路灯所', active: true };

describe('RoutingService', () => {
  it('applies the matched rule: department, SLA policy, priority, and says which revision decided', async () => {
    const { service, rules } = setUp({ LD });
    rules.latestRevision.mockResolvedValue(revision(3, [LIGHTS]));
    const routed = await service.route(lightFacts, AT);
    expect(routed).toMatchObject({
      routedBy: 'rule',
      department: { code: 'LD' },
      slaPolicyCode: 'PRIORITY',
      priority: 'high',
      ruleSet: { source: 'live', version: 3 },
      decision: { ruleId: 'lights' },
    });
    expect(routed.trace[0]).toContain('派单规则第 3 版');
  });

  it('compiles the live revision once and reloads only when the revision number moves', async () => {
    const { service, rules } = setUp({ LD });
    rules.latestRevision.mockResolvedValue(revision(1, [LIGHTS]));
    await service.route(lightFacts, AT);
    await service.route(lightFacts, AT);
    expect(rules.latestRevision).toHaveBeenCalledTimes(1);
    service.invalidate();
    rules.latestRevision.mockResolvedValue(revision(2, []));
    expect((await service.route(lightFacts, AT)).ruleSet.version).toBe(2);
  });

  it('falls back to the default table when the rule names a deactivated department', async () => {
    const { service, rules, defaults } = setUp({ LD: { ...LD, active: false } }, { id: 'd2', code: 'SZYH', name: '市政养护' });
    rules.latestRevision.mockResolvedValue(revision(1, [LIGHTS]));
    const routed = await service.route(lightFacts, AT);
    expect(routed).toMatchObject({ routedBy: 'default_table', department: { code: 'SZYH' }, priority: 'normal', slaPolicyCode: null, decision: null });
    expect(routed.trace).toContain('规则指定的部门 LD 已停用，改按默认派单表');
    expect(defaults.departmentFor).toHaveBeenCalledWith('GY-01');
  });

  it('sends a report to triage when nothing is published and the table has no department', async () => {
    const { service, rules } = setUp({});
    rules.latestRevision.mockResolvedValue(null);
    const routed = await service.route(lightFacts, AT);
    expect(routed).toMatchObject({ routedBy: 'triage', department: null, ruleSet: { version: null } });
    expect(routed.trace).toEqual(['尚未发布派单规则', '默认派单表中无对应部门：转人工分拨']);
  });

  it('routes by the default table instead of failing when a stored revision is not a valid rule set', async () => {
    const { service, rules } = setUp({ LD }, { id: 'd1', code: 'LD', name: '路灯所' });
    rules.latestRevision.mockResolvedValue(revision(4, [{ ...LIGHTS, when: { fact: 'nope' } }]));
    const routed = await service.route(lightFacts, AT);
    expect(routed).toMatchObject({ routedBy: 'default_table', ruleSet: { version: 4 } });
    expect(routed.trace[0]).toBe('派单规则第 4 版数据无效，未能使用');
  });
});
