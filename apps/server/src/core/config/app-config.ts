import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';

/** Secret shipped for embedded/dev mode only; production must override it. */
export const DEV_JWT_SECRET = 'suishoupai-dev-secret-change-me-in-production';

export type DatabaseEngine = 'sqlite' | 'mysql';

export interface DatabaseConfig {
  engine: DatabaseEngine;
  /** SQLite file path (engine sqlite) */
  sqlitePath: string;
  /** mysql://user:pass@host:port/db (engine mysql) */
  url?: string;
  migrateOnStart: boolean;
  /** MySQL connections per process (DATABASE_POOL_SIZE); tools that build their own config get the factory's default. */
  poolSize?: number;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  /** Embedded mode: no DATABASE_URL; SQLite + local storage + demo data. */
  embedded: boolean;
  host: string;
  port: number;
  /** HTTP worker processes sharing the port (node:cluster); 1 = this process serves alone. */
  processes: number;
  dataDir: string;
  database: DatabaseConfig;
  auth: {
    jwtSecret: string;
    tokenTtlSeconds: number;
    devLogin: boolean;
    /** Password logins: failures allowed per window before the key is locked for `lockSeconds`. */
    maxFailures: number;
    lockSeconds: number;
    wechat: { appId?: string; appSecret?: string; apiBase: string };
  };
  storage: {
    driver: 'local' | 's3';
    /** Local driver: files under this directory. */
    localDir: string;
    s3?: { endpoint?: string; region: string; bucket: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };
    signedUrlTtlSeconds: number;
  };
  /** processingConcurrency: photos decoded at once per process (the rest queue), bounding memory. */
  photos: {
    maxBytes: number;
    maxPixels: number;
    processingConcurrency: number;
    /** Removal of photos never attached: `on` runs it here every `cleanupSeconds`, for photos older than `unattachedHours`. */
    cleanup: 'on' | 'off';
    cleanupSeconds: number;
    unattachedHours: number;
  };
  /**
   * nearbyCacheSeconds: how long the public 附近的问题 view keeps a tile's tickets (NearbyTileCache);
   * a change shows there at most this much later. 0: every request reads the database.
   */
  tickets: { reopenWindowDays: number; nearbyCacheSeconds: number };
  /** Duplicate detection: the merge radius of a report without a category, and how old a ticket may be. */
  /**
   * indexRefreshSeconds: how often the in-memory index of open tickets (dedupe's candidate lookup) reads
   * the tickets other processes changed; 0: no index, every lookup queries the database.
   */
  dedupe: { radiusMetres: number; windowDays: number; indexRefreshSeconds: number };
  intake: {
    /** Reports one resident (and one device) may submit per rolling hour and per rolling day. */
    reportsPerHour: number;
    reportsPerDay: number;
    /** The same normalised text from this many different residents within an hour is held for review. */
    sameTextReviewUsers: number;
    /** Optional image moderation (nsfwjs in worker threads, offline); off unless enabled. */
    imageModeration: { enabled: boolean; workers: number; timeoutMs: number };
  };
  /** refreshSeconds: how often each instance looks for a retrained model or changed keyword rules. */
  classifier: { minConfidence: number; refreshSeconds: number };
  /** refreshSeconds: how often each instance looks for a newly published routing rule revision. */
  routing: { refreshSeconds: number };
  /** The SLA check (催办/督办): `on` runs it in this process every `checkSeconds`; safe in several at once. */
  sla: { check: 'on' | 'off'; checkSeconds: number };
  /**
   * rollupSeconds: how often this process refreshes the statistics' daily rollups; 0: only when asked.
   * maxAgeSeconds: an answer includes every change committed this long before it (0: every change before it).
   */
  stats: { rollupSeconds: number; maxAgeSeconds: number };
  /** demoHistory: ~1,500 past tickets for the dashboards, into an empty tickets table (demo only). */
  seed: { onStart: boolean; demoAccounts: boolean; demoHistory: boolean };
  outbox: OutboxConfig;
  notifications: NotificationsConfig;
  http: { bodyLimitBytes: number; corsOrigins: string[]; h5Dir: string; trustProxy: boolean };
  log: { level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'; pretty: boolean };
}

/** Delivery of what leaves the process (ARCHITECTURE.md §8): the worker's pace, retries and claims. */
export interface OutboxConfig {
  /** `inline`: this process runs the worker; `off`: only `node dist/worker.js` processes deliver. */
  worker: 'inline' | 'off';
  /** How long an idle worker waits before it looks for due messages again. */
  pollMs: number;
  batchSize: number;
  /** Deliveries in flight per worker process. */
  concurrency: number;
  /** After this many failed attempts a message is dead-lettered (visible to admins, retried by hand). */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long a claim holds its messages; a crashed worker's messages are claimable again after it. */
  leaseMs: number;
  /** Per webhook request. */
  webhookTimeoutMs: number;
}

export type WechatTemplateField = 'ticketNo' | 'status' | 'summary' | 'time';

export interface NotificationsConfig {
  /** `log`: notices are written to the log (embedded mode); `wechat`: subscribe messages. */
  provider: 'log' | 'wechat';
  wechat: {
    /** `stable_token` (default: several instances share one valid token) or the classic `token`. */
    tokenEndpoint: 'stable_token' | 'token';
    /** Subscribe-message templates: every status change, and 办结 (falls back to `status`). */
    templates: { status?: string; resolved?: string };
    /** Which data key of the template carries which value, e.g. ticketNo → character_string1. */
    fields: Record<WechatTemplateField, string>;
    miniprogramState: 'formal' | 'trial' | 'developer';
    /** The mini-program page a notice opens; `{reportId}` is replaced. */
    page: string;
  };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SERVER_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  DB_MIGRATE_ON_START: booleanFlag.optional(),
  JWT_SECRET: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 86400).default(86400),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  WECHAT_APP_ID: z.string().min(1).optional(),
  WECHAT_APP_SECRET: z.string().min(1).optional(),
  WECHAT_API_BASE: z.url({ message: 'must be an absolute URL' }).default('https://api.weixin.qq.com'),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url({ message: 'must be an absolute URL' }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  SIGNED_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(86400).default(600),
  PHOTO_MAX_BYTES: z.coerce.number().int().min(10_000).max(50 * 1024 * 1024).default(10 * 1024 * 1024),
  PHOTO_MAX_PIXELS: z.coerce.number().int().min(10_000).max(200_000_000).default(50_000_000),
  PHOTO_PROCESSING_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  PHOTO_CLEANUP: z.enum(['on', 'off']).default('on'),
  PHOTO_CLEANUP_SECONDS: z.coerce.number().int().min(10).max(86_400).default(3600),
  PHOTO_UNATTACHED_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  REOPEN_WINDOW_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  NEARBY_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  DEDUPE_RADIUS_METRES: z.coerce.number().int().min(5).max(1000).default(50),
  DEDUPE_WINDOW_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  DEDUPE_INDEX_REFRESH_SECONDS: z.coerce.number().int().min(0).max(60).default(2),
  REPORTS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  REPORTS_PER_DAY: z.coerce.number().int().min(1).max(100_000).default(30),
  SAME_TEXT_REVIEW_USERS: z.coerce.number().int().min(2).max(1000).default(3),
  IMAGE_MODERATION: booleanFlag.default(false),
  IMAGE_MODERATION_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  IMAGE_MODERATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  CLASSIFIER_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.5),
  CLASSIFIER_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  ROUTING_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  SLA_CHECK: z.enum(['on', 'off']).default('on'),
  SLA_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  STATS_ROLLUP_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  STATS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  AUTH_DEV_LOGIN: booleanFlag.optional(),
  SEED_ON_START: booleanFlag.optional(),
  SEED_DEMO_ACCOUNTS: booleanFlag.optional(),
  SEED_DEMO_HISTORY: booleanFlag.optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: booleanFlag.default(false),
  H5_DIR: z.string().optional(),
  OUTBOX_WORKER: z.enum(['inline', 'off']).default('inline'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(32),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  OUTBOX_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(2000),
  OUTBOX_BACKOFF_MAX_MS: z.coerce.number().int().min(1).max(7 * 86_400_000).default(3_600_000),
  OUTBOX_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(5000),
  NOTIFY_PROVIDER: z.enum(['log', 'wechat']).optional(),
  WECHAT_TOKEN_ENDPOINT: z.enum(['stable_token', 'token']).default('stable_token'),
  WECHAT_TEMPLATE_STATUS: z.string().min(1).max(128).optional(),
  WECHAT_TEMPLATE_RESOLVED: z.string().min(1).max(128).optional(),
  WECHAT_TEMPLATE_FIELDS: z.string().default('ticketNo:character_string1,status:phrase2,summary:thing3,time:time4'),
  WECHAT_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
  WECHAT_NOTICE_PAGE: z.string().min(1).max(200).default('packages/report/detail/index?id={reportId}'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
});

/** Parses `mysql://` / `mariadb://` URLs strictly so a typo fails at boot, not on the first query. */
function parseDatabaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected mysql://user:password@host:3306/database)');
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigError(`DATABASE_URL must start with mysql:// or mariadb:// (got ${url.protocol}//)`);
  }
  if (!url.hostname) throw new ConfigError('DATABASE_URL has no host');
  const database = url.pathname.replace(/^\//, '');
  if (!/^[A-Za-z0-9_$-]{1,64}$/.test(database)) {
    throw new ConfigError('DATABASE_URL must name a database, e.g. mysql://user:password@host:3306/suishoupai');
  }
  return raw;
}

