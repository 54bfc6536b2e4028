import { canonicalJson, diffRuleSets } from '../diff-rule-sets.util';
import type { RuleSet } from '../rule.types';
import { rule } from './rule.fixtures';

const lamp = rule('lamp', 10, { fact: 'category', operator: 'equal', value: 'GY-01' }, { then: { departmentCode: 'LD' } });
const noise = rule('noise', 20, { fact: 'category', operator: 'equal', value: 'HB-02' });
const gas = rule('gas', 5, { fact: 'text', operator: 'containsAny', value: ['煤气味'] });

describe('diffRuleSets', () => {
  it('lists added, removed and changed rules with the changed fields', () => {
    const before: RuleSet = { version: 4, rules: [lamp, noise] };
    const after: RuleSet = {
      version: 5,
      rules: [
        gas,
        {
          ...lamp,
          enabled: false,
          then: { departmentCode: 'SZYH', priority: 'urgent' },
          effective: { until: '2027-01-01T00:00:00+08:00' },
        },
      ],
    };
    const diff = diffRuleSets(before, after);
    expect(diff).toMatchObject({ fromVersion: 4, toVersion: 5, identical: false, summary: '新增 1 条、删除 1 条、修改 1 条规则' });
    expect(diff.added.map((r) => r.id)).toEqual(['gas']);
    expect(diff.removed.map((r) => r.id)).toEqual(['noise']);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0].changes).toEqual([
      { field: 'enabled', label: '启用', before: true, after: false },
      { field: 'then.departmentCode', label: '派往部门', before: 'LD', after: 'SZYH' },
      { field: 'then.priority', label: '优先级', before: null, after: 'urgent' },
      { field: 'effective.until', label: '失效时间', before: null, after: '2027-01-01T00:00:00+08:00' },
    ]);
  });

  it('sees a changed condition but not a reordering of keys', () => {
    const reKeyed = { ...lamp, when: { value: 'GY-01', operator: 'equal', fact: 'category' } } as typeof lamp;
    expect(diffRuleSets({ version: 1, rules: [lamp] }, { version: 2, rules: [reKeyed] })).toMatchObject({
      identical: true,
      summary: '规则没有变化',
    });
    const changed = { ...lamp, when: { fact: 'category', operator: 'equal', value: 'GY-02' } } as typeof lamp;
    const diff = diffRuleSets({ version: 1, rules: [lamp] }, { version: 2, rules: [changed] });
    expect(diff.changed[0].changes.map((c) => c.field)).toEqual(['when']);
  });

  it('reports a move in the order as a change of order', () => {
    const diff = diffRuleSets({ version: 1, rules: [lamp, noise] }, { version: 2, rules: [{ ...lamp, order: 30 }, noise] });
    expect(diff.changed.map((c) => [c.id, c.changes.map((x) => [x.field, x.before, x.after])])).toEqual([['lamp', [['order', 10, 30]]]]);
  });

  it('writes canonical JSON with sorted keys', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x', z: undefined })).toBe('{"a":"x","b":[1,{"c":2,"d":1}]}');
  });
});
