import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, type AppConfig } from './core/config/app-config';
import { demoAccountsBanner, ensureDemoPassword } from './seed/demo-credentials.util';

const SHUTDOWN_GRACE_MS = 10_000;

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

async function bootstrap(): Promise<void> {
  const config = readConfig();
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const logger = app.get(Logger);
  const url = `http://localhost:${config.port}`;
  logger.log(`随手拍 is ready at ${url} (API ${url}/api/v1, docs ${url}/api/docs)`);
  if (config.embedded && config.seed.demoAccounts) {
    process.stdout.write(demoAccountsBanner(url, ensureDemoPassword(config.dataDir)));
  }
  // Graceful stop: refuse new connections, finish in-flight requests, close the pool, exit 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
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

bootstrap().catch((error: unknown) => {
  process.stderr.write(`随手拍 server failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
