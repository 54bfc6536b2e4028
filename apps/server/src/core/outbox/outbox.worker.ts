import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { OutboxMessage } from './entities/outbox-message.entity';
import type { DeliveryOutcome } from './outbox-handler';
import { OutboxHandlers } from './outbox-handlers.registry';
import { backoffDelayMs } from './outbox-backoff.util';
import { OutboxRepository } from './outbox.repository';

/** Claim-and-deliver loops per process: one delivers while the other claims or records outcomes. */
const LANES = 2;
/**
 * A message is only started while its claim outlives this many request timeouts (an attempt may make
 * a few requests, e.g. a token fetch and a retry), so no other worker can claim it mid-delivery.
 */
const ATTEMPT_BUDGET_TIMEOUTS = 4;

export interface OutboxWorkerStats {
  delivered: number;
  skipped: number;
  retried: number;
  dead: number;
}

/**
 * Delivers the outbox at least once (ARCHITECTURE.md §8, §12): claims due messages in batches, hands
 * each to its topic's handler with bounded concurrency, marks it done, or schedules a retry with
 * exponential backoff and jitter, or dead-letters it after the last attempt. Runs inside the server
 * (OUTBOX_WORKER=inline) or as `node dist/worker.js`; any number of workers may share one database.
 * A message whose worker died is claimable again once its lease ends, so nothing is lost; it may then
 * arrive twice, under the same message id.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private running = false;
  private lanes: Array<Promise<void>> = [];
  private readonly sleepers = new Set<() => void>();
  private claims = 0;
  readonly stats: OutboxWorkerStats = { delivered: 0, skipped: 0, retried: 0, dead: 0 };

  constructor(
    private readonly repository: OutboxRepository,
    private readonly handlers: OutboxHandlers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.outbox.worker === 'inline') this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const lanes = Math.min(LANES, this.config.outbox.concurrency);
    const perLane = Math.max(1, Math.floor(this.config.outbox.concurrency / lanes));
    this.lanes = Array.from({ length: lanes }, () => this.lane(perLane));
    this.logger.log(`outbox worker ${this.workerId} started (${lanes} × ${perLane} in flight, batches of ${this.config.outbox.batchSize})`);
  }

  /** Lets in-flight deliveries finish (each bounded by its timeout), gives back the rest, then returns. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const wake of this.sleepers) wake();
    await Promise.all(this.lanes);
    this.lanes = [];
    const { delivered, skipped, retried, dead } = this.stats;
    this.logger.log(`outbox worker ${this.workerId} stopped: delivered ${delivered}, skipped ${skipped}, retried ${retried}, dead ${dead}`);
  }

  private async lane(concurrency: number): Promise<void> {
    while (this.running) {
      try {
        if ((await this.runOnce(concurrency)) === 0) await this.idle(this.config.outbox.pollMs);
      } catch (error) {
        this.logger.warn(`outbox claim failed: ${error instanceof Error ? error.message : String(error)}`);
        await this.idle(this.config.outbox.pollMs * 4);
      }
    }
  }

  /** One claim, delivered and recorded. Returns how many messages it claimed. */
  async runOnce(concurrency: number): Promise<number> {
    const claimId = `${this.workerId}:${(this.claims += 1)}`;
    const claimedAt = new Date();
    const until = new Date(claimedAt.getTime() + this.config.outbox.leaseMs);
    const batch = await this.repository.claim(claimId, this.config.outbox.batchSize, claimedAt, until);
    if (batch.length === 0) return 0;
    const delivered: string[] = [];
    const skipped: Array<{ id: string; reason: string }> = [];
    const unattempted: string[] = [];
    let next = 0;
    const deliverNext = async (): Promise<void> => {
      while (next < batch.length) {
        const message = batch[next++];
        if (!this.running || Date.now() + ATTEMPT_BUDGET_TIMEOUTS * this.config.outbox.webhookTimeoutMs > until.getTime()) {
          unattempted.push(message.id);
          continue;
        }
        const outcome = await this.attempt(message);
        if (outcome.kind === 'delivered') delivered.push(message.id);
        else if (outcome.kind === 'skipped') skipped.push({ id: message.id, reason: outcome.reason });
        else await this.recordFailure(claimId, message, outcome.error);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, deliverNext));
    const now = new Date();
    // Counted after the await: `stats.x += await …` would read the count before another lane adds to it.
    const completed = await this.repository.complete(claimId, delivered, now);
    this.stats.delivered += completed;
    for (const { id, reason } of skipped) {
      const recorded = await this.repository.complete(claimId, [id], now, reason);
      this.stats.skipped += recorded;
    }
    await this.repository.release(claimId, unattempted, now);
    return batch.length;
  }

  private async attempt(message: OutboxMessage): Promise<DeliveryOutcome> {
    const handler = this.handlers.handlerFor(message.topic);
    if (!handler) return { kind: 'failed', error: `no handler for topic ${message.topic}` };
    try {
      return await handler.deliver({
        id: message.id,
        topic: message.topic,
        payload: message.payload,
        attempt: message.attempts,
        createdAt: message.createdAt,
      });
    } catch (error) {
      return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async recordFailure(claimId: string, message: OutboxMessage, error: string): Promise<void> {
    const { maxAttempts, backoffBaseMs, backoffMaxMs } = this.config.outbox;
    const last = message.attempts >= maxAttempts;
    const nextAttemptAt = last ? null : new Date(Date.now() + backoffDelayMs(message.attempts, { baseMs: backoffBaseMs, maxMs: backoffMaxMs }));
    await this.repository.fail(claimId, { id: message.id, error, nextAttemptAt });
    if (last) {
      this.stats.dead += 1;
      this.logger.warn(`outbox message ${message.id} (${message.topic}) dead after ${message.attempts} attempts: ${error}`);
    } else {
      this.stats.retried += 1;
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}
