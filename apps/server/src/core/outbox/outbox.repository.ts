import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { rawInsert, type RawInsert } from '../database/raw-insert.util';
import { OutboxMessage, type OutboxStatus } from './entities/outbox-message.entity';

const ERROR_LENGTH = 500;

export interface OutboxPageQuery {
  status?: OutboxStatus;
  /** Newest first: only messages older than this id (ids are time-ordered UUIDv7). */
  beforeId?: string;
  limit: number;
}

/** A failed attempt: retry at `nextAttemptAt`, or dead-letter (null). */
export interface OutboxFailure {
  id: string;
  error: string;
  nextAttemptAt: Date | null;
}

/** The only code that speaks SQL to outbox_messages. */
@Injectable()
export class OutboxRepository {
  private messageInsert?: RawInsert<OutboxMessage>;

  constructor(private readonly dataSource: DataSource) {}

  get engine(): 'sqlite' | 'mysql' {
    return this.dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
  }

  /** Every field is set by the caller: the rows' defaults are not read back (on MySQL that is one SELECT per insert). */
  /** Multi-row INSERTs from a statement written once (rawInsert): every submission writes messages. */
  insert(manager: EntityManager, messages: OutboxMessage[]): Promise<void> {
    this.messageInsert ??= rawInsert(this.dataSource, OutboxMessage);
    return this.messageInsert(manager, messages);
  }

  /**
   * Takes up to `limit` due messages for `claimId` until `until`, counting the attempt. MySQL/MariaDB:
   * `SELECT … FOR UPDATE SKIP LOCKED` (READ COMMITTED, so no gap locks hold up concurrent enqueues),
   * then the claim. SQLite: one conditional UPDATE, atomic because SQLite runs one writer at a time.
   * Either way two workers never hold the same message.
   */
  async claim(claimId: string, limit: number, now: Date, until: Date): Promise<OutboxMessage[]> {
    const claimed = { lockedBy: claimId, lockedUntil: until, nextAttemptAt: until, attempts: () => 'attempts + 1' };
    if (this.engine === 'sqlite') {
      const result = await this.dataSource
        .createQueryBuilder()
        .update(OutboxMessage)
        .set(claimed)
        .where(
          `id IN (SELECT id FROM outbox_messages WHERE status = 'pending' AND nextAttemptAt <= :now ORDER BY nextAttemptAt LIMIT ${Math.trunc(limit)})`,
          { now },
        )
        .execute();
      if ((result.affected ?? 0) === 0) return [];
      return this.dataSource.getRepository(OutboxMessage).find({ where: { lockedBy: claimId, status: 'pending' } });
    }
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const rows = await manager
        .getRepository(OutboxMessage)
        .createQueryBuilder('m')
        .where("m.status = 'pending' AND m.nextAttemptAt <= :now", { now })
        .orderBy('m.nextAttemptAt', 'ASC')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return [];
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set(claimed)
        .whereInIds(rows.map((row) => row.id))
        .execute();
      return rows.map((row) => Object.assign(row, { lockedBy: claimId, lockedUntil: until, nextAttemptAt: until, attempts: row.attempts + 1 }));
    });
  }

  /** Marks delivered (or skipped, with the reason) what `claimId` still holds; returns how many. */
  async complete(claimId: string, ids: string[], now: Date, reason?: string): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'done', doneAt: now, lockedBy: null, lockedUntil: null, ...(reason ? { lastError: reason.slice(0, ERROR_LENGTH) } : {}) })
      .where('id IN (:...ids) AND lockedBy = :claimId', { ids, claimId })
      .execute();
    return result.affected ?? 0;
  }

  /** Schedules the next attempt, or dead-letters when there is none. */
  async fail(claimId: string, failure: OutboxFailure): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({
        status: failure.nextAttemptAt ? 'pending' : 'dead',
        nextAttemptAt: failure.nextAttemptAt ?? new Date(),
        lastError: failure.error.slice(0, ERROR_LENGTH),
        lockedBy: null,
        lockedUntil: null,
      })
      .where('id = :id AND lockedBy = :claimId', { id: failure.id, claimId })
      .execute();
  }

  /** Gives back claimed messages that were not attempted (the lease ran short, or the worker stops). */
  async release(claimId: string, ids: string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ nextAttemptAt: now, lockedBy: null, lockedUntil: null, attempts: () => 'attempts - 1' })
      .where('id IN (:...ids) AND lockedBy = :claimId', { ids, claimId })
      .execute();
  }

  page(query: OutboxPageQuery): Promise<OutboxMessage[]> {
    const qb = this.dataSource.getRepository(OutboxMessage).createQueryBuilder('m').orderBy('m.id', 'DESC').limit(query.limit);
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.beforeId) qb.andWhere('m.id < :beforeId', { beforeId: query.beforeId });
    return qb.getMany();
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OutboxMessage | null> {
    return manager.getRepository(OutboxMessage).findOneBy({ id });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A dead letter back in the queue with fresh attempts; false when it is not dead (any more). */
  async revive(manager: EntityManager, id: string, now: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lockedBy: null, lockedUntil: null, doneAt: null })
      .where("id = :id AND status = 'dead'", { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
