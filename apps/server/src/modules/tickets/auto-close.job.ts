import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { TicketsService } from './tickets.service';

/**
 * Runs 自动结案 with the SLA check's schedule (SLA_CHECK / SLA_CHECK_SECONDS): resolved tickets left
 * unrated for REOPEN_WINDOW_DAYS close by themselves. Passes of one instance never overlap.
 */
@Injectable()
export class AutoCloseJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AutoCloseJob.name);
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;

  constructor(
    private readonly tickets: TicketsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sla.check === 'off') return;
    this.timer = setInterval(() => this.tick(), this.config.sla.checkSeconds * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current;
  }

  private tick(): void {
    if (this.current) return;
    this.current = this.tickets
      .autoCloseDue(new Date())
      .then((closed) => {
        if (closed > 0) this.logger.log(`自动结案: ${closed} ticket(s)`);
      })
      .catch((error: unknown) => this.logger.warn(`auto-close pass failed: ${String(error)}`))
      .finally(() => (this.current = null));
  }
}
