import type { FactName } from './fact.registry';
import type { OperatorName } from './operator.registry';

/**
 * A routing rule set as admins edit it and as it is stored: plain JSON, validated by validateRuleSet
 * before it is saved, evaluated by evaluateRules. `version` is the optimistic-lock counter of the draft
 * (two admins saving the same version → the second one is refused) and the revision number once published.
 */
export interface RuleSet {
  readonly version: number;
  readonly rules: readonly RoutingRule[];
}

export interface RoutingRule {
  /** Stable ASCII id (`street-lights-citywide`); traces, revisions and diffs refer to rules by it. */
  readonly id: string;
  /** Shown to admins in the list, the trace and the diff. */
  readonly name: string;
  /** Evaluation order, unique within the set: the first enabled rule whose condition holds wins. */
  readonly order: number;
  readonly enabled: boolean;
  readonly when: Condition;
  readonly then: RuleAction;
  /** Optional validity window (ISO 8601 date-times with an offset): `from` inclusive, `until` exclusive. */
  readonly effective?: RuleEffectiveWindow;
  /** Why the rule exists, for the next admin. */
  readonly note?: string;
}

export interface RuleAction {
  readonly departmentCode: string;
  /** Overrides the category's default SLA policy. */
  readonly slaPolicyCode?: string;
  readonly priority?: RulePriority;
  /** Reclassifies the report (e.g. a keyword rule for 井盖缺失 sets GY-02). */
  readonly categoryCode?: string;
}

export interface RuleEffectiveWindow {
  readonly from?: string;
  readonly until?: string;
}

export const RULE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type RulePriority = (typeof RULE_PRIORITIES)[number];

export const REPORT_SOURCES = ['app', 'open311'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

export type Condition = AllCondition | AnyCondition | NotCondition | FactCondition;

/** Holds when every child holds; `{ all: [] }` always holds (a catch-all rule). */
export interface AllCondition {
  readonly all: readonly Condition[];
}

/** Holds when at least one child holds; must have at least one child. */
export interface AnyCondition {
  readonly any: readonly Condition[];
}

export interface NotCondition {
  readonly not: Condition;
}

/**
 * One test of one fact. Which `value` shape an operator takes, and on which facts, is in the operator
 * registry; validateRuleSet checks the combination.
 */
export interface FactCondition {
  readonly fact: FactName;
  readonly operator: OperatorName;
  readonly value: ConditionValue;
}

export type ConditionValue = string | number | boolean | readonly string[] | readonly number[];

export function isAllCondition(condition: Condition): condition is AllCondition {
  return 'all' in condition;
}

export function isAnyCondition(condition: Condition): condition is AnyCondition {
  return 'any' in condition;
}

export function isNotCondition(condition: Condition): condition is NotCondition {
  return 'not' in condition;
}
