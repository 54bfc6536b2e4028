import type { EntityManager } from 'typeorm';
import { NumberSequence } from './entities/number-sequence.entity';

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** yyyyMMdd of the Beijing calendar day, which is how residents and staff read dates. */
export function beijingDay(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * The next value of a named counter inside the caller's transaction. The UPDATE takes the row lock, so
 * concurrent transactions get distinct values; the row is created on first use.
 */
export async function nextSequenceValue(manager: EntityManager, name: string): Promise<number> {
  const increment = () =>
    manager
      .createQueryBuilder()
      .update(NumberSequence)
      .set({ value: () => 'value + 1' })
      .where('name = :name', { name })
      .execute();
  // Update first: on the usual path the row exists and the UPDATE's exclusive lock is the only lock taken
  // (an INSERT IGNORE first would take a shared lock that deadlocks two concurrent incrementers).
  if (((await increment()).affected ?? 0) === 0) {
    await manager.createQueryBuilder().insert().into(NumberSequence).values({ name, value: 0 }).orIgnore().execute();
    await increment();
  }
  const row = await manager.getRepository(NumberSequence).findOneByOrFail({ name });
  return row.value;
}

/** A daily number such as GD2026112700042: prefix, Beijing date, 5-digit counter of that day. */
export async function nextDailyNumber(manager: EntityManager, prefix: string, now: Date): Promise<string> {
  const day = beijingDay(now);
  const value = await nextSequenceValue(manager, `${prefix}:${day}`);
  return `${prefix}${day}${String(value).padStart(5, '0')}`;
}
