/** Transport only: process definitions of items, for department and centre admins. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, processRecordSchema, processVersionSummarySchema, saveProcessSchema } from '@tongban/contracts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import type { ProcessService } from './process.service.ts';

const itemParams = z.object({ itemId: z.uuid() });
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const meta = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
const maintainers = policies.roles('centre_admin', 'dept_admin');

export function processRoutes(service: ProcessService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/processes/:itemId',
      {
        schema: {
          tags: ['cases'],
          summary: 'The process definition an item runs now (办理流程): its latest version, or the default',
          params: itemParams,
          response: { 200: processRecordSchema, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.current(actorOf(req), req.params.itemId),
    );
    app.get(
      '/processes/:itemId/versions',
      {
        schema: {
          tags: ['cases'],
          summary: 'Saved versions of an item’s process',
          params: itemParams,
          response: { 200: z.array(processVersionSummarySchema), ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.versions(actorOf(req), req.params.itemId),
    );
    app.get(
      '/processes/:itemId/versions/:version',
      {
        schema: {
          tags: ['cases'],
          summary: 'One version of an item’s process (cases stay pinned to theirs)',
          params: itemParams.extend({ version: z.coerce.number().int().min(1) }),
          response: { 200: processRecordSchema, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.version(actorOf(req), req.params.itemId, req.params.version),
    );
    app.post(
      '/processes/:itemId/versions',
      {
        schema: {
          tags: ['cases'],
          summary: 'Save a new version (422 PROCESS_RULES_BROKEN lists each broken rule; 409 when baseVersion is not the latest)',
          params: itemParams,
          body: saveProcessSchema,
          response: { 201: processRecordSchema, ...errors, 422: errorBodySchema },
        },
        config: { policy: maintainers },
      },
      async (req, reply) => reply.status(201).send(await service.save(actorOf(req), req.params.itemId, req.body, meta(req))),
    );
  };
}
