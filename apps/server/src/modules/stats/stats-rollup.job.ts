import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { StatsRollupService } from './stats-rollup.service';

/** Between two refreshes of the job; a statistics request refreshes on its own anyway. */
export const ROLLUP_JOB_SECONDS = 60;

/**
 * Keeps the statistics' rollups warm (and, on a fresh or migrated database, builds them) so a request
 * finds little to do. Several instances may run it: refreshes serialise on the state row.
 */
@Injectable()
export class StatsRollupJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StatsRollupJob.name);
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;

  constructor(private readonly rollups: StatsRollupService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), ROLLUP_JOB_SECONDS * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current;
  }

  private tick(): void {
    if (this.current) return;
    this.current = this.rollups
      .refresh()
      .catch((error: unknown) => this.logger.error(`statistics rollup refresh failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.current = null));
  }
}
