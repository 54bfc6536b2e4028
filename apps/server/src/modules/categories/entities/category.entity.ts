import type { ServiceAttribute } from '@ssp/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';
import { SlaPolicy } from '../../sla/entities/sla-policy.entity';

/** A node of the two-level tree: 大类 (parentId null) or 小类. */
@Entity('categories')
@Index(['parentId', 'sortOrder'])
export class Category extends BaseEntity {
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Category, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId' })
  parent?: Relation<Category> | null;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;

  /** Words residents use for this problem; seeds the classifier and the suggestion endpoint. */
  @Column({ type: 'simple-json' })
  keywords!: string[];

  @Column({ type: 'varchar', length: 36, nullable: true })
  slaPolicyId!: string | null;

  @ManyToOne(() => SlaPolicy, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'slaPolicyId' })
  slaPolicy?: Relation<SlaPolicy> | null;

  /** Reports of this category within this distance of an open ticket are duplicate candidates. */
  @Column({ type: 'int', default: 50 })
  dedupeRadiusMetres!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Extra questions for this kind of problem (an Open311 service definition); null: none. */
  @Column({ type: 'simple-json', nullable: true })
  serviceAttributes!: ServiceAttribute[] | null;
}
