import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@ssp/contracts';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { transactionWithRetry } from '../../core/database/transaction.util';
import { TicketEvent } from '../tickets/entities/ticket-event.entity';
import { Ticket } from '../tickets/entities/ticket.entity';

const OPEN: TicketStatus[] = ['dispatched', 'in_progress'];

export type SlaCandidate = Pick<Ticket, 'id' | 'status' | 'departmentId' | 'categoryId' | 'acceptBy' | 'resolveBy'>;

const CANDIDATE_COLUMNS = ['t.id', 't.status', 't.departmentId', 't.categoryId', 't.acceptBy', 't.resolveBy'];

/** The SLA check's queries: find late tickets, then claim each one with a conditional update. */
@Injectable()
export class SlaCheckRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transactionWithRetry(this.dataSource, work);
  }

  /**
   * Open tickets not yet marked overdue whose sign-for (while dispatched) or resolve deadline passed,
   * first deadline first. One statement per status, each walking IDX_tickets_sla in deadline order
   * and stopping at `limit` (a single `status IN (…)` would sort every late ticket first).
   */
  newlyOverdue(now: Date, limit: number): Promise<SlaCandidate[]> {
    return firstByDeadline(
      OPEN.map((status) =>
        this.scan(status, limit)
          .andWhere('t.overdue = :no', { no: false })
          .andWhere(pastDeadline('t.', now))
          .getMany(),
      ),
      limit,
    );
  }

  /** Open overdue tickets past their resolve deadline that have no 督办 for that deadline yet (as newlyOverdue, per status). */
  unescalated(now: Date, limit: number): Promise<SlaCandidate[]> {
    return firstByDeadline(
      OPEN.map((status) =>
        this.scan(status, limit)
          .andWhere('t.overdue = :yes', { yes: true })
          .andWhere('t.resolveBy < :now', { now })
          .andWhere(new Brackets((where) => where.where('t.escalatedDeadline IS NULL').orWhere('t.escalatedDeadline <> t.resolveBy')))
          .getMany(),
      ),
      limit,
    );
  }

  private scan(status: TicketStatus, limit: number) {
    return this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .select(CANDIDATE_COLUMNS)
      .where('t.status = :status', { status })
      .orderBy('t.resolveBy', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(limit);
  }

  /**
   * Marks the ticket overdue if it still is late and unmarked. Of several instances racing, exactly one
   * sees true; the version is left alone so a staff member's open form does not go stale.
   */
  async claimOverdue(manager: EntityManager, id: string, now: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Ticket)
      .set({ overdue: true, updatedAt: new Date() })
      .where('id = :id AND overdue = :no', { id, no: false })
      .andWhere('status IN (:...open)', { open: OPEN })
      .andWhere(pastDeadline('', now))
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Records the 督办 for the deadline the check read, if nobody did and the deadline did not move. */
  async claimEscalation(manager: EntityManager, id: string, resolveBy: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Ticket)
      .set({ escalatedDeadline: () => 'resolveBy', updatedAt: new Date() })
      .where('id = :id AND overdue = :yes AND resolveBy = :resolveBy', { id, yes: true, resolveBy })
      .andWhere('status IN (:...open)', { open: OPEN })
      .andWhere(new Brackets((where) => where.where('escalatedDeadline IS NULL').orWhere('escalatedDeadline <> resolveBy')))
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async insertEvent(manager: EntityManager, fields: Partial<TicketEvent>): Promise<void> {
    const repository = manager.getRepository(TicketEvent);
    await repository.insert(repository.create(fields));
  }
}

/** The first `limit` of several lists, each ordered by (resolveBy, id), in that order (NULL deadlines first, as the engines sort them). */
async function firstByDeadline(lists: Array<Promise<SlaCandidate[]>>, limit: number): Promise<SlaCandidate[]> {
  const key = (ticket: SlaCandidate) => ticket.resolveBy?.getTime() ?? Number.NEGATIVE_INFINITY;
  return (await Promise.all(lists))
    .flat()
    .sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}

/** Dispatched and not signed for by `acceptBy`, or not resolved by `resolveBy`. */
function pastDeadline(alias: string, now: Date): Brackets {
  return new Brackets((where) =>
    where
      .where(`${alias}status = :dispatched AND ${alias}acceptBy < :now`, { dispatched: 'dispatched', now })
      .orWhere(`${alias}resolveBy < :now`, { now }),
  );
}
