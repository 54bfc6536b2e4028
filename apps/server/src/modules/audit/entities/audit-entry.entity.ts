import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';
import { User } from '../../users/entities/user.entity';

export type AuditAction = 'create' | 'update' | 'delete';

/** A flat record of field values (JSON scalars or lists of strings), as stored in before/after. */
export type AuditSnapshotValue = string | number | boolean | null | string[];
export type AuditSnapshot = Record<string, AuditSnapshotValue>;

/** Who changed which administrative record, when, from what to what (ARCHITECTURE.md §10). */
@Entity('audit_entries')
@Index(['entityType', 'entityId', 'createdAt'])
export class AuditEntry extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  actorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actorId' })
  actor?: Relation<User>;

  @Column({ type: 'simple-enum', enum: ['create', 'update', 'delete'] })
  action!: AuditAction;

  /** e.g. `department`, `category`, `user`, `default_route` */
  @Column({ type: 'varchar', length: 32 })
  entityType!: string;

  @Column({ type: 'varchar', length: 64 })
  entityId!: string;

  /** The changed fields before and after; secrets (password hashes, webhook secrets) never appear. */
  @Column({ type: 'simple-json', nullable: true })
  before!: AuditSnapshot | null;

  @Column({ type: 'simple-json', nullable: true })
  after!: AuditSnapshot | null;
}
