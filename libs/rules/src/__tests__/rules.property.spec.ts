import fc from 'fast-check';
import { evaluateRules } from '../evaluate-rules.util';
import type { RoutingFacts } from '../fact.registry';
import type { RuleSet } from '../rule.types';
import { validateRuleSet } from '../validate-rule-set.util';
import { condition, factsArbitrary, instantArbitrary, ruleSetArbitrary } from './condition.arbitraries';
import { rule, ruleSet } from './rule.fixtures';

const asFacts = (facts: unknown) => facts as RoutingFacts;
const byOrder = (set: RuleSet) => [...set.rules].sort((a, b) => a.order - b.order);

describe('rule evaluation properties', () => {
  it('generated rule sets are valid', () => {
    fc.assert(
      fc.property(ruleSetArbitrary, (set) => {
        const result = validateRuleSet(set);
        expect(result.ok ? [] : result.errors).toEqual([]);
      }),
    );
  });

  it('never throws on a valid rule set and arbitrary facts, and traces exactly the rules tried', () => {
    fc.assert(
      fc.property(ruleSetArbitrary, factsArbitrary, instantArbitrary, (set, facts, at) => {
        const { decision, trace, rulesTried } = evaluateRules(set, asFacts(facts), at);
        const ordered = byOrder(set);
        const tried = decision ? ordered.findIndex((r) => r.id === decision.ruleId) + 1 : ordered.length;
        expect(rulesTried).toBe(tried);
        expect(trace.map((entry) => entry.ruleId)).toEqual(ordered.slice(0, tried).map((r) => r.id));
        // The trace is recorded by a second, tracing pass: it must agree with the decision.
        expect(trace.filter((entry) => entry.outcome === 'matched').map((entry) => entry.ruleId)).toEqual(decision ? [decision.ruleId] : []);
        expect(trace.every((entry, i) => entry.outcome !== 'matched' || i === tried - 1)).toBe(true);
      }),
    );
  });

  it('decides by the first enabled, effective rule by order whose condition holds on its own', () => {
    fc.assert(
      fc.property(ruleSetArbitrary, factsArbitrary, instantArbitrary, (set, facts, at) => {
        const alone = (r: RuleSet['rules'][number]) =>
          evaluateRules({ version: 1, rules: [r] }, asFacts(facts), at).decision !== null;
        const expected = byOrder(set).find(alone);
        expect(evaluateRules(set, asFacts(facts), at).decision?.ruleId ?? null).toBe(expected?.id ?? null);
      }),
    );
  });

  it('does not depend on the position of rules in the list', () => {
    fc.assert(
      fc.property(ruleSetArbitrary, factsArbitrary, instantArbitrary, (set, facts, at) => {
        const reversed = { ...set, rules: [...set.rules].reverse() };
        expect(JSON.stringify(evaluateRules(reversed, asFacts(facts), at))).toBe(JSON.stringify(evaluateRules(set, asFacts(facts), at)));
      }),
    );
  });

  it('treats not(not(c)) as c and not(c) as the opposite of c', () => {
    const at = new Date('2026-03-10T12:00:00+08:00');
    fc.assert(
      fc.property(condition, factsArbitrary, (c, facts) => {
        const evaluate = (when: typeof c) => evaluateRules(ruleSet(rule('r', 1, when)), asFacts(facts), at);
        const holds = (when: typeof c) => evaluate(when).decision !== null;
        expect(holds({ not: { not: c } })).toBe(holds(c));
        expect(holds({ not: c })).toBe(!holds(c));
        expect(evaluate({ not: c }).trace[0].condition?.result).toBe(!holds(c));
      }),
    );
  });

  it('is deterministic and leaves its inputs untouched', () => {
    fc.assert(
      fc.property(ruleSetArbitrary, factsArbitrary, instantArbitrary, (set, facts, at) => {
        const snapshot = JSON.stringify([set, facts ?? null]);
        const first = JSON.stringify(evaluateRules(set, asFacts(facts), at));
        expect(JSON.stringify(evaluateRules(set, asFacts(facts), at))).toBe(first);
        expect(JSON.stringify([set, facts ?? null])).toBe(snapshot);
      }),
    );
  });
});
