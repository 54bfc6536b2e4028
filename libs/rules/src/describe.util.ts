import { FACTS, PRIORITY_LABELS, type FactSpec } from './fact.registry';
import type { FactValue } from './fact-snapshot.util';
import { OPERATORS } from './operator.registry';
import {
  isAllCondition,
  isAnyCondition,
  isNotCondition,
  type Condition,
  type ConditionValue,
  type FactCondition,
  type RuleAction,
} from './rule.types';

/** Chinese wording of conditions, values and actions, shared by the trace and the admin editor. */

const MAX_LISTED = 8;
/** Report text in a trace is cut to this many characters: the full text is on the ticket already. */
export const TRACE_TEXT_LENGTH = 40;

function listed(items: readonly string[]): string {
  if (items.length === 0) return '（空）';
  const shown = items.slice(0, MAX_LISTED).join('、');
  return items.length > MAX_LISTED ? `${shown}等${items.length}项` : shown;
}

function describeElement(fact: FactSpec, item: string | number | boolean): string {
  switch (fact.kind) {
    case 'text':
    case 'wordList':
      return `「${String(item)}」`;
    case 'enum':
      return fact.labels[String(item)] ?? String(item);
    case 'number':
      return typeof item === 'number' ? fact.format(item) : String(item);
    case 'code':
    case 'codeList':
      return String(item);
  }
}

function describeRange(fact: FactSpec, from: number, to: number): string {
  if (fact.kind !== 'number') return `${from}–${to}`;
  if (!fact.cyclic) return `${fact.format(from)}（含）至${fact.format(to)}（不含）`;
  if (fact.name === 'weekday') {
    const last = to === fact.min ? fact.max : to - 1;
    return last === from ? fact.format(from) : `${fact.format(from)}至${fact.format(last)}`;
  }
  if (to === fact.min) return `${fact.format(from)}–24:00`;
  return from > to ? `${fact.format(from)}–次日${fact.format(to)}` : `${fact.format(from)}–${fact.format(to)}`;
}

/** `小类 等于 GY-01`, `上报时段 在 22:00–次日06:00`, `描述文字 包含任一「井盖缺失」「井盖没了」`. */
export function describeFactCondition(condition: FactCondition): string {
  const fact = FACTS[condition.fact];
  const operator = OPERATORS[condition.operator];
  const { value } = condition;
  if (!fact || !operator) return `${String(condition.fact)} ${String(condition.operator)}`;
  if (operator.name === 'exists') return `${fact.label} ${value === true ? '已知' : '未知'}`;
  return `${fact.label} ${operator.label} ${describeValue(fact, value)}`;
}

function describeValue(fact: FactSpec, value: ConditionValue): string {
  if (!Array.isArray(value)) return describeElement(fact, value as string | number | boolean);
  const items = value as readonly (string | number)[];
  if (items.length === 2 && typeof items[0] === 'number' && typeof items[1] === 'number' && fact.kind === 'number') {
    return describeRange(fact, items[0], items[1]);
  }
  const words = items.map((item) => describeElement(fact, item));
  return fact.kind === 'text' || fact.kind === 'wordList' ? words.join('') : listed(words);
}

/** The whole condition tree on one line, for the rule list. */
export function describeCondition(condition: Condition): string {
  if (isAllCondition(condition)) {
    if (condition.all.length === 0) return '无条件';
    if (condition.all.length === 1) return describeCondition(condition.all[0]);
    return `同时满足（${condition.all.map(describeCondition).join('；')}）`;
  }
  if (isAnyCondition(condition)) {
    if (condition.any.length === 1) return describeCondition(condition.any[0]);
    return `满足任一（${condition.any.map(describeCondition).join('；')}）`;
  }
  if (isNotCondition(condition)) return `排除（${describeCondition(condition.not)}）`;
  return describeFactCondition(condition);
}

/** How a fact value is shown in a trace. */
export function describeSeen(fact: FactSpec, seen: FactValue | undefined): string {
  if (seen === undefined) return '未知';
  if (typeof seen === 'object') return listed(seen.map((item) => describeElement(fact, item)));
  if (fact.kind === 'text' && typeof seen === 'string') return `「${cutText(seen)}」`;
  return describeElement(fact, seen);
}

export function cutText(text: string): string {
  return text.length > TRACE_TEXT_LENGTH ? `${text.slice(0, TRACE_TEXT_LENGTH)}…` : text;
}

/** `派往 LD，时限标准 URGENT，优先级 紧急，小类改为 GY-02` */
export function describeAction(action: RuleAction): string {
  const parts = [`派往 ${action.departmentCode}`];
  if (action.slaPolicyCode !== undefined) parts.push(`时限标准 ${action.slaPolicyCode}`);
  if (action.priority !== undefined) parts.push(`优先级 ${PRIORITY_LABELS[action.priority] ?? action.priority}`);
  if (action.categoryCode !== undefined) parts.push(`小类改为 ${action.categoryCode}`);
  return parts.join('，');
}
