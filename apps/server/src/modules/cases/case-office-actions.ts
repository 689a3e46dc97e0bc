/**
 * The back office's actions (后台审批): claim and transfer a step, approve, disapprove (in a
 * parallel block) or return it, special procedures, extensions, the decision, delivery, the
 * post-check of commitments (告知承诺核查) and revocation (撤销).
 */
import { addWorkingDays, chinaToday, type ProcessStep } from '@tongban/domain';
import { forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { heldStep, invalid, issue, requireHolder, requireState, type Handlers } from './case-actions.ts';
import { invalidState, type CasesDeps, type LoadedCase } from './case-engine.ts';
import { canActOnStep, canApproveExtension, canDecideForDepartment } from './cases.policy.ts';
import { casesRepository as repo } from './cases.repository.ts';

/** Working days after the decision within which the commitments are checked. */
export const POST_CHECK_WORKING_DAYS = 20;

/** The open step named by the request, held by the actor. */
function namedStep(actor: Actor, c: LoadedCase, key: string): ProcessStep {
  const step = c.position.open.find((s) => s.key === key);
  if (!step) throw invalidState({ status: c.state.status, reason: 'step_not_open', step: key, open: c.position.open.map((s) => s.key) });
  requireHolder(actor, c, step);
  return step;
}

/** A review step named by the request: only review steps are approved, disapproved or returned here (the others have their own actions). */
function reviewStep(actor: Actor, c: LoadedCase, key: string): ProcessStep {
  requireState(c, 'step_completed');
  const step = namedStep(actor, c, key);
  if (step.kind !== 'review') throw invalid([issue('step', 'cases.stepKind')]);
  return step;
}

/** 403 unless the actor holds one of the open steps (special procedures, extensions). */
function holdsAnOpenStep(actor: Actor, c: LoadedCase): ProcessStep {
  const step = c.position.open.find((s) => canActOnStep(actor, s, c.row));
  if (!step) throw forbidden();
  return step;
}

const stepDetails = (c: LoadedCase, step: ProcessStep) => ({ step: step.key, stepName: step.name, departmentId: step.departmentId ?? c.row.departmentId });

export function officeActions(deps: CasesDeps) {
  const { db, calendar, now } = deps;
  const today = () => chinaToday(now());

  const handlers: Handlers<
    | 'claim'
    | 'transfer'
    | 'approve'
    | 'disapprove'
    | 'return'
    | 'suspend'
    | 'resume'
    | 'extend'
    | 'decide-extension'
    | 'decide'
    | 'deliver'
    | 'post-check'
    | 'revoke'
  > = {
    /** 签收: the step is then this officer's, and leaves the others' inboxes. */
    claim: (actor, c, input) => {
      requireState(c, 'step_claimed');
      const step = namedStep(actor, c, input.step);
      if (c.position.claims[step.key]?.id === actor.id) throw invalidState({ status: c.state.status, reason: 'already_claimed', step: step.key });
      return {
        event: { type: 'step_claimed', at: today(), step: step.key, by: actor.id, byName: actor.displayName },
        actorRole: step.role,
        details: { stepName: step.name },
        audit: 'case.step_claim',
      };
    },

    /** 转办: to another active officer of the same role and department. */
    transfer: async (actor, c, input) => {
      requireState(c, 'step_transferred');
      const step = namedStep(actor, c, input.step);
      const target = await repo.staffMember(db, input.toAccountId);
      const department = step.departmentId ?? c.row.departmentId;
      if (!target || target.status !== 'active' || !target.roles.includes(step.role) || target.departmentId !== department || target.id === actor.id)
        throw invalid([issue('toAccountId', 'cases.transferTarget')]);
      return {
        event: { type: 'step_transferred', at: today(), step: step.key, to: target.id, toName: target.displayName },
        actorRole: step.role,
        opinion: input.opinion,
        details: { stepName: step.name, toName: target.displayName },
        audit: 'case.step_transfer',
      };
    },

    approve: (actor, c, input) => {
      const step = reviewStep(actor, c, input.step);
      return {
        event: { type: 'step_completed', at: today(), step: step.key, outcome: 'approve' },
        actorRole: step.role,
        opinion: input.opinion,
        details: stepDetails(c, step),
        audit: 'case.step',
      };
    },

    /** A department of a parallel block (并联审批) says no: the decision must then be 不予. */
    disapprove: (actor, c, input) => {
      const step = reviewStep(actor, c, input.step);
      if (c.definition.stages[c.position.stageIndex]?.type !== 'parallel') throw invalid([issue('step', 'cases.refuseOnlyParallel')]);
      return {
        event: { type: 'step_completed', at: today(), step: step.key, outcome: 'refuse' },
        actorRole: step.role,
        opinion: input.opinion,
        details: stepDetails(c, step),
        audit: 'case.step',
      };
    },

    /** 退回 to an earlier review step, which opens again. */
    return: (actor, c, input) => {
      const step = reviewStep(actor, c, input.step);
      const target = c.definition.stages.findIndex(
        (s, i) => i < c.position.stageIndex && (s.type === 'step' ? [s.step] : s.branches).some((st) => st.key === input.returnTo),
      );
      if (target < 1) throw invalid([issue('returnTo', 'cases.returnTo')]);
      return {
        event: { type: 'step_completed', at: today(), step: step.key, outcome: 'return', returnTo: input.returnTo },
        actorRole: step.role,
        opinion: input.opinion,
        details: stepDetails(c, step),
        audit: 'case.step',
      };
    },

    /** 特别程序 (听证、检验、检测、鉴定、专家评审 …): the clock stops until it ends. */
    suspend: (actor, c, input) => {
      requireState(c, 'special_started');
      const step = holdsAnOpenStep(actor, c);
      return {
        event: { type: 'special_started', at: today(), procedure: input.procedure },
        actorRole: step.role,
        opinion: input.reason,
        details: { reason: input.reason },
        audit: 'case.special_start',
      };
    },

    resume: (actor, c, input) => {
      requireState(c, 'special_ended');
      const step = holdsAnOpenStep(actor, c);
      return {
        event: { type: 'special_ended', at: today() },
        actorRole: step.role,
        opinion: input.opinion || null,
        details: { result: input.result },
        audit: 'case.special_end',
      };
    },

    /** 延长审批: asked for by whoever holds an open step … */
    extend: (actor, c, input) => {
      requireState(c, 'extension_requested');
      const step = holdsAnOpenStep(actor, c);
      return {
        event: { type: 'extension_requested', at: today(), workingDays: input.workingDays },
        actorRole: step.role,
        opinion: input.reason,
        details: { reason: input.reason },
        audit: 'case.extension_request',
      };
    },

    /** … and approved (or not) by an approver of the case's department. */
    'decide-extension': (actor, c, input) => {
      requireState(c, 'extension_decided');
      if (!canApproveExtension(actor, c.row)) throw forbidden();
      return {
        event: { type: 'extension_decided', at: today(), approved: input.approved },
        actorRole: 'approver',
        opinion: input.opinion,
        details: { workingDays: c.state.pendingExtension },
        audit: 'case.extension_decide',
      };
    },

    /** 决定: 准予 (refused while a 容缺 material is missing, or after a department refused), 不予, 容缺通过. A result resting on commitments opens their post-check. */
    decide: async (actor, c, input) => {
      requireState(c, 'decided');
      const step = heldStep(actor, c, 'decide');
      if (input.decision !== 'reject' && c.position.refusedBy.length)
        throw invalidState({ status: c.state.status, reason: 'refused_by', refusedBy: c.position.refusedBy });
      const day = today();
      const postCheck = input.decision !== 'reject' && c.state.committedMaterials.length > 0;
      const postCheckDue = postCheck ? addWorkingDays(await calendar.workingCalendar(c.row.regionCode), day, POST_CHECK_WORKING_DAYS) : null;
      return {
        event: { type: 'decided', at: day, decision: input.decision },
        actorRole: step.role,
        opinion: input.opinion,
        details: { resultName: input.resultName ?? null, resultNo: input.resultNo ?? null, postCheckDue },
        audit: 'case.decide',
      };
    },

    /** 送达: window pickup, post or electronic, with its record. */
    deliver: (actor, c, input) => {
      requireState(c, 'delivered');
      const step = heldStep(actor, c, 'deliver');
      const address = c.row.delivery.method === 'post' ? c.row.delivery.address : null;
      return {
        event: { type: 'delivered', at: today() },
        actorRole: step.role,
        opinion: input.note ?? null,
        details: {
          method: input.method,
          trackingNo: input.trackingNo ?? null,
          recipient: input.recipient ?? address?.recipient ?? null,
          address: input.method === 'post' ? (address?.address ?? null) : null,
        },
        audit: 'case.deliver',
      };
    },

    /** 告知承诺核查 by a reviewer of the deciding department: a failed check revokes the result. */
    'post-check': (actor, c, input) => {
      requireState(c, 'post_check_completed');
      if (c.state.postCheck !== 'pending') throw invalidState({ status: c.state.status, reason: 'no_post_check' });
      if (!actor.roles.includes('reviewer') || !canDecideForDepartment(actor, c.row)) throw forbidden();
      return {
        event: { type: 'post_check_completed', at: today(), passed: input.passed },
        actorRole: 'reviewer',
        opinion: input.opinion,
        details: { passed: input.passed, committedMaterials: c.state.committedMaterials },
        audit: input.passed ? 'case.post_check' : 'case.post_check_failed',
      };
    },

    /** 撤销 of a granted result by an approver of the case's department, with the legal basis. */
    revoke: (actor, c, input) => {
      requireState(c, 'revoked');
      if (c.state.decision === 'reject') throw invalidState({ status: c.state.status, reason: 'nothing_granted' });
      if (!actor.roles.includes('approver') || !canDecideForDepartment(actor, c.row)) throw forbidden();
      return {
        event: { type: 'revoked', at: today() },
        actorRole: 'approver',
        opinion: input.reason,
        details: { reason: input.reason, legalBasis: input.legalBasis },
        audit: 'case.revoke',
      };
    },
  };
  return handlers;
}
