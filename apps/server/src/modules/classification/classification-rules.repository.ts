import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Category } from '../categories/entities/category.entity';
import { ClassificationRule } from './entities/classification-rule.entity';
import { changeStamp } from '../../core/database/change-stamp.util';

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
  stamp(): Promise<string> {
    return changeStamp(this.dataSource.manager, ClassificationRule);
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
