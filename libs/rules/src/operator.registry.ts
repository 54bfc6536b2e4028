import type { FactKind, FactSpec } from './fact.registry';
import type { FactValue } from './fact-snapshot.util';
import { compileGlob } from './glob.util';
import type { ConditionValue } from './rule.types';

export const OPERATOR_NAMES = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'containsAny',
  'containsAll',
  'matchesAny',
  'greaterThan',
  'greaterThanOrEqual',
  'lessThan',
  'lessThanOrEqual',
  'between',
  'exists',
] as const;
export type OperatorName = (typeof OPERATOR_NAMES)[number];

/**
 * What an operator's `value` is, relative to the fact: `element` is one value of the fact's element type
 * (a code for code facts and code lists, a word for text and word lists, a number, an enum member),
 * `elements` a non-empty list of them, `patterns` a list of `*` code patterns, `range` `[from, to]`
 * (from inclusive, to exclusive, wrapping on cyclic facts), `boolean` true or false.
 */
export type OperatorValueShape = 'element' | 'elements' | 'patterns' | 'range' | 'boolean';

/** A compiled test of one fact value; never called for a missing fact. */
export type FactTest = (seen: FactValue) => boolean;

export interface OperatorSpec {
  readonly name: OperatorName;
  /** Chinese verb for the editor and the trace: 小类「等于」GY-01. */
  readonly label: string;
  readonly appliesTo: readonly FactKind[];
  readonly value: OperatorValueShape;
  /** Whether the condition holds when the fact is missing; false for every operator but `exists`. */
  readonly holdsWhenMissing: (value: ConditionValue) => boolean;
  /** Builds the test for one condition. The value must have been validated for this fact and operator. */
  readonly compile: (value: ConditionValue, fact: FactSpec) => FactTest;
}

const SCALAR_KINDS: readonly FactKind[] = ['code', 'enum', 'number'];
const CONTAINER_KINDS: readonly FactKind[] = ['text', 'wordList', 'codeList'];
const ALL_KINDS: readonly FactKind[] = ['code', 'codeList', 'text', 'wordList', 'number', 'enum'];
const never = (): boolean => false;

function scalarOf(value: ConditionValue): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new TypeError(`Expected a string or number condition value, got ${JSON.stringify(value)}`);
}

function numberOf(value: ConditionValue): number {
  if (typeof value === 'number') return value;
  throw new TypeError(`Expected a number condition value, got ${JSON.stringify(value)}`);
}

function stringOf(value: ConditionValue, lowerCase: boolean): string {
  if (typeof value !== 'string') throw new TypeError(`Expected a string condition value, got ${JSON.stringify(value)}`);
  return lowerCase ? value.normalize('NFKC').toLowerCase() : value;
}

function listOf(value: ConditionValue): readonly (string | number)[] {
  if (Array.isArray(value)) return value as readonly (string | number)[];
  throw new TypeError(`Expected a list condition value, got ${JSON.stringify(value)}`);
}

function stringsOf(value: ConditionValue, lowerCase: boolean): string[] {
  return listOf(value).map((item) => stringOf(typeof item === 'string' ? item : String(item), lowerCase));
}

const isWords = (fact: FactSpec): boolean => fact.kind === 'text' || fact.kind === 'wordList';

/** `contains` and friends: substring of the text, or member of the list. */
function containsTest(word: string): FactTest {
  return (seen) => (typeof seen === 'string' ? seen.includes(word) : typeof seen === 'object' && seen.includes(word));
}

function containsSomeTest(words: readonly string[], every: boolean): FactTest {
  const count = words.length;
  return (seen) => {
    if (typeof seen === 'number') return false;
    for (let i = 0; i < count; i++) {
      if (seen.includes(words[i]) !== every) return !every;
    }
    return every;
  };
}

function compare(test: (seen: number, bound: number) => boolean): OperatorSpec['compile'] {
  return (value) => {
    const bound = numberOf(value);
    return (seen) => typeof seen === 'number' && test(seen, bound);
  };
}

function inTest(value: ConditionValue, negate: boolean): FactTest {
  const members = new Set<string | number>(listOf(value));
  return (seen) => typeof seen !== 'object' && members.has(seen) !== negate;
}

