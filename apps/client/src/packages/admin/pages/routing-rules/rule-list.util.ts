import { describeAction, describeCondition, type RoutingRule, type RuleEffectiveWindow } from '@ssp/rules';
import type { DepartmentOption } from '@ssp/contracts';
import { formatDateTime } from '@/utils/time.util';

/** Orders are renumbered 10, 20, 30… after every move, so a rule inserted later fits between two. */
const ORDER_STEP = 10;

export function renumbered(rules: readonly RoutingRule[]): RoutingRule[] {
  return rules.map((rule, index) => (rule.order === (index + 1) * ORDER_STEP ? rule : { ...rule, order: (index + 1) * ORDER_STEP }));
}

export function sortedByOrder(rules: readonly RoutingRule[]): RoutingRule[] {
  return [...rules].sort((a, b) => a.order - b.order);
}

/** Swaps a rule with its neighbour above (-1) or below (+1). */
export function moved(rules: readonly RoutingRule[], index: number, step: -1 | 1): RoutingRule[] {
  const target = index + step;
  if (target < 0 || target >= rules.length) return [...rules];
  const next = [...rules];
  [next[index], next[target]] = [next[target], next[index]];
  return renumbered(next);
}

/** A fresh ASCII id the server accepts and no other rule has. */
export function newRuleId(rules: readonly RoutingRule[], now = Date.now()): string {
  const taken = new Set(rules.map((rule) => rule.id));
  let id = `rule-${now.toString(36)}`;
  for (let n = 2; taken.has(id); n++) id = `rule-${now.toString(36)}-${n}`;
  return id;
}

export function newRule(rules: readonly RoutingRule[]): RoutingRule {
  const last = rules.reduce((max, rule) => Math.max(max, rule.order), 0);
  return {
    id: newRuleId(rules),
    name: '',
    order: last + ORDER_STEP,
    enabled: true,
    when: { all: [] },
    then: { departmentCode: '' },
  };
}

export function departmentName(departments: readonly DepartmentOption[], code: string): string {
  return departments.find((department) => department.code === code)?.name ?? code;
}

/** `小类 等于 GY-01 → 派往 市政设施综合养护管理中心` */
export function ruleSummary(rule: RoutingRule, departments: readonly DepartmentOption[]): string {
  const action = describeAction(rule.then).replace(`派往 ${rule.then.departmentCode}`, `派往 ${departmentName(departments, rule.then.departmentCode)}`);
  return `${describeCondition(rule.when)} → ${action}`;
}

export function windowText(effective: RuleEffectiveWindow | undefined): string | null {
  if (!effective || (!effective.from && !effective.until)) return null;
  if (effective.from && effective.until) return `${formatDateTime(effective.from)} 至 ${formatDateTime(effective.until)}`;
  return effective.from ? `${formatDateTime(effective.from)} 起` : `至 ${formatDateTime(effective.until ?? '')} 止`;
}
