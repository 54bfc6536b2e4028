import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';
import { Category } from '../../categories/entities/category.entity';

/** An admin's keyword → category rule; it overrides the classifier when the report's text contains it. */
@Entity('classification_rules')
export class ClassificationRule extends BaseEntity {
  @Column({ type: 'varchar', length: 50, unique: true })
  keyword!: string;

  @Column({ type: 'varchar', length: 36 })
  categoryId!: string;

  @ManyToOne(() => Category, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'categoryId' })
  category?: Relation<Category>;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;
}
