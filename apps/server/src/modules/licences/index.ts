/** The licences module's public surface (电子证照库): the API, and the listener the cases module tells of every event. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { licencesRoutes } from './licences.routes.ts';
import { createLicencesService, type LicencesDeps } from './licences.service.ts';

export type { LicencesService } from './licences.service.ts';
export { licencesRepository } from './licences.repository.ts';

export function createLicencesModule(deps: Omit<LicencesDeps, 'now'> & { now?: () => Date; publicUrl?: string | undefined }) {
  const service = createLicencesService({ ...deps, now: deps.now ?? (() => new Date()) });
  const routes: FastifyPluginAsyncZod = licencesRoutes(service, { publicUrl: deps.publicUrl });
  return { service, caseListener: service.caseListener, directory: service.directory, routes };
}
