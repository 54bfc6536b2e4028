import { FACT_NAMES, FACTS, isFactName, type CodeDomain, type FactSpec } from './fact.registry';
import { compileGlob } from './glob.util';
import { OPERATOR_NAMES, OPERATORS, isOperatorName, type OperatorSpec } from './operator.registry';
import { RULE_LIMITS } from './rule-limits';
import { checkKnownKeys, clip, describeType, isPlainObject, join, type ValidationCollector } from './validation-collector';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PATTERN = /^[A-Za-z0-9*._-]+$/;
const DOMAIN_LABELS: Readonly<Record<CodeDomain, string>> = { category: '类别', region: '区域' };

/** Per-rule walk state: the node budget is shared by the whole rule. */
interface RuleWalk {
  readonly errors: ValidationCollector;
  nodesLeft: number;
}

/**
 * Checks one condition tree. Recursion is bounded by RULE_LIMITS.maxDepth (checked before descending),
 * and every node is charged to the rule's and the set's budgets, so a hostile tree is refused after a
 * bounded amount of work.
 */
export function validateCondition(input: unknown, path: string, errors: ValidationCollector): void {
  walk(input, path, 1, { errors, nodesLeft: RULE_LIMITS.maxConditionsPerRule });
}

function walk(input: unknown, path: string, depth: number, state: RuleWalk): void {
  const { errors } = state;
  if (errors.full) return;
  if (depth > RULE_LIMITS.maxDepth) {
    errors.add(path, `条件嵌套超过 ${RULE_LIMITS.maxDepth} 层`);
    return;
  }
  if (state.nodesLeft <= 0) {
    if (state.nodesLeft === 0) errors.add(path, `一条规则最多 ${RULE_LIMITS.maxConditionsPerRule} 个条件`);
    state.nodesLeft = -1;
    return;
  }
  if (errors.conditionsLeft <= 0) {
    if (errors.conditionsLeft === 0) errors.add(path, `整个规则集最多 ${RULE_LIMITS.maxConditions} 个条件`);
    errors.conditionsLeft = -1;
    state.nodesLeft = -1;
    return;
  }
  state.nodesLeft--;
  errors.conditionsLeft--;
  if (!isPlainObject(input)) {
    errors.add(path, `条件必须是对象，实际为${describeType(input)}`);
    return;
  }
  const group = (['all', 'any', 'not'] as const).find((key) => Object.prototype.hasOwnProperty.call(input, key));
  if (group === undefined) {
    walkFact(input, path, errors);
    return;
  }
  checkKnownKeys(input, [group], path, errors);
  const childPath = join(path, group);
  const child = input[group];
  if (group === 'not') {
    walk(child, childPath, depth + 1, state);
    return;
  }
  if (!Array.isArray(child)) {
    errors.add(childPath, `「${group}」必须是条件数组，实际为${describeType(child)}`);
    return;
  }
  if (group === 'any' && child.length === 0) errors.add(childPath, '「any」至少需要一个条件（空的 any 永远不成立）');
  const children: readonly unknown[] = child;
  for (let i = 0; i < children.length && !errors.full && state.nodesLeft >= 0; i++) {
    walk(children[i], join(childPath, i), depth + 1, state);
  }
}

function walkFact(input: Readonly<Record<string, unknown>>, path: string, errors: ValidationCollector): void {
  const hasFactKey = ['fact', 'operator', 'value'].some((key) => Object.prototype.hasOwnProperty.call(input, key));
  if (!hasFactKey) {
    errors.add(path, '条件必须是 all、any、not 之一，或 { fact, operator, value }');
    return;
  }
  checkKnownKeys(input, ['fact', 'operator', 'value'], path, errors);
  const { fact, operator } = input;
  let factSpec: FactSpec | null = null;
  let operatorSpec: OperatorSpec | null = null;
  if (!isFactName(fact)) {
    errors.add(join(path, 'fact'), `未知的事实「${typeof fact === 'string' ? clip(fact) : describeType(fact)}」，可选：${FACT_NAMES.join('、')}`);
  } else {
    factSpec = FACTS[fact];
  }
  if (!isOperatorName(operator)) {
    const shown = typeof operator === 'string' ? clip(operator) : describeType(operator);
    errors.add(join(path, 'operator'), `未知的运算「${shown}」，可选：${OPERATOR_NAMES.join('、')}`);
  } else {
    operatorSpec = OPERATORS[operator];
  }
  if (!factSpec || !operatorSpec) return;
  if (!operatorSpec.appliesTo.includes(factSpec.kind)) {
    const usable = OPERATOR_NAMES.filter((name) => OPERATORS[name].appliesTo.includes(factSpec.kind));
    errors.add(join(path, 'operator'), `运算「${operatorSpec.name}」不能用于「${factSpec.label}」，可用：${usable.join('、')}`);
    return;
  }
  if (!Object.prototype.hasOwnProperty.call(input, 'value')) {
    errors.add(join(path, 'value'), '缺少字段「value」');
    return;
  }
  checkValue(factSpec, operatorSpec, input.value, join(path, 'value'), errors);
}

