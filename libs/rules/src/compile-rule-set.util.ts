import { compileCondition, type ConditionTest, type ConditionTracer } from './compile-condition.util';
import { describeAction } from './describe.util';
import { formatShanghaiDateTime, parseIsoDateTime } from './local-time.util';
import { FACTS } from './fact.registry';
import { FACT_INDEX } from './fact-snapshot.util';
import { isAllCondition, isAnyCondition, isNotCondition, type Condition, type RoutingRule, type RuleSet } from './rule.types';
import type { RoutingDecision, RuleTraceEntry } from './trace.types';

/** A rule ready to evaluate: its test as closures, and everything that does not depend on the facts. */
export interface CompiledRule {
  readonly rule: RoutingRule;
  /** Epoch milliseconds of the effective window, or null for an open end. */
  readonly fromMs: number | null;
  readonly untilMs: number | null;
  /** A necessary condition checked inline before `test`, or null. */
  readonly guard: RuleGuard | null;
  readonly test: ConditionTest;
  readonly trace: ConditionTracer;
  readonly decision: RoutingDecision;
  /** `规则「…」（顺序 10）` */
  readonly label: string;
  readonly matchedSuffix: string;
  readonly skipped: Readonly<Record<'disabled' | 'notYetEffective' | 'expired', RuleTraceEntry>>;
}

/**
 * A rule set prepared for evaluation: rules sorted by order, operator values pre-processed (sets,
 * lower-cased words, glob matchers), explanation texts prepared. Build it once per published revision
 * and evaluate many reports against it; evaluateRules also caches it per RuleSet object.
 */
export class CompiledRuleSet {
  private constructor(
    readonly ruleSet: RuleSet,
    readonly rules: readonly CompiledRule[],
  ) {}

  get version(): number {
    return this.ruleSet.version;
  }

  /** Throws a TypeError on input that validateRuleSet would refuse; never on a validated rule set. */
  static compile(ruleSet: RuleSet): CompiledRuleSet {
    const sorted = ruleSet.rules
      .map((rule, index) => ({ rule, index }))
      .sort((a, b) => a.rule.order - b.rule.order || a.index - b.index)
      .map(({ rule }) => compileRule(rule));
    return new CompiledRuleSet(ruleSet, sorted);
  }
}

export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  return CompiledRuleSet.compile(ruleSet);
}

function boundOf(text: string | undefined, field: string, rule: RoutingRule): number | null {
  if (text === undefined) return null;
  const ms = parseIsoDateTime(text);
  if (ms === null) throw new TypeError(`Rule ${rule.id}: effective.${field} is not an ISO date-time with an offset`);
  return ms;
}

function compileRule(rule: RoutingRule): CompiledRule {
  const fromMs = boundOf(rule.effective?.from, 'from', rule);
  const untilMs = boundOf(rule.effective?.until, 'until', rule);
  const label = `规则「${rule.name}」（顺序 ${rule.order}）`;
  const skippedEntry = (outcome: RuleTraceEntry['outcome'], why: string): RuleTraceEntry =>
    Object.freeze({ ruleId: rule.id, ruleName: rule.name, order: rule.order, outcome, condition: null, explanation: label + why });
  const { then } = rule;
  const { test, trace } = compileCondition(rule.when);
  return {
    rule,
    fromMs,
    untilMs,
    guard: guardOf(rule.when),
    test,
    trace,
    decision: Object.freeze({
      ruleId: rule.id,
      ruleName: rule.name,
      departmentCode: then.departmentCode,
      slaPolicyCode: then.slaPolicyCode ?? null,
      priority: then.priority ?? null,
      categoryCode: then.categoryCode ?? null,
    }),
    label,
    matchedSuffix: ` → ${describeAction(then)}`,
    skipped: {
      disabled: skippedEntry('disabled', '已停用，跳过'),
      notYetEffective: skippedEntry(
        'notYetEffective',
        `尚未生效（${fromMs === null ? '' : formatShanghaiDateTime(new Date(fromMs))} 起生效），跳过`,
      ),
      expired: skippedEntry(
        'expired',
        `已过生效期（${untilMs === null ? '' : formatShanghaiDateTime(new Date(untilMs))} 止），跳过`,
      ),
    },
  };
}

/**
 * `fact ∈ members`, taken from an `equal`/`in` test on a code, enum or number fact that the rule's
 * condition requires (the condition itself, or a direct child of its top-level `all`). Evaluation checks
 * it inline with one set lookup, so most rules that cannot match cost no closure call at all.
 */
export interface RuleGuard {
  readonly index: number;
  readonly members: ReadonlySet<string | number>;
}

function guardOf(when: Condition): RuleGuard | null {
  let best: RuleGuard | null = null;
  for (const conjunct of isAllCondition(when) ? when.all : [when]) {
    if (isAllCondition(conjunct) || isAnyCondition(conjunct) || isNotCondition(conjunct)) continue;
    if (conjunct.operator !== 'equal' && conjunct.operator !== 'in') continue;
    const kind = FACTS[conjunct.fact]?.kind;
    if (kind !== 'code' && kind !== 'enum' && kind !== 'number') continue;
    const { value } = conjunct;
    const members = new Set<string | number>(Array.isArray(value) ? (value as readonly (string | number)[]) : [value as string | number]);
    if (!best || members.size < best.members.size) best = { index: FACT_INDEX[conjunct.fact], members };
  }
  return best;
}

/** Why a rule is not evaluated at `now` (epoch ms), or null when it is. */
export function skipReasonAt(rule: CompiledRule, now: number): 'disabled' | 'notYetEffective' | 'expired' | null {
  if (!rule.rule.enabled) return 'disabled';
  if (rule.fromMs !== null && now < rule.fromMs) return 'notYetEffective';
  if (rule.untilMs !== null && now >= rule.untilMs) return 'expired';
  return null;
}
