import { loadConfig } from '../../config/app-config';
import { OutboxMessage } from '../entities/outbox-message.entity';
import type { DeliveryOutcome, OutboxDelivery } from '../outbox-handler';
import { OutboxHandlers } from '../outbox-handlers.registry';
import type { OutboxFailure, OutboxRepository } from '../outbox.repository';
import { OutboxWorker } from '../outbox.worker';

/** The repository's contract in memory: claims are exclusive, outcomes apply only to the holder's claim. */
class MemoryOutbox {
  readonly rows = new Map<string, OutboxMessage>();

  add(topic: string, count = 1): OutboxMessage[] {
    return Array.from({ length: count }, () => {
      const row = Object.assign(new OutboxMessage(), {
        topic,
        payload: {},
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: new Date(0),
        lastError: null,
        lockedBy: null,
        lockedUntil: null,
        createdAt: new Date(),
        doneAt: null,
      });
      this.rows.set(row.id, row);
      return row;
    });
  }

  async claim(claimId: string, limit: number, now: Date, until: Date): Promise<OutboxMessage[]> {
    const due = [...this.rows.values()].filter((row) => row.status === 'pending' && row.nextAttemptAt <= now).slice(0, limit);
    for (const row of due) Object.assign(row, { lockedBy: claimId, lockedUntil: until, nextAttemptAt: until, attempts: row.attempts + 1 });
    return due.map((row) => ({ ...row }));
  }

  async complete(claimId: string, ids: string[], now: Date, reason?: string): Promise<number> {
    const held = ids.map((id) => this.rows.get(id)).filter((row) => row?.lockedBy === claimId);
    for (const row of held) Object.assign(row!, { status: 'done', doneAt: now, lockedBy: null, ...(reason ? { lastError: reason } : {}) });
    return held.length;
  }

  async fail(claimId: string, failure: OutboxFailure): Promise<void> {
    const row = this.rows.get(failure.id);
    if (row?.lockedBy !== claimId) return;
    Object.assign(row, { status: failure.nextAttemptAt ? 'pending' : 'dead', nextAttemptAt: failure.nextAttemptAt ?? new Date(), lastError: failure.error, lockedBy: null });
  }

  async release(claimId: string, ids: string[], now: Date): Promise<void> {
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row?.lockedBy === claimId) Object.assign(row, { nextAttemptAt: now, lockedBy: null, attempts: row.attempts - 1 });
    }
  }

  /** Makes every pending row due now (skips the backoff wait). */
  expediteAll(): void {
    for (const row of this.rows.values()) if (row.status === 'pending') row.nextAttemptAt = new Date(0);
  }
}

function workerWith(outbox: MemoryOutbox, deliver: (message: OutboxDelivery) => Promise<DeliveryOutcome>, env: Record<string, string> = {}) {
  const handlers = new OutboxHandlers();
  handlers.register({ topics: ['test.topic'], deliver });
  const config = loadConfig({ OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_BACKOFF_BASE_MS: '1000', ...env });
  const worker = new OutboxWorker(outbox as unknown as OutboxRepository, handlers, config);
  // runOnce only delivers while the worker is running; start() without lanes would poll in the background.
  Object.assign(worker, { running: true });
  return worker;
}

describe('OutboxWorker', () => {
  it('marks delivered messages done and counts one attempt each', async () => {
    const outbox = new MemoryOutbox();
    outbox.add('test.topic', 5);
    const seen: string[] = [];
    const worker = workerWith(outbox, async (message) => {
      seen.push(message.id);
      return { kind: 'delivered' };
    });
    expect(await worker.runOnce(2)).toBe(5);
    expect(new Set(seen).size).toBe(5);
    expect([...outbox.rows.values()].map((row) => [row.status, row.attempts])).toEqual(Array(5).fill(['done', 1]));
    expect(await worker.runOnce(2)).toBe(0);
  });

  it('retries a failure later with backoff and dead-letters it after the last attempt', async () => {
    const outbox = new MemoryOutbox();
    const [row] = outbox.add('test.topic');
    const worker = workerWith(outbox, async () => ({ kind: 'failed', error: 'HTTP 500' }));
    const before = Date.now();
    await worker.runOnce(1);
    expect(row.status).toBe('pending');
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 500);
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await worker.runOnce(1)).toBe(0);
    for (let attempt = 2; attempt <= 3; attempt += 1) {
      outbox.expediteAll();
      await worker.runOnce(1);
    }
    expect(row).toMatchObject({ status: 'dead', attempts: 3, lastError: 'HTTP 500' });
    expect(worker.stats).toMatchObject({ retried: 2, dead: 1, delivered: 0 });
  });

  it('keeps the reason of a skipped message and fails a topic nobody handles', async () => {
    const outbox = new MemoryOutbox();
    const [skipped] = outbox.add('test.topic');
    const [orphan] = outbox.add('nobody.handles.this');
    const worker = workerWith(outbox, async () => ({ kind: 'skipped', reason: 'no webhook' }));
    await worker.runOnce(4);
    expect(skipped).toMatchObject({ status: 'done', lastError: 'no webhook' });
    expect(orphan).toMatchObject({ status: 'pending', lastError: 'no handler for topic nobody.handles.this' });
  });

  it('turns a thrown error into a retry instead of losing the message', async () => {
    const outbox = new MemoryOutbox();
    const [row] = outbox.add('test.topic');
    const worker = workerWith(outbox, async () => {
      throw new Error('socket hang up');
    });
    await worker.runOnce(1);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'socket hang up' });
  });

  it('gives back what it has not started when its claim would run out mid-delivery', async () => {
    const outbox = new MemoryOutbox();
    const rows = outbox.add('test.topic', 3);
    // A lease of exactly 5 timeouts: the first delivery takes it below the 4 timeouts an attempt may need.
    const worker = workerWith(
      outbox,
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 60));
        return { kind: 'delivered' };
      },
      { WEBHOOK_TIMEOUT_MS: '50', OUTBOX_LEASE_MS: '250' },
    );
    await worker.runOnce(1);
    expect(rows.map((row) => row.status)).toEqual(['done', 'pending', 'pending']);
    expect(rows.map((row) => [row.attempts, row.lockedBy])).toEqual([
      [1, null],
      [0, null],
      [0, null],
    ]);
  });
});
