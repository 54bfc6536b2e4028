import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { LargeTextColumn } from '../../../core/database/column-types.util';
import { BaseEntity } from '../../../core/database/base.entity';
import { User } from '../../users/entities/user.entity';

/** The one draft slot: admins edit it, dispatch never reads it. */
export const DRAFT_SLOT = 'city';

/**
 * The routing rule set admins are editing (ARCHITECTURE.md §7). One row; `version` is the optimistic
 * lock: a save names the version it started from and is refused once another save moved it on.
 */
@Entity('routing_rule_drafts')
export class RoutingRuleDraft extends BaseEntity {
  /** Unique, so the table cannot hold a second draft. */
  @Column({ type: 'varchar', length: 16, unique: true })
  slot!: string;

  /** The rules as JSON text (validated by validateRuleSet before every write). */
  @LargeTextColumn()
  rules!: string;

  @Column({ type: 'int', default: 1 })
  version!: number;

  /** Null: written by the system (the seed). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  updatedById!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updatedById' })
  updatedBy?: Relation<User> | null;
}

