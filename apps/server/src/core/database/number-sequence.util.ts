import type { EntityManager } from 'typeorm';
import { NumberSequence } from './entities/number-sequence.entity';

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** yyyyMMdd of the Beijing calendar day, which is how residents and staff read dates. */
export function beijingDay(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * Advances a named counter by `count` inside the caller's transaction and returns its new value (the
 * last of the `count` values taken). The UPDATE takes the row lock, so concurrent transactions get
 * distinct values; the row is created on first use.
 */
export async function nextSequenceValue(manager: EntityManager, name: string, count = 1): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  const increment = () =>
    manager
      .createQueryBuilder()
      .update(NumberSequence)
      .set({ value: () => `value + ${count}` })
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
export function formatDailyNumber(prefix: string, day: string, value: number): string {
  return `${prefix}${day}${String(value).padStart(5, '0')}`;
}

/** The next daily number inside the caller's transaction (the counter row stays locked until it ends). */
export async function nextDailyNumber(manager: EntityManager, prefix: string, now: Date): Promise<string> {
  const day = beijingDay(now);
  return formatDailyNumber(prefix, day, await nextSequenceValue(manager, `${prefix}:${day}`));
}
