import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from '../app-config';

const CWD = '/srv/ssp';

describe('loadConfig', () => {
  it('defaults to embedded mode: SQLite under ./data, seeding, demo accounts, dev login on', () => {
    const config = loadConfig({}, CWD);
    expect(config).toMatchObject({
      env: 'development',
      embedded: true,
      port: 3000,
      dataDir: path.join(CWD, 'data'),
      database: { engine: 'sqlite', sqlitePath: path.join(CWD, 'data/suishoupai.sqlite'), migrateOnStart: true },
      auth: { jwtSecret: DEV_JWT_SECRET, devLogin: true },
      seed: { onStart: true, demoAccounts: true, demoHistory: true },
      log: { level: 'info', pretty: true },
    });
    expect(config.http.h5Dir).toMatch(/apps\/client\/dist\/h5$/);
  });

  it('switches to MySQL with DATABASE_URL and turns the embedded conveniences off', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://ssp:secret@db.internal:3306/suishoupai' }, CWD);
    expect(config.embedded).toBe(false);
    expect(config.database).toMatchObject({ engine: 'mysql', url: 'mysql://ssp:secret@db.internal:3306/suishoupai' });
    expect(config.seed).toEqual({ onStart: false, demoAccounts: false, demoHistory: false });
    expect(config.auth.devLogin).toBe(false);
  });

  it('sizes the MySQL pool from DATABASE_POOL_SIZE (20 unless set) and refuses a pool of none', () => {
    const url = 'mysql://u@db:3306/ssp';
    expect(loadConfig({ DATABASE_URL: url }, CWD).database.poolSize).toBe(20);
    expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '8' }, CWD).database.poolSize).toBe(8);
    expect(() => loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '0' }, CWD)).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('seeds the demo history with the demo accounts, on request elsewhere, never in production', () => {
    expect(loadConfig({ SEED_DEMO_ACCOUNTS: 'false' }, CWD).seed.demoHistory).toBe(false);
    expect(loadConfig({ SEED_DEMO_HISTORY: 'false' }, CWD).seed.demoHistory).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'mysql://u@db:3306/ssp', SEED_DEMO_HISTORY: 'true' }, CWD).seed.demoHistory).toBe(true);
    const production = { NODE_ENV: 'production', DATABASE_URL: 'mysql://u:p@db:3306/ssp', JWT_SECRET: 'k'.repeat(40), SEED_DEMO_HISTORY: 'true' };
    expect(loadConfig(production, CWD).seed.demoHistory).toBe(false);
  });

  it('accepts mariadb:// URLs as they are', () => {
    expect(loadConfig({ DATABASE_URL: 'mariadb://root@127.0.0.1:3306/ssp' }, CWD).database.url).toBe(
      'mariadb://root@127.0.0.1:3306/ssp',
    );
  });

  it('accepts a production setup with MySQL and a real secret', () => {
    const config = loadConfig(
      { NODE_ENV: 'production', DATABASE_URL: 'mysql://u:p@db:3306/ssp', JWT_SECRET: 'k'.repeat(40) },
      CWD,
    );
    expect(config).toMatchObject({ env: 'production', auth: { devLogin: false }, log: { pretty: false } });
  });

  it.each([
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'postgres://u@h:5432/db' }, /mysql:\/\/ or mariadb:\/\//],
    [{ DATABASE_URL: 'mysql://u@h:3306/' }, /must name a database/],
    [{ DATABASE_URL: 'mysql://u@h:3306/bad;name' }, /must name a database/],
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: 'http' }, /PORT/],
    [{ DEDUPE_RADIUS_METRES: '0' }, /DEDUPE_RADIUS_METRES/],
    [{ DEDUPE_RADIUS_METRES: 'far' }, /DEDUPE_RADIUS_METRES/],
    [{ DEDUPE_WINDOW_DAYS: '1.5' }, /DEDUPE_WINDOW_DAYS/],
    [{ DEDUPE_WINDOW_DAYS: '365' }, /DEDUPE_WINDOW_DAYS/],
    [{ SERVER_PROCESSES: '0' }, /SERVER_PROCESSES/],
    [{ SERVER_PROCESSES: 'two' }, /SERVER_PROCESSES/],
    [{ SERVER_PROCESSES: '2' }, /SERVER_PROCESSES > 1 requires DATABASE_URL/],
    [{ AUTH_DEV_LOGIN: 'maybe' }, /AUTH_DEV_LOGIN must be true or false/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 16 characters/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ NODE_ENV: 'production' }, /requires DATABASE_URL/],
    [{ NODE_ENV: 'production', DATABASE_URL: 'mysql://u:p@db:3306/ssp' }, /JWT_SECRET/],
    [{ NODE_ENV: 'production', DATABASE_URL: 'mysql://u:p@db:3306/ssp', JWT_SECRET: DEV_JWT_SECRET }, /JWT_SECRET/],
    [
      { NODE_ENV: 'production', DATABASE_URL: 'mysql://u:p@db:3306/ssp', JWT_SECRET: 'k'.repeat(40), AUTH_DEV_LOGIN: 'true' },
      /AUTH_DEV_LOGIN must be false/,
    ],
  ])('refuses %j with a readable reason', (env, reason) => {
    expect(() => loadConfig(env, CWD)).toThrow(ConfigError);
    expect(() => loadConfig(env, CWD)).toThrow(reason);
  });

  it('merges duplicates within 50 m and 7 days unless configured otherwise', () => {
    expect(loadConfig({}, CWD).dedupe).toEqual({ radiusMetres: 50, windowDays: 7, indexRefreshSeconds: 2 });
    expect(loadConfig({ DEDUPE_RADIUS_METRES: '80', DEDUPE_WINDOW_DAYS: '3', DEDUPE_INDEX_REFRESH_SECONDS: '0' }, CWD).dedupe).toEqual({
      radiusMetres: 80,
      windowDays: 3,
      indexRefreshSeconds: 0,
    });
    expect(() => loadConfig({ DEDUPE_INDEX_REFRESH_SECONDS: '-1' }, CWD)).toThrow(/DEDUPE_INDEX_REFRESH_SECONDS/);
  });

  it('reads CORS origins as a trimmed list', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://a.example , https://b.example,' }, CWD).http.corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it('serves from one process unless SERVER_PROCESSES asks for a cluster, which shares the cores out for photo decoding', () => {
    const cores = os.availableParallelism();
    const single = loadConfig({ DATABASE_URL: 'mysql://u@h:3306/ssp' }, CWD);
    expect(single.processes).toBe(1);
    expect(single.photos.processingConcurrency).toBe(cores);
    const cluster = loadConfig({ DATABASE_URL: 'mysql://u@h:3306/ssp', SERVER_PROCESSES: String(cores * 2) }, CWD);
    expect(cluster.processes).toBe(cores * 2);
    expect(cluster.photos.processingConcurrency).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'mysql://u@h:3306/ssp', SERVER_PROCESSES: '4', PHOTO_PROCESSING_CONCURRENCY: '3' }, CWD).photos.processingConcurrency).toBe(3);
  });
});
