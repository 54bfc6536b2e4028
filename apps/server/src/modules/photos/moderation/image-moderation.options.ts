import type { Worker } from 'node:worker_threads';
import { DEFAULT_MODERATION_THRESHOLDS, type ModerationThresholds } from './moderation-thresholds.util';
import type { ModerationWorkerData } from './moderation-worker.protocol';
import type { NsfwModelName } from './nsfw-models';

/** Injection token for `ImageModerationOptions` (optional: every field has a default). */
export const IMAGE_MODERATION_OPTIONS = Symbol('IMAGE_MODERATION_OPTIONS');

export interface ImageModerationOptions {
  /** worker threads, each with its own tfjs runtime and model (~130 MB RSS each, measured); default 1 */
  poolSize?: number;
  /** photos allowed to wait for a worker (≥ 1); one more is refused with QUEUE_FULL; default 32 */
  maxQueue?: number;
  /** per photo, from the moment a worker receives it; default 5000 ms */
  timeoutMs?: number;
  /** from spawning a worker to its model being ready; default 60000 ms */
  startTimeoutMs?: number;
  /** default MobileNetV2 */
  model?: NsfwModelName;
  thresholds?: ModerationThresholds;
  /**
   * Starts one worker. Default: `moderation.worker.js` beside the compiled service. Tests pass a
   * fake worker script, or the TypeScript worker run through a transpiler.
   */
  spawnWorker?: (data: ModerationWorkerData) => Worker;
}

export type ResolvedModerationOptions = Required<Omit<ImageModerationOptions, 'spawnWorker'>> &
  Pick<ImageModerationOptions, 'spawnWorker'>;

export function resolveModerationOptions(options: ImageModerationOptions = {}): ResolvedModerationOptions {
  const resolved = {
    poolSize: options.poolSize ?? 1,
    maxQueue: options.maxQueue ?? 32,
    timeoutMs: options.timeoutMs ?? 5000,
    startTimeoutMs: options.startTimeoutMs ?? 60_000,
    model: options.model ?? 'MobileNetV2',
    thresholds: options.thresholds ?? DEFAULT_MODERATION_THRESHOLDS,
    spawnWorker: options.spawnWorker,
  };
  for (const key of ['poolSize', 'maxQueue', 'timeoutMs', 'startTimeoutMs'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 1) throw new RangeError(`${key} must be a positive integer`);
  }
  return resolved;
}