function checkValue(fact: FactSpec, operator: OperatorSpec, value: unknown, path: string, errors: ValidationCollector): void {
  switch (operator.value) {
    case 'element':
      checkElement(fact, value, path, errors);
      return;
    case 'elements':
      forEachListItem(value, path, errors, (item, itemPath) => checkElement(fact, item, itemPath, errors));
      return;
    case 'patterns':
      forEachListItem(value, path, errors, (item, itemPath) => checkPattern(fact, item, itemPath, errors));
      return;
    case 'range':
      checkRange(fact, value, path, errors);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') errors.add(path, `「${operator.name}」的值必须是 true 或 false`);
      return;
  }
}

function forEachListItem(
  value: unknown,
  path: string,
  errors: ValidationCollector,
  check: (item: unknown, itemPath: string) => void,
): void {
  if (!Array.isArray(value)) {
    errors.add(path, `值必须是数组，实际为${describeType(value)}`);
    return;
  }
  const items: readonly unknown[] = value;
  if (items.length === 0) {
    errors.add(path, '列表不能为空');
    return;
  }
  if (items.length > RULE_LIMITS.maxValues) {
    errors.add(path, `列表最多 ${RULE_LIMITS.maxValues} 项，实际 ${items.length} 项`);
    return;
  }
  const seen = new Set<unknown>();
  for (let i = 0; i < items.length && !errors.full; i++) {
    const item = items[i];
    check(item, join(path, i));
    if (seen.has(item)) errors.add(join(path, i), `重复的值「${clip(String(item))}」`);
    seen.add(item);
  }
}

function checkElement(fact: FactSpec, value: unknown, path: string, errors: ValidationCollector): void {
  switch (fact.kind) {
    case 'code':
    case 'codeList':
      checkCode(fact.domain, value, path, errors);
      return;
    case 'enum':
      if (typeof value !== 'string' || !fact.values.includes(value)) {
        const options = fact.values.map((option) => `${option}（${fact.labels[option]}）`).join('、');
        errors.add(path, `「${fact.label}」的值必须是以下之一：${options}`);
      }
      return;
    case 'number':
      checkNumber(fact, value, path, errors);
      return;
    case 'text':
    case 'wordList':
      if (typeof value !== 'string' || value.trim().length === 0) {
        errors.add(path, '关键词必须是非空字符串');
      } else if (value.length > RULE_LIMITS.maxWordLength) {
        errors.add(path, `关键词最长 ${RULE_LIMITS.maxWordLength} 个字符`);
      } else if (value.trim() !== value) {
        errors.add(path, '关键词首尾不能有空格');
      }
      return;
  }
}

function checkCode(domain: CodeDomain, value: unknown, path: string, errors: ValidationCollector): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > RULE_LIMITS.maxCodeLength || !CODE.test(value)) {
    errors.add(path, `${DOMAIN_LABELS[domain]}编码必须是 1–${RULE_LIMITS.maxCodeLength} 位字母、数字、“-”“_”“.”`);
    return;
  }
  const known = errors.known[domain];
  if (known && !known.has(value)) errors.add(path, `未知的${DOMAIN_LABELS[domain]}编码「${clip(value)}」`);
}

function checkPattern(fact: FactSpec, value: unknown, path: string, errors: ValidationCollector): void {
  if (fact.kind !== 'code' && fact.kind !== 'codeList') return;
  const label = DOMAIN_LABELS[fact.domain];
  if (typeof value !== 'string' || value.length > RULE_LIMITS.maxCodeLength || !PATTERN.test(value) || !/[^*]/.test(value)) {
    errors.add(path, `${label}编码模式必须是 1–${RULE_LIMITS.maxCodeLength} 位字母、数字、“-”“_”“.”，可用 * 代表任意字符，如 JM-*`);
    return;
  }
  const known = errors.known[fact.domain];
  if (!known) return;
  const matches = compileGlob(value);
  let any = false;
  for (const code of known) {
    if (matches(code)) {
      any = true;
      break;
    }
  }
  if (!any) errors.add(path, `模式「${clip(value)}」不匹配任何已知的${label}编码`);
}

function checkNumber(fact: FactSpec, value: unknown, path: string, errors: ValidationCollector): boolean {
  if (fact.kind !== 'number') return false;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < fact.min || value > fact.max) {
    errors.add(path, `「${fact.label}」的值必须是 ${fact.min}–${fact.max} 的整数`);
    return false;
  }
  return true;
}

function checkRange(fact: FactSpec, value: unknown, path: string, errors: ValidationCollector): void {
  if (fact.kind !== 'number') return;
  if (!Array.isArray(value) || value.length !== 2) {
    errors.add(path, '「between」的值必须是 [起, 止] 两个数（含起不含止）');
    return;
  }
  const [from, to]: readonly unknown[] = value;
  const fromOk = checkNumber(fact, from, join(path, 0), errors);
  const toOk = checkNumber(fact, to, join(path, 1), errors);
  if (!fromOk || !toOk) return;
  if (from === to) {
    errors.add(path, '「between」的起止不能相同');
  } else if (!fact.cyclic && (from as number) > (to as number)) {
    errors.add(path, `「between」的起点必须小于终点（只有时段、星期可以跨零点循环）`);
  }
}
