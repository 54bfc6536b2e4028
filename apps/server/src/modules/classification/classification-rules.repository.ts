import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Category } from '../categories/entities/category.entity';
import { ClassificationRule } from './entities/classification-rule.entity';

@Injectable()
export class ClassificationRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  all(): Promise<ClassificationRule[]> {
    return this.dataSource.getRepository(ClassificationRule).find({ relations: { category: true }, order: { keyword: 'ASC' } });
  }

  /** Enabled rules of active categories: what the classifier applies. */
  enabled(): Promise<ClassificationRule[]> {
    return this.dataSource
      .getRepository(ClassificationRule)
      .find({ where: { enabled: true, category: { active: true } }, relations: { category: true } });
  }

  /** Active categories with their parents: what a prediction may name. */
  activeCategories(): Promise<Category[]> {
    return this.dataSource.getRepository(Category).find({ where: { active: true }, relations: { parent: true } });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ClassificationRule | null> {
    return manager.getRepository(ClassificationRule).findOne({ where: { id }, relations: { category: true } });
  }

  findByKeyword(keyword: string): Promise<ClassificationRule | null> {
    return this.dataSource.getRepository(ClassificationRule).findOneBy({ keyword });
  }

  /** Changes since this stamp make the classifier reload its rules (every instance polls it). */
  async stamp(): Promise<string> {
    const row = await this.dataSource
      .getRepository(ClassificationRule)
      .createQueryBuilder('r')
      .select('COUNT(*)', 'count')
      .addSelect('MAX(r.updatedAt)', 'latest')
      .getRawOne<{ count: number | string; latest: Date | string | null }>();
    return `${row?.count ?? 0}:${row?.latest ? new Date(row.latest).getTime() : 0}`;
  }

  async insert(manager: EntityManager, rule: Pick<ClassificationRule, 'keyword' | 'categoryId' | 'enabled'>): Promise<string> {
    const repository = manager.getRepository(ClassificationRule);
    const row = repository.create(rule);
    await repository.insert(row);
    return row.id;
  }

  async update(manager: EntityManager, id: string, changes: Partial<Pick<ClassificationRule, 'keyword' | 'categoryId' | 'enabled'>>): Promise<void> {
    await manager.getRepository(ClassificationRule).update({ id }, { ...changes, updatedAt: new Date() });
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(ClassificationRule).delete({ id });
  }
}
