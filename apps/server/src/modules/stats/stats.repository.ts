import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Category } from '../categories/entities/category.entity';
import { Department } from '../departments/entities/department.entity';
import { Region } from '../regions/entities/region.entity';

interface Names {
  departments: Array<Pick<Department, 'id' | 'code' | 'name'>>;
  categories: Array<Pick<Category, 'id' | 'code' | 'name' | 'parentId'>>;
  regions: Array<Pick<Region, 'code' | 'name' | 'level' | 'parentCode'>>;
}

/** What the statistics' answers are labelled with; the figures come from the rollups (stats-rollup.repository). */
@Injectable()
export class StatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async names(): Promise<Names> {
    const manager = this.dataSource.manager;
    const [departments, categories, regions] = await Promise.all([
      manager.getRepository(Department).find({ select: { id: true, code: true, name: true } }),
      manager.getRepository(Category).find({ select: { id: true, code: true, name: true, parentId: true } }),
      manager.getRepository(Region).find({ select: { code: true, name: true, level: true, parentCode: true } }),
    ]);
    return { departments, categories, regions };
  }
}