function betweenTest(value: ConditionValue, fact: FactSpec): FactTest {
  const [from, to] = listOf(value).map((bound) => numberOf(bound));
  const wraps = fact.kind === 'number' && fact.cyclic && from > to;
  if (wraps) return (seen) => typeof seen === 'number' && (seen >= from || seen < to);
  return (seen) => typeof seen === 'number' && seen >= from && seen < to;
}

function matchesAnyTest(value: ConditionValue): FactTest {
  const matchers = stringsOf(value, false).map(compileGlob);
  const count = matchers.length;
  const matches = (code: string): boolean => {
    for (let i = 0; i < count; i++) if (matchers[i](code)) return true;
    return false;
  };
  return (seen) => {
    if (typeof seen === 'string') return matches(seen);
    if (typeof seen === 'number') return false;
    for (let i = 0; i < seen.length; i++) if (matches(seen[i])) return true;
    return false;
  };
}

const spec = (operator: Omit<OperatorSpec, 'holdsWhenMissing'> & Partial<Pick<OperatorSpec, 'holdsWhenMissing'>>) =>
  ({ holdsWhenMissing: never, ...operator }) satisfies OperatorSpec;

/** The operator registry: every operator a rule may use, as pure functions of (value, fact). */
export const OPERATORS: Readonly<Record<OperatorName, OperatorSpec>> = {
  equal: spec({
    name: 'equal',
    label: '等于',
    appliesTo: SCALAR_KINDS,
    value: 'element',
    compile: (value) => {
      const expected = scalarOf(value);
      return (seen) => seen === expected;
    },
  }),
  notEqual: spec({
    name: 'notEqual',
    label: '不等于',
    appliesTo: SCALAR_KINDS,
    value: 'element',
    compile: (value) => {
      const expected = scalarOf(value);
      return (seen) => typeof seen !== 'object' && seen !== expected;
    },
  }),
  in: spec({ name: 'in', label: '属于', appliesTo: SCALAR_KINDS, value: 'elements', compile: (v) => inTest(v, false) }),
  notIn: spec({ name: 'notIn', label: '不属于', appliesTo: SCALAR_KINDS, value: 'elements', compile: (v) => inTest(v, true) }),
  contains: spec({
    name: 'contains',
    label: '包含',
    appliesTo: CONTAINER_KINDS,
    value: 'element',
    compile: (value, fact) => containsTest(stringOf(value, isWords(fact))),
  }),
  containsAny: spec({
    name: 'containsAny',
    label: '包含任一',
    appliesTo: CONTAINER_KINDS,
    value: 'elements',
    compile: (value, fact) => containsSomeTest(stringsOf(value, isWords(fact)), false),
  }),
  containsAll: spec({
    name: 'containsAll',
    label: '同时包含',
    appliesTo: CONTAINER_KINDS,
    value: 'elements',
    compile: (value, fact) => containsSomeTest(stringsOf(value, isWords(fact)), true),
  }),
  matchesAny: spec({
    name: 'matchesAny',
    label: '匹配',
    appliesTo: ['code', 'codeList'],
    value: 'patterns',
    compile: matchesAnyTest,
  }),
  greaterThan: spec({
    name: 'greaterThan',
    label: '大于',
    appliesTo: ['number'],
    value: 'element',
    compile: compare((seen, bound) => seen > bound),
  }),
  greaterThanOrEqual: spec({
    name: 'greaterThanOrEqual',
    label: '不小于',
    appliesTo: ['number'],
    value: 'element',
    compile: compare((seen, bound) => seen >= bound),
  }),
  lessThan: spec({
    name: 'lessThan',
    label: '小于',
    appliesTo: ['number'],
    value: 'element',
    compile: compare((seen, bound) => seen < bound),
  }),
  lessThanOrEqual: spec({
    name: 'lessThanOrEqual',
    label: '不大于',
    appliesTo: ['number'],
    value: 'element',
    compile: compare((seen, bound) => seen <= bound),
  }),
  between: spec({ name: 'between', label: '在', appliesTo: ['number'], value: 'range', compile: betweenTest }),
  exists: spec({
    name: 'exists',
    label: '已知',
    appliesTo: ALL_KINDS,
    value: 'boolean',
    holdsWhenMissing: (value) => value === false,
    compile: (value) => {
      const expected = value === true;
      return () => expected;
    },
  }),
};

export function isOperatorName(value: unknown): value is OperatorName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(OPERATORS, value);
}
