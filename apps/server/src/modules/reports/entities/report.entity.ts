import type { CoordSystemName, IntakeCheckRecord, ModerationDecision, Reason, ReportOutcome } from '@ssp/contracts';
import { REPORT_OUTCOMES } from '@ssp/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';
import { User } from '../../users/entities/user.entity';

/** One resident submission. The first report of a problem opens its ticket; duplicates merge into it. */
@Entity('reports')
@Index(['reporterId', 'clientRequestId'], { unique: true })
@Index(['reporterId', 'createdAt'])
@Index(['deviceId', 'createdAt'])
@Index(['textHash', 'createdAt'])
@Index(['outcome', 'id'])
export class Report extends BaseEntity {
  @Column({ type: 'varchar', length: 20, unique: true })
  reportNo!: string;

  @Column({ type: 'varchar', length: 36 })
  reporterId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reporterId' })
  reporter?: Relation<User>;

  /** Chosen by the client per submission, so a retried submit cannot create a second report. */
  @Column({ type: 'varchar', length: 64 })
  clientRequestId!: string;

  @Column({ type: 'text' })
  description!: string;

  /** The position exactly as the device sent it (personal data: never in a public view). */
  @Column({ type: 'double' })
  lat!: number;

  @Column({ type: 'double' })
  lng!: number;

  @Column({ type: 'simple-enum', enum: ['gcj02', 'wgs84'] })
  coordSystem!: CoordSystemName;

  @Column({ type: 'varchar', length: 12 })
  geohash!: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  chosenCategoryCode!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  suggestedCategoryCode!: string | null;

  @Column({ type: 'simple-enum', enum: REPORT_OUTCOMES })
  outcome!: ReportOutcome;

  @Column({ type: 'simple-json' })
  reasons!: Reason[];

  /** Every intake check's result, in the order they ran (ARCHITECTURE.md §6). */
  @Column({ type: 'simple-json', nullable: true })
  checks!: IntakeCheckRecord[] | null;

  /** The device id the client sent, for per-device rate limits. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  deviceId!: string | null;

  /** sha256 of the normalised description: the same text sent again is found by an index. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  textHash!: string | null;

  /** The classifier's confidence in `suggestedCategoryCode`. */
  @Column({ type: 'double', nullable: true })
  classifierConfidence!: number | null;

  /** An admin's decision on a report held for review. */
  @Column({ type: 'simple-enum', enum: ['accept', 'reject'], nullable: true })
  reviewDecision!: ModerationDecision | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reviewNote!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  reviewedById!: string | null;

  @Column({ type: 'datetime', nullable: true })
  reviewedAt!: Date | null;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  ticketId!: string | null;

  @Column({ type: 'int', nullable: true })
  rating!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  ratingComment!: string | null;

  @Column({ type: 'datetime', nullable: true })
  ratedAt!: Date | null;
}
