#!/usr/bin/env node
// Starts the built server (apps/server/dist) like main.js does, with the bench's BenchModule mounted
// through createApp's extraModules (as the integration tests mount their probe routes). Configuration
// comes from the environment, as for the real server; with SERVER_PROCESSES > 1, as main.js does, this
// primary applies the migrations and the seed once and forks that many node:cluster workers sharing the
// port (each mounting BenchModule too). Used by run.mjs only.
import cluster from 'node:cluster';
import * as perfHooks from 'node:perf_hooks';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { SERVER_DIST } from './bench.module.mjs';

const requireFromServer = createRequire(path.join(SERVER_DIST, 'main.js'));
requireFromServer('reflect-metadata');
const { createApp } = requireFromServer('./app.factory.js');
const { loadConfig } = requireFromServer('./core/config/app-config.js');
const { BenchModule } = await import('./bench.module.mjs');

const config = loadConfig(process.env);

function onStop(stop) {
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      const forced = setTimeout(() => process.exit(1), 10_000);
      forced.unref();
      stop().then(
        () => process.exit(0),
        (error) => {
          process.stderr.write(`shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
    });
  }
}

if (config.processes > 1 && cluster.isPrimary) {
  const setup = await createApp(config, [BenchModule]);
  await setup.init();
  await setup.close();
  let stopping = false;
  const workers = Array.from({ length: config.processes }, () => cluster.fork({ DB_MIGRATE_ON_START: 'false', SEED_ON_START: 'false' }));
  // A bench run has no use for a replacement: a worker that dies fails the run (the primary exits).
  for (const worker of workers) worker.once('exit', (code, signal) => !stopping && fail(`worker ${worker.process.pid} exited (${code ?? signal})`));
  const fail = (message) => {
    process.stderr.write(`${message}\n`);
    for (const worker of workers) worker.process.kill('SIGKILL');
    process.exit(1);
  };
  onStop(async () => {
    stopping = true;
    await Promise.all(workers.map((worker) => (worker.isDead() ? null : new Promise((resolve) => worker.once('exit', resolve).process.kill('SIGTERM')))));
  });
  process.stdout.write(`bench server primary: ${config.processes} workers\n`);
} else {
  if (process.env.BENCH_STALLS) watchStalls(Number(process.env.BENCH_STALLS));
  const app = await createApp(config, [BenchModule]);
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`bench server (with POST /api/v1/bench/bare) listening on ${config.host}:${config.port}\n`);
  onStop(() => app.close());
}

/**
 * Diagnosis (BENCH_STALLS=<ms>): every <ms>, one line on stdout with the event-loop delay (p50, p99, max)
 * and the garbage collector's pauses (count, total, longest) of that interval — what holds up every
 * request in flight at once. The delays include the 5 ms sampling period: an idle loop reads ~5 ms.
 */
function watchStalls(everyMs) {
  const { monitorEventLoopDelay, PerformanceObserver } = perfHooks;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let gc = { count: 0, totalMs: 0, maxMs: 0, major: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count += 1;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
      if (entry.detail?.kind === 4 /* NODE_PERFORMANCE_GC_MAJOR */) gc.major += 1;
    }
  }).observe({ entryTypes: ['gc'] });
  setInterval(() => {
    const ms = (ns) => Math.round(ns / 1e5) / 10;
    process.stdout.write(
      `stalls ${JSON.stringify({ t: Date.now(), loopP50: ms(delay.percentile(50)), loopP99: ms(delay.percentile(99)), loopMax: ms(delay.max), gcCount: gc.count, gcMs: Math.round(gc.totalMs), gcMaxMs: Math.round(gc.maxMs), gcMajor: gc.major, rssMb: Math.round(process.memoryUsage().rss / 1048576) })}\n`,
    );
    delay.reset();
    gc = { count: 0, totalMs: 0, maxMs: 0, major: 0 };
  }, everyMs).unref();
}
