import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  addEncodedHistogram,
  addStoredCounts,
  daysOf,
  emptyStatsTally,
  isoWeekOf,
  mergeTally,
  metricsOf,
  parseStatsRange,
  weekStartOf,
  type StatsGroup,
  type StatsRange,
  type StatsResponse,
  type StatsRow,
  type StatsTally,
} from '@ssp/contracts';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DomainError } from '../../core/errors/domain.error';
import type { StatsDimension } from './entities/stats-daily.entity';
import { StatsRollupService } from './stats-rollup.service';
import { StatsRollupRepository } from './stats-rollup.repository';
import { StatsRepository } from './stats.repository';

const NO_GROUP_LABEL: Record<'department' | 'category' | 'region', string> = {
  department: '未分派部门',
  category: '未分类',
  region: '未知区域',
};

/** Days and weeks read the city-wide rows (one per day); the others their dimension's. */
const DIMENSION_OF: Record<StatsGroup, StatsDimension> = {
  day: 'all',
  week: 'all',
  department: 'department',
  category: 'category',
  region: 'region',
};

interface Group {
  key: string;
  label: string;
}

/** Maps a rollup row's key (an id, a code, a city day) to the key and label the response shows. */
type Grouper = (sqlKey: string) => Group;

/** Answers kept per question (range and grouping) for as long as the rollups they were computed from. */
const ANSWERS_KEPT = 200;

@Injectable()
export class StatsService {
  private readonly answers = new Map<string, { asOf: number; answer: StatsResponse }>();

  constructor(
    private readonly repository: StatsRepository,
    private readonly rollups: StatsRollupService,
    private readonly rollupRows: StatsRollupRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  range(from: string | undefined, to: string | undefined, now = new Date()): StatsRange {
    const range = parseStatsRange(from, to, now);
    if ('error' in range) throw new DomainError(ErrorCode.VALIDATION_FAILED, range.error, { from, to });
    return range;
  }

  async stats(query: { from?: string; to?: string; groupBy?: StatsGroup }, now = new Date()): Promise<StatsResponse> {
    const range = this.range(query.from, query.to, now);
    const groupBy = query.groupBy ?? 'day';
    const dimension = DIMENSION_OF[groupBy];
    // Every change committed STATS_MAX_AGE_SECONDS before this request (0: before it) is in the rollups
    // once this is through; the same question on the same rollups has the same answer.
    const asOf = await this.rollups.freshWithin(this.config.stats.maxAgeSeconds * 1000, now);
    const key = `${range.from}/${range.to}/${groupBy}`;
    const kept = this.answers.get(key);
    if (kept && kept.asOf === asOf.getTime()) return kept.answer;
    const answer = await this.compute(range, groupBy, dimension, asOf);
    if (this.answers.size >= ANSWERS_KEPT) this.answers.clear();
    this.answers.set(key, { asOf: asOf.getTime(), answer });
    return answer;
  }

  private async compute(range: StatsRange, groupBy: StatsGroup, dimension: StatsDimension, asOf: Date): Promise<StatsResponse> {
    const [stored, grouper] = await Promise.all([this.rollupRows.read(dimension, range.from, range.to), this.grouperFor(groupBy)]);
    const tallies = new Map<string, { group: Group; tally: StatsTally }>();
    const tallyOf = (rowKey: string): StatsTally => {
      const group = grouper(rowKey);
      let entry = tallies.get(group.key);
      if (!entry) tallies.set(group.key, (entry = { group, tally: emptyStatsTally() }));
      return entry.tally;
    };
    if (groupBy === 'day' || groupBy === 'week') for (const day of daysOf(range.from, range.to)) tallyOf(day);
    for (const row of stored.counts) addStoredCounts(tallyOf(row.key), row);
    for (const row of stored.histograms) {
      const tally = tallyOf(row.key);
      addEncodedHistogram(tally, 'accept', row.acceptBuckets);
      addEncodedHistogram(tally, 'resolve', row.resolveBuckets);
    }

    const totals = emptyStatsTally();
    const rows: StatsRow[] = [];
    for (const { group, tally } of tallies.values()) {
      mergeTally(totals, tally);
      rows.push({ key: group.key, label: group.label, ...metricsOf(tally) });
    }
    if (groupBy === 'day' || groupBy === 'week') rows.sort((a, b) => a.key.localeCompare(b.key));
    else rows.sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
    return { from: range.from, to: range.to, groupBy, totals: metricsOf(totals), rows, asOf: asOf.toISOString() };
  }

  private async grouperFor(groupBy: StatsGroup): Promise<Grouper> {
    switch (groupBy) {
      case 'day':
        return (day) => ({ key: day, label: day });
      case 'week':
        return (day) => ({ key: isoWeekOf(day), label: weekStartOf(day) });
      case 'department':
      case 'category':
      case 'region':
        return this.namedGrouper(groupBy);
    }
  }

  /** Departments by code; categories by their 大类; regions by their district (streets fold into it). */
  private async namedGrouper(groupBy: 'department' | 'category' | 'region'): Promise<Grouper> {
    const names = await this.repository.names();
    const none: Group = { key: '', label: NO_GROUP_LABEL[groupBy] };
    const groups = new Map<string, Group>();
    if (groupBy === 'department') {
      for (const d of names.departments) groups.set(d.id, { key: d.code, label: d.name });
    } else if (groupBy === 'category') {
      const byId = new Map(names.categories.map((c) => [c.id, c]));
      for (const c of names.categories) {
        const top = (c.parentId && byId.get(c.parentId)) || c;
        groups.set(c.id, { key: top.code, label: top.name });
      }
    } else {
      const byCode = new Map(names.regions.map((r) => [r.code, r]));
      for (const r of names.regions) {
        let district = r;
        for (let hops = 0; district.level === 'street' && district.parentCode && hops < 5; hops += 1) {
          district = byCode.get(district.parentCode) ?? district;
          if (district.code === r.code) break;
        }
        groups.set(r.code, { key: district.code, label: district.name });
      }
    }
    return (sqlKey) => (sqlKey === '' ? none : (groups.get(sqlKey) ?? { key: sqlKey, label: sqlKey }));
  }
}
