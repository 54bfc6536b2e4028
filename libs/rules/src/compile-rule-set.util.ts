import { describeAction, describeFactCondition } from './describe.util';
import type { EvaluationContext } from './evaluation-context';
import { FACTS } from './fact.registry';
import { FACT_INDEX } from './fact-snapshot.util';
import { formatShanghaiDateTime, parseIsoDateTime } from './local-time.util';
import { OPERATORS } from './operator.registry';
import {
  isAllCondition,
  isAnyCondition,
  isNotCondition,
  type Condition,
  type FactCondition,
  type RoutingRule,
  type RuleSet,
} from './rule.types';
import type { ConditionTrace, RoutingDecision, RuleTraceEntry } from './trace.types';

export type ConditionEvaluator = (context: EvaluationContext) => ConditionTrace;

/** A rule ready to evaluate: its test as closures, and everything that does not depend on the facts. */
export interface CompiledRule {
  readonly rule: RoutingRule;
  /** Epoch milliseconds of the effective window, or null for an open end. */
  readonly fromMs: number | null;
  readonly untilMs: number | null;
  readonly condition: ConditionEvaluator;
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
  return {
    rule,
    fromMs,
    untilMs,
    condition: compileCondition(rule.when),
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

function compileCondition(condition: Condition): ConditionEvaluator {
  if (isAllCondition(condition)) return compileGroup('all', condition.all);
  if (isAnyCondition(condition)) return compileGroup('any', condition.any);
  if (isNotCondition(condition)) {
    const child = compileCondition(condition.not);
    return (context) => {
      const trace = child(context);
      return { kind: 'not', result: !trace.result, child: trace };
    };
  }
  return compileFactCondition(condition);
}

/** `all` stops at the first child that fails, `any` at the first that holds. */
function compileGroup(kind: 'all' | 'any', conditions: readonly Condition[]): ConditionEvaluator {
  const children = conditions.map(compileCondition);
  const stopOn = kind === 'any';
  return (context) => {
    const traces: ConditionTrace[] = [];
    for (let i = 0; i < children.length; i++) {
      const trace = children[i](context);
      traces.push(trace);
      if (trace.result === stopOn) return { kind, result: stopOn, children: traces, skipped: children.length - i - 1 };
    }
    return { kind, result: !stopOn, children: traces, skipped: 0 };
  };
}

function compileFactCondition(condition: FactCondition): ConditionEvaluator {
  const fact = FACTS[condition.fact];
  const operator = OPERATORS[condition.operator];
  if (!fact || !operator) throw new TypeError(`Unknown fact or operator in ${JSON.stringify(condition)}`);
  if (!operator.appliesTo.includes(fact.kind)) {
    throw new TypeError(`Operator ${operator.name} does not apply to fact ${fact.name}`);
  }
  const index = FACT_INDEX[fact.name];
  const test = operator.compile(condition.value, fact);
  const whenMissing = operator.holdsWhenMissing(condition.value);
  const head = `${describeFactCondition(condition)}：实际为 `;
  const { fact: factName, operator: operatorName, value } = condition;
  return (context) => {
    const seen = context.values[index];
    const result = seen === undefined ? whenMissing : test(seen);
    return {
      kind: 'fact',
      fact: factName,
      operator: operatorName,
      value,
      seen: context.tracedValue(index),
      result,
      explanation: head + context.shownValue(index) + (result ? '，成立' : '，不成立'),
    };
  };
}
