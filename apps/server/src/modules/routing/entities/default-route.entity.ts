import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';
import { Category } from '../../categories/entities/category.entity';
import { Department } from '../../departments/entities/department.entity';

/** The plain category → department table: where a report goes when no routing rule matches it. */
@Entity('default_routes')
export class DefaultRoute extends BaseEntity {
  @Column({ type: 'varchar', length: 36, unique: true })
  categoryId!: string;

  @ManyToOne(() => Category, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'categoryId' })
  category?: Relation<Category>;

  @Column({ type: 'varchar', length: 36 })
  departmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'departmentId' })
  department?: Relation<Department>;
}
