import type { DataSource, EntityManager } from 'typeorm';
import { isRetryableTransactionError } from './database-error.util';

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
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
