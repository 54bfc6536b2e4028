import { Logger } from '@nestjs/common';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { solidImage } from '../../../../test/helpers/images';
import { ImageModerationError, ImageModerationFailure } from '../image-moderation.error';
import type { ImageModerationOptions } from '../image-moderation.options';
import { ImageModerationService } from '../image-moderation.service';

// The real pool and service around a fake worker script (fixtures/fake-moderation.worker.js): the
// model itself is exercised in image-moderation.model.spec.ts.
type Behaviour = 'ok' | 'spin' | 'crash' | 'load-fail' | 'silent';

const FAKE_WORKER = path.join(__dirname, 'fixtures', 'fake-moderation.worker.js');

/** Spawns fake workers that behave as listed, one entry per spawn (the last one repeats). */
function fakeWorkers(behaviours: Behaviour[], delayMs = 0) {
  const spawned: Behaviour[] = [];
  const spawnWorker = () => {
    const behaviour = behaviours[Math.min(spawned.length, behaviours.length - 1)];
    spawned.push(behaviour);
    return new Worker(FAKE_WORKER, { workerData: { behaviour, delayMs } });
  };
  return { spawned, spawnWorker };
}

async function reasonOf(promise: Promise<unknown>): Promise<ImageModerationFailure | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof ImageModerationError) return error.reason;
    throw error;
  }
}

