import { RULE_LIMITS } from '../rule-limits';
import { parseRuleSetJson, validateRuleSet } from '../validate-rule-set.util';
import type { RuleValidationContext } from '../validation.types';

const context: RuleValidationContext = {
  departmentCodes: ['LD', 'CGJ', 'CGJ-320102'],
  categoryCodes: ['GY', 'GY-01', 'GY-02', 'JM', 'JM-01'],
  regionCodes: ['320100', '320102', '320104'],
  slaPolicyCodes: ['URGENT', 'NORMAL'],
};

const validRule = {
  id: 'lamps',
  name: '路灯',
  order: 10,
  enabled: true,
  when: { fact: 'category', operator: 'equal', value: 'GY-01' },
  then: { departmentCode: 'LD' },
};

/** The errors for a rule set made of `rule` (merged over a valid one). */
function errorsOf(rule: Record<string, unknown>, ctx: RuleValidationContext | null = context) {
  const result = validateRuleSet({ version: 1, rules: [{ ...validRule, ...rule }] }, ctx ?? undefined);
  return result.ok ? [] : result.errors;
}

const whenErrors = (when: unknown) => errorsOf({ when });

describe('validateRuleSet', () => {
  it('accepts a valid set and returns a copy that shares nothing with the input', () => {
    const input = {
      version: 3,
      rules: [
        validRule,
        {
          id: 'night-xuanwu',
          name: '玄武夜间',
          order: 20,
          enabled: false,
          when: { all: [{ fact: 'region', operator: 'in', value: ['320102'] }, { not: { fact: 'hour', operator: 'between', value: [6, 22] } }] },
          then: { departmentCode: 'CGJ-320102', slaPolicyCode: 'URGENT', priority: 'urgent', categoryCode: 'JM-01' },
          effective: { from: '2026-01-01T00:00:00+08:00', until: '2027-01-01T00:00:00+08:00' },
          note: '试行',
        },
      ],
    };
    const result = validateRuleSet(input, context);
    expect(result).toEqual({ ok: true, ruleSet: input });
    expect(result.ok && result.ruleSet.rules[0]).not.toBe(validRule);
  });

  it('refuses what is not a rule set', () => {
    for (const input of [null, 'rules', [], 42]) {
      const result = validateRuleSet(input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors[0].path).toBe('');
    }
    expect(validateRuleSet({ version: 1.5, rules: {} })).toEqual({
      ok: false,
      errors: [
        { path: 'version', message: '版本号必须是非负整数' },
        { path: 'rules', message: '「rules」必须是规则数组，实际为对象' },
      ],
    });
  });

  it('names unknown fields and missing required ones by path', () => {
    expect(validateRuleSet({ version: 1, rules: [], owner: 'x' })).toMatchObject({ ok: false, errors: [{ path: 'owner' }] });
    const { then: _then, ...withoutThen } = validRule;
    const result = validateRuleSet({ version: 1, rules: [{ ...withoutThen, priority: 1 }] });
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['rules[0].priority', 'rules[0].then']);
    expect(!result.ok && result.errors[1].message).toBe('缺少字段「then」');
    expect(errorsOf({ then: { departmentCode: 'LD', dept: 'LD' } }).map((e) => e.path)).toEqual(['rules[0].then.dept']);
    expect(whenErrors({ fact: 'category', operator: 'equal', value: 'GY-01', extra: 1 }).map((e) => e.path)).toEqual(['rules[0].when.extra']);
    expect(whenErrors({ all: [], any: [] }).map((e) => e.path)).toEqual(['rules[0].when.any']);
  });

  it('checks the types of rule fields', () => {
    const errors = errorsOf({ id: 'has space', name: '  ', order: -1, enabled: 'yes', note: 5 });
    expect(errors.map((e) => e.path)).toEqual(['rules[0].id', 'rules[0].name', 'rules[0].order', 'rules[0].enabled', 'rules[0].note']);
    expect(errorsOf({ name: '名'.repeat(RULE_LIMITS.maxNameLength + 1) })[0].message).toContain('最长');
  });

  it('refuses duplicate ids and duplicate orders, naming the first one', () => {
    const result = validateRuleSet({ version: 1, rules: [validRule, { ...validRule, order: 20 }, { ...validRule, id: 'other' }] });
    expect(!result.ok && result.errors).toEqual([
      { path: 'rules[1].id', message: '编号「lamps」与 rules[0] 重复' },
      { path: 'rules[2].order', message: '顺序「10」与 rules[0] 重复' },
    ]);
  });

  it('checks that the operator applies to the fact and the value fits both', () => {
    expect(whenErrors({ fact: 'hour', operator: 'containsAny', value: ['x'] })[0]).toMatchObject({
      path: 'rules[0].when.operator',
      message: expect.stringContaining('不能用于「上报时段」'),
    });
    expect(whenErrors({ fact: 'weather', operator: 'equal', value: 'rain' }).map((e) => e.path)).toEqual(['rules[0].when.fact']);
    expect(whenErrors({ fact: 'category', operator: 'like', value: 'GY' }).map((e) => e.path)).toEqual(['rules[0].when.operator']);
    expect(whenErrors({ fact: 'category', operator: 'equal' }).map((e) => e.path)).toEqual(['rules[0].when.value']);
    expect(whenErrors({ fact: 'hour', operator: 'equal', value: 24 })[0].message).toBe('「上报时段」的值必须是 0–23 的整数');
    expect(whenErrors({ fact: 'hour', operator: 'between', value: [22] }).map((e) => e.path)).toEqual(['rules[0].when.value']);
    expect(whenErrors({ fact: 'hour', operator: 'between', value: [6, 6] })[0].message).toContain('起止不能相同');
    expect(whenErrors({ fact: 'supporterCount', operator: 'between', value: [10, 5] })[0].message).toContain('起点必须小于终点');
    expect(whenErrors({ fact: 'priority', operator: 'equal', value: 'asap' })[0].message).toContain('urgent（紧急）');
    expect(whenErrors({ fact: 'text', operator: 'containsAny', value: ['井盖', '井盖', ''] }).map((e) => e.path)).toEqual([
      'rules[0].when.value[1]',
      'rules[0].when.value[2]',
    ]);
    expect(whenErrors({ fact: 'category', operator: 'in', value: [] })[0].message).toBe('列表不能为空');
    expect(whenErrors({ fact: 'category', operator: 'exists', value: 'yes' }).map((e) => e.path)).toEqual(['rules[0].when.value']);
    expect(whenErrors({ any: [] })[0].message).toContain('至少需要一个条件');
  });

  it('checks every code against the context when one is given', () => {
    const errors = errorsOf({
      when: {
        all: [
          { fact: 'category', operator: 'in', value: ['GY-01', 'GY-99'] },
          { fact: 'regionAncestors', operator: 'contains', value: '310000' },
          { fact: 'category', operator: 'matchesAny', value: ['JM-*', 'ZZ-*'] },
        ],
      },
      then: { departmentCode: 'GAJ', slaPolicyCode: 'FAST', categoryCode: 'GY-77' },
    });
    expect(errors).toEqual([
      { path: 'rules[0].when.all[0].value[1]', message: '未知的类别编码「GY-99」' },
      { path: 'rules[0].when.all[1].value', message: '未知的区域编码「310000」' },
      { path: 'rules[0].when.all[2].value[1]', message: '模式「ZZ-*」不匹配任何已知的类别编码' },
      { path: 'rules[0].then.departmentCode', message: '未知的部门编码「GAJ」' },
      { path: 'rules[0].then.slaPolicyCode', message: '未知的时限标准编码「FAST」' },
      { path: 'rules[0].then.categoryCode', message: '未知的类别编码「GY-77」' },
    ]);
    expect(errorsOf({ then: { departmentCode: 'GAJ' } }, null)).toEqual([]);
  });

  it('checks effective windows', () => {
    expect(errorsOf({ effective: { from: '2026-06-01' } })[0].path).toBe('rules[0].effective.from');
    expect(errorsOf({ effective: { from: '2026-06-01T00:00Z', until: '2026-05-01T00:00Z' } })[0]).toEqual({
      path: 'rules[0].effective.until',
      message: '失效时间必须晚于生效时间',
    });
    expect(errorsOf({ effective: { since: '2026-06-01T00:00Z' } })[0].path).toBe('rules[0].effective.since');
  });
});

