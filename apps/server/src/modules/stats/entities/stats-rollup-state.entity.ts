import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where the daily rollups stand (one row, `daily`, made by the migration). Its row lock serialises
 * refreshes across instances. `watermark` null: not built yet; the backfill walks the days from
 * `backfillDay` and, once through, sets `watermark` to `backfillStartedAt`.
 */
@Entity('stats_rollup_state')
export class StatsRollupState {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  id!: string;

  /** Changes stamped (`tickets.updatedAt`) before this, less the overlap margin, are in the rollups. */
  @Column({ type: 'datetime', nullable: true })
  watermark!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  backfillStartedAt!: Date | null;

  /** The next city day the backfill builds. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  backfillDay!: string | null;

  /** The last city day the backfill builds (the day it started). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  backfillLastDay!: string | null;
}
