/** The catalog module's public surface (事项目录 · 实施清单 · 办事指南). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/client.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { createCatalogService } from './catalog.service.ts';
import { catalogExcelRoutes } from './excel/excel.routes.ts';
import { createCatalogExcelService } from './excel/excel.service.ts';

export type { CatalogService } from './catalog.service.ts';

export function createCatalogModule(deps: { db: Db; publicUrl?: string | undefined; cacheSeconds?: number }) {
  const service = createCatalogService({ db: deps.db, cacheSeconds: deps.cacheSeconds ?? 0 });
  const main = catalogRoutes(service, { publicUrl: deps.publicUrl });
  // Excel import/export of the implementation list (excel/): its own plugin, for its xlsx body parser.
  const excel = catalogExcelRoutes(createCatalogExcelService({ db: deps.db, onPublicChange: () => service.publicCatalogChanged() }));
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(main);
    await app.register(excel);
  };
  return { service, routes };
}