describe('validateRuleSet on hostile input', () => {
  function nested(depth: number): unknown {
    let condition: unknown = { fact: 'category', operator: 'equal', value: 'GY-01' };
    for (let i = 0; i < depth; i++) condition = i % 2 === 0 ? { not: condition } : { all: [condition] };
    return condition;
  }

  it('refuses 1,000-deep nesting with one error instead of a stack overflow', () => {
    const errors = whenErrors(nested(1000));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe(`条件嵌套超过 ${RULE_LIMITS.maxDepth} 层`);
    expect(whenErrors(nested(RULE_LIMITS.maxDepth - 1))).toEqual([]);
  });

  it('refuses 100,000-deep nesting parsed from JSON text', () => {
    const depth = 100_000;
    const text = `{"version":1,"rules":[{"id":"a","name":"a","order":1,"enabled":true,"then":{"departmentCode":"LD"},"when":${'{"not":'.repeat(depth)}{"all":[]}${'}'.repeat(depth)}}]}`;
    const result = parseRuleSetJson(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.length).toBe(1);
  });

  it('refuses a 10 MB rule set quickly, whether as text or as a parsed object', () => {
    const manyRules = Array.from({ length: 60_000 }, (_, i) => ({ ...validRule, id: `r${i}`, order: i, note: '备注'.repeat(40) }));
    const text = JSON.stringify({ version: 1, rules: manyRules });
    expect(text.length).toBeGreaterThan(10_000_000 / 3);
    const started = Date.now();
    expect(parseRuleSetJson(text)).toEqual({
      ok: false,
      errors: [{ path: '', message: `规则集 JSON 过大（最多 ${RULE_LIMITS.maxJsonLength} 个字符）` }],
    });
    expect(validateRuleSet({ version: 1, rules: manyRules })).toEqual({
      ok: false,
      errors: [{ path: 'rules', message: `规则最多 ${RULE_LIMITS.maxRules} 条，实际 60000 条` }],
    });
    expect(validateRuleSet({ version: 1, rules: new Array(1e9) }).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses huge strings, lists and condition trees within the limits', () => {
    expect(errorsOf({ name: 'x'.repeat(10_000_000) })[0].path).toBe('rules[0].name');
    expect(whenErrors({ fact: 'text', operator: 'containsAny', value: new Array(1_000_000).fill('井盖') })[0].message).toContain(
      `最多 ${RULE_LIMITS.maxValues} 项`,
    );
    const wide = { any: Array.from({ length: 100_000 }, () => ({ fact: 'category', operator: 'equal', value: 'GY-01' })) };
    const errors = whenErrors(wide);
    expect(errors).toEqual([{ path: `rules[0].when.any[${RULE_LIMITS.maxConditionsPerRule - 1}]`, message: `一条规则最多 ${RULE_LIMITS.maxConditionsPerRule} 个条件` }]);
  });

  it('caps the number of errors it reports', () => {
    const rules = Array.from({ length: 1_000 }, () => ({ id: 1 }));
    const result = validateRuleSet({ version: 1, rules });
    expect(!result.ok && result.errors.length).toBe(RULE_LIMITS.maxErrors + 1);
    expect(!result.ok && result.errors[RULE_LIMITS.maxErrors].message).toContain('错误过多');
  });

  it('refuses objects with a prototype, __proto__ keys and cycles', () => {
    class Sneaky {
      version = 1;
      rules = [];
    }
    expect(validateRuleSet(new Sneaky()).ok).toBe(false);
    const proto = JSON.parse('{"version":1,"rules":[],"__proto__":{"polluted":true}}') as unknown;
    expect(validateRuleSet(proto)).toMatchObject({ ok: false, errors: [{ path: '__proto__' }] });
    const cyclic: { not?: unknown } = {};
    cyclic.not = cyclic;
    expect(whenErrors(cyclic)[0].message).toContain('嵌套超过');
  });

  it('refuses text that is not JSON', () => {
    expect(parseRuleSetJson('{"version":1,')).toEqual({ ok: false, errors: [{ path: '', message: '不是有效的 JSON' }] });
  });
});
