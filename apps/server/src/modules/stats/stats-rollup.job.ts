import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { IntervalJob } from '../../core/jobs/interval-job';
import { StatsRollupService } from './stats-rollup.service';

/**
 * Keeps the statistics' rollups warm (and, on a fresh or migrated database, builds them) so a request
 * finds little to do. Several instances may run it: refreshes serialise on the state row.
 */
@Injectable()
export class StatsRollupJob extends IntervalJob {
  protected readonly logger = new Logger(StatsRollupJob.name);

  constructor(
    private readonly rollups: StatsRollupService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** Every STATS_ROLLUP_SECONDS (a statistics request refreshes on its own anyway); 0: off. */
  protected intervalSeconds(): number | null {
    return this.config.stats.rollupSeconds === 0 ? null : this.config.stats.rollupSeconds;
  }

  protected async scheduledPass(): Promise<string | null> {
    await this.rollups.refresh();
    return null;
  }
}
