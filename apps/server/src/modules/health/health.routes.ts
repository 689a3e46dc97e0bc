/** `GET /api/health`: 200 when the database answers, 503 when it does not. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema } from '@tongban/contracts';
import type { Database } from '../../platform/db/client.ts';
import { policies } from '../../platform/http/policy.ts';
import { version } from '../../platform/version.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database; startedAt: Date }> = async (app, { database, startedAt }) => {
  app.get(
    '/health',
    {
      schema: { tags: ['platform'], summary: 'Liveness and database state', response: { 200: healthSchema, 503: healthSchema } },
      config: { policy: policies.public },
    },
    async (_req, reply) => {
      const uptimeSeconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
      try {
        const ping = await database.ping();
        return { status: 'ok' as const, version, uptimeSeconds, database: { status: 'up' as const, engine: database.engine, ...ping } };
      } catch (err) {
        reply.log.warn({ err }, 'health: database did not answer');
        return reply.status(503).send({
          status: 'degraded' as const,
          version,
          uptimeSeconds,
          database: { status: 'down' as const, engine: database.engine, serverVersion: null, latencyMs: null },
        });
      }
    },
  );
};
