import type { RoutingRule, RuleSet } from './rule.types';

/** What changed between two revisions of a rule set, rule by rule (rules are matched by id). */
export interface RuleSetDiff {
  readonly fromVersion: number;
  readonly toVersion: number;
  /** In the new set's order. */
  readonly added: readonly RoutingRule[];
  /** In the old set's order. */
  readonly removed: readonly RoutingRule[];
  /** In the new set's order. */
  readonly changed: readonly ChangedRule[];
  readonly identical: boolean;
  /** `新增 1 条、删除 0 条、修改 2 条规则` */
  readonly summary: string;
}

export interface ChangedRule {
  readonly id: string;
  readonly before: RoutingRule;
  readonly after: RoutingRule;
  readonly changes: readonly RuleFieldChange[];
}

export interface RuleFieldChange {
  /** `name`, `when`, `then.departmentCode`, `effective.until` … */
  readonly field: RuleField;
  /** Chinese name of the field. */
  readonly label: string;
  /** Null when the field was absent. */
  readonly before: unknown;
  readonly after: unknown;
}

const FIELDS = {
  name: '名称',
  order: '顺序',
  enabled: '启用',
  when: '条件',
  'then.departmentCode': '派往部门',
  'then.slaPolicyCode': '时限标准',
  'then.priority': '优先级',
  'then.categoryCode': '改派小类',
  'effective.from': '生效时间',
  'effective.until': '失效时间',
  note: '备注',
} as const;
export type RuleField = keyof typeof FIELDS;

function fieldValue(rule: RoutingRule, field: RuleField): unknown {
  switch (field) {
    case 'name':
    case 'order':
    case 'enabled':
    case 'when':
    case 'note':
      return rule[field] ?? null;
    case 'then.departmentCode':
      return rule.then.departmentCode;
    case 'then.slaPolicyCode':
      return rule.then.slaPolicyCode ?? null;
    case 'then.priority':
      return rule.then.priority ?? null;
    case 'then.categoryCode':
      return rule.then.categoryCode ?? null;
    case 'effective.from':
      return rule.effective?.from ?? null;
    case 'effective.until':
      return rule.effective?.until ?? null;
  }
}

/** JSON with object keys sorted, so that two equal conditions written in a different key order compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Readonly<Record<string, unknown>>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function changesOf(before: RoutingRule, after: RoutingRule): RuleFieldChange[] {
  const changes: RuleFieldChange[] = [];
  for (const field of Object.keys(FIELDS) as RuleField[]) {
    const was = fieldValue(before, field);
    const now = fieldValue(after, field);
    if (canonicalJson(was) !== canonicalJson(now)) changes.push({ field, label: FIELDS[field], before: was, after: now });
  }
  return changes;
}

const byOrder = (a: RoutingRule, b: RoutingRule): number => a.order - b.order;

/** The difference from `from` to `to`, for a revision's history entry. */
export function diffRuleSets(from: RuleSet, to: RuleSet): RuleSetDiff {
  const oldById = new Map(from.rules.map((rule) => [rule.id, rule]));
  const newIds = new Set(to.rules.map((rule) => rule.id));
  const added: RoutingRule[] = [];
  const changed: ChangedRule[] = [];
  for (const rule of [...to.rules].sort(byOrder)) {
    const before = oldById.get(rule.id);
    if (!before) {
      added.push(rule);
      continue;
    }
    const changes = changesOf(before, rule);
    if (changes.length > 0) changed.push({ id: rule.id, before, after: rule, changes });
  }
  const removed = [...from.rules].sort(byOrder).filter((rule) => !newIds.has(rule.id));
  const identical = added.length === 0 && removed.length === 0 && changed.length === 0;
  return {
    fromVersion: from.version,
    toVersion: to.version,
    added,
    removed,
    changed,
    identical,
    summary: identical ? '规则没有变化' : `新增 ${added.length} 条、删除 ${removed.length} 条、修改 ${changed.length} 条规则`,
  };
}
