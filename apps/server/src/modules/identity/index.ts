/** The identity module's public surface (统一身份认证). */
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { identityRoutes } from './identity.routes.ts';
import { createIdentityService, type OrgDirectory } from './identity.service.ts';

export type { IdentityService, OrgDirectory } from './identity.service.ts';
export { hashPassword, verifyPassword } from './password.ts';

export function createIdentityModule(deps: { db: Db; config: Config; now: () => Date; org: OrgDirectory }) {
  const service = createIdentityService(deps);
  return { service, routes: identityRoutes(service, { secure: deps.config.cookieSecure }) };
}
