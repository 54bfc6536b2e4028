import { parseIsoDateTime } from './local-time.util';
import { RULE_LIMITS } from './rule-limits';
import { RULE_PRIORITIES, type RuleSet } from './rule.types';
import { validateCondition } from './validate-condition.util';
import {
  ValidationCollector,
  checkKnownKeys,
  clip,
  describeType,
  isPlainObject,
  join,
} from './validation-collector';
import type { RuleSetValidationResult, RuleValidationContext } from './validation.types';

const RULE_SET_KEYS = ['version', 'rules'] as const;
const RULE_KEYS = ['id', 'name', 'order', 'enabled', 'when', 'then', 'effective', 'note'] as const;
const REQUIRED_RULE_KEYS = ['id', 'name', 'order', 'enabled', 'when', 'then'] as const;
const ACTION_KEYS = ['departmentCode', 'slaPolicyCode', 'priority', 'categoryCode'] as const;
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

type Known = ValidationCollector['known'];

/**
 * Checks a rule set as it arrives from the admin API (parsed JSON of unknown shape) and returns it
 * typed, or every problem found (capped at RULE_LIMITS.maxErrors) with its path and a Chinese message.
 * With a context, every department, category, region and SLA policy code must be a known one.
 * The work is bounded by RULE_LIMITS whatever the input: sizes are checked before anything is walked.
 */
export function validateRuleSet(input: unknown, context?: RuleValidationContext): RuleSetValidationResult {
  const errors = new ValidationCollector(context);
  if (!isPlainObject(input)) {
    errors.add('', `规则集必须是对象 { version, rules }，实际为${describeType(input)}`);
    return { ok: false, errors: errors.errors };
  }
  checkKnownKeys(input, RULE_SET_KEYS, '', errors);
  const { version, rules } = input;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    errors.add('version', '版本号必须是非负整数');
  }
  if (!Array.isArray(rules)) {
    errors.add('rules', `「rules」必须是规则数组，实际为${describeType(rules)}`);
  } else if (rules.length > RULE_LIMITS.maxRules) {
    errors.add('rules', `规则最多 ${RULE_LIMITS.maxRules} 条，实际 ${rules.length} 条`);
  } else {
    validateRules(rules, errors);
  }
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors };
  // Every field is known and every value plain JSON by now, so a JSON round trip is an exact copy
  // that shares nothing with the caller's object.
  return { ok: true, ruleSet: JSON.parse(JSON.stringify(input)) as RuleSet };
}

/**
 * Parses and validates rule-set JSON text, refusing oversized text before parsing it.
 */
export function parseRuleSetJson(text: string, context?: RuleValidationContext): RuleSetValidationResult {
  if (text.length > RULE_LIMITS.maxJsonLength) {
    return { ok: false, errors: [{ path: '', message: `规则集 JSON 过大（最多 ${RULE_LIMITS.maxJsonLength} 个字符）` }] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ path: '', message: '不是有效的 JSON' }] };
  }
  return validateRuleSet(parsed, context);
}

function validateRules(rules: readonly unknown[], errors: ValidationCollector): void {
  const idAt = new Map<string, number>();
  const orderAt = new Map<number, number>();
  for (let i = 0; i < rules.length && !errors.full; i++) {
    const path = join('rules', i);
    const rule = rules[i];
    if (!isPlainObject(rule)) {
      errors.add(path, `规则必须是对象，实际为${describeType(rule)}`);
      continue;
    }
    checkKnownKeys(rule, RULE_KEYS, path, errors);
    for (const key of REQUIRED_RULE_KEYS) {
      if (!Object.prototype.hasOwnProperty.call(rule, key)) errors.add(join(path, key), `缺少字段「${key}」`);
    }
    const { id, name, order, enabled, when, then, effective, note } = rule;
    if (id !== undefined) checkUnique(checkId(id, join(path, 'id'), errors), idAt, i, join(path, 'id'), '编号', errors);
    if (name !== undefined) checkText(name, join(path, 'name'), '名称', RULE_LIMITS.maxNameLength, true, errors);
    if (order !== undefined) checkUnique(checkOrder(order, join(path, 'order'), errors), orderAt, i, join(path, 'order'), '顺序', errors);
    if (enabled !== undefined && typeof enabled !== 'boolean') errors.add(join(path, 'enabled'), '「enabled」必须是 true 或 false');
    if (when !== undefined) validateCondition(when, join(path, 'when'), errors);
    if (then !== undefined) checkAction(then, join(path, 'then'), errors);
    if (effective !== undefined) checkEffective(effective, join(path, 'effective'), errors);
    if (note !== undefined) checkText(note, join(path, 'note'), '备注', RULE_LIMITS.maxNoteLength, false, errors);
  }
}

