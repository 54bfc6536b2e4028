import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImageModerationError, ImageModerationFailure } from './image-moderation.error';
import {
  IMAGE_MODERATION_OPTIONS,
  resolveModerationOptions,
  type ImageModerationOptions,
  type ResolvedModerationOptions,
} from './image-moderation.options';
import { toModelPixels } from './moderation-image.util';
import { isFlagged } from './moderation-thresholds.util';
import type { ModerationWorkerData } from './moderation-worker.protocol';
import { ModerationWorkerPool } from './moderation-worker.pool';
import { NSFW_MODELS, type NsfwScores } from './nsfw-models';

export interface ImageModerationResult {
  flagged: boolean;
  scores: NsfwScores;
  modelVersion: string;
}

/** The compiled worker beside this file (`dist/…/moderation/moderation.worker.js`). */
export function defaultModerationWorker(data: ModerationWorkerData): Worker {
  return new Worker(path.join(__dirname, 'moderation.worker.js'), { workerData: data });
}

/**
 * Scores photos with an nsfwjs model shipped inside the npm package, in worker threads, so the event
 * loop never runs the network. Nothing starts until the first `classify`; the model then loads once per
 * worker (0.5–1 s; several seconds on a busy machine). Every failure is an `ImageModerationError` whose
 * `reason` says why the check could not run; none of them means the photo is inappropriate.
 */
@Injectable()
export class ImageModerationService implements OnModuleDestroy {
  private readonly logger = new Logger(ImageModerationService.name);
  private readonly options: ResolvedModerationOptions;
  private pool?: ModerationWorkerPool;

  constructor(@Optional() @Inject(IMAGE_MODERATION_OPTIONS) options?: ImageModerationOptions) {
    this.options = resolveModerationOptions(options);
  }

  async classify(jpeg: Buffer): Promise<ImageModerationResult> {
    let pixels: Uint8Array;
    try {
      pixels = await toModelPixels(jpeg, NSFW_MODELS[this.options.model].inputSize);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ImageModerationError(ImageModerationFailure.INVALID_IMAGE, `the photo could not be decoded: ${detail}`);
    }
    const { scores, modelVersion } = await this.workers().score(pixels);
    return { flagged: isFlagged(scores, this.options.thresholds), scores, modelVersion };
  }

  /** Workers alive right now; 0 before the first call and after shutdown. */
  get workerCount(): number {
    return this.pool?.workerCount ?? 0;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close();
  }

  private workers(): ModerationWorkerPool {
    this.pool ??= new ModerationWorkerPool(
      this.options.spawnWorker ?? defaultModerationWorker,
      { model: this.options.model },
      {
        size: this.options.poolSize,
        maxQueue: this.options.maxQueue,
        timeoutMs: this.options.timeoutMs,
        startTimeoutMs: this.options.startTimeoutMs,
      },
      {
        ready: (modelVersion, ms) => this.logger.log(`moderation model ${modelVersion} ready in ${ms} ms`),
        lost: (reason, detail) => this.logger.warn(`moderation worker lost (${reason}): ${detail}`),
      },
    );
    return this.pool;
  }
}
