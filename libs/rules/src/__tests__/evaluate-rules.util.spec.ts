import { compileRuleSet } from '../compile-rule-set.util';
import { evaluateRules } from '../evaluate-rules.util';
import type { Condition } from '../rule.types';
import type { FactConditionTrace, GroupConditionTrace } from '../trace.types';
import { NOON, rule, ruleSet } from './rule.fixtures';

const isLight: Condition = { fact: 'category', operator: 'equal', value: 'GY-01' };
const inXuanwu: Condition = { fact: 'region', operator: 'equal', value: '320102' };
const atNight: Condition = { fact: 'hour', operator: 'between', value: [22, 6] };
const always: Condition = { all: [] };

describe('evaluateRules', () => {
  it('takes the first matching rule by explicit order, not by position in the list', () => {
    const set = ruleSet(rule('late', 20, isLight), rule('early', 10, isLight), rule('first-but-no-match', 5, inXuanwu));
    const result = evaluateRules(set, { category: 'GY-01', region: '320104' }, NOON);
    expect(result.decision?.ruleId).toBe('early');
    expect(result.trace.map((entry) => [entry.ruleId, entry.outcome])).toEqual([
      ['first-but-no-match', 'notMatched'],
      ['early', 'matched'],
    ]);
  });

  it('returns the action of the matched rule, with null for what it leaves unchanged', () => {
    const set = ruleSet(
      rule('lamp', 1, isLight, { then: { departmentCode: 'LD', priority: 'urgent' } }),
      rule('manhole', 2, always, { then: { departmentCode: 'SZYH', slaPolicyCode: 'URGENT', categoryCode: 'GY-02' } }),
    );
    expect(evaluateRules(set, { category: 'GY-01' }, NOON).decision).toEqual({
      ruleId: 'lamp',
      ruleName: '规则lamp',
      departmentCode: 'LD',
      slaPolicyCode: null,
      priority: 'urgent',
      categoryCode: null,
    });
    expect(evaluateRules(set, {}, NOON).decision).toMatchObject({ departmentCode: 'SZYH', slaPolicyCode: 'URGENT', categoryCode: 'GY-02' });
  });

  it('combines conditions with all, any and not', () => {
    const nightLightOutsideXuanwu: Condition = { all: [{ any: [isLight, { fact: 'text', operator: 'contains', value: '路灯' }] }, atNight, { not: inXuanwu }] };
    const set = ruleSet(rule('r', 1, nightLightOutsideXuanwu));
    const matches = (facts: Parameters<typeof evaluateRules>[1]) => evaluateRules(set, facts, NOON).decision !== null;
    expect(matches({ category: 'GY-01', hour: 23, region: '320104' })).toBe(true);
    expect(matches({ text: '路灯不亮', hour: 1, region: '320104' })).toBe(true);
    expect(matches({ category: 'GY-01', hour: 12, region: '320104' })).toBe(false);
    expect(matches({ category: 'GY-01', hour: 23, region: '320102' })).toBe(false);
    expect(matches({ category: 'JM-01', hour: 23, region: '320104' })).toBe(false);
  });

  it('skips disabled rules and rules outside their effective window, recording why', () => {
    const set = ruleSet(
      rule('off', 1, always, { enabled: false }),
      rule('future', 2, always, { effective: { from: '2026-06-01T00:00:00+08:00' } }),
      rule('past', 3, always, { effective: { until: '2026-03-01T00:00:00+08:00' } }),
      rule('now', 4, always, { effective: { from: '2026-03-10T12:00:00+08:00', until: '2026-03-10T12:00:01+08:00' } }),
    );
    const result = evaluateRules(set, {}, NOON);
    expect(result.decision?.ruleId).toBe('now');
    expect(result.trace.map((entry) => entry.outcome)).toEqual(['disabled', 'notYetEffective', 'expired', 'matched']);
    expect(result.trace[0].explanation).toBe('规则「规则off」（顺序 1）已停用，跳过');
    expect(result.trace[1].explanation).toContain('2026-06-01 00:00 起生效');
    expect(result.trace[2].explanation).toContain('2026-03-01 00:00 止');
    expect(result.trace[0].condition).toBeNull();
  });

  it('treats the end of the effective window as exclusive', () => {
    const set = ruleSet(rule('w', 1, always, { effective: { until: '2026-03-10T12:00:00+08:00' } }));
    expect(evaluateRules(set, {}, new Date('2026-03-10T03:59:59.999Z')).decision?.ruleId).toBe('w');
    expect(evaluateRules(set, {}, new Date('2026-03-10T04:00:00.000Z')).decision).toBeNull();
  });

  it('traces each condition with its result and the fact value seen, and stops where the result is known', () => {
    const set = ruleSet(rule('r', 1, { all: [inXuanwu, isLight, atNight] }));
    const result = evaluateRules(set, { region: '320102', category: 'JM-01', hour: 23 }, NOON);
    const condition = result.trace[0].condition as GroupConditionTrace;
    expect(condition).toMatchObject({ kind: 'all', result: false, skipped: 1 });
    const [region, category] = condition.children as FactConditionTrace[];
    expect(region).toMatchObject({ fact: 'region', seen: '320102', result: true });
    expect(category).toMatchObject({ fact: 'category', value: 'GY-01', seen: 'JM-01', result: false });
    expect(category.explanation).toBe('小类 等于 GY-01：实际为 JM-01，不成立');
    expect(result.trace[0].explanation).toBe('规则「规则r」（顺序 1）未命中：小类 等于 GY-01：实际为 JM-01，不成立');
  });

  it('explains a match by the conditions that made it, and a miss of every rule as triage', () => {
    const set = ruleSet(rule('night', 1, { all: [isLight, atNight] }, { then: { departmentCode: 'LD', priority: 'urgent' } }));
    const matched = evaluateRules(set, { category: 'GY-01', hour: 2 }, NOON);
    expect(matched.explanation).toBe(
      '规则「规则night」（顺序 1）命中：小类 等于 GY-01：实际为 GY-01，成立；上报时段 在 22:00–次日06:00：实际为 02:00，成立 → 派往 LD，优先级 紧急',
    );
    const missed = evaluateRules(set, { category: 'GY-01', hour: 12 }, NOON);
    expect(missed.decision).toBeNull();
    expect(missed.explanation).toBe('未命中任何规则（共尝试 1 条），转人工分拨');
  });

  it('records a missing fact as null and explains it as unknown', () => {
    const result = evaluateRules(ruleSet(rule('r', 1, isLight)), {}, NOON);
    expect(result.trace[0].condition).toMatchObject({ seen: null, result: false, explanation: '小类 等于 GY-01：实际为 未知，不成立' });
  });

  it('cuts long text in the trace', () => {
    const text = '这'.repeat(200);
    const result = evaluateRules(ruleSet(rule('r', 1, { fact: 'text', operator: 'contains', value: '井盖' })), { text }, NOON);
    expect(result.trace[0].condition).toMatchObject({ seen: `${'这'.repeat(40)}…` });
  });

  it('gives the same result from a compiled set, and the same result twice', () => {
    const set = ruleSet(rule('a', 2, isLight), rule('b', 1, inXuanwu));
    const facts = { category: 'GY-01', region: '320102' };
    const compiled = compileRuleSet(set);
    expect(compiled.rules.map((r) => r.rule.id)).toEqual(['b', 'a']);
    expect(JSON.stringify(evaluateRules(compiled, facts, NOON))).toBe(JSON.stringify(evaluateRules(set, facts, NOON)));
  });

  it('reports the rule set version and refuses an invalid instant', () => {
    expect(evaluateRules({ version: 7, rules: [] }, {}, NOON)).toMatchObject({ decision: null, ruleSetVersion: 7, rulesTried: 0, trace: [] });
    expect(() => evaluateRules({ version: 7, rules: [] }, {}, new Date(Number.NaN))).toThrow(RangeError);
  });

  it('serialises to plain JSON with the trace and the explanation', () => {
    const set = ruleSet(rule('off', 1, always, { enabled: false }), rule('lamp', 2, isLight));
    const result = evaluateRules(set, { category: 'GY-01' }, NOON);
    const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['decision', 'ruleSetVersion', 'rulesTried', 'trace', 'explanation']);
    expect(json).toEqual({
      decision: result.decision,
      ruleSetVersion: 1,
      rulesTried: 2,
      trace: JSON.parse(JSON.stringify(result.trace)),
      explanation: result.explanation,
    });
    expect(result.explanation).toBe(result.trace[1].explanation);
  });

  it('refuses to compile a rule set that validation would refuse', () => {
    const broken = ruleSet(rule('r', 1, { fact: 'hour', operator: 'contains', value: 3 }));
    expect(() => compileRuleSet(broken)).toThrow(TypeError);
  });
});
