/** Who may do what with accounts. */
import type { Role } from '@tongban/contracts';
import { isInScopeRegion, type Actor } from '../../platform/http/policy.ts';

/** Roles each kind of administrator may grant. Only a centre admin creates other admins and supervisors. */
const grantable: Partial<Record<Role, readonly Role[]>> = {
  centre_admin: ['window', 'reviewer', 'approver', 'dept_admin', 'centre_admin', 'supervisor', 'agent'],
  dept_admin: ['window', 'reviewer', 'approver'],
};

export function canGrantRoles(actor: Actor, roles: readonly Role[]): boolean {
  return roles.every((role) => actor.roles.some((mine) => grantable[mine]?.includes(role)));
}

/** A staff member is within the actor's reach: centre admins their region and below, department admins their department. */
export function canManageStaff(actor: Actor, target: { regionCode: string | null; departmentId: string | null; includeSubRegions?: boolean }): boolean {
  const scope = actor.scope;
  if (!scope) return false;
  if (actor.roles.includes('centre_admin')) return isInScopeRegion(scope, target.regionCode);
  if (actor.roles.includes('dept_admin')) {
    // A department admin never hands out a scope wider than their own.
    const wider = target.includeSubRegions === true && !scope.includeSubRegions;
    return (
      scope.departmentId !== null &&
      target.departmentId === scope.departmentId &&
      !wider &&
      isInScopeRegion({ ...scope, includeSubRegions: true }, target.regionCode)
    );
  }
  return false;
}

/** The slice of staff an actor may list. */
export function staffListScope(actor: Actor): { regionCode: string | null; includeSubRegions: boolean; departmentId: string | null } | null {
  const scope = actor.scope;
  if (!scope) return null;
  if (actor.roles.includes('centre_admin')) return { regionCode: scope.regionCode, includeSubRegions: scope.includeSubRegions, departmentId: null };
  if (actor.roles.includes('dept_admin') && scope.departmentId) return { regionCode: null, includeSubRegions: false, departmentId: scope.departmentId };
  return null;
}
