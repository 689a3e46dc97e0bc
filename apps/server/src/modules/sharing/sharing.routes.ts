/**
 * Transport only. The token endpoint and the admin routes; then the shared data, called with a
 * bearer token and an `X-Purpose` header, each call logged (answered or refused) in the access log.
 * The bearer is resolved once per request (`req.sharingCaller`); the rate limit counts per client
 * across all shared routes, whatever token it uses, and per address for callers without a usable token.
 */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdSharingClientSchema,
  creditCodeParamsSchema,
  personVerifyRequestSchema,
  personVerifyResultSchema,
  sharedOrganisationSchema,
  createSharingClientSchema,
  errorBodySchema,
  licenceFaceSchema,
  licenceIdentifierParamsSchema,
  licenceVerificationSchema,
  pageOf,
  sharedLicenceQuerySchema,
  sharingAccessQuerySchema,
  sharingAccessSchema,
  sharingClientParamsSchema,
  sharingClientSchema,
  sharingDailyQuerySchema,
  sharingDailySchema,
  sharingSecretSchema,
  suspendSharingClientSchema,
  tokenRequestSchema,
  tokenResponseSchema,
  updateSharingClientSchema,
} from '@tongban/contracts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import type { SharingCaller, SharingService } from './sharing.service.ts';

const tags = ['sharing'];
const admin = { policy: policies.roles('centre_admin') };
/** Calls per minute of a caller without a usable token (per address). */
const ANONYMOUS_PER_MINUTE = 30;
const purposeHeaders = z.object({ 'x-purpose': z.string().trim().min(2).max(200) });
const adminErrors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };
const clientErrors = { ...adminErrors, 404: errorBodySchema, 409: errorBodySchema };

/**
 * The `X-Purpose` header as text. HTTP headers carry bytes, and most client libraries send only
 * ASCII: a Chinese purpose comes percent-encoded (`encodeURIComponent`), or as raw UTF-8 bytes,
 * which Node reads as Latin-1. Both become the text the system meant; anything else stays as sent.
 */
export function decodePurpose(raw: string): string {
  if (/%[0-9A-Fa-f]{2}/.test(raw)) {
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  const codes = Array.from(raw, (c) => c.charCodeAt(0));
  if (codes.some((c) => c >= 0x80) && codes.every((c) => c <= 0xff)) {
    const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
    if (!utf8.includes('\ufffd')) return utf8;
  }
  return raw;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller behind the bearer token of a shared-data call, resolved once when it arrives. */
    sharingCaller?: SharingCaller | undefined;
  }
}

