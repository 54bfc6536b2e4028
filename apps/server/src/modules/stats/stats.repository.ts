import { Injectable } from '@nestjs/common';
import {
  DURATION_BUCKET_TIERS,
  type StatsBucketRow,
  type StatsCountRow,
  type StatsGroup,
  type TicketStatus,
} from '@ssp/contracts';
import { DataSource, type ObjectLiteral } from 'typeorm';
import { Category } from '../categories/entities/category.entity';
import { Department } from '../departments/entities/department.entity';
import { Region } from '../regions/entities/region.entity';

/** What the SQL groups by: days and weeks both by city day (weeks are folded from days). */
export type StatsSqlKey = 'day' | 'departmentId' | 'categoryId' | 'regionCode';

export function sqlKeyOf(group: StatsGroup): StatsSqlKey {
  switch (group) {
    case 'day':
    case 'week':
      return 'day';
    case 'department':
      return 'departmentId';
    case 'category':
      return 'categoryId';
    case 'region':
      return 'regionCode';
  }
}

interface Names {
  departments: Array<Pick<Department, 'id' | 'code' | 'name'>>;
  categories: Array<Pick<Category, 'id' | 'code' | 'name' | 'parentId'>>;
  regions: Array<Pick<Region, 'code' | 'name' | 'level' | 'parentCode'>>;
}

/**
 * The statistics' SQL: three range scans of `IDX_tickets_stats` (which covers every column they read),
 * aggregated by the database; nothing per ticket crosses the wire. Same statements on both engines
 * except the city-day expression.
 */
@Injectable()
export class StatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get mysql(): boolean {
    return this.dataSource.options.type !== 'better-sqlite3';
  }

  private keyExpression(key: StatsSqlKey): string {
    const createdAt = this.q('createdAt');
    // Ids and codes are ASCII: grouping them under the binary collation gives the same groups, and on
    // MariaDB it costs about half of grouping under utf8mb4_unicode_ci (measured at 250,000 rows).
    if (key !== 'day') return this.mysql ? `${this.q(key)} COLLATE utf8mb4_bin` : this.q(key);
    // City day (UTC+8). MySQL: DATE() of the shifted time; SQLite stores UTC text that strftime reads.
    return this.mysql ? `DATE(${createdAt} + INTERVAL 8 HOUR)` : `strftime('%Y-%m-%d', ${createdAt}, '+8 hours')`;
  }

  private q(name: string): string {
    return this.dataSource.driver.escape(name);
  }

  /** `m - m % width` per tier of DURATION_BUCKET_TIERS, as one CASE. */
  private bucketExpression(column: string): string {
    const m = this.q(column);
    const tiers = DURATION_BUCKET_TIERS.map((tier) =>
      Number.isFinite(tier.below)
        ? `WHEN ${m} < ${tier.below} THEN ${m} - ${m} % ${tier.width}`
        : `ELSE ${m} - ${m} % ${tier.width}`,
    );
    return `CASE ${tiers.join(' ')} END`;
  }

  private async run<T>(sql: string, parameters: ObjectLiteral): Promise<T[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    return this.dataSource.query<T[]>(text, values);
  }

  private range(): string {
    return `${this.q('createdAt')} >= :start AND ${this.q('createdAt')} < :end`;
  }

  async counts(key: StatsSqlKey, start: Date, end: Date): Promise<StatsCountRow[]> {
    const q = (name: string) => this.q(name);
    const sql =
      `SELECT ${this.keyExpression(key)} AS k, ${q('status')} AS status, COUNT(*) AS tickets,` +
      ` COUNT(${q('acceptMinutes')}) AS accepted, SUM(${q('acceptedOnTime')}) AS acceptedOnTime,` +
      ` COUNT(${q('resolveMinutes')}) AS resolved, SUM(${q('resolvedOnTime')}) AS resolvedOnTime,` +
      ` SUM(CASE WHEN ${q('reopenCount')} > 0 AND ${q('resolveMinutes')} IS NOT NULL THEN 1 ELSE 0 END) AS reopened,` +
      ` SUM(${q('ratingCount')}) AS ratings, SUM(${q('ratingSum')}) AS ratingSum, SUM(${q('satisfiedCount')}) AS satisfied,` +
      ` SUM(${q('supporterCount')}) AS supporters` +
      ` FROM ${q('tickets')} WHERE ${this.range()} GROUP BY k, ${q('status')}`;
    const rows = await this.run<Record<string, unknown>>(sql, { start, end });
    return rows.map((row) => ({
      key: keyText(row.k),
      status: row.status as TicketStatus,
      tickets: Number(row.tickets),
      accepted: Number(row.accepted),
      acceptedOnTime: Number(row.acceptedOnTime ?? 0),
      resolved: Number(row.resolved),
      resolvedOnTime: Number(row.resolvedOnTime ?? 0),
      reopened: Number(row.reopened ?? 0),
      ratings: Number(row.ratings ?? 0),
      ratingSum: Number(row.ratingSum ?? 0),
      satisfied: Number(row.satisfied ?? 0),
      supporters: Number(row.supporters ?? 0),
    }));
  }

  /**
   * Sign-for (`accept`) or resolution durations of non-merged tickets, counted per bucket. One statement
   * per kind, so the server can run the scans side by side on two connections.
   */
  async buckets(key: StatsSqlKey, kind: StatsBucketRow['kind'], start: Date, end: Date): Promise<StatsBucketRow[]> {
    const column = kind === 'accept' ? 'acceptMinutes' : 'resolveMinutes';
    const sql =
      `SELECT ${this.keyExpression(key)} AS k, ${this.bucketExpression(column)} AS lower_bound, COUNT(*) AS n` +
      ` FROM ${this.q('tickets')} WHERE ${this.range()} AND ${this.q('status')} <> 'merged' AND ${this.q(column)} IS NOT NULL` +
      ` GROUP BY k, lower_bound`;
    const rows = await this.run<Record<string, unknown>>(sql, { start, end });
    return rows.map((row) => ({ key: keyText(row.k), kind, lower: Number(row.lower_bound), count: Number(row.n) }));
  }

  async names(): Promise<Names> {
    const manager = this.dataSource.manager;
    const [departments, categories, regions] = await Promise.all([
      manager.getRepository(Department).find({ select: { id: true, code: true, name: true } }),
      manager.getRepository(Category).find({ select: { id: true, code: true, name: true, parentId: true } }),
      manager.getRepository(Region).find({ select: { code: true, name: true, level: true, parentCode: true } }),
    ]);
    return { departments, categories, regions };
  }
}

/** Group keys as text: '' for no department / category / region; MySQL's DATE() comes back as a Date. */
function keyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
