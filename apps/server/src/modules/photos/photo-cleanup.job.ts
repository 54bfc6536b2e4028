import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { IntervalJob } from '../../core/jobs/interval-job';
import { PhotosService } from './photos.service';

/** Photos removed per pass; the next pass takes the rest. */
const BATCH = 200;

/**
 * Every `PHOTO_CLEANUP_SECONDS`, removes photos that were uploaded more than `PHOTO_UNATTACHED_HOURS` ago
 * and never attached to a report or a ticket event (ARCHITECTURE.md §9). Safe in several instances at
 * once: each photo's row is deleted conditionally, and only the instance whose delete matched removes the
 * objects.
 */
@Injectable()
export class PhotoCleanupJob extends IntervalJob {
  protected readonly logger = new Logger(PhotoCleanupJob.name);

  constructor(
    private readonly photos: PhotosService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** One pass as of `now`: removes unattached photos older than the configured age; returns how many. */
  runOnce(now = new Date()): Promise<number> {
    return this.serially(() => this.remove(now));
  }

  protected intervalSeconds(): number | null {
    return this.config.photos.cleanup === 'off' ? null : this.config.photos.cleanupSeconds;
  }

  protected async scheduledPass(): Promise<string | null> {
    const removed = await this.remove(new Date());
    return removed > 0 ? `photo cleanup: ${removed} unattached photos removed` : null;
  }

  private remove(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.config.photos.unattachedHours * 3600_000);
    return this.photos.removeUnattached(before, BATCH);
  }
}