export function sharingRoutes(service: SharingService): FastifyPluginAsyncZod {
  return async (app) => {
    const meta = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
    app.post(
      '/oauth/token',
      {
        schema: {
          tags,
          summary: 'Access token for a department system (OAuth 2.0 client credentials; JSON body)',
          body: tokenRequestSchema,
          response: { 200: tokenResponseSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 429: errorBodySchema },
        },
        config: { policy: policies.public, rateLimit: { max: ANONYMOUS_PER_MINUTE, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store');
        return service.token(req.body);
      },
    );
    app.post(
      '/sharing/clients',
      {
        schema: {
          tags,
          summary: 'Register a department system; its secret is shown once',
          body: createSharingClientSchema,
          response: { 201: createdSharingClientSchema, ...adminErrors },
        },
        config: admin,
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store');
        return reply.code(201).send(await service.createClient(actorOf(req), req.body, meta(req)));
      },
    );
    app.get(
      '/sharing/clients',
      {
        schema: {
          tags,
          summary: 'Registered department systems, with their calls today and their last call',
          response: { 200: z.array(sharingClientSchema), 401: errorBodySchema, 403: errorBodySchema },
        },
        config: admin,
      },
      async () => service.clients(),
    );
    app.patch(
      '/sharing/clients/:id',
      {
        schema: {
          tags,
          summary: 'Change a system’s scopes and rate limit (audited); scopes taken away stop working at once',
          params: sharingClientParamsSchema,
          body: updateSharingClientSchema,
          response: { 200: sharingClientSchema, ...clientErrors },
        },
        config: admin,
      },
      async (req) => service.updateClient(actorOf(req), req.params.id, req.body, meta(req)),
    );
    app.post(
      '/sharing/clients/:id/suspend',
      {
        schema: {
          tags,
          summary: 'Suspend a system (停用, with a reason; audited): no tokens, and its tokens stop working at once',
          params: sharingClientParamsSchema,
          body: suspendSharingClientSchema,
          response: { 200: sharingClientSchema, ...clientErrors },
        },
        config: admin,
      },
      async (req) => service.suspendClient(actorOf(req), req.params.id, req.body.reason, meta(req)),
    );
    app.post(
      '/sharing/clients/:id/restore',
      {
        schema: {
          tags,
          summary: 'Restore a suspended system (启用; audited); it asks for a new token',
          params: sharingClientParamsSchema,
          response: { 200: sharingClientSchema, ...clientErrors },
        },
        config: admin,
      },
      async (req) => service.restoreClient(actorOf(req), req.params.id, meta(req)),
    );
    app.post(
      '/sharing/clients/:id/secret',
      {
        schema: {
          tags,
          summary: 'Reset a system’s secret (重置密钥; audited): the new one is shown once, the old one and its tokens stop working',
          params: sharingClientParamsSchema,
          response: { 200: sharingSecretSchema, ...clientErrors },
        },
        config: admin,
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store');
        return service.resetSecret(actorOf(req), req.params.id, meta(req));
      },
    );
    app.get(
      '/sharing/access-log',
      {
        schema: {
          tags,
          summary: 'Data-sharing calls, newest first; by client, result (ok: 2xx, refused: 4xx) and China-time dates',
          querystring: sharingAccessQuerySchema,
          response: { 200: pageOf(sharingAccessSchema), ...adminErrors },
        },
        config: admin,
      },
      async (req) => service.accessLog(req.query),
    );
    app.get(
      '/sharing/access-log/daily',
      {
        schema: {
          tags,
          summary: 'Answered and refused data-sharing calls per day (China time), the last `days` days, oldest first',
          querystring: sharingDailyQuerySchema,
          response: { 200: z.array(sharingDailySchema), ...adminErrors },
        },
        config: admin,
      },
      async (req) => service.daily(req.query),
    );

    // The shared data: bearer token, scope, purpose; every call logged.
    await app.register(async (plugin) => {
      const shared = plugin.withTypeProvider<ZodTypeProvider>();
      // One limiter (one store) for every shared route: a client's calls count together.
      const limiter = shared.createRateLimit({
        timeWindow: 60_000,
        keyGenerator: (req) => (req.sharingCaller?.usable ? `client:${req.sharingCaller.client.id}` : `ip:${req.ip}`),
        max: (req) => (req.sharingCaller?.usable ? req.sharingCaller.client.ratePerMinute : ANONYMOUS_PER_MINUTE),
      });
      shared.addHook('onRequest', async (req, reply) => {
        const purpose = req.headers['x-purpose'];
        if (typeof purpose === 'string') req.headers['x-purpose'] = decodePurpose(purpose);
        req.sharingCaller = await service.caller(req.headers.authorization);
        const limit = await limiter(req);
        if (limit.isAllowed) return;
        void reply.header('x-ratelimit-limit', limit.max).header('x-ratelimit-remaining', limit.remaining).header('x-ratelimit-reset', limit.ttlInSeconds);
        if (limit.isExceeded) {
          void reply.header('retry-after', limit.ttlInSeconds);
          throw new AppError('RATE_LIMITED');
        }
      });
      // Logged before the answer leaves: a client never holds an answer the log does not show.
      shared.addHook('onSend', async (req, reply, payload) => {
        const purpose = req.headers['x-purpose'];
        await service.log({
          // Refused calls too name their client when the token is known (revoked, suspended, no purpose…).
          clientId: req.sharingCaller?.client.id ?? null,
          method: req.method,
          path: req.url,
          purpose: typeof purpose === 'string' ? purpose : null,
          status: reply.statusCode,
        });
        return payload;
      });

      shared.get(
        '/sharing/licences/verify/:identifier',
        {
          schema: {
            tags,
            summary: 'Verify a licence (scope licence.verify)',
            params: licenceIdentifierParamsSchema,
            headers: purposeHeaders,
            response: { 200: licenceVerificationSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 429: errorBodySchema },
          },
          config: { policy: policies.public },
        },
        async (req) => {
          service.authorise(req.sharingCaller, 'licence.verify');
          return service.verifyLicence(req.params.identifier);
        },
      );
      shared.get(
        '/sharing/subjects/organisations/:creditCode',
        {
          schema: {
            tags,
            summary: 'An organisation’s public base information from the 法人库 (scope subject.org.read)',
            params: creditCodeParamsSchema,
            headers: purposeHeaders,
            response: {
              200: sharedOrganisationSchema,
              400: errorBodySchema,
              401: errorBodySchema,
              403: errorBodySchema,
              404: errorBodySchema,
              429: errorBodySchema,
            },
          },
          config: { policy: policies.public },
        },
        async (req) => {
          service.authorise(req.sharingCaller, 'subject.org.read');
          const organisation = await service.organisation(req.params.creditCode);
          if (!organisation) throw notFound('subject');
          return organisation;
        },
      );
      shared.post(
        '/sharing/subjects/persons/verify',
        {
          schema: {
            tags,
            summary: 'Whether a name goes with an ID number in the 人口库, and nothing else (scope subject.person.verify)',
            body: personVerifyRequestSchema,
            headers: purposeHeaders,
            response: { 200: personVerifyResultSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 429: errorBodySchema },
          },
          config: { policy: policies.public },
        },
        async (req) => {
          service.authorise(req.sharingCaller, 'subject.person.verify');
          return service.personMatches(req.body.idNumber, req.body.name);
        },
      );
      shared.get(
        '/sharing/licences',
        {
          schema: {
            tags,
            summary: 'The licence of a type a case took with its applicant’s consent (scope licence.read:<TYPE>); the use shows in the holder’s record',
            querystring: sharedLicenceQuerySchema,
            headers: purposeHeaders,
            response: { 200: licenceFaceSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 429: errorBodySchema },
          },
          config: { policy: policies.public },
        },
        async (req) => {
          const client = service.authorise(req.sharingCaller, `licence.read:${req.query.type}`);
          const face = await service.licenceForCase(client, req.query.caseNo, req.query.type, req.headers['x-purpose']);
          if (!face) throw notFound('licence');
          return face;
        },
      );
    });
  };
}
