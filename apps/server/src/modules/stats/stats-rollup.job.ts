import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { StatsRollupService } from './stats-rollup.service';

/**
 * Keeps the statistics' rollups warm (and, on a fresh or migrated database, builds them) so a request
 * finds little to do. Several instances may run it: refreshes serialise on the state row.
 */
@Injectable()
export class StatsRollupJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StatsRollupJob.name);
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;

  constructor(
    private readonly rollups: StatsRollupService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every STATS_ROLLUP_SECONDS (a statistics request refreshes on its own anyway); 0: off. */
  onApplicationBootstrap(): void {
    if (this.config.stats.rollupSeconds === 0) return;
    this.timer = setInterval(() => this.tick(), this.config.stats.rollupSeconds * 1000);
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
