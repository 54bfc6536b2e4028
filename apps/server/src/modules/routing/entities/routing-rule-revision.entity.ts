import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { LargeTextColumn } from '../../../core/database/column-types.util';
import { BaseEntity } from '../../../core/database/base.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A published routing rule set. Append-only; the newest revision is the live one that dispatch
 * evaluates. `createdAt` is the publication time.
 */
@Entity('routing_rule_revisions')
export class RoutingRuleRevision extends BaseEntity {
  /** 1, 2, 3 …; unique, so two publishes racing for the same number cannot both commit. */
  @Column({ type: 'int', unique: true })
  revision!: number;

  /** The rules as JSON text, exactly as published. */
  @LargeTextColumn()
  rules!: string;

  @Column({ type: 'int' })
  ruleCount!: number;

  /** Null: published by the system (the seed). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  authorId!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authorId' })
  author?: Relation<User> | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  /** diffRuleSets(previous, this).summary, e.g. `新增 1 条、删除 0 条、修改 2 条规则`. */
  @Column({ type: 'varchar', length: 200 })
  diffSummary!: string;

  @Column({ type: 'int', default: 0 })
  addedCount!: number;

  @Column({ type: 'int', default: 0 })
  removedCount!: number;

  @Column({ type: 'int', default: 0 })
  changedCount!: number;

  /** Set when this revision is a rollback: the revision whose rules it republished. */
  @Column({ type: 'int', nullable: true })
  rolledBackFrom!: number | null;
}
