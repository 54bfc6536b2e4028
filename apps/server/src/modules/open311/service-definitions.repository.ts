import { Injectable } from '@nestjs/common';
import type { ServiceAttribute } from '@ssp/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { forUpdate } from '../admin/row-lock.util';
import { Category } from '../categories/entities/category.entity';

/** A category's Open311 service definition (its `serviceAttributes`). */
@Injectable()
export class ServiceDefinitionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findByCode(code: string): Promise<Category | null> {
    return this.dataSource.getRepository(Category).findOneBy({ code });
  }

  lockByCode(manager: EntityManager, code: string): Promise<Category | null> {
    return forUpdate(manager.getRepository(Category).createQueryBuilder('c').where('c.code = :code', { code }), manager).getOne();
  }

  async setAttributes(manager: EntityManager, id: string, attributes: ServiceAttribute[] | null): Promise<void> {
    await manager.getRepository(Category).update({ id }, { serviceAttributes: attributes, updatedAt: new Date() });
  }
}
