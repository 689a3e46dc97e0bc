/** Builds the real application on an isolated database and drives it with `inject` (no sockets). */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../src/platform/config.ts';
import type { Database, Engine } from '../src/platform/db/client.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { demoPassword } from '../db/seed/demo-data.ts';
import { isolatedDatabase } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Logs in and returns a client that sends the session cookie and the CSRF token. */
  login(identifier: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** `now` replaces the server's clock (sessions expire by it too: log in again after moving it by hours). */
export async function createTestApp(engine: Engine, env: Record<string, string> = {}, options: { now?: () => Date } = {}): Promise<TestApp> {
  const database = await isolatedDatabase(engine);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', ...env });
  const app = await buildApp({ config, database, ...(options.now ? { now: options.now } : {}) });
  await app.ready();

  const client = (cookie?: string, csrf?: string): Client => {
    const request = (opts: InjectOptions) =>
      app.inject({ ...opts, headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...(opts.headers ?? {}) } });
    const withBody = (method: 'POST' | 'PUT' | 'PATCH') => (url: string, body?: unknown) =>
      request({ method, url, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
    return {
      request,
      get: (url) => request({ method: 'GET', url }),
      post: withBody('POST'),
      put: withBody('PUT'),
      patch: withBody('PATCH'),
      delete: (url) => request({ method: 'DELETE', url }),
    };
  };

  return {
    app,
    database,
    anonymous: client(),
    async login(identifier, password = demoPassword) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier, password } });
      if (res.statusCode !== 200) throw new Error(`login ${identifier} failed: ${res.statusCode} ${res.body}`);
      const session = res.cookies.find((c) => c.name === 'tb_session');
      return client(`tb_session=${session?.value ?? ''}`, res.json<{ csrfToken: string }>().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
