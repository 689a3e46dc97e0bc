/** The sharing module's public surface (数据共享): the token endpoint, client registration, the shared data and its access log. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sharingRoutes } from './sharing.routes.ts';
import { createSharingService, type SharingDeps } from './sharing.service.ts';

export type { SharingService } from './sharing.service.ts';

export function createSharingModule(deps: Omit<SharingDeps, 'now'> & { now?: () => Date }) {
  const service = createSharingService({ ...deps, now: deps.now ?? (() => new Date()) });
  const routes: FastifyPluginAsyncZod = sharingRoutes(service);
  return { service, routes };
}
