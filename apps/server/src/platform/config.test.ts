import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('defaults to embedded PGlite in ./data (resolved), port 3000 and development settings', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('./data') });
    expect(path.isAbsolute((config.database as { dataDir: string }).dataDir)).toBe(true);
    expect(config).toMatchObject({
      env: 'development',
      host: 'localhost',
      port: 3000,
      publicUrl: undefined,
      logLevel: 'info',
      logPretty: true,
      sessionTtlHours: 12,
      cookieSecure: false,
      login: { maxFailures: 10, lockMinutes: 15, rateLimitPerMinute: 30 },
      trustProxy: false,
      shutdownTimeoutMs: 10_000,
      licences: { signingAlgorithm: 'ed25519' },
    });
    expect(path.isAbsolute(config.webDist)).toBe(true);
    expect(config.webDist.endsWith(path.join('apps', 'web', 'dist'))).toBe(true);
  });

  it('ignores variables it does not know and treats empty values as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', LOG_LEVEL: '', SOMETHING_ELSE: 'x' });
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('pglite');
    expect(config.logLevel).toBe('info');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://tongban:secret@db.example:5432/tongban' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://tongban:secret@db.example:5432/tongban',
      poolMax: 10,
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://localhost/tb', DATABASE_POOL_MAX: '25' }).database).toEqual({
      kind: 'postgres',
      url: 'postgresql://localhost/tb',
      poolMax: 25,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '8080',
      PUBLIC_URL: 'https://tongban.example.gov.cn',
      DATA_DIR: '/var/lib/tongban',
      LOG_LEVEL: 'warn',
      SESSION_TTL_HOURS: '2.5',
      COOKIE_SECURE: 'yes',
      LOGIN_MAX_FAILURES: '5',
      LOGIN_LOCK_MINUTES: '30',
      LOGIN_RATE_LIMIT_PER_MINUTE: '60',
      TRUST_PROXY: '1',
      WEB_DIST: './web-dist',
      SHUTDOWN_TIMEOUT_MS: '5000',
      LICENCE_SIGNING_ALGORITHM: 'sm2',
    });
    expect(config).toMatchObject({
      env: 'production',
      host: '0.0.0.0',
      port: 8080,
      publicUrl: 'https://tongban.example.gov.cn',
      database: { kind: 'pglite', dataDir: '/var/lib/tongban' },
      logLevel: 'warn',
      logPretty: false,
      sessionTtlHours: 2.5,
      cookieSecure: true,
      login: { maxFailures: 5, lockMinutes: 30, rateLimitPerMinute: 60 },
      trustProxy: true,
      webDist: path.resolve('./web-dist'),
      shutdownTimeoutMs: 5000,
      licences: { signingAlgorithm: 'sm2' },
    });
    expect(loadConfig({ NODE_ENV: 'production', LOG_PRETTY: 'true' }).logPretty).toBe(true);
    expect(loadConfig({ LOG_PRETTY: 'false' }).logPretty).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: '0' }).cookieSecure).toBe(false);
  });

  it('reports a bad PORT, LOG_LEVEL and DATABASE_URL together in one ConfigError', () => {
    const error = configError({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://localhost/tongban' });
    expect(error.name).toBe('ConfigError');
    expect(error.problems).toHaveLength(3);
    const byVariable: Record<string, string> = Object.fromEntries(error.problems.map((p) => [p.slice(0, p.indexOf(':')), p]));
    expect(Object.keys(byVariable).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    expect(byVariable.PORT).toContain('"eighty"');
    expect(byVariable.LOG_LEVEL).toContain('"loud"');
    expect(byVariable.DATABASE_URL).toContain('postgres://');
    for (const variable of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(error.message).toContain(`- ${variable}:`);
    expect(error.message).toContain('.env.example');
  });

  it('names the accepted licence signing algorithms when the setting is wrong', () => {
    expect(configError({ LICENCE_SIGNING_ALGORITHM: 'sm3' }).problems).toEqual(['LICENCE_SIGNING_ALGORITHM: must be one of: ed25519, sm2 (got "sm3")']);
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['NODE_ENV', 'staging'],
    ['PUBLIC_URL', 'not a url'],
    ['COOKIE_SECURE', 'maybe'],
    ['LOGIN_MAX_FAILURES', '2'],
    ['LOGIN_RATE_LIMIT_PER_MINUTE', '0'],
    ['SESSION_TTL_HOURS', '0'],
    ['DATABASE_POOL_MAX', '0'],
    ['SHUTDOWN_TIMEOUT_MS', '10'],
    ['LICENCE_SIGNING_ALGORITHM', 'rsa'],
    ['LICENCE_SIGNING_ALGORITHM', 'SM2'],
  ])('refuses %s=%s', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${variable}: .*\\(got "${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\)$`));
  });
});
