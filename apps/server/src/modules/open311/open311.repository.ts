import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@ssp/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../core/database/database-error.util';
import { Category } from '../categories/entities/category.entity';
import { Region } from '../regions/entities/region.entity';
import { Report } from '../reports/entities/report.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { User } from '../users/entities/user.entity';
import { ApiKey } from './entities/api-key.entity';
import { Open311Reporter } from './entities/open311-reporter.entity';
import { Open311Submission } from './entities/open311-submission.entity';
import type { ServiceCategoryRow } from './open311-views.util';

export interface TicketSearch {
  serviceCodes: string[] | null;
  statuses: TicketStatus[] | null;
  from: Date;
  to: Date;
  offset: number;
  limit: number;
}

export type SubmissionFields = Pick<Open311Submission, 'reportId' | 'apiKeyId' | 'token' | 'mediaUrl' | 'addressString' | 'attributes'>;

/** The queries of the Open311 endpoints: services from categories, requests from tickets. */
@Injectable()
export class Open311Repository {
  constructor(private readonly dataSource: DataSource) {}

  /** Active 小类 under an active 大类, in the order residents see the tree. */
  async serviceCategories(code?: string): Promise<ServiceCategoryRow[]> {
    const query = this.dataSource
      .getRepository(Category)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.parent', 'p')
      .where('c.active = :active AND p.active = :active', { active: true })
      .orderBy('p.sortOrder', 'ASC')
      .addOrderBy('c.sortOrder', 'ASC')
      .addOrderBy('c.code', 'ASC');
    if (code !== undefined) query.andWhere('c.code = :code', { code });
    const rows = await query.getMany();
    return rows.map((row) => ({
      code: row.code,
      name: row.name,
      description: row.description,
      keywords: row.keywords,
      parentName: row.parent?.name ?? '',
      serviceAttributes: row.serviceAttributes,
    }));
  }

  /** When the services or their definitions last changed (discovery's changeset). */
  async servicesChangedAt(): Promise<Date | null> {
    const row = await this.dataSource.getRepository(Category).findOne({ select: { id: true, updatedAt: true }, where: {}, order: { updatedAt: 'DESC' } });
    return row?.updatedAt ?? null;
  }

  keyByHash(keyHash: string): Promise<ApiKey | null> {
    return this.dataSource.getRepository(ApiKey).findOneBy({ keyHash });
  }

  async touchKey(id: string, now: Date): Promise<void> {
    await this.dataSource.getRepository(ApiKey).update({ id }, { lastUsedAt: now });
  }

  /**
   * The resident account of one key and pseudonymous subject, created on first use. A concurrent first
   * use loses the unique-key race and reads the winner's row (the loser's user row goes with its transaction).
   */
  async reporterFor(apiKeyId: string, subjectHash: string, nickname: string): Promise<User> {
    const existing = await this.reporterUser(apiKeyId, subjectHash);
    if (existing) return existing;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const users = manager.getRepository(User);
        const user = users.create({ role: 'resident', username: null, passwordHash: null, openid: null, nickname, departmentId: null, active: true });
        await users.insert(user);
        await manager.getRepository(Open311Reporter).insert(manager.getRepository(Open311Reporter).create({ apiKeyId, subjectHash, userId: user.id }));
        return user;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.reporterUser(apiKeyId, subjectHash);
      if (!winner) throw error;
      return winner;
    }
  }

  private async reporterUser(apiKeyId: string, subjectHash: string): Promise<User | null> {
    const link = await this.dataSource.getRepository(Open311Reporter).findOneBy({ apiKeyId, subjectHash });
    return link ? this.dataSource.getRepository(User).findOneBy({ id: link.userId }) : null;
  }

  async insertSubmission(manager: EntityManager, fields: SubmissionFields): Promise<void> {
    const repository = manager.getRepository(Open311Submission);
    await repository.insert(repository.create(fields));
  }

  async submissionByToken(token: string): Promise<{ report: Report; ticketNo: string | null } | null> {
    const submission = await this.dataSource.getRepository(Open311Submission).findOneBy({ token });
    if (!submission) return null;
    const report = await this.dataSource.getRepository(Report).findOneBy({ id: submission.reportId });
    if (!report) return null;
    const ticket = report.ticketId
      ? await this.dataSource.getRepository(Ticket).findOne({ select: { id: true, ticketNo: true }, where: { id: report.ticketId } })
      : null;
    return { report, ticketNo: ticket?.ticketNo ?? null };
  }

  /** Tickets requested in the window, newest first, one page (the createdAt prefix of IDX_tickets_stats). */
  searchTickets(search: TicketSearch): Promise<Ticket[]> {
    const query = this.withNames()
      .where('t.createdAt >= :from AND t.createdAt <= :to', { from: search.from, to: search.to })
      .orderBy('t.createdAt', 'DESC')
      .addOrderBy('t.id', 'DESC')
      // Every join is many-to-one, so plain OFFSET/LIMIT pages rows (no de-duplicating subquery needed).
      .offset(search.offset)
      .limit(search.limit);
    if (search.serviceCodes) query.andWhere('c.code IN (:...codes)', { codes: search.serviceCodes });
    if (search.statuses) query.andWhere('t.status IN (:...statuses)', { statuses: search.statuses });
    return query.getMany();
  }

  ticketsByNo(ticketNos: string[]): Promise<Ticket[]> {
    return this.withNames().where('t.ticketNo IN (:...ticketNos)', { ticketNos }).orderBy('t.createdAt', 'DESC').getMany();
  }

  async ticketNosById(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(Ticket).find({ select: { id: true, ticketNo: true }, where: { id: In(ids) } });
    return new Map(rows.map((row) => [row.id, row.ticketNo]));
  }

  /** The media_url of the Open311 submission that opened each ticket (the first one that brought one). */
  async mediaUrls(ticketIds: string[]): Promise<Map<string, string>> {
    if (ticketIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Report)
      .createQueryBuilder('r')
      .innerJoin(Open311Submission, 's', 's.reportId = r.id')
      .select(['r.ticketId AS ticketId', 's.mediaUrl AS mediaUrl', 'r.createdAt AS createdAt'])
      .where('r.ticketId IN (:...ticketIds)', { ticketIds })
      .andWhere('s.mediaUrl IS NOT NULL')
      .orderBy('r.createdAt', 'ASC')
      .getRawMany<{ ticketId: string; mediaUrl: string }>();
    const urls = new Map<string, string>();
    for (const row of rows) if (!urls.has(row.ticketId)) urls.set(row.ticketId, row.mediaUrl);
    return urls;
  }

  /** District names and the city's name, for the public address. */
  async regionNames(): Promise<{ names: Map<string, string>; city: string | null }> {
    const rows = await this.dataSource.getRepository(Region).find({ select: { code: true, name: true, level: true } });
    return { names: new Map(rows.map((row) => [row.code, row.name])), city: rows.find((row) => row.level === 'city')?.name ?? null };
  }

  private withNames() {
    return this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.category', 'c')
      .leftJoinAndSelect('t.department', 'd');
  }
}
