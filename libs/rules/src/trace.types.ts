import type { FactName } from './fact.registry';
import type { FactValue } from './fact-snapshot.util';
import type { OperatorName } from './operator.registry';
import type { ConditionValue, RulePriority } from './rule.types';

/**
 * The explanation of one evaluation, stored on the dispatch event and shown to admins
 * ("为什么派给这个部门"). Plain JSON: data for the UI plus a Chinese line per rule and per fact test.
 */
export type ConditionTrace = GroupConditionTrace | NotConditionTrace | FactConditionTrace;

export interface GroupConditionTrace {
  readonly kind: 'all' | 'any';
  readonly result: boolean;
  /** The children that were evaluated, in order; evaluation stops once the result is known. */
  readonly children: readonly ConditionTrace[];
  /** How many children were not evaluated because the result was already known. */
  readonly skipped: number;
}

export interface NotConditionTrace {
  readonly kind: 'not';
  readonly result: boolean;
  readonly child: ConditionTrace;
}

export interface FactConditionTrace {
  readonly kind: 'fact';
  readonly fact: FactName;
  readonly operator: OperatorName;
  readonly value: ConditionValue;
  /** The fact value the test saw (text cut to its first characters), or null when the fact was missing. */
  readonly seen: FactValue | null;
  readonly result: boolean;
  /** e.g. `小类 等于 GY-01：实际为 GY-01，成立` */
  readonly explanation: string;
}

/**
 * `matched` / `notMatched`: the condition was evaluated. `disabled`, `notYetEffective`, `expired`: the
 * rule was skipped without evaluating it.
 */
export type RuleOutcome = 'matched' | 'notMatched' | 'disabled' | 'notYetEffective' | 'expired';

export interface RuleTraceEntry {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly order: number;
  readonly outcome: RuleOutcome;
  /** Null when the rule was skipped. */
  readonly condition: ConditionTrace | null;
  readonly explanation: string;
}

export interface RoutingDecision {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly departmentCode: string;
  /** Null: the category's default policy applies. */
  readonly slaPolicyCode: string | null;
  /** Null: the rule leaves the priority as it was. */
  readonly priority: RulePriority | null;
  /** Null: the report keeps its category. */
  readonly categoryCode: string | null;
}

export interface EvaluationResult {
  /** Null when no rule matched: the report goes to manual triage (人工分拨). */
  readonly decision: RoutingDecision | null;
  readonly ruleSetVersion: number;
  /** Rules tried, skipped ones included: the trace's length. */
  readonly rulesTried: number;
  /** One entry per rule tried, in evaluation order, up to and including the match. */
  readonly trace: readonly RuleTraceEntry[];
  /** One Chinese line summing up the outcome. */
  readonly explanation: string;
}
