#!/usr/bin/env node
// Photo upload benchmark (issue 3, "Proof"): a 4000×3000 JPEG uploaded with multipart
// POST /api/v1/photos at concurrency 4 through the real server (SQLite, local storage), and the same
// image work done in this process by the server's own pipeline function (processPhoto from
// apps/server/dist) at concurrency 4, in one run. Prints photos/s of both, the ratio API ÷ in-process
// and the server's peak RSS. Targets: ratio ≥ 0.8, peak RSS ≤ 600 MB.
//
//   node tools/bench/upload/run.mjs [--uploads 40] [--concurrency 4] [--max-seconds 180] [--keep]
//
// Exits non-zero when something failed (server, upload refused, wrong answer); a missed target prints
// MISSED and exits 0.
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { cpuSplit, describeCpu, fmt, measureQuietly, memoryOf, parseArgs, percentile, printTable, runClosedLoop, sampleMemory } from '../lib/measure.mjs';
import { SERVER_MAIN, apiJson, routeExists, startServer, tail } from '../lib/server.mjs';
import { makeTestJpeg } from './make-jpeg.mjs';

const TARGET_RATIO = 0.8;
const TARGET_RSS_MB = 600;

const options = parseArgs(process.argv.slice(2), {
  uploads: 40,
  concurrency: 4,
  warmup: 2,
  maxSeconds: 180,
  quality: 92,
  waitForRoute: 0,
  quietWait: 120,
  retries: 2,
  keep: false,
});

const dataDir = mkdtempSync(path.join(tmpdir(), 'ssp-bench-upload-'));
/** @type {import('../lib/server.mjs').RunningServer | null} */
let server = null;
let failed = false;

