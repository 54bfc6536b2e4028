import type { NsfwModelName, NsfwScores } from './nsfw-models';

/**
 * Messages between `ImageModerationService` (via `ModerationWorkerPool`) and `moderation.worker.ts`.
 * A worker loads one model at start (workerData), answers `ready` or `load-failed`, then handles one
 * `classify` at a time; pixels travel as a transferred buffer, so nothing is copied.
 */
export interface ModerationWorkerData {
  model: NsfwModelName;
}

export interface ClassifyRequest {
  type: 'classify';
  id: number;
  /** `inputSize`² RGB pixels */
  pixels: Uint8Array;
}

export type WorkerReply =
  | { type: 'ready'; modelVersion: string; inputSize: number }
  | { type: 'load-failed'; message: string }
  | { type: 'scores'; id: number; scores: NsfwScores }
  | { type: 'failed'; id: number; message: string };
