/**
 * Loads reference data into the configured database (DATABASE_URL, or the embedded SQLite file):
 *   npm run seed                               the demo city's departments, categories, SLA policies, regions
 *   npm run seed -- --demo-accounts            also the demo staff/admin accounts (never in production)
 *   npm run seed -- --regions city.geojson --city-code 320100 --city-name 南京市
 *                                              a city's own district outlines instead of the bundled ones
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../core/config/app-config';
import { bundledRegions } from '../seed/bundled-regions.util';
import { ensureDemoPassword } from '../seed/demo-credentials.util';
import { regionsFromGeoJson } from '../seed/region-import.util';
import { SeedService } from '../seed/seed.service';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'demo-accounts': { type: 'boolean', default: false },
      regions: { type: 'string' },
      'city-code': { type: 'string' },
      'city-name': { type: 'string' },
    },
  });
  const config = loadConfig({ ...process.env, SEED_ON_START: 'false', OUTBOX_WORKER: 'off' });
  if (values['demo-accounts'] && config.env === 'production') {
    throw new ConfigError('demo accounts are never created in production');
  }
  let regions = bundledRegions();
  if (values.regions) {
    if (!values['city-code'] || !values['city-name']) throw new Error('--regions needs --city-code and --city-name');
    regions = regionsFromGeoJson(JSON.parse(readFileSync(values.regions, 'utf8')), {
      code: values['city-code'],
      name: values['city-name'],
    });
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const demoPassword = values['demo-accounts'] ? ensureDemoPassword(config.dataDir) : undefined;
    const added = await app.get(SeedService).run({ regions, demoPassword });
    process.stdout.write(`seed added ${JSON.stringify(added)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
