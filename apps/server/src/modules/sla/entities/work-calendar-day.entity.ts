import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';

export const WORK_CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type WorkCalendarDayKind = (typeof WORK_CALENDAR_DAY_KINDS)[number];

/**
 * A Beijing date that breaks the Monday–Friday rule of working-hours SLA policies: a public holiday
 * (off although a weekday) or a make-up workday (调休: worked although a weekend). Admin-edited per year.
 */
@Entity('work_calendar_days')
export class WorkCalendarDay extends BaseEntity {
  /** `YYYY-MM-DD`, Beijing date. */
  @Column({ type: 'varchar', length: 10, unique: true })
  date!: string;

  @Column({ type: 'simple-enum', enum: WORK_CALENDAR_DAY_KINDS })
  kind!: WorkCalendarDayKind;

  /** e.g. 国庆节, 国庆节调休上班 */
  @Column({ type: 'varchar', length: 32 })
  name!: string;
}
