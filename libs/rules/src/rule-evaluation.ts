import { skipReasonAt, type CompiledRule, type CompiledRuleSet } from './compile-rule-set.util';
import { EvaluationContext } from './evaluation-context';
import type { FactValue } from './fact-snapshot.util';
import type { ConditionTrace, EvaluationResult, RoutingDecision, RuleTraceEntry } from './trace.types';

/**
 * The result of evaluateRules. The decision is made without building anything; the trace and the
 * explanation are built on first read by evaluating the same rules again with recording on, which
 * gives exactly the same path because evaluation is pure. JSON.stringify includes both.
 */
export class RuleEvaluation implements EvaluationResult {
  readonly decision: RoutingDecision | null;
  readonly ruleSetVersion: number;
  readonly rulesTried: number;
  readonly #compiled: CompiledRuleSet;
  readonly #values: readonly (FactValue | undefined)[];
  readonly #now: number;
  readonly #matched: CompiledRule | null;
  #context: EvaluationContext | null = null;
  #trace: readonly RuleTraceEntry[] | null = null;
  #explanation: string | null = null;

  constructor(compiled: CompiledRuleSet, values: readonly (FactValue | undefined)[], now: number, matched: CompiledRule | null, rulesTried: number) {
    this.#compiled = compiled;
    this.#values = values;
    this.#now = now;
    this.#matched = matched;
    this.decision = matched?.decision ?? null;
    this.ruleSetVersion = compiled.version;
    this.rulesTried = rulesTried;
  }

  get trace(): readonly RuleTraceEntry[] {
    if (this.#trace === null) {
      const context = this.#contextOf();
      const trace: RuleTraceEntry[] = [];
      for (let i = 0; i < this.rulesTried; i++) trace.push(traceRule(this.#compiled.rules[i], context, this.#now));
      this.#trace = trace;
    }
    return this.#trace;
  }

  get explanation(): string {
    if (this.#explanation === null) {
      const matched = this.#matched;
      this.#explanation = matched
        ? (this.#trace?.[this.rulesTried - 1] ?? traceRule(matched, this.#contextOf(), this.#now)).explanation
        : `未命中任何规则（共尝试 ${this.rulesTried} 条），转人工分拨`;
    }
    return this.#explanation;
  }

  toJSON(): EvaluationResult {
    return {
      decision: this.decision,
      ruleSetVersion: this.ruleSetVersion,
      rulesTried: this.rulesTried,
      trace: this.trace,
      explanation: this.explanation,
    };
  }

  #contextOf(): EvaluationContext {
    this.#context ??= new EvaluationContext(this.#values);
    return this.#context;
  }
}

function traceRule(rule: CompiledRule, context: EvaluationContext, now: number): RuleTraceEntry {
  const skipped = skipReasonAt(rule, now);
  if (skipped) return rule.skipped[skipped];
  const condition = rule.trace(context);
  const { id: ruleId, name: ruleName, order } = rule.rule;
  const reasons = reasonsOf(condition);
  return condition.result
    ? { ruleId, ruleName, order, outcome: 'matched', condition, explanation: `${rule.label}命中：${reasons}${rule.matchedSuffix}` }
    : { ruleId, ruleName, order, outcome: 'notMatched', condition, explanation: `${rule.label}未命中：${reasons}` };
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
