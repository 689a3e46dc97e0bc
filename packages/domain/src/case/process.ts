// 办理流程: the process definition of an item and where a case stands in it.
//
// A definition is an ordered list of stages: 受理 (accept) first, then review steps and
// parallel blocks (并联审批: one step per department, joined when all are done, or at the
// first refusal when so configured), one 决定 (decide) step and 办结/送达 (deliver) last. Each
// step names the role that acts, the department (null: the item's own) and its share of the
// promised time limit.
import type { CaseEvent } from './case-state.ts';

export type StepKind = 'accept' | 'review' | 'decide' | 'deliver';

export interface ProcessStep {
  key: string;
  name: string;
  kind: StepKind;
  /** The role that acts (window, reviewer, approver …). */
  role: string;
  /** The acting department's id; null for the item's own department. */
  departmentId: string | null;
  /** Percent of the promised time limit this step may take. */
  sharePercent: number;
}

export type ProcessStage =
  { type: 'step'; step: ProcessStep } | { type: 'parallel'; key: string; name: string; join: 'all' | 'first_refusal'; branches: ProcessStep[] };

export interface ProcessDefinition {
  stages: ProcessStage[];
}

export interface ProcessProblem {
  path: string;
  rule:
    | 'too-short'
    | 'first-accept'
    | 'last-deliver'
    | 'one-decide'
    | 'decide-before-deliver'
    | 'key-format'
    | 'key-unique'
    | 'share-range'
    | 'share-total'
    | 'parallel-branches'
    | 'parallel-departments'
    | 'parallel-kind'
    | 'role';
}

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const actingRoles = new Set(['window', 'reviewer', 'approver', 'dept_admin', 'centre_admin']);

const stepsOf = (stage: ProcessStage): ProcessStep[] => (stage.type === 'step' ? [stage.step] : stage.branches);
const stageShare = (stage: ProcessStage) => Math.max(0, ...stepsOf(stage).map((s) => s.sharePercent));

/** Every way a definition is wrong (empty when it can run). */
export function validateProcess(def: ProcessDefinition): ProcessProblem[] {
  const problems: ProcessProblem[] = [];
  const { stages } = def;
  if (stages.length < 3) return [{ path: 'stages', rule: 'too-short' }];
  const first = stages[0]!;
  const last = stages[stages.length - 1]!;
  if (first.type !== 'step' || first.step.kind !== 'accept') problems.push({ path: 'stages.0', rule: 'first-accept' });
  if (last.type !== 'step' || last.step.kind !== 'deliver') problems.push({ path: `stages.${stages.length - 1}`, rule: 'last-deliver' });
  const decideAt = stages.flatMap((s, i) => (s.type === 'step' && s.step.kind === 'decide' ? [i] : []));
  if (decideAt.length !== 1) problems.push({ path: 'stages', rule: 'one-decide' });
  else if (decideAt[0] !== stages.length - 2) problems.push({ path: `stages.${decideAt[0]}`, rule: 'decide-before-deliver' });

  const keys = new Set<string>();
  stages.forEach((stage, i) => {
    if (stage.type === 'parallel') {
      if (!KEY.test(stage.key)) problems.push({ path: `stages.${i}.key`, rule: 'key-format' });
      if (stage.branches.length < 2) problems.push({ path: `stages.${i}.branches`, rule: 'parallel-branches' });
      const departments = stage.branches.map((b) => b.departmentId ?? '');
      if (new Set(departments).size !== departments.length) problems.push({ path: `stages.${i}.branches`, rule: 'parallel-departments' });
    }
    stepsOf(stage).forEach((step, j) => {
      const at = stage.type === 'step' ? `stages.${i}.step` : `stages.${i}.branches.${j}`;
      if (!KEY.test(step.key)) problems.push({ path: `${at}.key`, rule: 'key-format' });
      else if (keys.has(step.key)) problems.push({ path: `${at}.key`, rule: 'key-unique' });
      keys.add(step.key);
      if (!actingRoles.has(step.role)) problems.push({ path: `${at}.role`, rule: 'role' });
      if (!Number.isInteger(step.sharePercent) || step.sharePercent < 0 || step.sharePercent > 100)
        problems.push({ path: `${at}.sharePercent`, rule: 'share-range' });
      if (stage.type === 'parallel' && step.kind !== 'review') problems.push({ path: `${at}.kind`, rule: 'parallel-kind' });
    });
  });
  if (stages.reduce((n, s) => n + stageShare(s), 0) > 100) problems.push({ path: 'stages', rule: 'share-total' });
  return problems;
}

/** Where a case stands: the stage it is in and the steps of that stage still to act on. */
export interface ProcessPosition {
  stageIndex: number;
  open: ProcessStep[];
  /** Steps that refused since the case last went back (the decision should then be 不予). */
  refusedBy: string[];
  /** 签收: the officer who took or was handed each open step. */
  claims: Record<string, { id: string; name: string }>;
}

/**
 * The open steps of a case, replayed from its events: acceptance completes 受理, each step
 * completion moves on (a parallel block when all its branches are done, or at the first
 * refusal when it joins so), a return goes back to the named earlier step, the decision
 * completes 决定 and delivery completes the process.
 */
export function openSteps(def: ProcessDefinition, events: readonly CaseEvent[]): ProcessPosition {
  let stageIndex = 0;
  let done = new Set<string>();
  let refusedBy: string[] = [];
  let claims: ProcessPosition['claims'] = {};
  const enter = (index: number) => {
    stageIndex = Math.min(index, def.stages.length);
    done = new Set();
    claims = {};
  };
  for (const e of events) {
    const stage = def.stages[stageIndex];
    if (e.type === 'accepted' && stageIndex === 0) enter(1);
    else if (e.type === 'decided' || e.type === 'delivered') {
      const kind = e.type === 'decided' ? 'decide' : 'deliver';
      const at = def.stages.findIndex((s) => s.type === 'step' && s.step.kind === kind);
      if (at >= 0) enter(at + 1);
    } else if (e.type === 'step_claimed') claims = { ...claims, [e.step]: { id: e.by, name: e.byName } };
    else if (e.type === 'step_transferred') claims = { ...claims, [e.step]: { id: e.to, name: e.toName } };
    else if (e.type === 'step_completed' && stage) {
      if (e.outcome === 'return') {
        const target = def.stages.findIndex((s, i) => i < stageIndex && stepsOf(s).some((st) => st.key === e.returnTo));
        if (target >= 1) {
          enter(target);
          refusedBy = [];
        }
        continue;
      }
      if (!stepsOf(stage).some((s) => s.key === e.step)) continue;
      done.add(e.step);
      const { [e.step]: _released, ...stillClaimed } = claims;
      claims = stillClaimed;
      if (e.outcome === 'refuse') refusedBy = [...refusedBy, e.step];
      const joined = stage.type === 'step' || stage.branches.every((b) => done.has(b.key)) || (stage.join === 'first_refusal' && e.outcome === 'refuse');
      if (joined) enter(stageIndex + 1);
    }
  }
  const stage = def.stages[stageIndex];
  return { stageIndex, open: stage ? stepsOf(stage).filter((s) => !done.has(s.key)) : [], refusedBy, claims };
}
