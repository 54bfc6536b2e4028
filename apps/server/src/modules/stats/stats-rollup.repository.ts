import { Injectable } from '@nestjs/common';
import {
  emptyStatsTally,
  encodeHistogram,
  type StatsStoredCounts,
  type StatsTally,
  type TicketStatsFigures,
  type TicketStatus,
} from '@ssp/contracts';
import { DataSource, type EntityManager, type ObjectLiteral } from 'typeorm';
import { rawInsert, type RawInsert } from '../../core/database/raw-insert.util';
import { STATS_DIMENSIONS, StatsDaily, type StatsDimension } from './entities/stats-daily.entity';
import { StatsRollupState } from './entities/stats-rollup-state.entity';

export const ROLLUP_STATE_ID = 'daily';

/** A ticket's figures with what it is rolled up by. */
export interface RollupTicket extends TicketStatsFigures {
  day: string;
  departmentId: string;
  categoryId: string;
  regionCode: string;
}

/** What a request reads: counts summed per key (per day for `all`), and every row's two histograms. */
export interface StoredRollups {
  counts: Array<StatsStoredCounts & { key: string }>;
  histograms: Array<{ key: string; acceptBuckets: string; resolveBuckets: string }>;
}

/** One rollup row: the sums of a (dimension, key, day). */
export interface RollupRow {
  dimension: StatsDimension;
  day: string;
  key: string;
  tally: StatsTally;
}

export type RollupStateFields = Pick<StatsRollupState, 'watermark' | 'backfillStartedAt' | 'backfillDay' | 'backfillLastDay'>;

const STATUS_COLUMNS: Record<TicketStatus, keyof StatsDaily> = {
  pending_triage: 'pendingTriage',
  dispatched: 'dispatched',
  in_progress: 'inProgress',
  resolved: 'resolved',
  closed: 'closed',
  rejected: 'rejected',
  merged: 'merged',
};

/**
 * The rollups' SQL (`stats_daily`, `stats_rollup_state`) and the reads of `tickets` they are computed
 * from: a day's tickets through `IDX_tickets_stats` (covering), changed days through `IDX_tickets_changed`.
 */
@Injectable()
export class StatsRollupRepository {
  /**
   * A busy day has thousands of rollup rows (one per department, category and region key): the query
   * builder's parameter handling grows with the square of a statement's parameters, so they go through
   * the prepared multi-row INSERT instead.
   */
  private readonly insertRows: RawInsert<StatsDaily>;

  constructor(private readonly dataSource: DataSource) {
    this.insertRows = rawInsert(dataSource, StatsDaily);
  }

  private get mysql(): boolean {
    return this.dataSource.options.type !== 'better-sqlite3';
  }

  private q(name: string): string {
    return this.dataSource.driver.escape(name);
  }

  /** The city day (UTC+8) of `createdAt` as `YYYY-MM-DD` text, the same day the per-ticket SQL used. */
  private dayExpression(): string {
    const createdAt = this.q('createdAt');
    return this.mysql ? `DATE_FORMAT(${createdAt} + INTERVAL 8 HOUR, '%Y-%m-%d')` : `strftime('%Y-%m-%d', ${createdAt}, '+8 hours')`;
  }

  private async run<T>(manager: EntityManager, sql: string, parameters: ObjectLiteral): Promise<T[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    return manager.query<T[]>(text, values);
  }

  /**
   * A refresh step. READ COMMITTED on MySQL: every statement reads what is committed when it runs, so a
   * step that waited for another instance's step reads at least what that one read.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.mysql ? this.dataSource.transaction('READ COMMITTED', work) : this.dataSource.transaction(work);
  }

  /** The state row, locked until the transaction ends (SQLite serialises writers already, no FOR UPDATE). */
  async lockState(manager: EntityManager): Promise<RollupStateFields> {
    const read = () => {
      const query = manager.getRepository(StatsRollupState).createQueryBuilder('state').where('state.id = :id', { id: ROLLUP_STATE_ID });
      return (this.mysql ? query.setLock('pessimistic_write') : query).getOne();
    };
    let state = await read();
    if (!state) {
      // The migration made it; should someone have deleted it, the rollups are rebuilt.
      await manager.createQueryBuilder().insert().into(StatsRollupState).values({ id: ROLLUP_STATE_ID }).orIgnore().execute();
      state = await read();
    }
    if (!state) throw new Error('stats_rollup_state has no row');
    return state;
  }

