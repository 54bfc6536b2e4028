import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { changeStamp } from '../../core/database/change-stamp.util';
import { Category } from '../categories/entities/category.entity';
import { Department } from '../departments/entities/department.entity';
import { DefaultRoute } from '../routing/entities/default-route.entity';
import { SlaPolicy } from '../sla/entities/sla-policy.entity';

export type ReferenceDepartment = Pick<Department, 'id' | 'code' | 'name' | 'active'>;

export interface ReferenceRows {
  categories: Category[];
  departments: ReferenceDepartment[];
  defaultRoutes: Array<Pick<DefaultRoute, 'categoryId' | 'departmentId'>>;
  slaPolicies: SlaPolicy[];
}

/** The small admin-edited tables every report reads (categories, departments, default routes, SLA policies). */
@Injectable()
export class ReferenceDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<ReferenceRows> {
    const [categories, departments, defaultRoutes, slaPolicies] = await Promise.all([
      this.dataSource.getRepository(Category).find(),
      this.dataSource.getRepository(Department).find({ select: { id: true, code: true, name: true, active: true } }),
      this.dataSource.getRepository(DefaultRoute).find({ select: { id: true, categoryId: true, departmentId: true } }),
      this.dataSource.getRepository(SlaPolicy).find(),
    ]);
    return { categories, departments, defaultRoutes, slaPolicies };
  }

  /** Moves when any of the four tables changed (see changeStamp). */
  async stamp(): Promise<string> {
    const stamps = await Promise.all([Category, Department, DefaultRoute, SlaPolicy].map((entity) => changeStamp(this.dataSource.manager, entity)));
    return stamps.join('|');
  }
}
