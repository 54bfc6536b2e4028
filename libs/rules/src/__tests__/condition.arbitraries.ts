import fc from 'fast-check';
import { FACT_NAMES, FACTS, type FactName } from '../fact.registry';
import { OPERATOR_NAMES, OPERATORS } from '../operator.registry';
import type { Condition, ConditionValue, FactCondition, RoutingRule, RuleSet } from '../rule.types';
import { RULE_PRIORITIES } from '../rule.types';

/** Small pools so that generated facts often meet generated conditions. */
const POOLS: Readonly<Record<FactName, readonly (string | number)[]>> = {
  category: ['GY-01', 'GY-02', 'JM-01', 'JM-05', 'HB-02', 'SR-05'],
  parentCategory: ['GY', 'JM', 'HB', 'SR'],
  region: ['320102', '320104', '320115'],
  regionAncestors: ['320100', '320102', '320104', '320115', '320115004'],
  text: ['井盖', '路灯', '噪音', '煤气', 'ktv'],
  keywords: ['井盖', '路灯', '噪音', '夜间'],
  hour: Array.from({ length: 24 }, (_, h) => h),
  weekday: [1, 2, 3, 4, 5, 6, 7],
  supporterCount: [0, 1, 2, 5, 10, 20, 50],
  priority: RULE_PRIORITIES,
  source: ['app', 'open311'],
};
const PATTERNS: Readonly<Partial<Record<FactName, readonly string[]>>> = {
  category: ['JM-*', 'GY-0*', '*-01', 'HB-02'],
  parentCategory: ['J*', 'G*', 'SR'],
  region: ['3201*', '320102', '*04'],
  regionAncestors: ['3201*', '320115*', '*100'],
};

const element = (fact: FactName) => fc.constantFrom(...POOLS[fact]);
const elements = (fact: FactName) => fc.uniqueArray(element(fact), { minLength: 1, maxLength: 4 });

function valueFor(fact: FactName, operator: (typeof OPERATOR_NAMES)[number]): fc.Arbitrary<ConditionValue> {
  const spec = FACTS[fact];
  switch (OPERATORS[operator].value) {
    case 'element':
      return element(fact);
    case 'elements':
      return elements(fact) as fc.Arbitrary<ConditionValue>;
    case 'patterns':
      return fc.uniqueArray(fc.constantFrom(...(PATTERNS[fact] ?? ['*'])), { minLength: 1, maxLength: 3 });
    case 'boolean':
      return fc.boolean();
    case 'range': {
      if (spec.kind !== 'number') throw new Error('range on a non-number fact');
      const bound = fc.integer({ min: spec.min, max: Math.min(spec.max, 60) });
      return fc
        .tuple(bound, bound)
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => (spec.cyclic ? [a, b] : [Math.min(a, b), Math.max(a, b)]));
    }
  }
}

export const factCondition: fc.Arbitrary<FactCondition> = fc.constantFrom(...FACT_NAMES).chain((fact) =>
  fc
    .constantFrom(...OPERATOR_NAMES.filter((name) => OPERATORS[name].appliesTo.includes(FACTS[fact].kind)))
    .chain((operator) => valueFor(fact, operator).map((value) => ({ fact, operator, value }))),
);

export const condition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    factCondition,
    fc.array(tie('node'), { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('node').map((not) => ({ not })),
  ),
})).node;

const window = fc.option(
  fc.record(
    {
      from: fc.constantFrom('2026-01-01T00:00:00+08:00', '2026-03-01T00:00:00Z'),
      until: fc.constantFrom('2026-06-01T00:00:00+08:00', '2027-01-01T00:00:00Z'),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

export const ruleSetArbitrary: fc.Arbitrary<RuleSet> = fc
  .array(fc.tuple(condition, fc.boolean(), window, fc.constantFrom('A', 'B', 'C')), { maxLength: 8 })
  .chain((parts) =>
    fc.shuffledSubarray(Array.from({ length: 100 }, (_, i) => i), { minLength: parts.length, maxLength: parts.length }).map((orders) => ({
      version: 1,
      rules: parts.map(([when, enabled, effective, department], i): RoutingRule => ({
        id: `r${i}`,
        name: `规则${i}`,
        order: orders[i],
        enabled,
        when,
        then: { departmentCode: department },
        ...(effective === undefined ? {} : { effective }),
      })),
    })),
  );

/** Facts drawn from the pools, with some missing, some of the wrong type, and sometimes junk. */
export const factsArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    Object.fromEntries(
      FACT_NAMES.map((fact) => {
        const kind = FACTS[fact].kind;
        const good = kind === 'codeList' || kind === 'wordList' ? fc.uniqueArray(element(fact), { maxLength: 3 }) : element(fact);
        const textual = kind === 'text' ? fc.array(element(fact), { maxLength: 3 }).map((words) => words.join('，')) : good;
        return [fact, fc.oneof(textual, fc.constant(null), fc.anything())];
      }),
    ),
    { requiredKeys: [] },
  ),
  fc.anything(),
);

export const instantArbitrary = fc.date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2027-06-01T00:00:00Z'), noInvalidDate: true });
