/** The org module's public surface (组织机构). */
import type { Db } from '../../platform/db/client.ts';
import { orgRoutes } from './org.routes.ts';
import { createOrgService } from './org.service.ts';

export type { OrgService } from './org.service.ts';

export function createOrgModule(deps: { db: Db }) {
  const service = createOrgService(deps);
  return { service, routes: orgRoutes(service) };
}
