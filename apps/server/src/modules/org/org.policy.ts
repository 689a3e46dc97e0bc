/** Who may change the organisation. Reading it is public (the portal shows departments and halls). */
import { isInScopeRegion, type Actor } from '../../platform/http/policy.ts';

/** Centre admins manage regions, departments, halls and windows inside their region. */
export function canManageRegion(actor: Actor, regionCode: string): boolean {
  return actor.roles.includes('centre_admin') && isInScopeRegion(actor.scope, regionCode);
}

/** A department admin may edit the details of their own department. */
export function canEditDepartment(actor: Actor, department: { id: string; regionCode: string }): boolean {
  if (canManageRegion(actor, department.regionCode)) return true;
  return actor.roles.includes('dept_admin') && actor.scope?.departmentId === department.id;
}
