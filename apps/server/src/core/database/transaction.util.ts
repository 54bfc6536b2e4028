import type { DataSource, EntityManager } from 'typeorm';

/** Errors after which the whole transaction may simply be run again. */
const RETRYABLE = new Set<unknown>(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

function codeOf(error: unknown): unknown {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  return candidate.driverError?.code ?? candidate.code;
}

/**
 * A transaction that is retried when the database chose it as a deadlock victim. `work` must only touch
 * the database through `manager` (everything it did was rolled back), so running it again is safe.
 */
export async function transactionWithRetry<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !RETRYABLE.has(codeOf(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
