#!/usr/bin/env node
// Image moderation benchmark (issue 4, "Photo quality"): the same photos scored by nsfwjs (MobileNetV2,
// tfjs wasm backend) through the server's ImageModerationService — decode + resize with sharp on the main
// thread, inference in its worker thread — and by the bare model called in this process, in one run.
// Prints ms per image (p50/p99) of both, the main thread's event-loop delay during both, the ratios, the
// install size the packages add and this process's RSS after each model load.
//
//   node tools/bench/moderation/run.mjs [--images 40] [--concurrency 1] [--warmup 3] [--width 2048]
//                                       [--height 1536] [--model MobileNetV2] [--quiet-wait 120]
//
// Targets: event-loop delay p99 through the worker ≤ 20 ms (the server stays responsive while it scores
// photos) and worker ms/image p50 ≤ 1.3 × in-process. Exits non-zero only when something failed.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { cpuSplit, describeCpu, fmt, measureQuietly, memoryOf, parseArgs, percentile, printTable, runClosedLoop } from '../lib/measure.mjs';
import { REPO_ROOT } from '../lib/server.mjs';
import { makeTestJpeg } from '../upload/make-jpeg.mjs';
import { addedInstallSize } from './install-size.mjs';

const TARGET_LOOP_DELAY_P99_MS = 20;
const TARGET_LATENCY_RATIO = 1.3;
const LOOP_RESOLUTION_MS = 5;
const ADDED_PACKAGES = ['nsfwjs', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'];

const options = parseArgs(process.argv.slice(2), {
  images: 40,
  concurrency: 1,
  warmup: 3,
  width: 2048,
  height: 1536,
  model: 'MobileNetV2',
  quietWait: 120,
  retries: 1,
});

const DIST = path.join(REPO_ROOT, 'apps/server/dist/modules/photos/moderation');

function section(title) {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 96 - title.length))}`);
}

/** The moderation code is new: build the server when its dist predates it (an existing one is kept otherwise). */
function ensureModerationBuilt() {
  if (existsSync(path.join(DIST, 'image-moderation.service.js'))) return;
  console.log('apps/server/dist has no moderation module: building it with `npx nx run server:build` …');
  const result = spawnSync('npx', ['nx', 'run', 'server:build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(path.join(DIST, 'image-moderation.service.js'))) throw new Error('server build failed');
}

const rssMb = () => memoryOf(process.pid)?.rssMb ?? Number.NaN;

/**
 * Scores `photos` round-robin `options.images` times through `classify`, while the event-loop delay of
 * this (the main) thread is recorded.
 */
async function measurePhase(label, classify, photos) {
  return measureQuietly(
    label,
    async () => {
      for (let i = 0; i < options.warmup; i++) await classify(photos[i % photos.length]);
      const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
      const split = cpuSplit({ bench: 'self' });
      loop.enable();
      const run = await runClosedLoop({
        concurrency: options.concurrency,
        durationMs: 600_000,
        maxOps: options.images,
        op: (i) => classify(photos[i % photos.length]),
      });
      loop.disable();
      const cpu = split.stop();
      // The histogram holds the time between ticks of a LOOP_RESOLUTION_MS timer: what exceeds the tick is delay.
      const delay = (p) => Math.max(0, (p === 'max' ? loop.max : loop.percentile(p)) / 1e6 - LOOP_RESOLUTION_MS);
      return { run, cpu, loop: { p50: delay(50), p99: delay(99), max: delay('max') } };
    },
    { quietWait: options.quietWait, retries: options.retries },
  );
}

async function main() {
  ensureModerationBuilt();
  const serverRequire = createRequire(path.join(REPO_ROOT, 'apps/server/package.json'));
  const sharp = serverRequire('sharp');
  const { ImageModerationService } = serverRequire(path.join(DIST, 'image-moderation.service.js'));
  const { loadNsfwModel, scorePixels } = serverRequire(path.join(DIST, 'nsfw-model.loader.js'));
  const { toModelPixels } = serverRequire(path.join(DIST, 'moderation-image.util.js'));
  const { NSFW_MODELS } = serverRequire(path.join(DIST, 'nsfw-models.js'));
  const { Logger } = serverRequire('@nestjs/common');
  Logger.overrideLogger(['error', 'warn']);
  if (!NSFW_MODELS[options.model]) throw new Error(`unknown --model ${options.model} (one of ${Object.keys(NSFW_MODELS).join(', ')})`);

  section('setup');
  const photos = [];
  for (const seed of [7, 19, 31]) photos.push(await makeTestJpeg({ width: options.width, height: options.height, quality: 85, seed }));
  console.log(`photos: ${photos.length} synthetic street scenes, ${options.width}×${options.height} JPEG q85 (the size the server stores), ` +
    `${fmt.n(photos.reduce((sum, p) => sum + p.length, 0) / photos.length / 1e6, 2)} MB on average`);
  console.log(`model: ${options.model}, ${NSFW_MODELS[options.model].inputSize} px input; images per phase: ${options.images}, concurrency ${options.concurrency}, warm-up ${options.warmup}`);
  console.log(`sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}), Node ${process.version}`);
  const rssBefore = rssMb();

  section('(a) ImageModerationService: sharp on the main thread, model in a worker thread');
  const service = new ImageModerationService({ model: options.model, timeoutMs: 60_000 });
  let started = performance.now();
  await service.classify(photos[0]);
  const workerLoadMs = performance.now() - started;
  const rssWorker = rssMb();
  console.log(`first photo (worker start + model load + one image): ${fmt.n(workerLoadMs, 0)} ms; RSS ${fmt.n(rssBefore, 0)} → ${fmt.n(rssWorker, 0)} MB`);
  let check = null;
  const viaWorker = await measurePhase('worker phase', async (photo) => {
    const result = await service.classify(photo);
    check ??= result;
    return result;
  }, photos);
  await service.onModuleDestroy();

  section('(b) bare model in this process: sharp, then the model on the main thread');
  started = performance.now();
  const model = await loadNsfwModel(options.model);
  const inProcessLoadMs = performance.now() - started;
  const rssInProcess = rssMb();
  console.log(`model load in-process: ${fmt.n(inProcessLoadMs, 0)} ms; RSS now ${fmt.n(rssInProcess, 0)} MB (the worker was terminated before)`);
  const same = await scorePixels(model, await toModelPixels(photos[0], model.inputSize));
  if (JSON.stringify(same) !== JSON.stringify(check.scores)) {
    throw new Error(`worker and in-process scores differ for the same photo: ${JSON.stringify(check.scores)} vs ${JSON.stringify(same)}`);
  }
  console.log(`same photo, same scores in both paths: ${Object.entries(same).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')}`);
  const inProcess = await measurePhase('in-process phase', async (photo) => scorePixels(model, await toModelPixels(photo, model.inputSize)), photos);
  model.network.dispose();

  section('results');
  const rows = [
    ['(a) service + worker', viaWorker],
    ['(b) bare model, in-process', inProcess],
  ].map(([name, phase]) => [
    name,
    phase.run.ok,
    phase.run.errors,
    fmt.n(percentile(phase.run.latenciesMs, 50)),
    fmt.n(percentile(phase.run.latenciesMs, 99)),
    fmt.n((phase.run.ok / phase.run.elapsedMs) * 1000),
    fmt.n((((phase.cpu.seconds.bench ?? 0) * 1000) / phase.run.ok)),
    fmt.n(phase.loop.p50),
    fmt.n(phase.loop.p99),
    fmt.n(phase.loop.max),
  ]);
  printTable(['path', 'images', 'errors', 'ms p50', 'ms p99', 'images/s', 'CPU ms/image', 'loop delay p50', 'p99', 'max'], rows);
  for (const [name, phase] of [['(a)', viaWorker], ['(b)', inProcess]]) console.log(`CPU ${name}: ${describeCpu(phase.cpu)}`);
  if (viaWorker.run.errors + inProcess.run.errors > 0) throw new Error(`errors: ${viaWorker.run.firstError ?? inProcess.run.firstError}`);

  const latencyRatio = percentile(viaWorker.run.latenciesMs, 50) / percentile(inProcess.run.latenciesMs, 50);
  const loopRatio = inProcess.loop.p99 / Math.max(viaWorker.loop.p99, 0.1);
  console.log(`\nms/image p50, worker ÷ in-process: ${fmt.n(latencyRatio, 2)} (target ≤ ${TARGET_LATENCY_RATIO})`);
  console.log(`event-loop delay p99 (beyond the ${LOOP_RESOLUTION_MS} ms tick), in-process ÷ worker: ${fmt.n(loopRatio, 1)}× ` +
    `(${fmt.n(inProcess.loop.p99)} ms vs ${fmt.n(viaWorker.loop.p99)} ms; target for the worker ≤ ${TARGET_LOOP_DELAY_P99_MS} ms)`);

  section('memory and install size');
  console.log(`RSS of this process: ${fmt.n(rssBefore, 0)} MB before any model (sharp, Nest common, the service module loaded), ` +
    `${fmt.n(rssWorker, 0)} MB with the model loaded in the worker (+${fmt.n(rssWorker - rssBefore, 0)} MB), ` +
    `${fmt.n(rssInProcess, 0)} MB with it loaded in-process after the worker ended`);
  const size = addedInstallSize(REPO_ROOT, 'apps/server', ADDED_PACKAGES);
  console.log(`node_modules added by ${ADDED_PACKAGES.join(' + ')} (packages nothing else needs, per package-lock.json): ` +
    `${size.packages.length} packages, ${fmt.n(size.totalBytes / 1e6)} MB`);
  printTable(['package', 'MB'], size.packages.slice(0, 8).map((p) => [p.key, fmt.n(p.bytes / 1e6)]));

  const misses = [];
  if (viaWorker.loop.p99 > TARGET_LOOP_DELAY_P99_MS) misses.push(`event-loop delay p99 ${fmt.n(viaWorker.loop.p99)} ms > ${TARGET_LOOP_DELAY_P99_MS} ms`);
  if (latencyRatio > TARGET_LATENCY_RATIO) misses.push(`worker ms/image ${fmt.n(latencyRatio, 2)}× in-process > ${TARGET_LATENCY_RATIO}×`);
  const warn = [viaWorker, inProcess].some((phase) => (phase.cpu.seconds.other ?? 0) / phase.cpu.wallSeconds > 0.15)
    ? ' (WARNING: other processes used the machine during a phase; figures are from a busy machine)'
    : '';
  console.log(`\nVERDICT image moderation: ${misses.length === 0 ? 'MET' : `MISSED — ${misses.join('; ')}`}${warn}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
