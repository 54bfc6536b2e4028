import { USER_ROLES, type UserRole } from '@ssp/contracts';
import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';
import { Department } from '../../departments/entities/department.entity';

/**
 * Residents sign in through WeChat (openid); staff and admins with username + password hash.
 * openid is personal data: never part of a public view.
 */
@Entity('users')
export class User extends BaseEntity {
  @Column({ type: 'simple-enum', enum: USER_ROLES })
  role!: UserRole;

  @Column({ type: 'varchar', length: 64, unique: true, nullable: true })
  username!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 64, unique: true, nullable: true })
  openid!: string | null;

  @Column({ type: 'varchar', length: 64, default: '' })
  nickname!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'departmentId' })
  department?: Relation<Department> | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
