import { Injectable } from '@nestjs/common';
import { transactionWithRetry } from '../../core/database/transaction.util';
import type { TicketStatus } from '@ssp/contracts';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Category } from '../categories/entities/category.entity';
import { Department } from '../departments/entities/department.entity';
import { Region } from '../regions/entities/region.entity';
import { Report } from '../reports/entities/report.entity';
import { SlaPolicy } from '../sla/entities/sla-policy.entity';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';

export interface TicketListQuery {
  /** Staff: their department. Admin: undefined (all). */
  departmentId?: string;
  status?: TicketStatus;
  /** Only tickets whose deadline passed before this instant and that are still open. */
  overdueAt?: Date;
  /** Only tickets with an extension request waiting for a decision. */
  pendingExtension?: boolean;
  categoryCodes?: string[];
  regionCode?: string;
  q?: string;
  after?: { resolveBy: Date | null; id: string };
  limit: number;
}

const OPEN_STATUSES: TicketStatus[] = ['dispatched', 'in_progress'];

/** LIKE with the text taken literally; '!' escapes because a backslash means different things per engine. */
function likePattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (char) => `!${char}`)}%`;
}

@Injectable()
export class TicketsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transactionWithRetry(this.dataSource, work);
  }

  /**
   * A ticket with its category and department in one statement (`findOne` with relations sends two: a
   * DISTINCT id probe for its implicit LIMIT, then the join).
   */
  private withNames(manager: EntityManager = this.dataSource.manager) {
    return manager
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.category', 'category')
      .leftJoinAndSelect('t.department', 'department');
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Ticket | null> {
    return this.withNames(manager).where('t.id = :id', { id }).getOne();
  }

  /**
   * Keyset page ordered by deadline then id (NULL deadlines first on both engines), which the
   * (departmentId, status, resolveBy, id) index serves for a staff inbox.
   */
  list(query: TicketListQuery): Promise<Ticket[]> {
    const qb = this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.category', 'category')
      .leftJoinAndSelect('t.department', 'department')
      .orderBy('t.resolveBy', 'ASC')
      .addOrderBy('t.id', 'ASC')
      // LIMIT, not take(): the joins are many-to-one, so rows are tickets and one statement suffices.
      .limit(query.limit);
    if (query.departmentId) qb.andWhere('t.departmentId = :departmentId', { departmentId: query.departmentId });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.overdueAt) {
      qb.andWhere('t.status IN (:...open)', { open: OPEN_STATUSES }).andWhere('t.resolveBy < :now', { now: query.overdueAt });
    }
    if (query.pendingExtension) qb.andWhere('t.pendingExtensionUntil IS NOT NULL');
    if (query.categoryCodes) qb.andWhere('category.code IN (:...codes)', { codes: query.categoryCodes });
    if (query.regionCode) qb.andWhere('t.regionCode = :regionCode', { regionCode: query.regionCode });
    if (query.q) {
      const q = query.q;
      qb.andWhere(
        new Brackets((where) =>
          where.where('t.ticketNo = :ticketNo', { ticketNo: q }).orWhere("t.description LIKE :pattern ESCAPE '!'", {
            pattern: likePattern(q),
          }),
        ),
      );
    }
    const after = query.after;
    if (after) {
      qb.andWhere(
        new Brackets((where) => {
          if (after.resolveBy === null) {
            where
              .where('t.resolveBy IS NULL AND t.id > :afterId', { afterId: after.id })
              .orWhere('t.resolveBy IS NOT NULL');
          } else {
            where
              .where('t.resolveBy > :afterDeadline', { afterDeadline: after.resolveBy })
              .orWhere('t.resolveBy = :afterDeadline AND t.id > :afterId', { afterDeadline: after.resolveBy, afterId: after.id });
          }
        }),
      );
    }
    return qb.getMany();
  }

  async insert(manager: EntityManager, ticket: Ticket): Promise<void> {
    await manager.getRepository(Ticket).insert(ticket);
  }

  async insertEvent(manager: EntityManager, event: TicketEvent): Promise<void> {
    await manager.getRepository(TicketEvent).insert(event);
  }

  /** Applies `changes` and bumps the version only if nobody changed the ticket since `version`. */
  async updateIfVersion(
    manager: EntityManager,
    id: string,
    version: number,
    changes: QueryDeepPartialEntity<Ticket>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Ticket)
      .set({ ...changes, version: () => 'version + 1', updatedAt: new Date() })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  events(ticketId: string): Promise<TicketEvent[]> {
    return this.dataSource.getRepository(TicketEvent).find({
      where: { ticketId },
      relations: { actor: true, department: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The reports behind a ticket, first first. */
  reportsOf(ticketId: string, manager: EntityManager = this.dataSource.manager): Promise<Report[]> {
    return manager.getRepository(Report).find({ where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findByTicketNo(ticketNo: string): Promise<Ticket | null> {
    return this.withNames().where('t.ticketNo = :ticketNo', { ticketNo }).getOne();
  }

  /**
   * More residents follow the problem (附议). An atomic increment that leaves the version alone: a
   * supporter joining must not make a staff member's open form stale.
   */
  async addSupporters(manager: EntityManager, ticketId: string, count: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Ticket)
      .set({ supporterCount: () => `supporterCount + ${Math.trunc(count)}`, updatedAt: new Date() })
      .where('id = :ticketId', { ticketId })
      .execute();
  }

  /** Points reports at another ticket: every report of `fromTicketId`, or the one named. */
  async moveReports(manager: EntityManager, toTicketId: string, from: { ticketId: string } | { reportId: string }): Promise<void> {
    const where = 'ticketId' in from ? { ticketId: from.ticketId } : { id: from.reportId };
    await manager.getRepository(Report).update(where, { ticketId: toTicketId });
  }

  /** A report taken out of a merge becomes the first report of its own ticket. */
  async markReportAccepted(manager: EntityManager, reportId: string): Promise<void> {
    await manager.getRepository(Report).update({ id: reportId }, { outcome: 'accepted' });
  }

  activeCategoryByCode(code: string): Promise<Category | null> {
    return this.dataSource.getRepository(Category).findOneBy({ code, active: true });
  }

  activeDepartmentByCode(code: string): Promise<Department | null> {
    return this.dataSource.getRepository(Department).findOneBy({ code, active: true });
  }

  /** The SLA terms of a category (its own policy, else its parent's), or of the named fallback policy. */
  async slaTermsFor(categoryId: string | null, fallbackCode: string): Promise<SlaPolicy | null> {
    if (categoryId) {
      const category = await this.dataSource
        .getRepository(Category)
        .findOne({ where: { id: categoryId }, relations: { slaPolicy: true, parent: { slaPolicy: true } } });
      const policy = category?.slaPolicy ?? category?.parent?.slaPolicy;
      if (policy) return policy;
    }
    return this.dataSource.getRepository(SlaPolicy).findOneBy({ code: fallbackCode });
  }

  async allRegionNames(): Promise<Map<string, string>> {
    const regions = await this.dataSource.getRepository(Region).find({ select: { code: true, name: true } });
    return new Map(regions.map((region) => [region.code, region.name]));
  }

  /** Category codes for a filter: a 大类 code stands for itself and all its 小类. */
  async categoryCodesUnder(code: string): Promise<string[]> {
    const category = await this.dataSource.getRepository(Category).findOneBy({ code });
    if (!category) return [];
    const children = await this.dataSource.getRepository(Category).findBy({ parentId: category.id });
    return [category.code, ...children.map((child) => child.code)];
  }

  newTicket(fields: Partial<Ticket>): Ticket {
    return this.dataSource.getRepository(Ticket).create(fields);
  }

  newEvent(fields: Partial<TicketEvent>): TicketEvent {
    return this.dataSource.getRepository(TicketEvent).create(fields);
  }
}
