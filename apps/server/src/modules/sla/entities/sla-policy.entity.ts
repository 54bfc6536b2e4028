import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';
import { Department } from '../../departments/entities/department.entity';

/** How fast a ticket must be signed for and resolved; deadlines are computed from it at dispatch. */
@Entity('sla_policies')
export class SlaPolicy extends BaseEntity {
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description!: string;

  @Column({ type: 'int' })
  acceptWithinMinutes!: number;

  @Column({ type: 'int' })
  resolveWithinHours!: number;

  /** Count only working hours (Mon–Fri 9:00–18:00 Beijing time) instead of the 24-hour clock. */
  @Column({ type: 'boolean', default: false })
  workingHoursOnly!: boolean;

  @Column({ type: 'varchar', length: 36, nullable: true })
  escalateToDepartmentId!: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'escalateToDepartmentId' })
  escalateToDepartment?: Relation<Department> | null;
}
