import type { TicketAction, TicketStatus } from '@ssp/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';
import { Department } from '../../departments/entities/department.entity';
import { User } from '../../users/entities/user.entity';
import { Ticket } from './ticket.entity';

export interface TicketEventData {
  /** request_extension / approve_extension: the requested or granted deadline (ISO). */
  until?: string;
  /** confirm / reopen: the resident's score. */
  rating?: number;
  /** request_transfer: the department staff suggest. */
  suggestedDepartmentCode?: string;
  /** open_*: why the ticket went where it went, one line per step. */
  trace?: string[];
  /** open_*: what decided the department: a routing rule (its id, name and revision), the default table, or nobody. */
  routing?: {
    by: 'rule' | 'default_table' | 'triage';
    ruleId: string | null;
    ruleName: string | null;
    /** The published revision evaluated; null before the first publish. */
    revision: number | null;
    priority: 'low' | 'normal' | 'high' | 'urgent';
  };
  /** reclassify: the category before and after. */
  previousCategoryCode?: string | null;
  categoryCode?: string;
  /** merge / merged_in / split / split_out / supporter_joined: the other side. */
  ticketNo?: string;
  reportNo?: string;
  /** supporter_joined: how sure the duplicate detector was. */
  duplicateScore?: number;
}

/** Append-only audit of every transition and note of a ticket. */
@Entity('ticket_events')
@Index(['ticketId', 'createdAt'])
export class TicketEvent extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  ticketId!: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticketId' })
  ticket?: Relation<Ticket>;

  @Column({ type: 'varchar', length: 32 })
  action!: TicketAction;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus!: TicketStatus | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus!: TicketStatus | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actorId' })
  actor?: Relation<User> | null;

  @Column({ type: 'varchar', length: 16 })
  actorRole!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The department an action sent the ticket to (dispatch, transfer, reopen). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'departmentId' })
  department?: Relation<Department> | null;

  @Column({ type: 'simple-json', nullable: true })
  data!: TicketEventData | null;
}
