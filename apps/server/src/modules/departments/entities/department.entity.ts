import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';

/** A body that receives work orders: a city bureau, a district 城管 bureau, a utility centre. */
@Entity('departments')
export class Department extends BaseEntity {
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Short label for list cells and chips. */
  @Column({ type: 'varchar', length: 32, default: '' })
  shortName!: string;

  /** What it handles, shown to admins choosing a dispatch target. */
  @Column({ type: 'varchar', length: 500, default: '' })
  duties!: string;

  /** Administrative code of the district a district-level bureau serves; null for city-wide bodies. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contact!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  webhookUrl!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  webhookSecret!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
