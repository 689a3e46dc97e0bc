/** 办件进度查询 without login: transport only (contract in, public policy with a strict per-IP limit, one service call). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseProgressSchema, errorBodySchema, progressQuerySchema } from '@tongban/contracts';
import { policies } from '../../platform/http/policy.ts';
import type { ProgressService } from './case-progress.ts';

/** Queries per minute from one address: enough for a family at a kiosk, too few to try ID numbers. */
export const PROGRESS_RATE_LIMIT_PER_MINUTE = 10;

export function progressRoutes(service: ProgressService, perMinute = PROGRESS_RATE_LIMIT_PER_MINUTE): FastifyPluginAsyncZod {
  return async (app) => {
    // POST, so that the ID number stays out of URLs, proxies' logs and the browser history.
    app.post(
      '/progress',
      {
        schema: {
          tags: ['cases'],
          summary: 'Progress of a case by its number and the applicant’s ID number or credit code, without login (办件进度查询)',
          body: progressQuerySchema,
          response: { 200: caseProgressSchema, 400: errorBodySchema, 404: errorBodySchema, 429: errorBodySchema },
        },
        config: { policy: policies.public, rateLimit: { max: perMinute, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store');
        return service.query(req.body);
      },
    );
  };
}
