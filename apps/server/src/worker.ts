/**
 * The outbox worker as a process of its own (`node apps/server/dist/worker.js`): the same configuration
 * as the server, no HTTP. Run the API with OUTBOX_WORKER=off and as many of these as the load needs;
 * they share the work through row claims. It never migrates or seeds (the server does).
 */
import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ALL_ENTITIES } from './app.entities';
import { ConfigError, loadConfig, type AppConfig } from './core/config/app-config';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { LoggingModule } from './core/logging/logging.module';
import { OutboxModule } from './core/outbox/outbox.module';
import { NotificationsModule } from './modules/notifications/notifications.module';

const SHUTDOWN_GRACE_MS = 30_000;

@Module({})
class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(config, ALL_ENTITIES),
        OutboxModule,
        NotificationsModule,
      ],
    };
  }
}

function readConfig(): AppConfig {
  try {
    const config = loadConfig();
    return {
      ...config,
      database: { ...config.database, migrateOnStart: false },
      seed: { onStart: false, demoAccounts: false, demoHistory: false },
      outbox: { ...config.outbox, worker: 'inline' },
    };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`随手拍 worker cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const config = readConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // Graceful stop: deliveries in flight finish (each bounded by its timeout), the rest is given back.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal} received, stopping the outbox worker`);
      const forced = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
      forced.unref();
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(error, 'worker shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`随手拍 worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
