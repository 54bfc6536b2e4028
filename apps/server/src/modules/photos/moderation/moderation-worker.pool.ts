import type { Worker } from 'node:worker_threads';
import type { ClassifyRequest, ModerationWorkerData, WorkerReply } from './moderation-worker.protocol';
import { ImageModerationError, ImageModerationFailure } from './image-moderation.error';
import type { NsfwScores } from './nsfw-models';

export interface PoolLimits {
  size: number;
  maxQueue: number;
  timeoutMs: number;
  startTimeoutMs: number;
}

export interface PoolEvents {
  /** a worker loaded its model (`ms` since it was spawned) */
  ready?(modelVersion: string, ms: number): void;
  /** a worker was lost: crashed, timed out or failed to load */
  lost?(reason: ImageModerationFailure, detail: string): void;
}

export interface PoolScores {
  scores: NsfwScores;
  modelVersion: string;
}

interface Job {
  id: number;
  pixels: Uint8Array<ArrayBuffer>;
  resolve(value: PoolScores): void;
  reject(error: ImageModerationError): void;
}

interface Slot {
  worker: Worker;
  spawnedAt: number;
  modelVersion?: string;
  job?: Job;
  timer?: NodeJS.Timeout;
  gone: boolean;
}

/**
 * Up to `size` model workers, started lazily when work arrives, each scoring one photo at a time; the
 * rest wait in a FIFO queue of at most `maxQueue`. A worker that does not answer within `timeoutMs` is
 * terminated (a stuck model cannot hang a report); one that crashes is dropped; either is replaced as soon
 * as there is work again. If a worker cannot load the model, the photos waiting are refused with
 * UNAVAILABLE instead of respawning in a loop; the next call tries again. Idle workers are unref'd, so
 * they never keep a process alive on their own.
 */
