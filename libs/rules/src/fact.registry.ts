import { REPORT_SOURCES, RULE_PRIORITIES, type ReportSource, type RulePriority } from './rule.types';

/**
 * The facts a rule can test, with the kind of value each holds. The kind decides which operators apply
 * (operator.registry.ts) and how the value is shown in a trace; the code domain says which reference
 * table validates the codes a rule names.
 */
export const FACT_NAMES = [
  'category',
  'parentCategory',
  'region',
  'regionAncestors',
  'text',
  'keywords',
  'hour',
  'weekday',
  'supporterCount',
  'priority',
  'source',
] as const;
export type FactName = (typeof FACT_NAMES)[number];

export type FactKind = 'code' | 'codeList' | 'text' | 'wordList' | 'number' | 'enum';
export type CodeDomain = 'category' | 'region';

interface FactSpecBase {
  readonly name: FactName;
  /** Chinese label for the editor and the trace. */
  readonly label: string;
}

export interface CodeFactSpec extends FactSpecBase {
  readonly kind: 'code' | 'codeList';
  readonly domain: CodeDomain;
}

export interface TextFactSpec extends FactSpecBase {
  readonly kind: 'text' | 'wordList';
}

export interface NumberFactSpec extends FactSpecBase {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  /** Set for cyclic facts (hour of day, day of week): a `between` range whose start is after its end wraps. */
  readonly cyclic: boolean;
  readonly format: (value: number) => string;
}

export interface EnumFactSpec extends FactSpecBase {
  readonly kind: 'enum';
  readonly values: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

export type FactSpec = CodeFactSpec | TextFactSpec | NumberFactSpec | EnumFactSpec;

const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export const PRIORITY_LABELS: Readonly<Record<RulePriority, string>> = {
  low: '低',
  normal: '普通',
  high: '较急',
  urgent: '紧急',
};

const SOURCE_LABELS: Readonly<Record<ReportSource, string>> = { app: '随手拍小程序', open311: 'Open311接口' };

export const formatHour = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;
export const formatWeekday = (weekday: number): string => WEEKDAY_LABELS[weekday - 1] ?? String(weekday);

export const FACTS: Readonly<Record<FactName, FactSpec>> = {
  category: { name: 'category', label: '小类', kind: 'code', domain: 'category' },
  parentCategory: { name: 'parentCategory', label: '大类', kind: 'code', domain: 'category' },
  region: { name: 'region', label: '所在区', kind: 'code', domain: 'region' },
  regionAncestors: { name: 'regionAncestors', label: '所属区域（市、区、街道）', kind: 'codeList', domain: 'region' },
  text: { name: 'text', label: '描述文字', kind: 'text' },
  keywords: { name: 'keywords', label: '关键词', kind: 'wordList' },
  hour: { name: 'hour', label: '上报时段', kind: 'number', min: 0, max: 23, cyclic: true, format: formatHour },
  weekday: { name: 'weekday', label: '星期', kind: 'number', min: 1, max: 7, cyclic: true, format: formatWeekday },
  supporterCount: {
    name: 'supporterCount',
    label: '附议人数',
    kind: 'number',
    min: 0,
    max: 1_000_000_000,
    cyclic: false,
    format: (count) => `${count}人`,
  },
  priority: { name: 'priority', label: '优先级', kind: 'enum', values: RULE_PRIORITIES, labels: PRIORITY_LABELS },
  source: { name: 'source', label: '来源', kind: 'enum', values: REPORT_SOURCES, labels: SOURCE_LABELS },
};

export function isFactName(value: unknown): value is FactName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FACTS, value);
}

/**
 * What the caller knows about a report at routing time. Every fact is optional: a condition on a fact
 * that is missing (or of the wrong type) does not hold, except `exists` which tests exactly that.
 */
export interface RoutingFacts {
  /** Subcategory (小类) code, e.g. `GY-01`. */
  readonly category?: string | null;
  /** Top category (大类) code, e.g. `GY`. */
  readonly parentCategory?: string | null;
  /** District adcode, e.g. `320102`. */
  readonly region?: string | null;
  /** Codes of the region and its parents, city → district → street. */
  readonly regionAncestors?: readonly string[] | null;
  /** The report text normalised by libs/text (NFKC, simplified, punctuation stripped). */
  readonly text?: string | null;
  /** Words extracted from the text (tokeniser or classifier keywords). */
  readonly keywords?: readonly string[] | null;
  /** Hour of day 0–23 in Asia/Shanghai (see shanghaiLocalTime). */
  readonly hour?: number | null;
  /** ISO day of week 1 (Monday) – 7 (Sunday) in Asia/Shanghai. */
  readonly weekday?: number | null;
  readonly supporterCount?: number | null;
  readonly priority?: RulePriority | null;
  readonly source?: ReportSource | null;
}
