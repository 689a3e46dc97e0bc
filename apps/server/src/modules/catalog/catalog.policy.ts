/** Who may maintain which catalog items: department admins their department's, centre admins all within their region. */
import { isInScopeRegion, type Actor } from '../../platform/http/policy.ts';

export function canMaintainItems(actor: Actor, department: { id: string; regionCode: string }): boolean {
  if (actor.roles.includes('centre_admin') && isInScopeRegion(actor.scope, department.regionCode)) return true;
  return actor.roles.includes('dept_admin') && actor.scope?.departmentId === department.id;
}

/** The slice of items an actor maintains, for the admin list. */
export function maintainedScope(actor: Actor): { departmentId: string | null; regionCode: string | null; includeSubRegions: boolean } | null {
  const scope = actor.scope;
  if (!scope) return null;
  if (actor.roles.includes('centre_admin')) return { departmentId: null, regionCode: scope.regionCode, includeSubRegions: scope.includeSubRegions };
  if (actor.roles.includes('dept_admin') && scope.departmentId) return { departmentId: scope.departmentId, regionCode: null, includeSubRegions: false };
  return null;
}