  async saveState(manager: EntityManager, fields: RollupStateFields): Promise<void> {
    await manager.getRepository(StatsRollupState).update({ id: ROLLUP_STATE_ID }, fields);
  }

  /** The city day of the oldest ticket; null without tickets. */
  async firstDay(manager: EntityManager): Promise<string | null> {
    const [row] = await this.run<{ day: string | null }>(
      manager,
      `SELECT ${this.dayExpression()} AS day FROM ${this.q('tickets')} ORDER BY ${this.q('createdAt')} LIMIT 1`,
      {},
    );
    return row?.day ?? null;
  }

  /**
   * The tickets stamped (`updatedAt`) at or after `since`: each with its city day and a key of the change
   * (version and stamp), so a refresh can tell a change it already rebuilt from a new one.
   */
  async changesSince(manager: EntityManager, since: Date): Promise<TicketChangeStamp[]> {
    const q = (name: string) => this.q(name);
    const rows = await this.run<{ id: string; day: string; version: number | string; updatedAt: unknown }>(
      manager,
      `SELECT ${q('id')} AS id, ${this.dayExpression()} AS day, ${q('version')} AS version, ${q('updatedAt')} AS updatedAt FROM ${q('tickets')} WHERE ${q('updatedAt')} >= :since`,
      { since },
    );
    return rows.map((row) => ({ id: row.id, day: row.day, change: `${Number(row.version)}@${stampOf(row.updatedAt)}` }));
  }

  /** The figures of every ticket created in [start, end). */
  async tickets(manager: EntityManager, start: Date, end: Date): Promise<RollupTicket[]> {
    const q = (name: string) => this.q(name);
    const columns = ['status', 'departmentId', 'categoryId', 'regionCode', 'supporterCount', 'reopenCount', 'acceptMinutes', 'acceptedOnTime', 'resolveMinutes', 'resolvedOnTime', 'ratingCount', 'ratingSum', 'satisfiedCount'];
    const rows = await this.run<Record<string, unknown>>(
      manager,
      `SELECT ${this.dayExpression()} AS day, ${columns.map(q).join(', ')} FROM ${q('tickets')}` +
        ` WHERE ${q('createdAt')} >= :start AND ${q('createdAt')} < :end`,
      { start, end },
    );
    const count = (value: unknown) => Number(value ?? 0);
    const nullable = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    return rows.map((row) => ({
      day: String(row.day),
      status: row.status as TicketStatus,
      departmentId: (row.departmentId as string | null) ?? '',
      categoryId: (row.categoryId as string | null) ?? '',
      regionCode: (row.regionCode as string | null) ?? '',
      supporterCount: count(row.supporterCount),
      reopenCount: count(row.reopenCount),
      acceptMinutes: nullable(row.acceptMinutes),
      acceptedOnTime: nullable(row.acceptedOnTime),
      resolveMinutes: nullable(row.resolveMinutes),
      resolvedOnTime: nullable(row.resolvedOnTime),
      ratingCount: count(row.ratingCount),
      ratingSum: count(row.ratingSum),
      satisfiedCount: count(row.satisfiedCount),
    }));
  }

  /** Replaces every row of these days by `rows` (rows of other days are refused). */
  async replaceDays(manager: EntityManager, days: string[], rows: RollupRow[]): Promise<void> {
    if (days.length === 0) return;
    const daySet = new Set(days);
    const stray = rows.find((row) => !daySet.has(row.day));
    if (stray) throw new Error(`rollup row of ${stray.day} outside the days being replaced`);
    await manager
      .createQueryBuilder()
      .delete()
      .from(StatsDaily)
      .where('dimension IN (:...dimensions)', { dimensions: [...STATS_DIMENSIONS] })
      .andWhere('day IN (:...days)', { days })
      .execute();
    await this.insertRows(manager, rows.map(toEntity));
  }

