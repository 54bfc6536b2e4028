import { Logger } from '@nestjs/common';
import * as path from 'node:path';
import { solidImage } from '../../../../test/helpers/images';
import { ImageModerationService, type ImageModerationResult } from '../image-moderation.service';
import { toModelPixels } from '../moderation-image.util';
import { loadNsfwModel, nsfwModelFolder, scorePixels } from '../nsfw-model.loader';
import { NSFW_CLASSES } from '../nsfw-models';
import { drawingLikeJpeg, streetLikeJpeg } from './moderation-images.helper';
import { startTypeScriptWorker } from './ts-worker.helper';

// Loads the real MobileNetV2 from the nsfwjs package in a worker thread on the tfjs wasm backend
// (1–3 s; this whole file took 4–12 s on the shared, busy 2-core machine).
const WORKER_ENTRY = path.join(__dirname, '..', 'moderation.worker.ts');

function expectProbabilities(result: ImageModerationResult): void {
  expect(Object.keys(result.scores).sort()).toEqual([...NSFW_CLASSES].sort());
  for (const score of Object.values(result.scores)) {
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
  }
  const total = Object.values(result.scores).reduce((sum, score) => sum + score, 0);
  expect(total).toBeCloseTo(1, 3);
}

describe('ImageModerationService with the real nsfwjs model', () => {
  let service: ImageModerationService;
  let images: Record<'street' | 'flat' | 'drawing', Buffer>;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    service = new ImageModerationService({
      spawnWorker: (workerData) => startTypeScriptWorker(WORKER_ENTRY, { workerData }),
      // the machine is shared: an inference that takes 60 ms alone can take seconds under load
      timeoutMs: 30_000,
    });
    images = { street: await streetLikeJpeg(), flat: await solidImage(640, 480, '#7a8a9a'), drawing: await drawingLikeJpeg() };
  });
  afterAll(() => service.onModuleDestroy());

  it('finds the model files inside the installed package', () => {
    expect(nsfwModelFolder('MobileNetV2')).toMatch(/node_modules[/\\]nsfwjs[/\\]dist[/\\]models[/\\]mobilenet_v2$/);
  });

  it('scores a street scene, a flat colour and a drawing as valid probability vectors, none flagged', async () => {
    const results = {
      street: await service.classify(images.street),
      flat: await service.classify(images.flat),
      drawing: await service.classify(images.drawing),
    };
    for (const result of Object.values(results)) {
      expectProbabilities(result);
      expect(result.flagged).toBe(false);
      expect(result.modelVersion).toBe('nsfwjs-4.4.0/MobileNetV2');
    }
    // an everyday city photo is "neutral"; the three scenes are told apart, not given one constant answer
    expect(results.street.scores.neutral).toBeGreaterThan(0.8);
    expect(results.flat.scores).not.toEqual(results.street.scores);
    expect(results.drawing.scores).not.toEqual(results.flat.scores);
    expect(service.workerCount).toBe(1);
  }, 60_000);

  it('gives the same scores for the same photo every time', async () => {
    const first = await service.classify(images.street);
    const second = await service.classify(images.street);
    expect(second).toEqual(first);
  }, 30_000);

  it('scores in the worker exactly what the bare model scores in-process', async () => {
    const model = await loadNsfwModel('MobileNetV2');
    try {
      const pixels = await toModelPixels(images.drawing, model.inputSize);
      expect((await service.classify(images.drawing)).scores).toEqual(await scorePixels(model, pixels));
    } finally {
      model.network.dispose();
    }
  }, 60_000);
});
