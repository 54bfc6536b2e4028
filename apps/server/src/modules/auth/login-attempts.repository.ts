import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { LoginAttempt } from './entities/login-attempt.entity';

/** Failure counters shared by every instance through the database. */
@Injectable()
export class LoginAttemptsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async lockedUntil(keys: string[], now: Date): Promise<Date | null> {
    const rows = await this.dataSource.getRepository(LoginAttempt).findBy(keys.map((key) => ({ key })));
    const locks = rows.map((row) => row.lockedUntil).filter((until): until is Date => until !== null && until > now);
    return locks.length > 0 ? new Date(Math.max(...locks.map((until) => until.getTime()))) : null;
  }

  /** Counts one failure on each key; a key reaching `maxFailures` within the window is locked. */
  async recordFailure(keys: string[], now: Date, maxFailures: number, windowSeconds: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const key of keys) await this.bump(manager, key, now, maxFailures, windowSeconds);
    });
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.getRepository(LoginAttempt).delete({ key });
  }

  private async bump(manager: EntityManager, key: string, now: Date, maxFailures: number, windowSeconds: number): Promise<void> {
    const repository = manager.getRepository(LoginAttempt);
    // Make sure the row exists without racing another instance's first failure, then count under a lock.
    await repository
      .createQueryBuilder()
      .insert()
      .values({ key, failures: 0, windowStartedAt: now, lockedUntil: null })
      .orIgnore()
      .execute();
    const query = repository.createQueryBuilder('attempt').where('attempt.key = :key', { key });
    // SQLite serialises writers already; MySQL needs the row lock so two failures are both counted.
    if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
    const row = await query.getOneOrFail();
    const windowExpired = row.windowStartedAt.getTime() < now.getTime() - windowSeconds * 1000;
    const failures = windowExpired ? 1 : row.failures + 1;
    await repository.update(
      { key },
      {
        failures,
        windowStartedAt: windowExpired || row.failures === 0 ? now : row.windowStartedAt,
        lockedUntil: failures >= maxFailures ? new Date(now.getTime() + windowSeconds * 1000) : row.lockedUntil,
      },
    );
  }
}
