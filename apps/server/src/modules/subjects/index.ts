/** The subjects module's public surface (主体库): look-up for staff, upkeep for the centre, and what department systems may read. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { subjectsRoutes } from './subjects.routes.ts';
import { createSubjectsService, type SubjectsDeps } from './subjects.service.ts';

export type { SubjectsService } from './subjects.service.ts';

export function createSubjectsModule(deps: Omit<SubjectsDeps, 'now'> & { now?: () => Date }) {
  const service = createSubjectsService({ ...deps, now: deps.now ?? (() => new Date()) });
  const routes: FastifyPluginAsyncZod = subjectsRoutes(service);
  return { service, routes };
}