export class ModerationWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly spawn: (data: ModerationWorkerData) => Worker,
    private readonly workerData: ModerationWorkerData,
    private readonly limits: PoolLimits,
    private readonly events: PoolEvents = {},
  ) {}

  /** Workers alive right now (starting, idle or busy). */
  get workerCount(): number {
    return this.slots.length;
  }

  score(pixels: Uint8Array): Promise<PoolScores> {
    if (this.closed) return Promise.reject(new ImageModerationError(ImageModerationFailure.STOPPED, 'image moderation is shutting down'));
    // The queue is empty whenever a worker is idle (pump hands work out at once), so this counts waiters.
    if (this.queue.length >= this.limits.maxQueue) {
      return Promise.reject(
        new ImageModerationError(ImageModerationFailure.QUEUE_FULL, `${this.queue.length} photos already wait for image moderation`),
      );
    }
    return new Promise<PoolScores>((resolve, reject) => {
      // A private copy: it is transferred to the worker, and the caller's buffer may be pooled or external.
      this.queue.push({ id: this.nextId++, pixels: new Uint8Array(pixels), resolve, reject });
      this.pump();
    });
  }

  /** Refuses what waits, fails what runs, and terminates every worker. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = () => new ImageModerationError(ImageModerationFailure.STOPPED, 'image moderation is shutting down');
    for (const job of this.queue.splice(0)) job.reject(stopped());
    await Promise.all(
      [...this.slots].map((slot) => {
        slot.job?.reject(stopped());
        slot.job = undefined;
        return this.drop(slot);
      }),
    );
  }

  private isIdle(slot: Slot): boolean {
    return slot.modelVersion !== undefined && slot.job === undefined;
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      const job = this.isIdle(slot) ? this.queue.shift() : undefined;
      if (job) this.dispatch(slot, job);
    }
    let starting = this.slots.filter((slot) => slot.modelVersion === undefined).length;
    while (this.slots.length < this.limits.size && this.queue.length > starting && this.start()) starting++;
  }

  /** Spawns one worker; false (and the waiting photos refused) when it could not even be spawned. */
  private start(): boolean {
    let worker: Worker;
    try {
      worker = this.spawn(this.workerData);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.events.lost?.(ImageModerationFailure.UNAVAILABLE, detail);
      this.refuseWaiting(detail);
      return false;
    }
    const slot: Slot = { worker, spawnedAt: Date.now(), gone: false };
    this.slots.push(slot);
    slot.timer = setTimeout(
      () => this.loadFailed(slot, `the model did not load within ${this.limits.startTimeoutMs} ms`),
      this.limits.startTimeoutMs,
    );
    slot.worker.on('message', (message: WorkerReply) => this.onMessage(slot, message));
    slot.worker.on('error', (error: Error) => this.onExit(slot, error.message));
    slot.worker.on('exit', (code: number) => this.onExit(slot, `exit code ${code}`));
    return true;
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => this.onTimeout(slot), this.limits.timeoutMs);
    const request: ClassifyRequest = { type: 'classify', id: job.id, pixels: job.pixels };
    slot.worker.postMessage(request, [job.pixels.buffer]);
  }

  private onMessage(slot: Slot, message: WorkerReply): void {
    if (slot.gone) return;
    switch (message.type) {
      case 'ready':
        clearTimeout(slot.timer);
        slot.modelVersion = message.modelVersion;
        slot.worker.unref();
        this.events.ready?.(message.modelVersion, Date.now() - slot.spawnedAt);
        break;
      case 'load-failed':
        this.loadFailed(slot, message.message);
        return;
      case 'scores':
      case 'failed': {
        const job = slot.job;
        if (!job || job.id !== message.id) return;
        clearTimeout(slot.timer);
        slot.job = undefined;
        slot.worker.unref();
        if (message.type === 'scores') job.resolve({ scores: message.scores, modelVersion: slot.modelVersion ?? 'unknown' });
        else job.reject(new ImageModerationError(ImageModerationFailure.INVALID_IMAGE, `the model refused the photo: ${message.message}`));
        break;
      }
    }
    this.pump();
  }

  private onTimeout(slot: Slot): void {
    const job = slot.job;
    slot.job = undefined;
    job?.reject(new ImageModerationError(ImageModerationFailure.TIMEOUT, `image moderation took longer than ${this.limits.timeoutMs} ms`));
    this.events.lost?.(ImageModerationFailure.TIMEOUT, `no answer within ${this.limits.timeoutMs} ms`);
    void this.drop(slot);
    this.pump();
  }

  private onExit(slot: Slot, detail: string): void {
    if (slot.gone) return;
    if (slot.modelVersion === undefined) {
      this.loadFailed(slot, detail);
      return;
    }
    const job = slot.job;
    slot.job = undefined;
    job?.reject(new ImageModerationError(ImageModerationFailure.WORKER_CRASHED, `the moderation worker died: ${detail}`));
    this.events.lost?.(ImageModerationFailure.WORKER_CRASHED, detail);
    void this.drop(slot);
    this.pump();
  }

  /** The model cannot load: refuse what waits rather than respawn in a loop; the next call tries again. */
  private loadFailed(slot: Slot, detail: string): void {
    if (slot.gone) return;
    this.events.lost?.(ImageModerationFailure.UNAVAILABLE, detail);
    void this.drop(slot);
    if (!this.slots.some((other) => other.modelVersion !== undefined)) this.refuseWaiting(detail);
  }

  private refuseWaiting(detail: string): void {
    for (const job of this.queue.splice(0)) {
      job.reject(new ImageModerationError(ImageModerationFailure.UNAVAILABLE, `the moderation model could not be loaded: ${detail}`));
    }
  }

  /** Forgets the slot at once (so `pump` may replace it) and terminates its worker. */
  private async drop(slot: Slot): Promise<void> {
    if (slot.gone) return;
    slot.gone = true;
    clearTimeout(slot.timer);
    this.slots.splice(this.slots.indexOf(slot), 1);
    await slot.worker.terminate();
  }
}
