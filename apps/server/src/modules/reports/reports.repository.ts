import { Injectable } from '@nestjs/common';
import { newEntity } from '../../core/database/new-entity.util';
import { rawInsert, type RawInsert } from '../../core/database/raw-insert.util';
import { rawEntityRead, type RawEntityRead } from '../../core/database/raw-statement.util';
import { transactionWithRetry } from '../../core/database/transaction.util';
import { SATISFIED_SCORE } from '@ssp/contracts';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { Category } from '../categories/entities/category.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { ReferenceDataService } from '../reference/reference-data.service';
import { Report } from './entities/report.entity';

@Injectable()
export class ReportsRepository {
  private reportInsert?: RawInsert<Report>;
  private reportRead?: RawEntityRead<Report>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transactionWithRetry(this.dataSource, work);
  }

  findByClientRequestId(reporterId: string, clientRequestId: string): Promise<Report | null> {
    return this.dataSource.getRepository(Report).findOne({ where: { reporterId, clientRequestId } });
  }

  async findById(id: string): Promise<Report | null> {
    const [report] = await this.read().find(this.dataSource, 'WHERE {id} = :id LIMIT 1', { id });
    return report ?? null;
  }

  /** Newest first; keyset on (createdAt, id) served by the (reporterId, createdAt) index. */
  mine(reporterId: string, after: { createdAt: Date; id: string } | undefined, limit: number): Promise<Report[]> {
    const keyset = after ? ' AND ({createdAt} < :createdAt OR ({createdAt} = :createdAt AND {id} < :id))' : '';
    return this.read().find(this.dataSource, `WHERE {reporterId} = :reporterId${keyset} ORDER BY {createdAt} DESC, {id} DESC LIMIT ${Math.trunc(limit)}`, {
      reporterId,
      ...after,
    });
  }

  /** The resident's list and detail are hot reads: one statement built once, no query building per call. */
  private read(): RawEntityRead<Report> {
    return (this.reportRead ??= rawEntityRead(this.dataSource, Report));
  }

  /**
   * The row's database defaults are not read back (on MySQL that is one SELECT per insert): callers set
   * what they use. A statement written once (rawInsert), not built per submission.
   */
  insert(manager: EntityManager, report: Report): Promise<void> {
    return this.insertAll(manager, [report]);
  }

  /** As `insert`, several reports in one statement (intake's group commit). */
  insertAll(manager: EntityManager, reports: readonly Report[]): Promise<void> {
    this.reportInsert ??= rawInsert(this.dataSource, Report);
    return this.reportInsert(manager, reports);
  }

  /**
   * Records the resident's score and keeps the ticket's rating totals (read by the statistics) in step:
   * a second rating of the same report replaces the first. Conditional on the score the caller read, so
   * two concurrent ratings cannot both count; false when another one came first.
   */
  async rate(manager: EntityManager, report: Report, rating: number, comment: string | null, now: Date): Promise<boolean> {
    const previous = report.rating;
    const result = await manager
      .getRepository(Report)
      .update({ id: report.id, rating: previous === null ? IsNull() : previous }, { rating, ratingComment: comment, ratedAt: now });
    if ((result.affected ?? 0) !== 1) return false;
    if (report.ticketId) {
      const satisfied = (score: number | null) => (score !== null && score >= SATISFIED_SCORE ? 1 : 0);
      const q = (name: string) => manager.connection.driver.escape(name);
      const plus = (column: string, delta: number) => () => `${q(column)} + ${Math.trunc(delta)}`;
      await manager
        .getRepository(Ticket)
        .update(
          { id: report.ticketId },
          {
            ratingCount: plus('ratingCount', previous === null ? 1 : 0),
            ratingSum: plus('ratingSum', rating - (previous ?? 0)),
            satisfiedCount: plus('satisfiedCount', satisfied(rating) - satisfied(previous)),
          },
        );
    }
    return true;
  }

  /**
   * Records a moderator's decision only if nobody decided first: the report must still be in review.
   * False when another admin was quicker (the caller rolls its transaction back).
   */
  async decideIfInReview(manager: EntityManager, id: string, changes: Partial<Report>): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Report)
      .set(changes)
      .where('id = :id AND outcome = :review', { id, review: 'review' })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** An active category by code, with its parent, for the resident's choice. */
  activeCategory(code: string): Promise<Category | null> {
    return this.reference.activeCategory(code);
  }

  /** Categories by code (active or not) from the reference data this instance keeps. */
  async categoriesByCode(codes: string[]): Promise<Category[]> {
    const found = await Promise.all([...new Set(codes)].map((code) => this.reference.category(code)));
    return found.filter((category): category is Category => category !== null);
  }

  newReport(fields: Partial<Report>): Report {
    return newEntity(Report, fields);
  }
}
