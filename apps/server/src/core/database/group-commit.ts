/** Writes one batch of items in one transaction; throws when any of them cannot be written. */
export type BatchWriter<T> = (items: readonly T[]) => Promise<void>;

export interface GroupCommitOptions {
  /** At most this many items per transaction. */
  maxBatch: number;
  /** At most this many transactions at a time; items that arrive meanwhile wait and form the next batch. */
  maxInFlight: number;
}

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while the database is busy with earlier ones are written together, in
 * one transaction of multi-row statements, instead of one transaction each. Nothing waits for a timer:
 * an idle writer writes an item at once (a batch of one), so a quiet system pays no latency; under load
 * the queue that builds during a transaction is the next batch.
 *
 * A batch is all or nothing. When it fails, each of its items is written again on its own, so every
 * caller gets its own outcome: the one whose photo was taken meanwhile, or whose retry won a unique key,
 * gets that error; the others are written. An item is therefore never half-written and never lost, and
 * each caller's promise settles exactly once.
 */
export class GroupCommit<T> {
  private readonly queue: Pending<T>[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: BatchWriter<T>,
    private readonly options: GroupCommitOptions,
  ) {
    if (options.maxBatch < 1 || options.maxInFlight < 1) throw new Error('GroupCommit: maxBatch and maxInFlight must be at least 1');
  }

  /** Settles when `item` is committed (or with the error that kept it from being written). */
  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  private async flush(batch: Pending<T>[]): Promise<void> {
    try {
      await this.write(batch.map((pending) => pending.item));
      for (const pending of batch) pending.resolve();
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
    }
    // One item spoilt the batch (or the batch as a whole failed): each on its own finds out which.
    for (const pending of batch) {
      try {
        await this.write([pending.item]);
        pending.resolve();
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
