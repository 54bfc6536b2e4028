import type { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';

/** A scheduled pass longer than this is logged as a warning with its duration: it competes with requests. */
const SLOW_PASS_MS = 1_000;

/**
 * Scheduling shared by the work each instance runs every few seconds (SLA check, 自动结案, photo cleanup,
 * statistics rollups): a timer that does not keep the process alive, passes of one instance that never
 * overlap (SQLite has one connection), a failed pass logged and the next one tried on schedule, and the
 * running pass awaited on shutdown. Several instances may run the same job; the work itself is safe for that.
 */
export abstract class IntervalJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  /** The previous pass of this instance; the next one starts after it. */
  private previous: Promise<unknown> = Promise.resolve();

  /** Seconds between scheduled passes, or null when this process does not run the job. */
  protected abstract intervalSeconds(): number | null;

  /**
   * One scheduled pass (already serialised with the others: it must not call `serially` itself); what it
   * returns is logged (nothing when null).
   */
  protected abstract scheduledPass(): Promise<string | null>;

  onApplicationBootstrap(): void {
    const seconds = this.intervalSeconds();
    if (seconds === null) return;
    this.timer = setInterval(() => this.tick(), seconds * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.previous;
  }

  /** Runs `work` after this instance's previous pass (scheduled or asked for). */
  protected serially<T>(work: () => Promise<T>): Promise<T> {
    const pass = this.previous.then(work);
    this.previous = pass.catch(() => undefined);
    return pass;
  }

  private tick(): void {
    if (this.ticking) return;
    this.ticking = true;
    const started = Date.now();
    this.serially(() => this.scheduledPass())
      .then((summary) => {
        if (summary) this.logger.log(summary);
        const ms = Date.now() - started;
        if (ms > SLOW_PASS_MS) this.logger.warn(`${this.constructor.name} pass took ${ms} ms`);
      })
      .catch((error: unknown) => this.logger.error(`${this.constructor.name} pass failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.ticking = false));
  }
}