  /**
   * One dimension over the city days from `fromDay` to `toDay`, both included: two reads of one primary
   * key range. The database sums the counts per key (per day for `all`, one row each); the histograms
   * come row by row (a short text each) and are merged by the caller.
   */
  async read(dimension: StatsDimension, fromDay: string, toDay: string): Promise<StoredRollups> {
    const q = (name: string) => this.q(name);
    // Keys are ASCII ids and codes: the binary collation groups them the same, at about half the cost.
    const group = dimension === 'all' ? q('day') : this.mysql ? `${q('key')} COLLATE utf8mb4_bin` : q('key');
    const where = `${q('dimension')} = :dimension AND ${q('day')} >= :fromDay AND ${q('day')} <= :toDay`;
    const parameters = { dimension, fromDay, toDay };
    const [counts, histograms] = await Promise.all([
      this.run<Record<string, unknown>>(
        this.dataSource.manager,
        `SELECT ${group} AS k, ${COUNT_COLUMNS.map((column) => `SUM(${q(column)}) AS ${q(column)}`).join(', ')}` +
          ` FROM ${q('stats_daily')} WHERE ${where} GROUP BY ${group}`,
        parameters,
      ),
      this.run<{ k: string; a: string; r: string }>(
        this.dataSource.manager,
        `SELECT ${dimension === 'all' ? q('day') : q('key')} AS k, ${q('acceptBuckets')} AS a, ${q('resolveBuckets')} AS r FROM ${q('stats_daily')} WHERE ${where}`,
        parameters,
      ),
    ]);
    return {
      counts: counts.map(countsOf),
      histograms: histograms.map((row) => ({ key: String(row.k), acceptBuckets: row.a, resolveBuckets: row.r })),
    };
  }
}

/** A ticket seen by `changesSince`: its city day and what identifies this change of it. */
export interface TicketChangeStamp {
  id: string;
  day: string;
  change: string;
}

/** A stamp as the engine returns it (a Date from mysql2, the stored text from SQLite), compared as given. */
function stampOf(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function toEntity(row: RollupRow): StatsDaily {
  const entity: Record<string, unknown> = { dimension: row.dimension, day: row.day, key: row.key };
  for (const [status, column] of Object.entries(STATUS_COLUMNS)) entity[column] = row.tally.byStatus[status as TicketStatus];
  const c = row.tally.counted;
  Object.assign(entity, {
    tickets: c.tickets,
    acceptedCount: c.accepted,
    acceptedOnTime: c.acceptedOnTime,
    resolvedCount: c.resolved,
    resolvedOnTime: c.resolvedOnTime,
    reopened: c.reopened,
    ratings: c.ratings,
    ratingSum: c.ratingSum,
    satisfied: c.satisfied,
    supporters: c.supporters,
    acceptBuckets: encodeHistogram(row.tally.accept),
    resolveBuckets: encodeHistogram(row.tally.resolve),
  });
  return entity as unknown as StatsDaily;
}

const COUNT_COLUMNS = [...Object.values(STATUS_COLUMNS), 'tickets', 'acceptedCount', 'acceptedOnTime', 'resolvedCount', 'resolvedOnTime', 'reopened', 'ratings', 'ratingSum', 'satisfied', 'supporters'];

/** Summed columns back into counts. */
function countsOf(raw: Record<string, unknown>): StatsStoredCounts & { key: string } {
  const n = (column: string) => Number(raw[column] ?? 0);
  const byStatus = emptyStatsTally().byStatus;
  for (const [status, column] of Object.entries(STATUS_COLUMNS)) byStatus[status as TicketStatus] = n(column);
  return {
    key: String(raw.k),
    byStatus,
    counted: {
      tickets: n('tickets'),
      accepted: n('acceptedCount'),
      acceptedOnTime: n('acceptedOnTime'),
      resolved: n('resolvedCount'),
      resolvedOnTime: n('resolvedOnTime'),
      reopened: n('reopened'),
      ratings: n('ratings'),
      ratingSum: n('ratingSum'),
      satisfied: n('satisfied'),
      supporters: n('supporters'),
    },
  };
}
