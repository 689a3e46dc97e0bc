/** Who may change the working-day calendar. Reading it, and computing deadlines, is public. */
import { isInScopeRegion, type Actor } from '../../platform/http/policy.ts';

/**
 * The national schedules are reference data for the whole install: any service-centre admin
 * may add a year from the State Council's notice and publish it (every change is audited).
 */
export function canManageNationalSchedule(actor: Actor): boolean {
  return actor.roles.includes('centre_admin');
}

/** A regional adjustment: a centre admin whose data scope covers the region. */
export function canAdjustRegion(actor: Actor, regionCode: string): boolean {
  return actor.roles.includes('centre_admin') && isInScopeRegion(actor.scope, regionCode);
}
