import type { RoutingFacts } from './fact.registry';
import { shanghaiLocalTime } from './local-time.util';
import type { ReportSource, RulePriority } from './rule.types';

export interface RoutingFactsInput {
  readonly categoryCode?: string | null;
  readonly parentCategoryCode?: string | null;
  /** District adcode. */
  readonly regionCode?: string | null;
  /** City → district → street codes. */
  readonly regionAncestors?: readonly string[];
  /** Normalised text (libs/text). */
  readonly text?: string | null;
  readonly keywords?: readonly string[];
  /** When the report was made: gives `hour` and `weekday` in Asia/Shanghai. */
  readonly reportedAt: Date;
  readonly supporterCount?: number;
  readonly priority?: RulePriority;
  readonly source?: ReportSource;
}

/** The facts of one report, with the time facts computed in Asia/Shanghai from `reportedAt`. */
export function buildRoutingFacts(input: RoutingFactsInput): RoutingFacts {
  const local = shanghaiLocalTime(input.reportedAt);
  return {
    category: input.categoryCode ?? null,
    parentCategory: input.parentCategoryCode ?? null,
    region: input.regionCode ?? null,
    regionAncestors: input.regionAncestors ?? null,
    text: input.text === undefined || input.text === null ? null : input.text.normalize('NFKC').toLowerCase(),
    keywords: input.keywords ?? null,
    hour: local.hour,
    weekday: local.weekday,
    supporterCount: input.supporterCount ?? 1,
    priority: input.priority ?? 'normal',
    source: input.source ?? 'app',
  };
}
