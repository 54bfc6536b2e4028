import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WordRule } from './entities/word-rule.entity';
import { changeStamp } from '../../core/database/change-stamp.util';

export type WordRuleFields = Pick<WordRule, 'pattern' | 'level' | 'category' | 'matchMode' | 'enabled' | 'note'>;

@Injectable()
export class WordRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  enabled(): Promise<WordRule[]> {
    return this.dataSource.getRepository(WordRule).find({ where: { enabled: true } });
  }

  /** Keyset page, newest first (UUIDv7 ids follow creation), optionally of one level or a search term. */
  page(filter: { level?: WordRule['level']; q?: string; beforeId?: string }, limit: number): Promise<WordRule[]> {
    const qb = this.dataSource.getRepository(WordRule).createQueryBuilder('w').orderBy('w.id', 'DESC').limit(limit);
    if (filter.level) qb.andWhere('w.level = :level', { level: filter.level });
    if (filter.q) qb.andWhere("w.pattern LIKE :pattern ESCAPE '!'", { pattern: `%${filter.q.replace(/[!%_]/g, (c) => `!${c}`)}%` });
    if (filter.beforeId) qb.andWhere('w.id < :beforeId', { beforeId: filter.beforeId });
    return qb.getMany();
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<WordRule | null> {
    return manager.getRepository(WordRule).findOneBy({ id });
  }

  /** Changes since this stamp make every instance recompile its matcher. */
  stamp(): Promise<string> {
    return changeStamp(this.dataSource.manager, WordRule);
  }

  async insert(manager: EntityManager, fields: WordRuleFields): Promise<WordRule> {
    const repository = manager.getRepository(WordRule);
    const row = repository.create(fields);
    await repository.insert(row);
    return row;
  }

  async update(manager: EntityManager, id: string, changes: Partial<WordRuleFields>): Promise<void> {
    await manager.getRepository(WordRule).update({ id }, { ...changes, updatedAt: new Date() });
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(WordRule).delete({ id });
  }
}
