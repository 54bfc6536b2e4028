import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan, type EntityManager } from 'typeorm';
import { forUpdate } from '../admin/row-lock.util';
import { Category } from '../categories/entities/category.entity';
import { ApiKey } from './entities/api-key.entity';

export type ApiKeyFields = Pick<ApiKey, 'name' | 'keyPrefix' | 'keyHash' | 'serviceCodes' | 'createdById'>;

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Keyset page, newest first (UUIDv7 ids follow creation). */
  page(beforeId: string | undefined, limit: number): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({
      where: beforeId ? { id: LessThan(beforeId) } : {},
      order: { id: 'DESC' },
      take: limit,
    });
  }

  findById(id: string): Promise<ApiKey | null> {
    return this.dataSource.getRepository(ApiKey).findOneBy({ id });
  }

  lock(manager: EntityManager, id: string): Promise<ApiKey | null> {
    return forUpdate(manager.getRepository(ApiKey).createQueryBuilder('k').where('k.id = :id', { id }), manager).getOne();
  }

  async insert(manager: EntityManager, fields: ApiKeyFields): Promise<ApiKey> {
    const repository = manager.getRepository(ApiKey);
    const row = repository.create({ ...fields, revokedAt: null, lastUsedAt: null });
    await repository.insert(row);
    return repository.findOneByOrFail({ id: row.id });
  }

  async update(manager: EntityManager, id: string, changes: Partial<Pick<ApiKey, 'name' | 'serviceCodes' | 'revokedAt'>>): Promise<ApiKey> {
    const repository = manager.getRepository(ApiKey);
    await repository.update({ id }, { ...changes, updatedAt: new Date() });
    return repository.findOneByOrFail({ id });
  }

  /** Which of these codes are active 小类 (service codes). */
  async serviceCodesAmong(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(Category)
      .createQueryBuilder('c')
      .innerJoin('c.parent', 'p')
      .select('c.code', 'code')
      .where({ code: In(codes), active: true })
      .getRawMany<{ code: string }>();
    return new Set(rows.map((row) => row.code));
  }
}
