import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import { Logger } from 'nestjs-pino';
import { pino } from 'pino';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, type AppConfig } from './core/config/app-config';
import { baseLoggerOptions } from './core/logging/logger-options.util';
import { demoAccountsBanner, demoCredentialsFile, ensureDemoPassword } from './seed/demo-credentials.util';

const SHUTDOWN_GRACE_MS = 10_000;
/** More unexpected worker deaths than this within a minute stop the whole server (a crash loop). */
const MAX_RESTARTS_PER_MINUTE = 5;

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`随手拍 server cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const readyLine = (config: AppConfig) => {
  const url = `http://localhost:${config.port}`;
  return `随手拍 is ready at ${url} (API ${url}/api/v1, docs ${url}/api/docs)`;
};

/** One process serving HTTP: the whole server, or one worker of a cluster. */
async function serve(config: AppConfig): Promise<void> {
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const logger = app.get(Logger);
  if (cluster.isPrimary) {
    logger.log(readyLine(config));
    if (config.embedded && config.seed.demoAccounts) {
      ensureDemoPassword(config.dataDir);
      process.stdout.write(demoAccountsBanner(`http://localhost:${config.port}`, demoCredentialsFile(config.dataDir)));
    }
  }
  // Graceful stop: refuse new connections, finish in-flight requests, close the pool, exit 0. A worker
  // may get both signals (Ctrl-C reaches the whole process group, then the primary forwards SIGTERM).
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.log(`${signal} received, shutting down`);
      const forced = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
      forced.unref();
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(error, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

/**
 * SERVER_PROCESSES > 1 (ARCHITECTURE.md §12, stateless instances): this primary process applies the
 * migrations and the seed once, then forks the workers, which share the port (node:cluster hands the
 * connections out round-robin) and skip both steps. A worker that dies is replaced; one that exits by
 * itself before listening stops the server. On SIGTERM/SIGINT the workers stop gracefully and the primary
 * exits 0 when all of them did.
 */
async function supervise(config: AppConfig): Promise<void> {
  const logger = pino(baseLoggerOptions(config));
  const setup = await createApp(config);
  await setup.init();
  await setup.close();

  const live = new Set<Worker>();
  const restarts: number[] = [];
  let listening = 0;
  let stopping = false;
  let clean = true;

  const stop = (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    clean = exitCode === 0;
    logger.info(`${reason}: stopping ${live.size} worker process(es)`);
    const forced = setTimeout(() => {
      for (const worker of live) worker.process.kill('SIGKILL');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS + 2_000);
    forced.unref();
    if (live.size === 0) process.exit(exitCode);
    for (const worker of live) worker.process.kill('SIGTERM');
  };

  const fork = () => {
    const worker = cluster.fork({ DB_MIGRATE_ON_START: 'false', SEED_ON_START: 'false' });
    let listened = false;
    live.add(worker);
    worker.once('listening', () => {
      listened = true;
      listening += 1;
      if (listening === config.processes) logger.info(`${readyLine(config)} · ${config.processes} worker processes`);
    });
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) {
        // A worker still booting has no handler yet: the SIGTERM itself ends it, which is a clean stop.
        clean &&= code === 0 || (!listened && signal === 'SIGTERM');
        if (live.size === 0) process.exit(clean ? 0 : 1);
        return;
      }
      logger.error({ workerPid: worker.process.pid, code, signal }, 'worker process exited unexpectedly');
      // A worker that gave up on its own before listening hit a boot error every replacement would hit too;
      // one killed from outside while booting (the OOM killer, an operator) is replaced like any other.
      if (!listened && signal === null) return stop('a worker failed to start', 1);
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && restarts[0] < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) return stop('workers keep dying', 1);
      fork();
    });
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(`${signal} received`, 0));
  for (let i = 0; i < config.processes; i++) fork();
}

const config = readConfig();
const start = config.processes > 1 && cluster.isPrimary ? supervise : serve;
start(config).catch((error: unknown) => {
  process.stderr.write(`随手拍 server failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
