/** The cases module's public surface (办件): process definitions and the case engine. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/client.ts';
import { createCaseDocuments } from './case-documents.ts';
import { caseDocumentsRoutes } from './case-documents.routes.ts';
import { draftRoutes } from './case-draft.routes.ts';
import { createDrafts } from './case-draft.service.ts';
import type { CasesDeps } from './case-engine.ts';
import { createProgressService } from './case-progress.ts';
import { progressRoutes } from './case-progress.routes.ts';
import { casesRoutes } from './cases.routes.ts';
import { createCasesService } from './cases.service.ts';
import { processRoutes } from './process.routes.ts';
import { createProcessService } from './process.service.ts';

export type { CasesService } from './cases.service.ts';
export type { ProcessService } from './process.service.ts';

/** Process definitions alone (the CLI and the demo seed need no more). */
export function createProcessModule(deps: { db: Db; now?: () => Date }) {
  return createProcessService({ db: deps.db, now: deps.now ?? (() => new Date()) });
}

export function createCasesModule(deps: Omit<CasesDeps, 'processes' | 'now'> & { now?: () => Date; publicUrl?: string | undefined }) {
  const now = deps.now ?? (() => new Date());
  const processes = createProcessService({ db: deps.db, now });
  const service = createCasesService({ ...deps, now, processes });
  const documents = createCaseDocuments({ cases: service, catalog: deps.catalog });
  const progress = createProgressService({ ...deps, now, processes });
  const drafts = createDrafts({ ...deps, now, processes });
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(processRoutes(processes));
    await app.register(casesRoutes(service));
    await app.register(caseDocumentsRoutes(documents, { publicUrl: deps.publicUrl }));
    await app.register(progressRoutes(progress));
    await app.register(draftRoutes(drafts));
  };
  return { service, processes, routes };
}
