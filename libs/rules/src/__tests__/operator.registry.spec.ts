import { evaluateRules } from '../evaluate-rules.util';
import type { RoutingFacts } from '../fact.registry';
import type { FactCondition } from '../rule.types';
import { NOON, rule, ruleSet } from './rule.fixtures';

/** Whether one fact condition holds for the facts, through the public evaluator. */
function holds(condition: FactCondition, facts: RoutingFacts): boolean {
  return evaluateRules(ruleSet(rule('r', 1, condition)), facts, NOON).decision !== null;
}

describe('operators', () => {
  it('equal / notEqual compare codes, enums and numbers', () => {
    expect(holds({ fact: 'category', operator: 'equal', value: 'GY-01' }, { category: 'GY-01' })).toBe(true);
    expect(holds({ fact: 'category', operator: 'equal', value: 'GY-01' }, { category: 'GY-02' })).toBe(false);
    expect(holds({ fact: 'priority', operator: 'equal', value: 'urgent' }, { priority: 'urgent' })).toBe(true);
    expect(holds({ fact: 'supporterCount', operator: 'equal', value: 3 }, { supporterCount: 3 })).toBe(true);
    expect(holds({ fact: 'source', operator: 'notEqual', value: 'open311' }, { source: 'app' })).toBe(true);
    expect(holds({ fact: 'source', operator: 'notEqual', value: 'open311' }, { source: 'open311' })).toBe(false);
  });

  it('in / notIn test membership', () => {
    const inStreetOrder: FactCondition = { fact: 'category', operator: 'in', value: ['JM-01', 'JM-02'] };
    expect(holds(inStreetOrder, { category: 'JM-02' })).toBe(true);
    expect(holds(inStreetOrder, { category: 'JM-03' })).toBe(false);
    expect(holds({ fact: 'weekday', operator: 'in', value: [6, 7] }, { weekday: 7 })).toBe(true);
    expect(holds({ fact: 'region', operator: 'notIn', value: ['320102'] }, { region: '320104' })).toBe(true);
    expect(holds({ fact: 'region', operator: 'notIn', value: ['320102'] }, { region: '320102' })).toBe(false);
  });

  it('contains finds a word in the text and a member in a list', () => {
    expect(holds({ fact: 'text', operator: 'contains', value: '井盖' }, { text: '路口井盖松动' })).toBe(true);
    expect(holds({ fact: 'text', operator: 'contains', value: '井盖' }, { text: '路灯不亮' })).toBe(false);
    expect(holds({ fact: 'regionAncestors', operator: 'contains', value: '320102' }, { regionAncestors: ['320100', '320102'] })).toBe(true);
    expect(holds({ fact: 'keywords', operator: 'contains', value: '噪音' }, { keywords: ['夜间', '噪音'] })).toBe(true);
  });

  it('containsAny needs one of the words, containsAll every one', () => {
    const anyWord: FactCondition = { fact: 'text', operator: 'containsAny', value: ['井盖缺失', '井盖没了'] };
    expect(holds(anyWord, { text: '小区门口的井盖没了' })).toBe(true);
    expect(holds(anyWord, { text: '井盖松动有响声' })).toBe(false);
    const allWords: FactCondition = { fact: 'text', operator: 'containsAll', value: ['电梯', '困人'] };
    expect(holds(allWords, { text: '3号楼电梯困人了' })).toBe(true);
    expect(holds(allWords, { text: '电梯坏了' })).toBe(false);
    expect(holds({ fact: 'regionAncestors', operator: 'containsAny', value: ['320104', '320105'] }, { regionAncestors: ['320100', '320105'] })).toBe(true);
  });

  it('matches words regardless of letter case and full-width forms', () => {
    expect(holds({ fact: 'text', operator: 'contains', value: 'ＫＴＶ' }, { text: '楼下ktv太吵' })).toBe(true);
    expect(holds({ fact: 'text', operator: 'contains', value: 'ktv' }, { text: '楼下KTV太吵' })).toBe(true);
  });

  it('matchesAny matches whole codes against * patterns', () => {
    const streetOrder: FactCondition = { fact: 'category', operator: 'matchesAny', value: ['JM-*', 'SR-0*'] };
    expect(holds(streetOrder, { category: 'JM-09' })).toBe(true);
    expect(holds(streetOrder, { category: 'SR-05' })).toBe(true);
    expect(holds(streetOrder, { category: 'GY-01' })).toBe(false);
    expect(holds(streetOrder, { category: 'XJM-01' })).toBe(false);
    expect(holds({ fact: 'category', operator: 'matchesAny', value: ['*-0*1'] }, { category: 'GY-01' })).toBe(true);
    expect(holds({ fact: 'category', operator: 'matchesAny', value: ['G*Y*Y'] }, { category: 'GY' })).toBe(false);
    expect(holds({ fact: 'regionAncestors', operator: 'matchesAny', value: ['320115*'] }, { regionAncestors: ['320100', '320115004'] })).toBe(true);
  });

  it('greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual compare numbers', () => {
    const facts = { supporterCount: 20 };
    expect(holds({ fact: 'supporterCount', operator: 'greaterThan', value: 19 }, facts)).toBe(true);
    expect(holds({ fact: 'supporterCount', operator: 'greaterThan', value: 20 }, facts)).toBe(false);
    expect(holds({ fact: 'supporterCount', operator: 'greaterThanOrEqual', value: 20 }, facts)).toBe(true);
    expect(holds({ fact: 'supporterCount', operator: 'lessThan', value: 20 }, facts)).toBe(false);
    expect(holds({ fact: 'supporterCount', operator: 'lessThanOrEqual', value: 20 }, facts)).toBe(true);
  });

  it('between includes its start, excludes its end, and wraps midnight on hours', () => {
    const night: FactCondition = { fact: 'hour', operator: 'between', value: [22, 6] };
    const nightHours = Array.from({ length: 24 }, (_, hour) => hour).filter((hour) => holds(night, { hour }));
    expect(nightHours).toEqual([0, 1, 2, 3, 4, 5, 22, 23]);
    const office: FactCondition = { fact: 'hour', operator: 'between', value: [9, 17] };
    expect(Array.from({ length: 24 }, (_, hour) => hour).filter((hour) => holds(office, { hour }))).toEqual([
      9, 10, 11, 12, 13, 14, 15, 16,
    ]);
    const weekend: FactCondition = { fact: 'weekday', operator: 'between', value: [6, 1] };
    expect([1, 2, 3, 4, 5, 6, 7].filter((weekday) => holds(weekend, { weekday }))).toEqual([6, 7]);
    const crowd: FactCondition = { fact: 'supporterCount', operator: 'between', value: [5, 10] };
    expect([4, 5, 9, 10].map((supporterCount) => holds(crowd, { supporterCount }))).toEqual([false, true, true, false]);
  });

  it('exists tells a known fact from a missing one', () => {
    expect(holds({ fact: 'category', operator: 'exists', value: true }, { category: 'GY-01' })).toBe(true);
    expect(holds({ fact: 'category', operator: 'exists', value: true }, { category: null })).toBe(false);
    expect(holds({ fact: 'category', operator: 'exists', value: false }, {})).toBe(true);
  });

  it('does not hold any test on a missing or wrongly typed fact', () => {
    expect(holds({ fact: 'category', operator: 'notEqual', value: 'GY-01' }, {})).toBe(false);
    expect(holds({ fact: 'region', operator: 'notIn', value: ['320102'] }, { region: null })).toBe(false);
    const wrong = { supporterCount: '30', hour: Number.NaN } as unknown as RoutingFacts;
    expect(holds({ fact: 'supporterCount', operator: 'lessThan', value: 100 }, wrong)).toBe(false);
    expect(holds({ fact: 'hour', operator: 'between', value: [22, 6] }, wrong)).toBe(false);
  });
});
