/**
 * Configuration, parsed once at start-up from the environment. Every variable is documented
 * in `.env.example`; a bad value stops the start with one message listing every problem.
 */
import path from 'node:path';
import { LICENCE_SIGNATURE_ALGORITHMS, type LicenceSignatureAlgorithm } from '@tongban/domain';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public base URL, used in printed links (and later in QR codes). */
  PUBLIC_URL: z.url().optional(),
  /** A real PostgreSQL server. Without it the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Pretty, human-readable logs (default in development); JSON lines otherwise. */
  LOG_PRETTY: bool.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: bool.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(100).default(10),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  TRUST_PROXY: bool.default(false),
  WEB_DIST: z.string().optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** How long other server instances may show a public catalog page after a change (0: no cache). */
  CATALOG_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Largest uploaded file (材料上传), in bytes. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Uploads one account may make in 24 hours. */
  UPLOAD_DAILY_LIMIT: z.coerce.number().int().min(1).max(100_000).default(200),
  /** How long the job worker sleeps when no job is due (platform/jobs). */
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Channel adapters for messages beyond the message centre: `log` (development: logged, not sent) or `none`. */
  NOTIFY_CHANNELS: z
    .string()
    .transform((s) => [...new Set(s.split(',').map((a) => a.trim().toLowerCase()))].filter((a) => a !== ''))
    .pipe(z.array(z.enum(['log', 'none'], { message: 'each adapter must be one of: log, none' })))
    .optional(),
  /** Algorithm of new licence signing keys (first key and rotation); keys of either algorithm keep verifying. */
  LICENCE_SIGNING_ALGORITHM: z.enum(LICENCE_SIGNATURE_ALGORITHMS, { message: `must be one of: ${LICENCE_SIGNATURE_ALGORITHMS.join(', ')}` }).default('ed25519'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string | undefined;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolMax: number };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  logPretty: boolean;
  sessionTtlHours: number;
  cookieSecure: boolean;
  login: { maxFailures: number; lockMinutes: number; rateLimitPerMinute: number };
  trustProxy: boolean;
  webDist: string;
  shutdownTimeoutMs: number;
  catalogCacheSeconds: number;
  uploads: { maxBytes: number; dailyLimit: number };
  jobs: { pollMs: number };
  /** Channel adapters (empty: messages stay in the message centre). */
  notify: { channels: 'log'[] };
  licences: { signingAlgorithm: LicenceSignatureAlgorithm };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

const defaultWebDist = path.resolve(import.meta.dirname, '../../../web/dist');

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(relevant[String(i.path[0])])})`));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX } : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR) },
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY ?? e.NODE_ENV === 'development',
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES, rateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE },
    trustProxy: e.TRUST_PROXY,
    webDist: e.WEB_DIST ? path.resolve(e.WEB_DIST) : defaultWebDist,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    catalogCacheSeconds: e.CATALOG_CACHE_SECONDS,
    uploads: { maxBytes: e.UPLOAD_MAX_BYTES, dailyLimit: e.UPLOAD_DAILY_LIMIT },
    jobs: { pollMs: e.JOBS_POLL_MS },
    // Development and tests log messages by default; production sends nothing until an adapter is chosen.
    notify: { channels: (e.NOTIFY_CHANNELS ?? (e.NODE_ENV === 'production' ? [] : ['log'])).filter((a): a is 'log' => a !== 'none') },
    licences: { signingAlgorithm: e.LICENCE_SIGNING_ALGORITHM },
  };
}