const TEMPLATE_FIELDS: readonly WechatTemplateField[] = ['ticketNo', 'status', 'summary', 'time'];

/** `ticketNo:character_string1,status:phrase2,…`: every value named once, keys as WeChat spells them. */
function parseTemplateFields(raw: string): Record<WechatTemplateField, string> {
  const pairs = raw.split(',').map((pair) => pair.trim().split(':'));
  const fields = Object.fromEntries(pairs.map(([name, key]) => [name, key])) as Partial<Record<string, string>>;
  const valid =
    pairs.every((pair) => pair.length === 2 && TEMPLATE_FIELDS.some((name) => name === pair[0]) && /^[a-z_]+[0-9]+$/.test(pair[1])) &&
    TEMPLATE_FIELDS.every((name) => fields[name] !== undefined);
  if (!valid) {
    throw new ConfigError('WECHAT_TEMPLATE_FIELDS must map ticketNo, status, summary and time to template keys, e.g. ticketNo:character_string1,status:phrase2,summary:thing3,time:time4');
  }
  return fields as Record<WechatTemplateField, string>;
}

function outboxConfigOf(e: z.infer<typeof envSchema>): OutboxConfig {
  if (e.OUTBOX_LEASE_MS < 5 * e.WEBHOOK_TIMEOUT_MS) {
    throw new ConfigError('OUTBOX_LEASE_MS must be at least 5 × WEBHOOK_TIMEOUT_MS, so a claim outlives the requests of an attempt');
  }
  return {
    worker: e.OUTBOX_WORKER,
    pollMs: e.OUTBOX_POLL_MS,
    batchSize: e.OUTBOX_BATCH_SIZE,
    concurrency: e.OUTBOX_CONCURRENCY,
    maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    backoffBaseMs: e.OUTBOX_BACKOFF_BASE_MS,
    backoffMaxMs: Math.max(e.OUTBOX_BACKOFF_MAX_MS, e.OUTBOX_BACKOFF_BASE_MS),
    leaseMs: e.OUTBOX_LEASE_MS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
  };
}

