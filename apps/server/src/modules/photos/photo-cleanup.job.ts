import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { PhotosService } from './photos.service';

/** Photos removed per pass; the next pass takes the rest. */
const BATCH = 200;

/**
 * Every `PHOTO_CLEANUP_SECONDS`, removes photos that were uploaded more than `PHOTO_UNATTACHED_HOURS` ago
 * and never attached to a report or a ticket event (ARCHITECTURE.md §9). Safe in several instances at
 * once: each photo's row is deleted conditionally, and only the instance whose delete matched removes the
 * objects. Passes of one instance never overlap (SQLite has one connection).
 */
@Injectable()
export class PhotoCleanupJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PhotoCleanupJob.name);
  private timer: NodeJS.Timeout | null = null;
  private previous: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly photos: PhotosService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.photos.cleanup === 'off') return;
    this.timer = setInterval(() => this.tick(), this.config.photos.cleanupSeconds * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.previous;
  }

  /** One pass as of `now`: removes unattached photos older than the configured age; returns how many. */
  runOnce(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.photos.unattachedHours * 3600_000);
    const pass = this.previous.then(() => this.photos.removeUnattached(before, BATCH));
    this.previous = pass.catch(() => undefined);
    return pass;
  }

  private tick(): void {
    this.runOnce()
      .then((removed) => {
        if (removed > 0) this.logger.log(`photo cleanup: ${removed} unattached photos removed`);
      })
      .catch((error: unknown) => this.logger.error(`photo cleanup failed: ${String(error)}`));
  }
}