describe('ImageModerationService with a fake worker', () => {
  let photo: Buffer;
  const services: ImageModerationService[] = [];
  const serviceWith = (options: ImageModerationOptions) => {
    const service = new ImageModerationService(options);
    services.push(service);
    return service;
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    photo = await solidImage(64, 48, '#5a7');
  });
  afterEach(async () => {
    await Promise.all(services.splice(0).map((service) => service.onModuleDestroy()));
  });

  it('starts no worker before the first photo, then one that serves every photo', async () => {
    const workers = fakeWorkers(['ok']);
    const service = serviceWith({ spawnWorker: workers.spawnWorker });
    expect(service.workerCount).toBe(0);
    expect(workers.spawned).toHaveLength(0);
    const results = await Promise.all([service.classify(photo), service.classify(photo), service.classify(photo)]);
    expect(results.map((result) => result.flagged)).toEqual([false, false, false]);
    expect(results[0]).toEqual({ flagged: false, scores: { drawing: 0, hentai: 0, neutral: 1, porn: 0, sexy: 0 }, modelVersion: 'fake-1' });
    expect(workers.spawned).toEqual(['ok']);
    expect(service.workerCount).toBe(1);
  });

  it('scores photos side by side on a pool of poolSize workers, and starts no more than that', async () => {
    const workers = fakeWorkers(['ok'], 500);
    const service = serviceWith({ spawnWorker: workers.spawnWorker, poolSize: 2 });
    await Promise.all([service.classify(photo), service.classify(photo)]);
    expect(workers.spawned).toHaveLength(2);
    const started = Date.now();
    await Promise.all([1, 2, 3, 4].map(() => service.classify(photo)));
    // four photos of 500 ms on two workers: two rounds, not four
    expect(Date.now() - started).toBeLessThan(1900);
    expect(workers.spawned).toHaveLength(2);
  });

  it('refuses a photo with QUEUE_FULL when maxQueue photos already wait', async () => {
    const workers = fakeWorkers(['ok'], 400);
    const service = serviceWith({ spawnWorker: workers.spawnWorker, maxQueue: 2 });
    await service.classify(photo);
    // One goes to the worker at once, two wait, one more is one too many (photos are decoded in
    // parallel, so which of the four arrives last is not fixed) and is refused without waiting.
    const started = Date.now();
    const settled = await Promise.all(
      [1, 2, 3, 4].map(async () => ({ outcome: await reasonOf(service.classify(photo)), ms: Date.now() - started })),
    );
    expect(settled.map((s) => s.outcome).sort()).toEqual([ImageModerationFailure.QUEUE_FULL, 'resolved', 'resolved', 'resolved']);
    expect(settled.find((s) => s.outcome === ImageModerationFailure.QUEUE_FULL)?.ms).toBeLessThan(400);
  });

  it('gives up on a photo after timeoutMs, terminates the stuck worker and serves the next photo with a new one', async () => {
    const workers = fakeWorkers(['spin', 'ok']);
    const service = serviceWith({ spawnWorker: workers.spawnWorker, timeoutMs: 300 });
    const started = Date.now();
    expect(await reasonOf(service.classify(photo))).toBe(ImageModerationFailure.TIMEOUT);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(service.workerCount).toBe(0);
    expect((await service.classify(photo)).modelVersion).toBe('fake-1');
    expect(workers.spawned).toEqual(['spin', 'ok']);
  });

  it('lets the photos that waited behind a stuck one go through a fresh worker', async () => {
    const workers = fakeWorkers(['spin', 'ok']);
    const service = serviceWith({ spawnWorker: workers.spawnWorker, timeoutMs: 300 });
    const outcomes = await Promise.all([1, 2, 3].map(() => reasonOf(service.classify(photo))));
    expect(outcomes.sort()).toEqual([ImageModerationFailure.TIMEOUT, 'resolved', 'resolved']);
    expect(workers.spawned).toEqual(['spin', 'ok']);
  });

  it('reports WORKER_CRASHED when the worker dies, and restarts it on the next call', async () => {
    const workers = fakeWorkers(['crash', 'ok']);
    const service = serviceWith({ spawnWorker: workers.spawnWorker });
    expect(await reasonOf(service.classify(photo))).toBe(ImageModerationFailure.WORKER_CRASHED);
    expect((await service.classify(photo)).flagged).toBe(false);
    expect(workers.spawned).toEqual(['crash', 'ok']);
  });

  it('refuses waiting photos with UNAVAILABLE when the model cannot load, and tries again on the next call', async () => {
    const workers = fakeWorkers(['load-fail', 'load-fail', 'ok']);
    const service = serviceWith({ spawnWorker: workers.spawnWorker });
    const outcomes = await Promise.all([1, 2].map(() => reasonOf(service.classify(photo))));
    expect(outcomes).toEqual([ImageModerationFailure.UNAVAILABLE, ImageModerationFailure.UNAVAILABLE]);
    expect(workers.spawned).toHaveLength(1);
    expect(await reasonOf(service.classify(photo))).toBe(ImageModerationFailure.UNAVAILABLE);
    expect(await reasonOf(service.classify(photo))).toBe('resolved');
    expect(workers.spawned).toHaveLength(3);
  });

  it('gives up on a worker that never becomes ready after startTimeoutMs', async () => {
    const workers = fakeWorkers(['silent']);
    const service = serviceWith({ spawnWorker: workers.spawnWorker, startTimeoutMs: 200 });
    expect(await reasonOf(service.classify(photo))).toBe(ImageModerationFailure.UNAVAILABLE);
    expect(service.workerCount).toBe(0);
  });

  it('reports UNAVAILABLE when the worker script is missing or cannot be spawned at all', async () => {
    const missing = serviceWith({ spawnWorker: () => new Worker(path.join(__dirname, 'fixtures', 'no-such.worker.js')) });
    expect(await reasonOf(missing.classify(photo))).toBe(ImageModerationFailure.UNAVAILABLE);
    const refused = serviceWith({
      spawnWorker: () => {
        throw new Error('too many threads');
      },
    });
    expect(await reasonOf(refused.classify(photo))).toBe(ImageModerationFailure.UNAVAILABLE);
    expect(refused.workerCount).toBe(0);
  });

  it('rejects bytes that are not an image without starting a worker', async () => {
    const workers = fakeWorkers(['ok']);
    const service = serviceWith({ spawnWorker: workers.spawnWorker });
    expect(await reasonOf(service.classify(Buffer.from('definitely not a jpeg')))).toBe(ImageModerationFailure.INVALID_IMAGE);
    expect(workers.spawned).toHaveLength(0);
  });

  it('on shutdown terminates the worker, fails the photo in progress and refuses new ones', async () => {
    const workers = fakeWorkers(['ok'], 5000);
    const service = serviceWith({ spawnWorker: workers.spawnWorker });
    const inProgress = reasonOf(service.classify(photo));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await service.onModuleDestroy();
    expect(await inProgress).toBe(ImageModerationFailure.STOPPED);
    expect(service.workerCount).toBe(0);
    expect(await reasonOf(service.classify(photo))).toBe(ImageModerationFailure.STOPPED);
  });

  it('rejects options that cannot work', () => {
    expect(() => new ImageModerationService({ poolSize: 0 })).toThrow(RangeError);
    expect(() => new ImageModerationService({ timeoutMs: 1.5 })).toThrow(RangeError);
  });
});