function checkUnique<T>(value: T | null, firstAt: Map<T, number>, index: number, path: string, label: string, errors: ValidationCollector): void {
  if (value === null) return;
  const first = firstAt.get(value);
  if (first === undefined) {
    firstAt.set(value, index);
    return;
  }
  errors.add(path, `${label}「${clip(String(value))}」与 rules[${first}] 重复`);
}

function checkId(id: unknown, path: string, errors: ValidationCollector): string | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > RULE_LIMITS.maxIdLength || !RULE_ID.test(id)) {
    errors.add(path, `编号必须是 1–${RULE_LIMITS.maxIdLength} 位字母、数字、“-”“_”，以字母或数字开头`);
    return null;
  }
  return id;
}

function checkOrder(order: unknown, path: string, errors: ValidationCollector): number | null {
  if (typeof order !== 'number' || !Number.isSafeInteger(order) || order < 0) {
    errors.add(path, '顺序必须是非负整数');
    return null;
  }
  return order;
}

function checkText(value: unknown, path: string, label: string, maxLength: number, required: boolean, errors: ValidationCollector): void {
  if (typeof value !== 'string') {
    errors.add(path, `${label}必须是字符串`);
  } else if (required && value.trim().length === 0) {
    errors.add(path, `${label}不能为空`);
  } else if (value.length > maxLength) {
    errors.add(path, `${label}最长 ${maxLength} 个字符，实际 ${value.length} 个`);
  }
}

function checkAction(then: unknown, path: string, errors: ValidationCollector): void {
  if (!isPlainObject(then)) {
    errors.add(path, `「then」必须是对象，实际为${describeType(then)}`);
    return;
  }
  checkKnownKeys(then, ACTION_KEYS, path, errors);
  const { departmentCode, slaPolicyCode, priority, categoryCode } = then;
  if (departmentCode === undefined) {
    errors.add(join(path, 'departmentCode'), '缺少字段「departmentCode」（派往哪个部门）');
  } else {
    checkReference(departmentCode, join(path, 'departmentCode'), '部门', errors.known.department, errors);
  }
  if (slaPolicyCode !== undefined) {
    checkReference(slaPolicyCode, join(path, 'slaPolicyCode'), '时限标准', errors.known.slaPolicy, errors);
  }
  if (categoryCode !== undefined) {
    checkReference(categoryCode, join(path, 'categoryCode'), '类别', errors.known.category, errors);
  }
  if (priority !== undefined && !(RULE_PRIORITIES as readonly unknown[]).includes(priority)) {
    errors.add(join(path, 'priority'), `优先级必须是以下之一：${RULE_PRIORITIES.join('、')}`);
  }
}

function checkReference(code: unknown, path: string, label: string, known: Known[keyof Known], errors: ValidationCollector): void {
  if (typeof code !== 'string' || code.length === 0 || code.length > RULE_LIMITS.maxCodeLength || !CODE.test(code)) {
    errors.add(path, `${label}编码必须是 1–${RULE_LIMITS.maxCodeLength} 位字母、数字、“-”“_”“.”`);
  } else if (known && !known.has(code)) {
    errors.add(path, `未知的${label}编码「${clip(code)}」`);
  }
}

function checkEffective(effective: unknown, path: string, errors: ValidationCollector): void {
  if (!isPlainObject(effective)) {
    errors.add(path, `「effective」必须是对象 { from?, until? }，实际为${describeType(effective)}`);
    return;
  }
  checkKnownKeys(effective, ['from', 'until'], path, errors);
  const bound = (key: 'from' | 'until'): number | null => {
    const text = effective[key];
    if (text === undefined) return null;
    const ms = typeof text === 'string' && text.length <= 40 ? parseIsoDateTime(text) : null;
    if (ms === null) errors.add(join(path, key), '时间必须是带时区的 ISO 8601 格式，如 2026-06-01T00:00:00+08:00');
    return ms;
  };
  const from = bound('from');
  const until = bound('until');
  if (from !== null && until !== null && from >= until) errors.add(join(path, 'until'), '失效时间必须晚于生效时间');
}
