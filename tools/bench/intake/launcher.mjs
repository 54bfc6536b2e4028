#!/usr/bin/env node
// Starts the built server (apps/server/dist) like main.js does, with the bench's BenchModule mounted
// through createApp's extraModules (as the integration tests mount their probe routes). Configuration
// comes from the environment, as for the real server. Used by run.mjs only.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { SERVER_DIST } from './bench.module.mjs';

const requireFromServer = createRequire(path.join(SERVER_DIST, 'main.js'));
requireFromServer('reflect-metadata');
const { createApp } = requireFromServer('./app.factory.js');
const { loadConfig } = requireFromServer('./core/config/app-config.js');
const { BenchModule } = await import('./bench.module.mjs');

const config = loadConfig(process.env);
const app = await createApp(config, [BenchModule]);
await app.listen({ port: config.port, host: config.host });
process.stdout.write(`bench server (with POST /api/v1/bench/bare) listening on ${config.host}:${config.port}\n`);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    app.close().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
