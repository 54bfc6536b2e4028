import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { forUpdate } from '../admin/row-lock.util';
import { Category } from '../categories/entities/category.entity';
import { DefaultRoute } from './entities/default-route.entity';
import { ReferenceDataService } from '../reference/reference-data.service';

@Injectable()
export class DefaultRoutesRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  /** Reference data (ReferenceDataService) is reloaded after every admin transaction here, committed or not. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work).finally(() => this.reference.invalidate());
  }

  activeCategories(): Promise<Category[]> {
    return this.dataSource.getRepository(Category).find({
      select: { id: true, code: true, name: true, description: true, parentId: true, sortOrder: true },
      where: { active: true },
    });
  }

  findCategory(code: string): Promise<Category | null> {
    return this.dataSource.getRepository(Category).findOne({ where: { code }, relations: { parent: true } });
  }

  /** Routes with their departments; all of them, or those of the given categories. */
  routes(categoryIds?: string[]): Promise<DefaultRoute[]> {
    return this.dataSource.getRepository(DefaultRoute).find({
      where: categoryIds === undefined ? {} : { categoryId: In(categoryIds) },
      relations: { department: true },
    });
  }

  lockRoute(manager: EntityManager, categoryId: string): Promise<DefaultRoute | null> {
    const query = manager
      .getRepository(DefaultRoute)
      .createQueryBuilder('route')
      .leftJoinAndSelect('route.department', 'department')
      .where('route.categoryId = :categoryId', { categoryId });
    return forUpdate(query, manager).getOne();
  }

  async insert(manager: EntityManager, categoryId: string, departmentId: string): Promise<void> {
    const repository = manager.getRepository(DefaultRoute);
    await repository.insert(repository.create({ categoryId, departmentId }));
  }

  async update(manager: EntityManager, id: string, departmentId: string): Promise<void> {
    await manager.getRepository(DefaultRoute).update({ id }, { departmentId });
  }

  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(DefaultRoute).delete({ id });
  }
}
