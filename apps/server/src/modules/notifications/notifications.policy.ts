/**
 * Who may read which message (pure). A message belongs to its recipient alone: anybody
 * else's answers 404, as if it did not exist.
 */
import type { Actor } from '../../platform/http/policy.ts';

export function canReadMessage(actor: Actor, message: { recipientAccountId: string }): boolean {
  return message.recipientAccountId === actor.id;
}

/** Where a message about a case leads: the applicant's progress page, or the staff case page. */
export function caseLink(side: 'applicant' | 'staff', caseNo: string): string {
  return side === 'applicant' ? `/portal/cases/${caseNo}` : `/workbench/cases/${caseNo}`;
}

/** Roles whose steps are held by region (window, centre admin) rather than by department. */
export const regionalStepRoles: ReadonlySet<string> = new Set(['window', 'centre_admin']);
