// 办件状态机: the life of a case, derived from its event log.
//
// A case's status is never written directly: every action appends one event, and the status
// is what `reduceCase` makes of the events so far. The server stores the result as a
// projection in the same transaction; this file decides which action is possible when.

/** Statuses of a case (办件状态). */
export const CASE_STATUSES = [
  'submitted', // 已提交（已接件），待受理
  'supplementing', // 补正中: the applicant was asked for missing materials; the clock has not started
  'processing', // 办理中: accepted, the process runs and the clock counts
  'suspended', // 特别程序中: hearing, test, appraisal …; the clock is stopped
  'decided', // 已办结: a decision was made (准予 / 不予 / 容缺通过), delivery pending
  'delivered', // 已送达 / 已出件
  'withdrawn', // 已撤回 by the applicant before the decision
  'refused', // 不予受理
  'revoked', // 已撤销: the result was withdrawn by the authority (e.g. a failed post-check)
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Outcomes of a decision (办结结果). */
export const DECISIONS = ['approve', 'reject', 'deferred_pass'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Special procedures that stop the clock (特别程序, 行政许可法第45条). */
export const SPECIAL_PROCEDURES = ['hearing', 'inspection', 'testing', 'appraisal', 'expert_review', 'site_survey', 'quarantine', 'other'] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];

/** What an officer did with a process step: passed it on, refused (in a parallel block), or sent the case back to an earlier step. */
export type StepOutcome = 'approve' | 'refuse' | 'return';

/** The events of a case log. Every action appends exactly one. */
export type CaseEvent =
  | { type: 'submitted'; at: string }
  | { type: 'supplement_requested'; at: string; missing: string[] }
  | { type: 'supplement_provided'; at: string }
  | { type: 'accepted'; at: string; deferredMaterials: string[]; committedMaterials: string[] }
  | { type: 'refused'; at: string }
  | { type: 'withdrawn'; at: string }
  | { type: 'special_started'; at: string; procedure: SpecialProcedure }
  | { type: 'special_ended'; at: string }
  | { type: 'extension_requested'; at: string; workingDays: number }
  | { type: 'extension_decided'; at: string; approved: boolean }
  | { type: 'deferred_supplied'; at: string; material: string }
  | { type: 'step_completed'; at: string; step: string; outcome: StepOutcome; returnTo?: string | undefined }
  | { type: 'decided'; at: string; decision: Decision }
  | { type: 'delivered'; at: string }
  | { type: 'revoked'; at: string }
  /** 签收 / 转办: an open department step is taken by, or handed to, one officer. */
  | { type: 'step_claimed'; at: string; step: string; by: string; byName: string }
  | { type: 'step_transferred'; at: string; step: string; to: string; toName: string }
  /** 告知承诺核查: the commitments were checked after the decision; a failed check revokes the result. */
  | { type: 'post_check_completed'; at: string; passed: boolean }
  /** 绿色通道: the case is flagged for priority handling (elderly, disabled, servicemen, key projects), or no longer. */
  | { type: 'green_channel_set'; at: string; on: boolean };
export type CaseEventType = CaseEvent['type'];

/** Every event type, in the order a case usually meets them. */
export const CASE_EVENT_TYPES = [
  'submitted',
  'supplement_requested',
  'supplement_provided',
  'accepted',
  'refused',
  'withdrawn',
  'special_started',
  'special_ended',
  'extension_requested',
  'extension_decided',
  'deferred_supplied',
  'step_completed',
  'decided',
  'delivered',
  'revoked',
  'green_channel_set',
  'step_claimed',
  'step_transferred',
  'post_check_completed',
] as const satisfies readonly CaseEventType[];

/** What the event log says about a case now. */
export interface CaseState {
  status: CaseStatus;
  /** Acceptance date: the clock counts from the working day after it. */
  acceptedAt: string | null;
  /** Clock stops after acceptance (特别程序), as [from, to]; `to` is null while one runs. */
  suspensions: { from: string; to: string | null; procedure: SpecialProcedure }[];
  /** Approved extensions in working days (延长审批). */
  extensionDays: number;
  /** An extension asked for and not yet decided. */
  pendingExtension: number | null;
  /** 容缺 materials still missing. */
  missingDeferred: string[];
  /** Materials replaced by a written commitment (告知承诺): each needs a post-check. */
  committedMaterials: string[];
  decision: Decision | null;
  /** 告知承诺核查: pending once a result rests on commitments, then passed or failed. */
  postCheck: 'pending' | 'passed' | 'failed' | null;
  /** 绿色通道: handled first. */
  greenChannel: boolean;
  /** How many events made this state (the case's version for optimistic concurrency). */
  version: number;
}

export const initialCaseState: CaseState = {
  status: 'submitted',
  acceptedAt: null,
  suspensions: [],
  extensionDays: 0,
  pendingExtension: null,
  missingDeferred: [],
  committedMaterials: [],
  decision: null,
  postCheck: null,
  greenChannel: false,
  version: 0,
};

export class CaseTransitionError extends Error {
  constructor(
    readonly event: CaseEventType,
    readonly status: CaseStatus,
    readonly reason:
      'wrong_status' | 'deferred_missing' | 'no_pending_extension' | 'extension_pending' | 'no_special_running' | 'unknown_material' | 'no_post_check',
  ) {
    super(`${event} is not possible: ${reason} (status ${status})`);
    this.name = 'CaseTransitionError';
  }
}

/** The statuses each event may follow. */
const allowedFrom: Record<CaseEventType, readonly CaseStatus[]> = {
  submitted: [],
  supplement_requested: ['submitted'],
  supplement_provided: ['supplementing'],
  accepted: ['submitted'],
  refused: ['submitted', 'supplementing'],
  withdrawn: ['submitted', 'supplementing', 'processing', 'suspended'],
  special_started: ['processing'],
  special_ended: ['suspended'],
  extension_requested: ['processing'],
  extension_decided: ['processing', 'suspended'],
  deferred_supplied: ['processing', 'suspended'],
  step_completed: ['processing'],
  decided: ['processing'],
  delivered: ['decided'],
  revoked: ['decided', 'delivered'],
  green_channel_set: ['submitted', 'supplementing', 'processing', 'suspended', 'decided'],
  step_claimed: ['processing'],
  step_transferred: ['processing'],
  post_check_completed: ['decided', 'delivered'],
};

/** Whether `type` may happen in `state` (without applying it). */
export function canApply(state: CaseState, type: CaseEventType): boolean {
  if (type === 'submitted') return state.version === 0;
  return state.version > 0 && allowedFrom[type].includes(state.status);
}

/** The state after one more event; throws `CaseTransitionError` when the event cannot happen now. */
export function applyCaseEvent(state: CaseState, event: CaseEvent): CaseState {
  if (!canApply(state, event.type)) throw new CaseTransitionError(event.type, state.status, 'wrong_status');
  const next: CaseState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'submitted':
      return { ...next, status: 'submitted' };
    case 'supplement_requested':
      return { ...next, status: 'supplementing' };
    case 'supplement_provided':
      return { ...next, status: 'submitted' };
    case 'accepted':
      return {
        ...next,
        status: 'processing',
        acceptedAt: event.at,
        missingDeferred: [...new Set(event.deferredMaterials)],
        committedMaterials: [...new Set(event.committedMaterials)],
      };
    case 'refused':
      return { ...next, status: 'refused' };
    case 'withdrawn':
      return { ...next, status: 'withdrawn', suspensions: closeSuspension(state.suspensions, event.at) };
    case 'special_started':
      return { ...next, status: 'suspended', suspensions: [...state.suspensions, { from: event.at, to: null, procedure: event.procedure }] };
    case 'special_ended':
      return { ...next, status: 'processing', suspensions: closeSuspension(state.suspensions, event.at) };
    case 'extension_requested':
      if (state.pendingExtension !== null) throw new CaseTransitionError(event.type, state.status, 'extension_pending');
      return { ...next, pendingExtension: event.workingDays };
    case 'extension_decided':
      if (state.pendingExtension === null) throw new CaseTransitionError(event.type, state.status, 'no_pending_extension');
      return { ...next, pendingExtension: null, extensionDays: state.extensionDays + (event.approved ? state.pendingExtension : 0) };
    case 'deferred_supplied':
      if (!state.missingDeferred.includes(event.material)) throw new CaseTransitionError(event.type, state.status, 'unknown_material');
      return { ...next, missingDeferred: state.missingDeferred.filter((m) => m !== event.material) };
    case 'step_completed':
      return next;
    case 'decided':
      // 准予 needs every 容缺 material; 容缺通过 records that the decision was made without them.
      if (event.decision === 'approve' && state.missingDeferred.length > 0) throw new CaseTransitionError(event.type, state.status, 'deferred_missing');
      return {
        ...next,
        status: 'decided',
        decision: event.decision,
        pendingExtension: null,
        postCheck: event.decision !== 'reject' && state.committedMaterials.length > 0 ? 'pending' : null,
      };
    case 'delivered':
      return { ...next, status: 'delivered' };
    case 'revoked':
      return { ...next, status: 'revoked' };
    case 'green_channel_set':
      return { ...next, greenChannel: event.on };
    case 'step_claimed':
    case 'step_transferred':
      return next;
    case 'post_check_completed':
      if (state.postCheck !== 'pending') throw new CaseTransitionError(event.type, state.status, 'no_post_check');
      return event.passed ? { ...next, postCheck: 'passed' } : { ...next, postCheck: 'failed', status: 'revoked' };
  }
}

function closeSuspension(suspensions: CaseState['suspensions'], at: string): CaseState['suspensions'] {
  return suspensions.map((s) => (s.to === null ? { ...s, to: at } : s));
}

/** The state a log of events leads to (throws on an impossible log). */
export function reduceCase(events: readonly CaseEvent[]): CaseState {
  return events.reduce(applyCaseEvent, initialCaseState);
}

/** Final statuses: nothing more happens to the case (撤销 can still follow a decision or a delivery). */
export function isClosed(status: CaseStatus): boolean {
  return status === 'withdrawn' || status === 'refused' || status === 'revoked' || status === 'delivered';
}
