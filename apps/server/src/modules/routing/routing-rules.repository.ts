import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { forUpdate } from '../admin/row-lock.util';
import { DRAFT_SLOT, RoutingRuleDraft } from './entities/routing-rule-draft.entity';
import { RoutingRuleRevision } from './entities/routing-rule-revision.entity';

export type RevisionFields = Pick<
  RoutingRuleRevision,
  'revision' | 'rules' | 'ruleCount' | 'authorId' | 'note' | 'diffSummary' | 'addedCount' | 'removedCount' | 'changedCount' | 'rolledBackFrom'
>;

/** A revision without its rules, for the history list. */
export type RevisionSummaryRow = Omit<RoutingRuleRevision, 'rules'>;

const AUTHOR_COLUMNS = ['id', 'username', 'nickname'] as const;
const SUMMARY_COLUMNS = [
  'id',
  'revision',
  'ruleCount',
  'authorId',
  'note',
  'diffSummary',
  'addedCount',
  'removedCount',
  'changedCount',
  'rolledBackFrom',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof RevisionSummaryRow)[];

/** The only code that reads and writes the routing rule draft and its published revisions. */
@Injectable()
export class RoutingRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findDraft(): Promise<RoutingRuleDraft | null> {
    return this.dataSource
      .getRepository(RoutingRuleDraft)
      .createQueryBuilder('draft')
      .leftJoin('draft.updatedBy', 'updatedBy')
      .addSelect(AUTHOR_COLUMNS.map((column) => `updatedBy.${column}`))
      .where('draft.slot = :slot', { slot: DRAFT_SLOT })
      .getOne();
  }

  /** The draft under a write lock (MySQL), so a publish sees the version it checks until it commits. */
  lockDraft(manager: EntityManager): Promise<RoutingRuleDraft | null> {
    const query = manager.getRepository(RoutingRuleDraft).createQueryBuilder('draft').where('draft.slot = :slot', { slot: DRAFT_SLOT });
    return forUpdate(query, manager).getOne();
  }

  /** Replaces the draft's rules if it is still at `version`; false when another save got there first. */
  async updateDraftIfVersion(manager: EntityManager, version: number, rules: string, updatedById: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(RoutingRuleDraft)
      .set({ rules, updatedById, version: () => 'version + 1', updatedAt: new Date() })
      .where('slot = :slot AND version = :version', { slot: DRAFT_SLOT, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** The number of the live revision, or null before the first publish: one indexed read, for polling. */
  async latestRevisionNumber(): Promise<number | null> {
    const row = await this.dataSource
      .getRepository(RoutingRuleRevision)
      .createQueryBuilder('revision')
      .select('MAX(revision.revision)', 'latest')
      .getRawOne<{ latest: number | string | null }>();
    return row?.latest === null || row?.latest === undefined ? null : Number(row.latest);
  }

  /** The live revision with its rules; inside a transaction when a manager is given. */
  latestRevision(manager?: EntityManager): Promise<RoutingRuleRevision | null> {
    return (manager ?? this.dataSource.manager).getRepository(RoutingRuleRevision).findOne({ where: {}, order: { revision: 'DESC' } });
  }

  findRevision(revision: number, manager?: EntityManager): Promise<RoutingRuleRevision | null> {
    return this.withAuthor((manager ?? this.dataSource.manager).getRepository(RoutingRuleRevision).createQueryBuilder('revision'))
      .where('revision.revision = :revision', { revision })
      .getOne();
  }

  /** Revisions newest first, below `beforeRevision` when given; without their rules. */
  revisionsPage(beforeRevision: number | undefined, take: number): Promise<RevisionSummaryRow[]> {
    const query = this.withAuthor(
      this.dataSource
        .getRepository(RoutingRuleRevision)
        .createQueryBuilder('revision')
        .select(SUMMARY_COLUMNS.map((column) => `revision.${column}`)),
    )
      .orderBy('revision.revision', 'DESC')
      .limit(take);
    if (beforeRevision !== undefined) query.where('revision.revision < :beforeRevision', { beforeRevision });
    return query.getMany();
  }

  private withAuthor(query: SelectQueryBuilder<RoutingRuleRevision>): SelectQueryBuilder<RoutingRuleRevision> {
    return query.leftJoin('revision.author', 'author').addSelect(AUTHOR_COLUMNS.map((column) => `author.${column}`));
  }

  async insertRevision(manager: EntityManager, fields: RevisionFields, publishedAt: Date): Promise<void> {
    const repository = manager.getRepository(RoutingRuleRevision);
    await repository.insert(repository.create({ ...fields, createdAt: publishedAt, updatedAt: publishedAt }));
  }
}
