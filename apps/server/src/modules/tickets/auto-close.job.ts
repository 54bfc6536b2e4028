import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { IntervalJob } from '../../core/jobs/interval-job';
import { TicketsService } from './tickets.service';

/**
 * Runs 自动结案 with the SLA check's schedule (SLA_CHECK / SLA_CHECK_SECONDS): resolved tickets left
 * unrated for REOPEN_WINDOW_DAYS close by themselves. Passes of one instance never overlap.
 */
@Injectable()
export class AutoCloseJob extends IntervalJob {
  protected readonly logger = new Logger(AutoCloseJob.name);

  constructor(
    private readonly tickets: TicketsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  protected intervalSeconds(): number | null {
    return this.config.sla.check === 'off' ? null : this.config.sla.checkSeconds;
  }

  protected async scheduledPass(): Promise<string | null> {
    const closed = await this.tickets.autoCloseDue(new Date());
    return closed > 0 ? `自动结案: ${closed} ticket(s)` : null;
  }
}