function notificationsConfigOf(e: z.infer<typeof envSchema>, embedded: boolean): NotificationsConfig {
  const provider = e.NOTIFY_PROVIDER ?? (!embedded && e.WECHAT_APP_ID && e.WECHAT_TEMPLATE_STATUS ? 'wechat' : 'log');
  if (provider === 'wechat' && !(e.WECHAT_APP_ID && e.WECHAT_TEMPLATE_STATUS)) {
    throw new ConfigError('NOTIFY_PROVIDER=wechat requires WECHAT_APP_ID, WECHAT_APP_SECRET and WECHAT_TEMPLATE_STATUS');
  }
  return {
    provider,
    wechat: {
      tokenEndpoint: e.WECHAT_TOKEN_ENDPOINT,
      templates: { status: e.WECHAT_TEMPLATE_STATUS, resolved: e.WECHAT_TEMPLATE_RESOLVED ?? e.WECHAT_TEMPLATE_STATUS },
      fields: parseTemplateFields(e.WECHAT_TEMPLATE_FIELDS),
      miniprogramState: e.WECHAT_MINIPROGRAM_STATE,
      page: e.WECHAT_NOTICE_PAGE,
    },
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'env'} ${issue.message}`).join('; ');
}

/** Reads and validates the environment once; throws ConfigError with one readable line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid configuration: ${describeIssues(parsed.error)}`);
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const embedded = !e.DATABASE_URL;
  const dataDir = path.resolve(cwd, e.DATA_DIR);

  if (production && embedded) {
    throw new ConfigError('NODE_ENV=production requires DATABASE_URL (MySQL); the embedded SQLite mode is for trials');
  }
  const jwtSecret = e.JWT_SECRET ?? DEV_JWT_SECRET;
  if (production && (jwtSecret === DEV_JWT_SECRET || jwtSecret.length < 32)) {
    throw new ConfigError('NODE_ENV=production requires JWT_SECRET set to a random value of at least 32 characters');
  }
  const devLogin = e.AUTH_DEV_LOGIN ?? (embedded && !production);
  if (production && devLogin) throw new ConfigError('AUTH_DEV_LOGIN must be false when NODE_ENV=production');

  const url = e.DATABASE_URL ? parseDatabaseUrl(e.DATABASE_URL) : undefined;
  if (e.STORAGE_DRIVER === 's3' && !e.S3_BUCKET) throw new ConfigError('STORAGE_DRIVER=s3 requires S3_BUCKET');
  if (production && e.STORAGE_DRIVER === 's3' && !(e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError('STORAGE_DRIVER=s3 in production requires S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  }
  if ((e.WECHAT_APP_ID === undefined) !== (e.WECHAT_APP_SECRET === undefined)) {
    throw new ConfigError('WECHAT_APP_ID and WECHAT_APP_SECRET are set together (or neither, without WeChat login)');
  }
  if (e.SERVER_PROCESSES > 1 && embedded) {
    throw new ConfigError('SERVER_PROCESSES > 1 requires DATABASE_URL (MySQL); the embedded SQLite file is for one process');
  }
  const port = e.PORT;
  return {
    env: e.NODE_ENV,
    embedded,
    host: e.HOST,
    port,
    processes: e.SERVER_PROCESSES,
    dataDir,
    database: {
      engine: url ? 'mysql' : 'sqlite',
      sqlitePath: path.join(dataDir, 'suishoupai.sqlite'),
      url,
      migrateOnStart: e.DB_MIGRATE_ON_START ?? true,
      ...(url ? { poolSize: e.DATABASE_POOL_SIZE } : {}),
    },
    auth: {
      jwtSecret,
      tokenTtlSeconds: e.JWT_TTL_SECONDS,
      devLogin,
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockSeconds: e.LOGIN_LOCK_SECONDS,
      wechat: { appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, apiBase: e.WECHAT_API_BASE },
    },
    storage: {
      driver: e.STORAGE_DRIVER,
      localDir: path.join(dataDir, 'photos'),
      s3: e.S3_BUCKET
        ? {
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
          }
        : undefined,
      signedUrlTtlSeconds: e.SIGNED_URL_TTL_SECONDS,
    },
    photos: {
      maxBytes: e.PHOTO_MAX_BYTES,
      maxPixels: e.PHOTO_MAX_PIXELS,
      // Per process: by default the cores are shared out between the processes, so memory stays bounded.
      processingConcurrency:
        e.PHOTO_PROCESSING_CONCURRENCY ?? Math.max(1, Math.floor(os.availableParallelism() / e.SERVER_PROCESSES)),
      cleanup: e.PHOTO_CLEANUP,
      cleanupSeconds: e.PHOTO_CLEANUP_SECONDS,
      unattachedHours: e.PHOTO_UNATTACHED_HOURS,
    },
    tickets: { reopenWindowDays: e.REOPEN_WINDOW_DAYS, nearbyCacheSeconds: e.NEARBY_CACHE_SECONDS },
    dedupe: { radiusMetres: e.DEDUPE_RADIUS_METRES, windowDays: e.DEDUPE_WINDOW_DAYS, indexRefreshSeconds: e.DEDUPE_INDEX_REFRESH_SECONDS },
    intake: {
      reportsPerHour: e.REPORTS_PER_HOUR,
      reportsPerDay: Math.max(e.REPORTS_PER_DAY, e.REPORTS_PER_HOUR),
      sameTextReviewUsers: e.SAME_TEXT_REVIEW_USERS,
      imageModeration: { enabled: e.IMAGE_MODERATION, workers: e.IMAGE_MODERATION_WORKERS, timeoutMs: e.IMAGE_MODERATION_TIMEOUT_MS },
    },
    classifier: { minConfidence: e.CLASSIFIER_MIN_CONFIDENCE, refreshSeconds: e.CLASSIFIER_REFRESH_SECONDS },
    routing: { refreshSeconds: e.ROUTING_REFRESH_SECONDS },
    sla: { check: e.SLA_CHECK, checkSeconds: e.SLA_CHECK_SECONDS },
    stats: { rollupSeconds: e.STATS_ROLLUP_SECONDS, maxAgeSeconds: e.STATS_MAX_AGE_SECONDS },
    seed: {
      onStart: e.SEED_ON_START ?? embedded,
      demoAccounts: e.SEED_DEMO_ACCOUNTS ?? (embedded && !production),
      demoHistory: !production && (e.SEED_DEMO_HISTORY ?? (embedded && (e.SEED_DEMO_ACCOUNTS ?? embedded))),
    },
    outbox: outboxConfigOf(e),
    notifications: notificationsConfigOf(e, embedded),
    http: {
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      trustProxy: e.TRUST_PROXY,
      corsOrigins: e.CORS_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      // apps/server/{src,dist}/core/config → apps/client/dist/h5, whatever the working directory
      h5Dir: e.H5_DIR ? path.resolve(cwd, e.H5_DIR) : path.resolve(__dirname, '../../../../client/dist/h5'),
    },
    log: { level: e.LOG_LEVEL, pretty: (e.LOG_FORMAT ?? (production ? 'json' : 'pretty')) === 'pretty' },
  };
}