async function cleanup() {
  if (server) await server.stop().catch(() => undefined);
  server = null;
  if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

function section(title) {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 96 - title.length))}`);
}

/** Files under a directory, recursively. */
function filesUnder(dir) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    out = entry.isDirectory() ? out.concat(filesUnder(full)) : out.concat(full);
  }
  return out;
}

async function main() {
  const cores = availableParallelism();
  section('Upload benchmark');
  console.log(`node ${process.version} · ${cores} cores · sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}) · libvips threads per pipeline: ${sharp.concurrency()}`);
  console.log(`NOTE: the load generator (this process), the server and the in-process pipeline share these ${cores} cores; the`);
  console.log('      API and in-process runs take turns (never at the same time) and the CPU split shows who used what.');

  // 1. The photo. ----------------------------------------------------------------------------------------
  let t = performance.now();
  const jpeg = await makeTestJpeg({ quality: options.quality });
  const photoFile = path.join(dataDir, 'bench-4000x3000.jpg');
  writeFileSync(photoFile, jpeg);
  const meta = await sharp(jpeg).metadata();
  console.log(`test photo: ${meta.width}×${meta.height} JPEG q${options.quality} ${meta.chromaSubsampling}, ${(jpeg.length / 1048576).toFixed(2)} MB, no EXIF (${photoFile}, made in ${fmt.duration(performance.now() - t)})`);
  const photo = readFileSync(photoFile);

  // 2. The server: embedded mode (SQLite, local storage) in a scratch data dir. ----------------------------
  section('Server');
  server = await startServer({
    env: {
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      AUTH_DEV_LOGIN: 'true',
      STORAGE_DRIVER: 'local',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    logFile: path.join(dataDir, 'server.log'),
  });
  const idle = memoryOf(server.pid);
  console.log(`server pid ${server.pid} at ${server.baseUrl} (SQLite + local storage in ${dataDir}) · RSS at idle ${fmt.n(idle?.rssMb ?? NaN, 0)} MB`);
  const deadline = Date.now() + options.waitForRoute * 1000;
  while (!(await routeExists(server.baseUrl, 'POST', '/api/v1/photos'))) {
    if (Date.now() >= deadline) throw new Error('POST /api/v1/photos is not in this build of the server (404); rebuild it or pass --wait-for-route SECONDS');
    console.log('POST /api/v1/photos not there yet; waiting 60 s …');
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  }
  const login = await apiJson(`${server.baseUrl}/api/v1/auth/dev`, { method: 'POST', body: { openid: 'bench-upload', nickname: '压测居民' } });
  const token = login.accessToken;

  const uploadUrl = `${server.baseUrl}/api/v1/photos`;
  const blob = new Blob([photo], { type: 'image/jpeg' });
  /** @type {Set<string>} */
  const ids = new Set();
  async function upload() {
    const form = new FormData();
    form.append('file', blob, 'IMG_20261127_093000.jpg');
    const response = await fetch(uploadUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form, signal: AbortSignal.timeout(60_000) });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`POST /api/v1/photos → ${response.status}: ${text.slice(0, 300)}`);
    const view = JSON.parse(text);
    if (view.width !== 2048 || view.height !== 1536) throw new Error(`stored photo is ${view.width}×${view.height}, expected 2048×1536`);
    if (ids.has(view.id)) throw new Error(`photo id ${view.id} returned twice`);
    ids.add(view.id);
    return view;
  }
  const first = await upload();
  console.log(`upload check: 201, ${first.width}×${first.height}, answer fields: ${Object.keys(first).join(', ')}`);

  // 3. (a) through the API. ---------------------------------------------------------------------------------
  section(`(a) API: multipart POST /api/v1/photos, concurrency ${options.concurrency}, ${options.uploads} uploads (+${options.warmup} warm-up)`);
  for (let i = 0; i < options.warmup; i++) await upload();
  const beforeRun = memoryOf(server.pid);
  const apiRun = await measureQuietly(
    'run (a)',
    async () => {
      const memory = sampleMemory(server.pid, 100);
      const cpu = cpuSplit({ 'bench (HTTP client)': 'self', server: server.pid });
      const result = await runClosedLoop({ concurrency: options.concurrency, durationMs: options.maxSeconds * 1000, maxOps: options.uploads, op: upload });
      return { result, cpu: cpu.stop(), memory: memory.stop() };
    },
    { retries: options.retries, quietWait: options.quietWait },
  );
  const api = apiRun.result;
  const apiCpu = apiRun.cpu;
  // Peak memory over every attempt: the kernel's high-water mark only grows, the sampled peak is per attempt.
  const serverMemory = apiRun.memory;
  const uploadsDone = ids.size - 1 - options.warmup;
  if (api.errors > 0) throw new Error(`${api.errors} uploads failed, first: ${api.firstError}`);
  console.log(`${api.ok} uploads in ${(api.elapsedMs / 1000).toFixed(1)} s · ${describeCpu(apiCpu)}${apiRun.attempts > 1 ? ` (attempt ${apiRun.attempt} of ${apiRun.attempts}, the least disturbed)` : ''}`);
  console.log(`server RSS: ${fmt.n(beforeRun?.rssMb ?? NaN, 0)} MB before the run · peak of ${serverMemory.samples} samples (100 ms) ${fmt.n(serverMemory.peakRssMb, 0)} MB · kernel high-water mark VmHWM ${fmt.n(serverMemory.hwmMb, 0)} MB (over the server's whole life)`);
  const stored = filesUnder(path.join(dataDir, 'photos'));
  const expectedFiles = 2 * (1 + options.warmup + uploadsDone);
  if (stored.length !== expectedFiles) throw new Error(`${stored.length} files in local storage, expected ${expectedFiles} (photo + thumbnail per upload)`);
  const imageBytes = stored.filter((f) => !f.endsWith('.thumb.jpg')).map((f) => statSync(f).size);
  console.log(`storage check: ${stored.length} files (photo + thumbnail per upload), stored photo ≈ ${fmt.int(imageBytes[0] / 1024)} KB`);
  await server.stop();
  server = null;

  // 4. (b) the server's pipeline function in this process. ---------------------------------------------------
  section(`(b) in-process: the server's processPhoto() on the same bytes, concurrency ${options.concurrency}, ${options.uploads} photos (+${options.warmup} warm-up)`);
  const requireServer = createRequire(SERVER_MAIN);
  const { processPhoto } = requireServer('./modules/photos/photo-pipeline.util');
  if (typeof processPhoto !== 'function') throw new Error('apps/server/dist/modules/photos/photo-pipeline.util has no processPhoto function');
  console.log('pipeline: processPhoto from apps/server/dist/modules/photos/photo-pipeline.util.js (sniff, header check, decode with pixel limit, rotate, resize 2048, mozjpeg q82, 320 px thumbnail, dHash, luminance, sha256)');
  const limits = { maxPixels: 50_000_000 };
  const check = await processPhoto(photo, limits);
  if (check.width !== first.width || check.height !== first.height) {
    throw new Error(`in-process result ${check.width}×${check.height} differs from the API's ${first.width}×${first.height}`);
  }
  for (let i = 0; i < options.warmup; i++) await processPhoto(photo, limits);
  const localRun = await measureQuietly(
    'run (b)',
    async () => {
      const memory = sampleMemory(process.pid, 100);
      const cpu = cpuSplit({ 'bench (sharp in-process)': 'self' });
      const result = await runClosedLoop({ concurrency: options.concurrency, durationMs: options.maxSeconds * 1000, maxOps: options.uploads, op: () => processPhoto(photo, limits) });
      return { result, cpu: cpu.stop(), memory: memory.stop() };
    },
    { retries: options.retries, quietWait: options.quietWait },
  );
  const local = localRun.result;
  const localCpu = localRun.cpu;
  const benchMemory = localRun.memory;
  if (local.errors > 0) throw new Error(`${local.errors} in-process runs failed, first: ${local.firstError}`);
  console.log(`${local.ok} photos in ${(local.elapsedMs / 1000).toFixed(1)} s · ${describeCpu(localCpu)}${localRun.attempts > 1 ? ` (attempt ${localRun.attempt} of ${localRun.attempts}, the least disturbed)` : ''}`);
  console.log(`this process's RSS peak during (b): ${fmt.n(benchMemory.peakRssMb, 0)} MB (for comparison: Node + sharp doing the same work without HTTP)`);

  // 5. Results. ---------------------------------------------------------------------------------------------------
  section('Results');
  const apiRate = api.ok / (api.elapsedMs / 1000);
  const localRate = local.ok / (local.elapsedMs / 1000);
  const cpuCell = (split) => Object.entries(split.seconds).map(([name, s]) => `${name.split(' ')[0]} ${s === null ? 'n/a' : s.toFixed(1)}`).join(' / ');
  printTable(
    ['run', 'photos/s', 'p50 ms', 'p99 ms', 'count', 'CPU s'],
    [
      ['(a) API POST /api/v1/photos', fmt.n(apiRate, 2), fmt.n(percentile(api.latenciesMs, 50), 0), fmt.n(percentile(api.latenciesMs, 99), 0), api.ok, cpuCell(apiCpu)],
      ['(b) processPhoto() in-process', fmt.n(localRate, 2), fmt.n(percentile(local.latenciesMs, 50), 0), fmt.n(percentile(local.latenciesMs, 99), 0), local.ok, cpuCell(localCpu)],
    ],
  );
  const ratio = apiRate / localRate;
  const peakMb = Math.max(serverMemory.peakRssMb, serverMemory.hwmMb);
  const serverCpuPerPhoto = (apiCpu.seconds.server ?? NaN) / api.ok;
  const localCpuPerPhoto = (localCpu.seconds['bench (sharp in-process)'] ?? NaN) / local.ok;
  console.log(`\nratio API ÷ in-process photos/s: ${ratio.toFixed(3)} · CPU per photo: server ${(serverCpuPerPhoto * 1000).toFixed(0)} ms vs in-process ${(localCpuPerPhoto * 1000).toFixed(0)} ms`);
  console.log(`server peak RSS: ${fmt.n(peakMb, 0)} MB (max of sampled VmRSS and VmHWM)`);
  const others = [apiCpu, localCpu].map((c) => (c.seconds.other ?? 0) / c.wallSeconds);
  if (others.some((share) => share > 0.15)) {
    console.log(`WARNING: other processes used up to ${(Math.max(...others) * 100).toFixed(0)}% of a core during a run: the figures are disturbed; rerun on a quiet machine`);
  }
  console.log(`machine: ${cores} cores shared by load generator and server (not separate machines)`);
  const met = ratio >= TARGET_RATIO && peakMb <= TARGET_RSS_MB;
  console.log(
    `\nVERDICT upload: ${met ? 'MET' : 'MISSED'} — ratio ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'ok' : 'MISSED'}, ` +
      `peak RSS ${fmt.n(peakMb, 0)} MB (target ≤ ${TARGET_RSS_MB}) ${peakMb <= TARGET_RSS_MB ? 'ok' : 'MISSED'}; API ${fmt.n(apiRate, 2)} photos/s vs in-process ${fmt.n(localRate, 2)} photos/s`,
  );
}

const started = performance.now();
main()
  .catch((error) => {
    failed = true;
    console.error(`\nFAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (server) console.error(`last lines of the server log:\n${tail(server.logFile, 20)}`);
  })
  .finally(async () => {
    await cleanup();
    console.log(`\n(bench ran ${fmt.duration(performance.now() - started)}${options.keep ? `; kept ${dataDir}` : '; scratch data dir removed'})`);
    process.exit(failed ? 1 : 0);
  });
