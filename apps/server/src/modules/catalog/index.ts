/** The catalog module's public surface (事项目录 · 实施清单 · 办事指南). */
import type { Db } from '../../platform/db/client.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { createCatalogService } from './catalog.service.ts';

export type { CatalogService } from './catalog.service.ts';

export function createCatalogModule(deps: { db: Db; publicUrl?: string | undefined; cacheSeconds?: number }) {
  const service = createCatalogService({ db: deps.db, cacheSeconds: deps.cacheSeconds ?? 0 });
  return { service, routes: catalogRoutes(service, { publicUrl: deps.publicUrl }) };
}
