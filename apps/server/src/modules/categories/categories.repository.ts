import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager, type Repository } from 'typeorm';
import { forUpdate } from '../admin/row-lock.util';
import type { CategoryRow } from './category-tree.util';
import { Category } from './entities/category.entity';
import { ReferenceDataService } from '../reference/reference-data.service';

export type CategoryFields = Pick<
  Category,
  'code' | 'name' | 'description' | 'parentId' | 'sortOrder' | 'keywords' | 'slaPolicyId' | 'dedupeRadiusMetres' | 'active'
>;

export type CategoryChanges = Partial<Omit<CategoryFields, 'code' | 'parentId'>>;

/** Rows as the admin pages show them: with the policy and parent codes. */
const WITH_CODES = { slaPolicy: true, parent: true } as const;

@Injectable()
export class CategoriesRepository {
  constructor(
    @InjectRepository(Category) private readonly categories: Repository<Category>,
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  /** Reference data (ReferenceDataService) is reloaded after every admin transaction here, committed or not. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work).finally(() => this.reference.invalidate());
  }

  findActiveRows(): Promise<CategoryRow[]> {
    return this.categories.find({
      select: { id: true, code: true, name: true, description: true, parentId: true, sortOrder: true },
      where: { active: true },
    });
  }

  findAll(): Promise<Category[]> {
    return this.categories.find({ relations: { slaPolicy: true } });
  }

  findByCode(code: string): Promise<Category | null> {
    return this.categories.findOneBy({ code });
  }

  /** The sortOrder that puts a new node after its current siblings. */
  async nextSortOrder(parentId: string | null): Promise<number> {
    const last = await this.categories.findOne({
      select: { id: true, sortOrder: true },
      where: { parentId: parentId ?? IsNull() },
      order: { sortOrder: 'DESC' },
    });
    return last ? last.sortOrder + 1 : 0;
  }

  lockByCode(manager: EntityManager, code: string): Promise<Category | null> {
    const query = manager
      .getRepository(Category)
      .createQueryBuilder('category')
      .leftJoinAndSelect('category.slaPolicy', 'slaPolicy')
      .leftJoinAndSelect('category.parent', 'parent')
      .where('category.code = :code', { code });
    return forUpdate(query, manager).getOne();
  }

  async insert(manager: EntityManager, fields: CategoryFields): Promise<Category> {
    const repository = manager.getRepository(Category);
    const row = repository.create(fields);
    await repository.insert(row);
    return repository.findOneOrFail({ where: { id: row.id }, relations: WITH_CODES });
  }

  async update(manager: EntityManager, id: string, changes: CategoryChanges): Promise<Category> {
    const repository = manager.getRepository(Category);
    if (Object.keys(changes).length > 0) await repository.update({ id }, changes);
    return repository.findOneOrFail({ where: { id }, relations: WITH_CODES });
  }
}
