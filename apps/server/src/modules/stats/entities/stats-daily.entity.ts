import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a rollup row is summed by: the whole city, or one department / leaf category / region code. */
export const STATS_DIMENSIONS = ['all', 'department', 'category', 'region'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/**
 * Pre-aggregated statistics (modules/stats): the sums of the tickets created on one city day
 * (Asia/Shanghai), per dimension and key, recomputed whole from `tickets` whenever one of that day's
 * tickets changed (never updated by the ticket transactions themselves). Every column is additive, so a
 * range, a week or a 大类 is the sum of its rows. Keys are the tickets' raw ids / codes ('' for none);
 * names, 大类 and districts are resolved when answering, so renames and re-parenting need no rebuild.
 */
@Entity('stats_daily')
export class StatsDaily {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  dimension!: StatsDimension;

  /** `2026-11-30`. Second in the key: requests read one dimension over a range of days. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  key!: string;

  /** Tickets per status, merged ones included (they show in `byStatus` only). */
  @Column({ type: 'int', default: 0 })
  pendingTriage!: number;

  @Column({ type: 'int', default: 0 })
  dispatched!: number;

  @Column({ type: 'int', default: 0 })
  inProgress!: number;

  @Column({ type: 'int', default: 0 })
  resolved!: number;

  @Column({ type: 'int', default: 0 })
  closed!: number;

  @Column({ type: 'int', default: 0 })
  rejected!: number;

  @Column({ type: 'int', default: 0 })
  merged!: number;

  /** The sums below are over the tickets that are not merged. */
  @Column({ type: 'int', default: 0 })
  tickets!: number;

  @Column({ type: 'int', default: 0 })
  acceptedCount!: number;

  @Column({ type: 'int', default: 0 })
  acceptedOnTime!: number;

  @Column({ type: 'int', default: 0 })
  resolvedCount!: number;

  @Column({ type: 'int', default: 0 })
  resolvedOnTime!: number;

  @Column({ type: 'int', default: 0 })
  reopened!: number;

  @Column({ type: 'int', default: 0 })
  ratings!: number;

  @Column({ type: 'int', default: 0 })
  ratingSum!: number;

  @Column({ type: 'int', default: 0 })
  satisfied!: number;

  @Column({ type: 'int', default: 0 })
  supporters!: number;

  /** Sign-for and resolution durations: `[lower, count, lower, count, …]` of DURATION_BUCKET_TIERS buckets. */
  @Column({ type: 'text' })
  acceptBuckets!: string;

  @Column({ type: 'text' })
  resolveBuckets!: string;
}
