import { Inject, Injectable, Logger } from '@nestjs/common';
import { STORAGE_DRIVER, type StorageDriver } from '../../../core/storage/storage.driver';
import { ImageModerationError, ImageModerationService } from '../../photos/moderation';
import { reason } from '../intake-reasons';
import { PASS, type CheckResult, type IntakeCheck, type IntakeInput } from './intake-check';

/**
 * Optional (IMAGE_MODERATION): each photo's thumbnail through the offline nsfwjs model in a worker
 * thread; a flagged photo holds the report for a moderator. A model that cannot answer (queue full,
 * timeout, not loaded) never blocks a report: the check passes and says it could not run.
 */
@Injectable()
export class ImageModerationCheck implements IntakeCheck {
  readonly name = 'image_moderation';
  private readonly logger = new Logger(ImageModerationCheck.name);

  constructor(
    private readonly moderation: ImageModerationService,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  async run(input: IntakeInput): Promise<CheckResult> {
    if (input.photos.length === 0) return PASS;
    try {
      const results = await Promise.all(
        input.photos.map(async (photo) => this.moderation.classify(await this.storage.getBuffer(photo.thumbKey))),
      );
      return results.some((result) => result.flagged) ? { verdict: 'review', reason: reason('PHOTO_FLAGGED') } : PASS;
    } catch (error) {
      if (!(error instanceof ImageModerationError)) throw error;
      this.logger.warn(`image moderation skipped: ${error.reason}`);
      return { verdict: 'pass', reason: reason('IMAGE_CHECK_SKIPPED') };
    }
  }
}
