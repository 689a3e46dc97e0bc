/**
 * The actions the caller may take on a case now, for the screens: the same state, post and
 * claim rules the handlers enforce (they check again on every request).
 */
import type { CaseActionName } from '@tongban/contracts';
import { canApply, type CaseEventType, type ProcessStep } from '@tongban/domain';
import type { Actor } from '../../platform/http/policy.ts';
import type { LoadedCase } from './case-engine.ts';
import { canActAtWindow, canActOnStep, canApproveExtension, canDecideForDepartment, isApplicantSide } from './cases.policy.ts';

/** An action the caller may take, with the open step it concerns. */
export interface AllowedAction {
  action: CaseActionName;
  step: string | null;
}

export function allowedActions(actor: Actor, c: LoadedCase): AllowedAction[] {
  const out: AllowedAction[] = [];
  const can = (type: CaseEventType) => canApply(c.state, type);
  const add = (action: CaseActionName, step: ProcessStep | null = null) => out.push({ action, step: step?.key ?? null });
  const claim = (s: ProcessStep) => c.position.claims[s.key];
  const held = c.position.open.filter((s) => canActOnStep(actor, s, c.row) && (!claim(s) || claim(s)!.id === actor.id));
  const heldOf = (kind: ProcessStep['kind']) => held.filter((s) => s.kind === kind);
  const applicantSide = isApplicantSide(actor, c.row);
  const atWindow = canActAtWindow(actor, c.row);
  const parallel = c.definition.stages[c.position.stageIndex]?.type === 'parallel';

  for (const s of heldOf('accept')) {
    if (can('accepted')) add('accept', s);
    if (can('supplement_requested')) add('request-supplement', s);
    if (can('refused')) add('refuse', s);
  }
  if (can('supplement_provided') && (applicantSide || atWindow)) add('supplement');
  if (can('deferred_supplied') && c.state.missingDeferred.length && (applicantSide || atWindow)) add('supply-deferred');
  if (can('withdrawn') && applicantSide) add('withdraw');
  if (c.state.status === 'processing')
    for (const s of held.filter((s) => s.kind === 'review' || s.kind === 'decide')) {
      if (!claim(s) && s.role !== 'window' && s.role !== 'centre_admin') add('claim', s);
      if (s.role !== 'window' && s.role !== 'centre_admin') add('transfer', s);
      if (s.kind !== 'review') continue;
      add('approve', s);
      if (parallel) add('disapprove', s);
      if (c.position.stageIndex > 1) add('return', s);
    }
  if (held.length && can('special_started')) add('suspend');
  if (held.length && can('special_ended')) add('resume');
  if (held.length && can('extension_requested') && c.state.pendingExtension === null) add('extend');
  if (c.state.pendingExtension !== null && can('extension_decided') && canApproveExtension(actor, c.row)) add('decide-extension');
  for (const s of heldOf('decide')) if (can('decided')) add('decide', s);
  for (const s of heldOf('deliver')) if (can('delivered')) add('deliver', s);
  if (can('green_channel_set') && atWindow) add('green-channel');
  if (c.state.postCheck === 'pending' && actor.roles.includes('reviewer') && canDecideForDepartment(actor, c.row)) add('post-check');
  if (can('revoked') && c.state.decision !== 'reject' && actor.roles.includes('approver') && canDecideForDepartment(actor, c.row)) add('revoke');
  return out;
}
