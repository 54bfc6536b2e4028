import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../app.factory';
import { loadConfig, type AppConfig } from '../../core/config/app-config';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  baseUrl: string;
  close(): Promise<void>;
}

/** The data directory behind each running test app, so helpers can read its demo password. */
const dataDirs = new Map<string, string>();

export function dataDirOf(baseUrl: string): string {
  const dir = dataDirs.get(baseUrl);
  if (!dir) throw new Error(`no test app at ${baseUrl}`);
  return dir;
}

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Boots the real application on a loopback port against its own database, seeded like embedded mode. */
export async function startTestApp(env: Record<string, string> = {}, extraModules: Type[] = []): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_ON_START: 'true',
    SEED_DEMO_ACCOUNTS: 'true',
    // Suites count their own tickets; a test that wants the demo past asks for it.
    SEED_DEMO_HISTORY: 'false',
    AUTH_DEV_LOGIN: 'true',
    // Suites that are not about rate limits or floods submit far more than a resident would.
    REPORTS_PER_HOUR: '10000',
    REPORTS_PER_DAY: '10000',
    SAME_TEXT_REVIEW_USERS: '1000',
    H5_DIR: `${database.dataDir}/no-h5`,
    // Suites that are not about deadlines must not see 催办 events appear mid-test; sla-check drives the job.
    SLA_CHECK: 'off',
    // The statistics refresh their rollups on every request; stats-rollups drives the periodic job.
    STATS_ROLLUP_SECONDS: '0',
    // Suites see each change in the next answer; stats.spec tests the window of the default.
    STATS_MAX_AGE_SECONDS: '0',
    ...database.env,
    ...env,
  });
  const app = await createApp(config, extraModules);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on TCP');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  dataDirs.set(baseUrl, database.dataDir);
  return {
    app,
    config,
    database,
    baseUrl,
    close: async () => {
      dataDirs.delete(baseUrl);
      await app.close();
      await database.drop();
    },
  };
}

/** One HTTP request to the running app; JSON bodies are parsed, anything else is left as text. */
export async function request<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: { json?: unknown; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | Buffer | undefined = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  return { status: response.status, headers: response.headers, text, body: (isJson && text ? JSON.parse(text) : text) as T };
}
