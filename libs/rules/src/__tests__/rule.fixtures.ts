import type { Condition, RoutingRule, RuleSet } from '../rule.types';

/** A minimal enabled rule; tests override what they are about. */
export function rule(id: string, order: number, when: Condition, overrides: Partial<RoutingRule> = {}): RoutingRule {
  return { id, name: `规则${id}`, order, enabled: true, when, then: { departmentCode: `DEPT-${id}` }, ...overrides };
}

export function ruleSet(...rules: RoutingRule[]): RuleSet {
  return { version: 1, rules };
}

export const NOON = new Date('2026-03-10T12:00:00+08:00');
