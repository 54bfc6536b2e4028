#!/usr/bin/env node
// Image moderation benchmark (issue 4, "Photo quality"): the same photos scored by nsfwjs (MobileNetV2,
// tfjs wasm backend) through the server's ImageModerationService — decode + resize with sharp on the main
// thread, inference in its worker thread — and by the bare model called in this process, in one run.
// Prints ms per image (p50/p99) of both, the main thread's event-loop delay during both, the ratios, the
// install size the packages add and this process's RSS after each model load.
//
//   node tools/bench/moderation/run.mjs [--images 40] [--rounds 4] [--concurrency 1] [--warmup 3]
//                                       [--width 2048] [--height 1536] [--model MobileNetV2] [--quiet-wait 120]
//
// Targets: event-loop delay p99 through the worker ≤ 20 ms (the server stays responsive while it scores
// photos) and worker ms/image p50 ≤ 1.3 × in-process. Exits non-zero only when something failed.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { cpuSplit, describeCpu, fmt, memoryOf, parseArgs, percentile, printTable, runClosedLoop, waitForQuiet } from '../lib/measure.mjs';
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
  rounds: 4,
  quietWait: 120,
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

/** Measurements of one path, accumulated over the rounds. */
function newTally() {
  return {
    loopRounds: [],
    run: { ok: 0, errors: 0, firstError: null, elapsedMs: 0, latenciesMs: [] },
    cpu: { wallSeconds: 0, seconds: { bench: 0, other: 0 } },
  };
}

/** Scores `count` photos (round-robin) through `classify` while the main thread's event-loop delay is recorded. */
async function measureRound(tally, classify, photos, count) {
  // A fresh monitor per round: a re-enabled one would count the pause since its last tick as one delay.
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const split = cpuSplit({ bench: 'self' });
  loop.enable();
  const run = await runClosedLoop({
    concurrency: options.concurrency,
    durationMs: 600_000,
    maxOps: count,
    op: (i) => classify(photos[(tally.run.ok + i) % photos.length]),
  });
  loop.disable();
  const cpu = split.stop();
  const beyondTick = (ns) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
  tally.loopRounds.push({ p50: beyondTick(loop.percentile(50)), p99: beyondTick(loop.percentile(99)), max: beyondTick(loop.max) });
  tally.run.ok += run.ok;
  tally.run.errors += run.errors;
  tally.run.firstError ??= run.firstError;
  tally.run.elapsedMs += run.elapsedMs;
  tally.run.latenciesMs.push(...run.latenciesMs);
  tally.cpu.wallSeconds += cpu.wallSeconds;
  for (const name of ['bench', 'other']) tally.cpu.seconds[name] += cpu.seconds[name] ?? 0;
}

/**
 * Event-loop delay beyond the LOOP_RESOLUTION_MS tick (the histogram holds the time between ticks): the
 * median round's p50, the worst round's p99 and the largest single delay.
 */
function loopDelay(tally) {
  const sorted = (key) => tally.loopRounds.map((round) => round[key]).sort((a, b) => a - b);
  return { p50: sorted('p50')[Math.floor(tally.loopRounds.length / 2)], p99: Math.max(...sorted('p99')), max: Math.max(...sorted('max')) };
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

  section('(b) bare model in this process: sharp, then the model on the main thread');
  started = performance.now();
  const model = await loadNsfwModel(options.model);
  const inProcessLoadMs = performance.now() - started;
  const rssBoth = rssMb();
  console.log(`model load in-process: ${fmt.n(inProcessLoadMs, 0)} ms; RSS now ${fmt.n(rssBoth, 0)} MB (worker and in-process model both loaded)`);
  const bare = (photo) => toModelPixels(photo, model.inputSize).then((pixels) => scorePixels(model, pixels));
  const viaService = (photo) => service.classify(photo).then((result) => result.scores);
  const [fromWorker, fromBare] = [await viaService(photos[1]), await bare(photos[1])];
  if (JSON.stringify(fromWorker) !== JSON.stringify(fromBare)) {
    throw new Error(`worker and in-process scores differ for the same photo: ${JSON.stringify(fromWorker)} vs ${JSON.stringify(fromBare)}`);
  }
  console.log(`same photo, same scores on both paths: ${Object.entries(fromBare).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')}`);

  section('measuring');
  for (let i = 0; i < options.warmup; i++) {
    await viaService(photos[i % photos.length]);
    await bare(photos[i % photos.length]);
  }
  await waitForQuiet({ maxSeconds: options.quietWait, label: 'the rounds' });
  // Interleaved rounds (a b, b a, …) so a burst of other work on the shared machine hits both paths alike.
  const viaWorker = newTally();
  const inProcess = newTally();
  const perRound = Math.max(1, Math.round(options.images / options.rounds));
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? [[viaWorker, viaService], [inProcess, bare]] : [[inProcess, bare], [viaWorker, viaService]];
    for (const [tally, classify] of order) await measureRound(tally, classify, photos, perRound);
  }
  console.log(`${options.rounds} rounds of ${perRound} images per path, alternating which path goes first`);
  await service.onModuleDestroy();
  model.network.dispose();
  viaWorker.loop = loopDelay(viaWorker);
  inProcess.loop = loopDelay(inProcess);

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
  printTable(['path', 'images', 'errors', 'ms p50', 'ms p99', 'images/s', 'CPU ms/image', 'loop delay p50', 'p99 (worst round)', 'max'], rows);
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
    `${fmt.n(rssBoth, 0)} MB with a second copy loaded in-process (+${fmt.n(rssBoth - rssWorker, 0)} MB)`);
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
