/**
 * Builds the Fastify application: request ids, logs, language, sessions, CSRF, policies,
 * the error catalogue, the OpenAPI document, the API modules and the built web app.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { createIdentityModule } from '../../modules/identity/index.ts';
import { createOrgModule } from '../../modules/org/index.ts';
import { createCatalogModule } from '../../modules/catalog/index.ts';
import { createCalendarModule } from '../../modules/calendar/index.ts';
import { createCasesModule } from '../../modules/cases/index.ts';
import { createFilesModule } from '../../modules/files/index.ts';
import { createLicencesModule } from '../../modules/licences/index.ts';
import { createSharingModule } from '../../modules/sharing/index.ts';
import { createSubjectsModule } from '../../modules/subjects/index.ts';
import { channelsFor, createNotificationsModule } from '../../modules/notifications/index.ts';
import { createJobQueue } from '../jobs/index.ts';
import { healthRoutes } from '../../modules/health/health.routes.ts';
import { errorHandler, sendError } from './error-handler.ts';
import { enforcePolicy, policies } from './policy.ts';
import { AppError } from '../errors.ts';
import { version } from '../version.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  now?: () => Date;
}

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp({ config, database, now = () => new Date() }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      ...(config.logPretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors Fastify raises before routing (bad URL encoding, over-long parameters) use the catalogue too.
    frameworkErrors: (err, req, reply) => {
      void reply.header('x-request-id', req.id);
      void sendError(req, reply, 'BAD_REQUEST', { reason: err.code });
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Set when the request arrives (a callback hook: no promise per request); error answers keep it.
  app.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    done();
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tongban API (通办)', description: 'Integrated government service platform (一体化政务服务平台)', version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tb_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const org = createOrgModule({ db: database.db });
  const identity = createIdentityModule({ db: database.db, config, now, org: org.service.directory });
  const catalog = createCatalogModule({ db: database.db, publicUrl: config.publicUrl, cacheSeconds: config.catalogCacheSeconds });
  const calendar = createCalendarModule({ db: database.db, regionExists: org.service.directory.regionExists });
  // Background jobs: the server starts the poller (server.ts); tests drain the queue instead.
  const jobs = createJobQueue({ db: database.db, now, log: app.log, pollMs: config.jobs.pollMs });
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => jobs.stop());
  const notifications = createNotificationsModule({
    db: database.db,
    now,
    jobs,
    calendar: calendar.service,
    channels: channelsFor(config.notify.channels, app.log),
    log: app.log,
  });
  const licences = createLicencesModule({ db: database.db, now, publicUrl: config.publicUrl, signingAlgorithm: config.licences.signingAlgorithm });
  const subjects = createSubjectsModule({ db: database.db, now });
  const sharing = createSharingModule({ db: database.db, now, licences: licences.service, subjects: subjects.service });
  const files = createFilesModule({ db: database.db, now, maxBytes: config.uploads.maxBytes, dailyLimit: config.uploads.dailyLimit });
  const cases = createCasesModule({
    files: files.service.directory,
    licences: licences.directory,
    db: database.db,
    now,
    calendar: calendar.service,
    catalog: catalog.service,
    publicUrl: config.publicUrl,
    listeners: [licences.caseListener, notifications.caseListener],
  });

  app.decorateRequest('actor', null);
  await app.register(
    async (api) => {
      // Deny by default: an API route without a policy is a programming error.
      api.addHook('onRoute', (route) => {
        if (!route.config?.policy) throw new Error(`route ${String(route.method)} ${route.url} declares no policy`);
      });
      api.addHook('onRequest', async (req) => {
        const session = await identity.service.authenticate(req.cookies.tb_session);
        req.actor = session?.actor ?? null;
        if (session && unsafeMethods.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) {
          throw new AppError('CSRF_FAILED');
        }
        // Who may call the route is settled before the input is even parsed.
        enforcePolicy(req.routeOptions.config.policy, req.actor);
      });
      // PostgreSQL text cannot hold NUL: refuse it up front, naming the field.
      api.addHook('preValidation', async (req) => {
        const path = findNul({ body: req.body, query: req.query, params: req.params });
        if (path)
          throw new AppError('VALIDATION_FAILED', {
            issues: [{ path: path.replace(/^(body)\./, ''), code: 'invalid_format', message: 'generic.invalid_format' }],
          });
      });
      await api.register(healthRoutes, { database, startedAt: now() });
      await api.register(identity.routes, { loginRateLimitPerMinute: config.login.rateLimitPerMinute });
      await api.register(org.routes);
      await api.register(catalog.routes);
      await api.register(calendar.routes);
      await api.register(cases.routes);
      await api.register(files.routes);
      await api.register(notifications.routes);
      await api.register(licences.routes);
      await api.register(sharing.routes);
      await api.register(subjects.routes);
      api.get('/openapi.json', { schema: { hide: true }, config: { policy: policies.public } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  await registerWebApp(app, config.webDist);
  return app;
}

async function registerWebApp(app: FastifyInstance, webDist: string) {
  const indexHtml = path.join(webDist, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // Vite names built assets by content hash: they never change, so they may be cached for good.
      setHeaders: (res, filePath) => {
        void res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url === '/api' || req.method !== 'GET' || path.extname(url) !== '') {
      return sendError(req, reply, url.startsWith('/api') ? 'ROUTE_NOT_FOUND' : 'NOT_FOUND');
    }
    if (!hasWeb) return reply.type('text/plain; charset=utf-8').status(503).send('The web app is not built: run `npm run build`.');
    // Single-page app: every other GET serves index.html, never cached.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webDist);
  });
}

/** Dotted path of the first string containing U+0000, or null. */
function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findNul(v, path ? `${path}.${k}` : k);
      if (found !== null) return found;
    }
  }
  return null;
}
