import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../../database/id.util';

export const OUTBOX_STATUSES = ['pending', 'done', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** JSON a message carries to its handler; no secrets, no personal data beyond internal ids. */
export type OutboxPayload = Record<string, unknown>;

/**
 * One message that must leave the process (a department webhook, a resident notice), written in the
 * transaction of the state change it reports and delivered at least once by the worker. The id is the
 * message id receivers see (`X-Message-Id`): the same on every attempt, so they can drop repeats.
 *
 * A claim sets `lockedBy`/`lockedUntil` and moves `nextAttemptAt` to the end of the lease, so one
 * index (status, nextAttemptAt) finds both due messages and those a crashed worker left behind.
 */
@Entity('outbox_messages')
@Index('IDX_outbox_due', ['status', 'nextAttemptAt'])
@Index('IDX_outbox_status_id', ['status', 'id'])
export class OutboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  /** e.g. `department.ticket.dispatched`, `resident.ticket.status`; selects the handler. */
  @Column({ type: 'varchar', length: 64 })
  topic!: string;

  @Column({ type: 'simple-json' })
  payload!: OutboxPayload;

  @Column({ type: 'simple-enum', enum: OUTBOX_STATUSES, default: 'pending' })
  status!: OutboxStatus;

  /** Attempts started (counted when claimed, so a crash during delivery counts too). */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'datetime', precision: 3 })
  nextAttemptAt!: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  /** The claim (one per worker batch) that holds the message, until `lockedUntil`. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  lockedBy!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  doneAt!: Date | null;
}
