import { CompiledRuleSet, type CompiledRule } from './compile-rule-set.util';
import { EvaluationContext } from './evaluation-context';
import type { RoutingFacts } from './fact.registry';
import type { RuleSet } from './rule.types';
import type { ConditionTrace, EvaluationResult, RuleTraceEntry } from './trace.types';

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
 * condition holds. Disabled rules and rules outside their window are skipped and recorded; rules after
 * the match are not tried. Pure: the same rule set, facts and instant give the same result. Facts of the
 * wrong type count as missing, so this never throws for a rule set that passed validateRuleSet.
 *
 * @param at the instant that decides effective windows (pass the report's time); defaults to now.
 */
export function evaluateRules(ruleSet: RuleSet | CompiledRuleSet, facts: RoutingFacts, at: Date = new Date()): EvaluationResult {
  const now = at.getTime();
  if (!Number.isFinite(now)) throw new RangeError('evaluateRules needs a valid Date');
  const compiled = compiledOf(ruleSet);
  const context = new EvaluationContext(facts);
  const trace: RuleTraceEntry[] = [];
  for (const rule of compiled.rules) {
    const skipped = skipReason(rule, now);
    if (skipped) {
      trace.push(rule.skipped[skipped]);
      continue;
    }
    const condition = rule.condition(context);
    const { id: ruleId, name: ruleName, order } = rule.rule;
    const reasons = reasonsOf(condition);
    if (condition.result) {
      const explanation = `${rule.label}命中：${reasons}${rule.matchedSuffix}`;
      trace.push({ ruleId, ruleName, order, outcome: 'matched', condition, explanation });
      return { decision: rule.decision, ruleSetVersion: compiled.version, trace, explanation };
    }
    trace.push({ ruleId, ruleName, order, outcome: 'notMatched', condition, explanation: `${rule.label}未命中：${reasons}` });
  }
  return {
    decision: null,
    ruleSetVersion: compiled.version,
    trace,
    explanation: `未命中任何规则（共尝试 ${trace.length} 条），转人工分拨`,
  };
}

function skipReason(rule: CompiledRule, now: number): 'disabled' | 'notYetEffective' | 'expired' | null {
  if (!rule.rule.enabled) return 'disabled';
  if (rule.fromMs !== null && now < rule.fromMs) return 'notYetEffective';
  if (rule.untilMs !== null && now >= rule.untilMs) return 'expired';
  return null;
}

const MAX_REASONS = 3;

/** The fact tests that decided a condition's result, joined for the rule's one-line explanation. */
function reasonsOf(condition: ConditionTrace): string {
  const reasons: string[] = [];
  collectReasons(condition, false, reasons);
  if (reasons.length === 0) return '无条件';
  const shown = reasons.slice(0, MAX_REASONS).join('；');
  return reasons.length > MAX_REASONS ? `${shown}；等` : shown;
}

function collectReasons(condition: ConditionTrace, negated: boolean, out: string[]): void {
  if (out.length > MAX_REASONS) return;
  switch (condition.kind) {
    case 'fact':
      out.push(negated ? `排除条件 ${condition.explanation}` : condition.explanation);
      return;
    case 'not':
      collectReasons(condition.child, !negated, out);
      return;
    case 'all':
    case 'any': {
      // All-true and any-false need every child; all-false and any-true are decided by the last one tried.
      const { children } = condition;
      const everyChild = (condition.kind === 'all') === condition.result;
      for (let i = everyChild ? 0 : children.length - 1; i < children.length; i++) collectReasons(children[i], negated, out);
    }
  }
}
