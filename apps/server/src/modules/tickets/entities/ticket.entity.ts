import { TICKET_STATUSES, type TicketStatus } from '@ssp/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';
import { Category } from '../../categories/entities/category.entity';
import { Department } from '../../departments/entities/department.entity';

/**
 * A work order (工单): one problem in the world. Changed only by conditional updates on `version`
 * (optimistic lock), each with its TicketEvent in the same transaction.
 */
@Entity('tickets')
@Index('IDX_tickets_inbox', ['departmentId', 'status', 'resolveBy', 'id'])
@Index('IDX_tickets_queue', ['status', 'resolveBy', 'id'])
@Index('IDX_tickets_nearby', ['geohash', 'status', 'createdAt'])
// The statistics' rollups find the days whose tickets changed since their watermark (modules/stats).
@Index('IDX_tickets_changed', ['updatedAt', 'createdAt'])
// Covers the statistics range scan (modules/stats): every column it aggregates, so it never reads rows;
// `id` second serves the exports' keyset order (createdAt, id); its createdAt prefix serves Open311's
// `GET /requests` window (newest first).
@Index('IDX_tickets_stats', [
  'createdAt',
  'id',
  'status',
  'departmentId',
  'categoryId',
  'regionCode',
  'supporterCount',
  'reopenCount',
  'acceptMinutes',
  'acceptedOnTime',
  'resolveMinutes',
  'resolvedOnTime',
  'ratingCount',
  'ratingSum',
  'satisfiedCount',
])
// The SLA check's scans (sla-check.repository): per overdue flag and status in deadline order, the
// other deadline columns in the index so their conditions are checked without reading the rows.
@Index('IDX_tickets_sla', ['overdue', 'status', 'resolveBy', 'id', 'escalatedDeadline', 'acceptBy'])
export class Ticket extends BaseEntity {
  @Column({ type: 'varchar', length: 20, unique: true })
  ticketNo!: string;

  @Column({ type: 'simple-enum', enum: TICKET_STATUSES })
  status!: TicketStatus;

  @Column({ type: 'varchar', length: 36, nullable: true })
  categoryId!: string | null;

  @ManyToOne(() => Category, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'categoryId' })
  category?: Relation<Category> | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'departmentId' })
  department?: Relation<Department> | null;

  @Column({ type: 'int', default: 0 })
  priority!: number;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  /** GCJ-02, the system of the city's outlines and of Chinese maps. */
  @Column({ type: 'double' })
  lat!: number;

  @Column({ type: 'double' })
  lng!: number;

  @Column({ type: 'varchar', length: 12 })
  geohash!: string;

  @Column({ type: 'datetime', nullable: true })
  acceptBy!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  resolveBy!: Date | null;

  /** Set by the SLA check (催办) when a deadline passed; cleared when the deadline moves. */
  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  /**
   * The `resolveBy` a 督办 was issued for. A moved deadline (extension, re-dispatch) differs from it,
   * so the ticket can be escalated again once it is late again; the SLA check sets it conditionally.
   */
  @Column({ type: 'datetime', nullable: true })
  escalatedDeadline!: Date | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'int', default: 1 })
  supporterCount!: number;

  @Column({ type: 'text', nullable: true })
  resolutionReply!: string | null;

  @Column({ type: 'datetime', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  pendingExtensionUntil!: Date | null;

  @Column({ type: 'int', default: 0 })
  reopenCount!: number;

  /** The last time the ticket was sent to a department (派单, 转派, 重办); null: sent when it opened. */
  @Column({ type: 'datetime', nullable: true })
  dispatchedAt!: Date | null;

  /** The last sign-for (签收), and the whole minutes from the dispatch before it. */
  @Column({ type: 'datetime', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  acceptMinutes!: number | null;

  /** That sign-for came by `acceptBy` (true when there was no deadline). */
  @Column({ type: 'boolean', nullable: true })
  acceptedOnTime!: boolean | null;

  /**
   * Whole minutes from creation to the last 办结, and whether it came by `resolveBy`. Kept when the
   * ticket is reopened (unlike `resolvedAt`): null means never resolved.
   */
  @Column({ type: 'int', nullable: true })
  resolveMinutes!: number | null;

  @Column({ type: 'boolean', nullable: true })
  resolvedOnTime!: boolean | null;

  /** Residents' ratings of the work (one per report, the latest counts): how many, their sum, how many ≥ 4. */
  @Column({ type: 'int', default: 0 })
  ratingCount!: number;

  @Column({ type: 'int', default: 0 })
  ratingSum!: number;

  @Column({ type: 'int', default: 0 })
  satisfiedCount!: number;

  /** Set when staff or an admin merged this ticket into another (status `merged`). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  mergedIntoId!: string | null;
}
