/**
 * Transport only. The token endpoint and the admin routes; then the shared data, called with a
 * bearer token and an `X-Purpose` header, each call logged (answered or refused) in the access log.
 */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdSharingClientSchema,
  createSharingClientSchema,
  errorBodySchema,
  licenceFaceSchema,
  licenceIdentifierParamsSchema,
  licenceVerificationSchema,
  pageOf,
  pageQuerySchema,
  sharedLicenceQuerySchema,
  sharingAccessSchema,
  sharingClientSchema,
  tokenRequestSchema,
  tokenResponseSchema,
} from '@tongban/contracts';
import { notFound } from '../../platform/errors.ts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import type { SharingClientRow } from './sharing.repository.ts';
import type { SharingService } from './sharing.service.ts';

const tags = ['sharing'];
const admin = { policy: policies.roles('centre_admin') };
/** Calls per minute of a caller without a valid token (per address). */
const ANONYMOUS_PER_MINUTE = 30;
const purposeHeaders = z.object({ 'x-purpose': z.string().trim().min(2).max(200) });

declare module 'fastify' {
  interface FastifyRequest {
    sharingClient?: SharingClientRow;
  }
}

export function sharingRoutes(service: SharingService): FastifyPluginAsyncZod {
  return async (app) => {
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
          response: { 201: createdSharingClientSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
        },
        config: admin,
      },
      async (req, reply) => reply.code(201).send(await service.createClient(actorOf(req), req.body, { requestId: req.id, ip: req.ip })),
    );
    app.get(
      '/sharing/clients',
      {
        schema: { tags, summary: 'Registered department systems', response: { 200: z.array(sharingClientSchema), 401: errorBodySchema, 403: errorBodySchema } },
        config: admin,
      },
      async () => service.clients(),
    );
    app.get(
      '/sharing/access-log',
      {
        schema: {
          tags,
          summary: 'Every data-sharing call, newest first',
          querystring: pageQuerySchema,
          response: { 200: pageOf(sharingAccessSchema), 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
        },
        config: admin,
      },
      async (req) => service.accessLog(req.query),
    );

    // The shared data: bearer token, scope, purpose; every call logged.
    await app.register(async (plugin) => {
      const shared = plugin.withTypeProvider<ZodTypeProvider>();
      // Logged before the answer leaves: a client never holds an answer the log does not show.
      shared.addHook('onSend', async (req, reply, payload) => {
        const purpose = req.headers['x-purpose'];
        await service.log({
          // A call refused before its token was checked (e.g. no purpose) still names its client.
          clientId: req.sharingClient?.id ?? (await service.clientOf(req.headers.authorization))?.id ?? null,
          method: req.method,
          path: req.url,
          purpose: typeof purpose === 'string' ? purpose : null,
          status: reply.statusCode,
        });
        return payload;
      });
      const limit = {
        max: (req: { headers: { authorization?: string } }) => service.ratePerMinute(req.headers.authorization, ANONYMOUS_PER_MINUTE),
        timeWindow: '1 minute',
        keyGenerator: (req: { headers: { authorization?: string }; ip: string }) => req.headers.authorization ?? req.ip,
      };
      const as = async (req: { headers: { authorization?: string }; sharingClient?: SharingClientRow }, scope: string) =>
        (req.sharingClient = await service.authenticate(req.headers.authorization, scope));

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
          config: { policy: policies.public, rateLimit: limit },
        },
        async (req) => {
          await as(req, 'licence.verify');
          return service.verifyLicence(req.params.identifier);
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
          config: { policy: policies.public, rateLimit: limit },
        },
        async (req) => {
          const client = await as(req, `licence.read:${req.query.type}`);
          const face = await service.licenceForCase(client, req.query.caseNo, req.query.type, req.headers['x-purpose']);
          if (!face) throw notFound('licence');
          return face;
        },
      );
    });
  };
}
