import { RULE_LIMITS } from './rule-limits';
import type { RuleValidationContext, RuleValidationError } from './validation.types';

interface KnownCodes {
  readonly department: ReadonlySet<string> | null;
  readonly category: ReadonlySet<string> | null;
  readonly region: ReadonlySet<string> | null;
  readonly slaPolicy: ReadonlySet<string> | null;
}

const setOf = (codes: Iterable<string> | undefined): ReadonlySet<string> | null =>
  codes === undefined ? null : new Set(codes);

/** Errors of one validation run, capped, with the known codes and the condition budget. */
export class ValidationCollector {
  readonly errors: RuleValidationError[] = [];
  readonly known: KnownCodes;
  conditionsLeft: number = RULE_LIMITS.maxConditions;
  private truncated = false;

  constructor(context: RuleValidationContext | undefined) {
    this.known = {
      department: setOf(context?.departmentCodes),
      category: setOf(context?.categoryCodes),
      region: setOf(context?.regionCodes),
      slaPolicy: setOf(context?.slaPolicyCodes),
    };
  }

  /** True once the error cap is reached: callers stop walking the input. */
  get full(): boolean {
    return this.truncated;
  }

  add(path: string, message: string): void {
    if (this.truncated) return;
    if (this.errors.length >= RULE_LIMITS.maxErrors) {
      this.truncated = true;
      this.errors.push({ path: '', message: `错误过多，仅列出前 ${RULE_LIMITS.maxErrors} 条` });
      return;
    }
    this.errors.push({ path, message });
  }
}

export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Reports every own key outside `allowed`; stops early on a huge object once the error cap is hit. */
export function checkKnownKeys(
  object: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
  path: string,
  errors: ValidationCollector,
): void {
  for (const key in object) {
    if (errors.full) return;
    if (!Object.prototype.hasOwnProperty.call(object, key) || allowed.includes(key)) continue;
    errors.add(join(path, key), `未知字段「${clip(key)}」，允许的字段：${allowed.join('、')}`);
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** Cuts user-supplied text quoted in an error message. */
export function clip(text: string): string {
  return text.length > 32 ? `${text.slice(0, 32)}…` : text;
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  switch (typeof value) {
    case 'string':
      return '字符串';
    case 'number':
      return '数字';
    case 'boolean':
      return '布尔值';
    case 'object':
      return '对象';
    default:
      return typeof value;
  }
}
