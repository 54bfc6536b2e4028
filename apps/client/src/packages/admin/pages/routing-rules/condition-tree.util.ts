import {
  FACTS,
  OPERATORS,
  OPERATOR_NAMES,
  isAllCondition,
  isAnyCondition,
  isNotCondition,
  type Condition,
  type ConditionValue,
  type FactCondition,
  type FactName,
  type OperatorName,
} from '@ssp/rules';

/** Where a node sits in a rule's condition tree: child indexes from `when` down (0 for a `not`'s child). */
export type NodeAddress = readonly number[];
export type GroupKind = 'all' | 'any' | 'not';

export function childrenOf(condition: Condition): readonly Condition[] {
  if (isAllCondition(condition)) return condition.all;
  if (isAnyCondition(condition)) return condition.any;
  if (isNotCondition(condition)) return [condition.not];
  return [];
}

export function groupKindOf(condition: Condition): GroupKind | null {
  if (isAllCondition(condition)) return 'all';
  if (isAnyCondition(condition)) return 'any';
  if (isNotCondition(condition)) return 'not';
  return null;
}

/** The validation path of a child, as the server reports it: `when.all[0]`, `when.not`. */
export function childPath(parent: Condition, parentPath: string, index: number): string {
  const kind = groupKindOf(parent);
  return kind === 'not' ? `${parentPath}.not` : `${parentPath}.${kind}[${index}]`;
}

function withChildren(group: Condition, children: readonly Condition[]): Condition {
  if (isAllCondition(group)) return { all: children };
  if (isAnyCondition(group)) return { any: children };
  return { not: children[0] ?? newFactCondition() };
}

/** Replaces the node at `address` with `change(node)`; null removes it from its group (or, at the root, the tree). */
export function updateAt(root: Condition, address: NodeAddress, change: (node: Condition) => Condition | null): Condition | null {
  if (address.length === 0) return change(root);
  const [index, ...rest] = address;
  const children = childrenOf(root);
  const next = updateAt(children[index], rest, change);
  const updated = next === null ? children.filter((_, position) => position !== index) : children.map((child, position) => (position === index ? next : child));
  return withChildren(root, updated);
}

export function appendChild(group: Condition, child: Condition): Condition {
  return withChildren(group, [...childrenOf(group), child]);
}

/** all ↔ any keep the children; `not` keeps the first one. */
export function switchGroupKind(group: Condition, kind: GroupKind): Condition {
  const children = childrenOf(group);
  if (kind === 'all') return { all: children };
  if (kind === 'any') return { any: children };
  return { not: children[0] ?? newFactCondition() };
}

export function operatorsFor(fact: FactName): OperatorName[] {
  const kind = FACTS[fact].kind;
  return OPERATOR_NAMES.filter((name) => OPERATORS[name].appliesTo.includes(kind));
}

/** A value of the shape the operator takes, for a fresh row or after the fact or operator changed. */
export function defaultValue(fact: FactName, operator: OperatorName): ConditionValue {
  const spec = FACTS[fact];
  switch (OPERATORS[operator].value) {
    case 'boolean':
      return true;
    case 'range':
      return spec.kind === 'number' ? [spec.min, spec.name === 'hour' ? 24 : spec.max] : [];
    case 'elements':
    case 'patterns':
      return [];
    case 'element':
      if (spec.kind === 'number') return spec.min;
      if (spec.kind === 'enum') return spec.values[0];
      return '';
  }
}

export function newFactCondition(fact: FactName = 'category'): FactCondition {
  const operator = operatorsFor(fact)[0];
  return { fact, operator, value: defaultValue(fact, operator) };
}

/** A new fact keeps the operator when it still applies; the value starts over. */
export function changeFact(condition: FactCondition, fact: FactName): FactCondition {
  const usable = operatorsFor(fact);
  const operator = usable.includes(condition.operator) ? condition.operator : usable[0];
  return { fact, operator, value: defaultValue(fact, operator) };
}

/** A new operator keeps the value when it has the same shape. */
export function changeOperator(condition: FactCondition, operator: OperatorName): FactCondition {
  const sameShape = OPERATORS[operator].value === OPERATORS[condition.operator].value;
  return { ...condition, operator, value: sameShape ? condition.value : defaultValue(condition.fact, operator) };
}
