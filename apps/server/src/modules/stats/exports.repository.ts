import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { transactionWithRetry } from '../../core/database/transaction.util';
import { Region } from '../regions/entities/region.entity';
import { Ticket } from '../tickets/entities/ticket.entity';

/** Tickets read per statement while an export streams: memory stays at one page whatever the range. */
export const EXPORT_PAGE_SIZE = 500;

@Injectable()
export class ExportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transactionWithRetry(this.dataSource, work);
  }

  /**
   * Tickets created in [start, end) in (createdAt, id) order, a page at a time: keyset paging on the
   * leading columns of IDX_tickets_stats, so each page costs the same however far the export got.
   */
  async *ticketsCreatedIn(start: Date, end: Date, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<Ticket[]> {
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const query = this.dataSource
        .getRepository(Ticket)
        .createQueryBuilder('t')
        .leftJoinAndSelect('t.category', 'category')
        .leftJoinAndSelect('category.parent', 'parent')
        .leftJoinAndSelect('t.department', 'department')
        .where('t.createdAt >= :start AND t.createdAt < :end', { start, end })
        .orderBy('t.createdAt', 'ASC')
        .addOrderBy('t.id', 'ASC')
        // Many-to-one joins only: LIMIT counts tickets (take() would add a DISTINCT probe query).
        .limit(pageSize);
      if (after) query.andWhere('(t.createdAt > :afterAt OR (t.createdAt = :afterAt AND t.id > :afterId))', { afterAt: after.createdAt, afterId: after.id });
      const page = await query.getMany();
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      const last = page[page.length - 1];
      after = { createdAt: last.createdAt, id: last.id };
    }
  }

  async regionNames(): Promise<Map<string, string>> {
    const rows = await this.dataSource.getRepository(Region).find({ select: { code: true, name: true } });
    return new Map(rows.map((row) => [row.code, row.name]));
  }
}
