import { CompiledRuleSet, skipReasonAt, type CompiledRule } from './compile-rule-set.util';
import type { RoutingFacts } from './fact.registry';
import { snapshotFacts } from './fact-snapshot.util';
import { RuleEvaluation } from './rule-evaluation';
import type { RuleSet } from './rule.types';
import type { EvaluationResult } from './trace.types';

const compiledSets = new WeakMap<RuleSet, CompiledRuleSet>();

/** The compiled form of a rule set, built once per RuleSet object (rule sets are treated as immutable). */
function compiledOf(ruleSet: RuleSet | CompiledRuleSet): CompiledRuleSet {
  if (ruleSet instanceof CompiledRuleSet) return ruleSet;
  let compiled = compiledSets.get(ruleSet);
  if (!compiled) {
    compiled = CompiledRuleSet.compile(ruleSet);
    compiledSets.set(ruleSet, compiled);
  }
  return compiled;
}

/**
 * Routes one report: the first enabled rule, by ascending `order`, that is effective at `at` and whose
 * condition holds. Disabled rules and rules outside their window are skipped and recorded in the trace;
 * rules after the match are not tried. Pure: the same rule set, facts and instant give the same result.
 * Facts of the wrong type count as missing, so this never throws for a rule set that passed
 * validateRuleSet. The trace and explanation are built when first read (see RuleEvaluation).
 *
 * @param at the instant that decides effective windows (pass the report's time); defaults to now.
 */
export function evaluateRules(ruleSet: RuleSet | CompiledRuleSet, facts: RoutingFacts, at: Date = new Date()): EvaluationResult {
  const now = at.getTime();
  if (!Number.isFinite(now)) throw new RangeError('evaluateRules needs a valid Date');
  const compiled = compiledOf(ruleSet);
  const values = snapshotFacts(facts);
  const { rules } = compiled;
  let matched: CompiledRule | null = null;
  let tried = 0;
  while (tried < rules.length) {
    const rule = rules[tried++];
    const { guard } = rule;
    if (guard !== null) {
      const seen = values[guard.index];
      if (seen === undefined || typeof seen === 'object' || !guard.members.has(seen)) continue;
    }
    if (skipReasonAt(rule, now) === null && rule.test(values)) {
      matched = rule;
      break;
    }
  }
  return new RuleEvaluation(compiled, values, now, matched, tried);
}
