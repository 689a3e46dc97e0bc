/**
 * Who may do what on which case (pure). The house rule: a case outside the caller's reach
 * answers 404, as if it did not exist; a case in reach but an action the caller's role or
 * post may not take answers 403.
 */
import type { ProcessStep } from '@tongban/domain';
import { isInScopeRegion, type Actor } from '../../platform/http/policy.ts';

/** The facts of a case the rules read. */
export interface CaseScope {
  departmentId: string;
  regionCode: string;
  takenRegionCode: string;
  applicantAccountId: string | null;
  agentAccountId: string | null;
}

/** Process definitions are maintained like the item itself: centre admins in their region, department admins their department's. */
export function canMaintainProcess(actor: Actor, item: { departmentId: string; departmentRegion: string }): boolean {
  if (actor.roles.includes('centre_admin') && isInScopeRegion(actor.scope, item.departmentRegion)) return true;
  return actor.roles.includes('dept_admin') && actor.scope?.departmentId === item.departmentId;
}

/** The applicant, or the agent who applied for them. */
export function isApplicantSide(actor: Actor, c: CaseScope): boolean {
  return c.applicantAccountId === actor.id || c.agentAccountId === actor.id;
}

/** Window officers (一窗受理) and centre admins act on cases handled or taken in their region. */
function inRegion(actor: Actor, c: CaseScope): boolean {
  return isInScopeRegion(actor.scope, c.regionCode) || isInScopeRegion(actor.scope, c.takenRegionCode);
}

/**
 * Who may read a case: its applicant or agent; staff of its department or of a department
 * with a step in its process (并联审批); window officers, centre admins and supervisors of
 * the region where it is handled or was taken.
 */
export function canSeeCase(actor: Actor, c: CaseScope, processDepartments: readonly string[]): boolean {
  if (isApplicantSide(actor, c)) return true;
  const scope = actor.scope;
  if (!scope || actor.kind !== 'staff') return false;
  if (scope.departmentId && (scope.departmentId === c.departmentId || processDepartments.includes(scope.departmentId))) return true;
  return (actor.roles.includes('window') || actor.roles.includes('centre_admin') || actor.roles.includes('supervisor')) && inRegion(actor, c);
}

/** The department a step belongs to: its own, or the item's. */
export const stepDepartment = (step: Pick<ProcessStep, 'departmentId'>, c: { departmentId: string }): string => step.departmentId ?? c.departmentId;

/** Whether the actor holds an open step: the step's role, and its department (window and centre-admin steps: its region). */
export function canActOnStep(actor: Actor, step: Pick<ProcessStep, 'role' | 'departmentId'>, c: CaseScope): boolean {
  if (!actor.roles.some((r) => r === step.role)) return false;
  if (step.role === 'window' || step.role === 'centre_admin') return inRegion(actor, c);
  return actor.scope?.departmentId === stepDepartment(step, c);
}

/** Staff of the case's own department (the deciding one): post-checks and revocation. */
export function canDecideForDepartment(actor: Actor, c: CaseScope): boolean {
  return actor.kind === 'staff' && actor.scope?.departmentId === c.departmentId;
}

/** 延长审批 is approved by an approver of the case's department. */
export function canApproveExtension(actor: Actor, c: CaseScope): boolean {
  return actor.roles.includes('approver') && actor.scope?.departmentId === c.departmentId;
}

/** 绿色通道 and the counter-side actions (recording a supplement or a 容缺 material brought in) belong to the window. */
export function canActAtWindow(actor: Actor, c: CaseScope): boolean {
  return (actor.roles.includes('window') || actor.roles.includes('centre_admin')) && inRegion(actor, c);
}

/** Inbox tokens: `<role>@<department id>` for department-bound steps nobody has claimed, `account@<id>` for the steps the actor claimed (签收). */
export function assigneeTokens(actor: Actor): string[] {
  const departmentId = actor.scope?.departmentId;
  if (!departmentId) return [];
  return [`account@${actor.id}`, ...actor.roles.filter((r) => r !== 'window' && r !== 'centre_admin').map((r) => `${r}@${departmentId}`)];
}

/** Roles whose steps are found by region rather than department. */
export function regionalRoles(actor: Actor): string[] {
  return actor.roles.filter((r) => r === 'window' || r === 'centre_admin');
}
