/**
 * The process editor's model: a `ProcessDefinitionDto` edited immutably, checked in the browser
 * with the server's own rules (`validateProcess` from @tongban/domain, plus the service's rule
 * that a parallel block names each department once, the item's own counted for null), and the
 * arithmetic of time shares. No React here.
 */
import type { FieldIssue, ProcessDefinitionDto, ProcessStepDto, TimeLimit } from '@tongban/contracts';
import { validateProcess } from '@tongban/domain';

export type Definition = ProcessDefinitionDto;
export type Stage = Definition['stages'][number];
export type ParallelStage = Extract<Stage, { type: 'parallel' }>;
export type Step = ProcessStepDto;
export type StepKind = Step['kind'];
export type StepRole = Step['role'];
export type JoinRule = ParallelStage['join'];

export const stepKinds: readonly StepKind[] = ['accept', 'review', 'decide', 'deliver'];
export const stepRoles: readonly StepRole[] = ['window', 'reviewer', 'approver', 'dept_admin', 'centre_admin'];
export const joinRules: readonly JoinRule[] = ['all', 'first_refusal'];
/** The contract's limits (processDefinitionSchema). */
export const MAX_STAGES = 30;
export const MAX_BRANCHES = 20;
export const MAX_NAME = 40;

/** The role that usually acts on a step of each kind. */
export const defaultRole: Record<StepKind, StepRole> = { accept: 'window', review: 'reviewer', decide: 'approver', deliver: 'window' };

/** A rule the browser checks beyond the domain's: names are required and short (the contract's bounds). */
export type ExtraRule = 'name-required' | 'name-length';

/** A problem at a path of the definition ('stages', 'stages.2.branches', 'stages.1.step.sharePercent'). */
export interface Problem {
  key: string;
  path: string;
  /** A rule of validateProcess, an ExtraRule, or the server's issue code. */
  rule: string;
  /** The server's message (already in the user's language); browser problems are worded by the UI. */
  message?: string;
}

export const stepsOf = (stage: Stage): Step[] => (stage.type === 'step' ? [stage.step] : stage.branches);
/** A stage's share: a parallel block takes as long as its longest branch. */
export const stageShare = (stage: Stage): number => Math.max(0, ...stepsOf(stage).map((s) => (Number.isFinite(s.sharePercent) ? s.sharePercent : 0)));
export const totalShare = (def: Definition): number => def.stages.reduce((n, s) => n + stageShare(s), 0);

/** The path of a step: `stages.i.step` or `stages.i.branches.j`. */
export const stepPath = (stage: number, branch: number | null): string => (branch === null ? `stages.${stage}.step` : `stages.${stage}.branches.${branch}`);

/** Problems found in the browser, with the same rules the server applies. */
export function checkDefinition(def: Definition, ownDepartmentId: string | null): Problem[] {
  const found: Omit<Problem, 'key'>[] = validateProcess(def).map((p) => ({ path: p.path, rule: p.rule }));
  const has = (rule: string, path: string) => found.some((p) => p.rule === rule && p.path === path);
  def.stages.forEach((stage, i) => {
    if (stage.type === 'parallel') {
      if (stage.name.trim() === '') found.push({ path: `stages.${i}.name`, rule: 'name-required' });
      else if (stage.name.trim().length > MAX_NAME) found.push({ path: `stages.${i}.name`, rule: 'name-length' });
      // The service counts null as the item's own department.
      const ids = stage.branches.map((b) => b.departmentId ?? ownDepartmentId ?? '');
      if (new Set(ids).size !== ids.length && !has('parallel-departments', `stages.${i}.branches`))
        found.push({ path: `stages.${i}.branches`, rule: 'parallel-departments' });
    }
    stepsOf(stage).forEach((step, j) => {
      const at = stepPath(i, stage.type === 'step' ? null : j);
      if (step.name.trim() === '') found.push({ path: `${at}.name`, rule: 'name-required' });
      else if (step.name.trim().length > MAX_NAME) found.push({ path: `${at}.name`, rule: 'name-length' });
    });
  });
  return found.map((p, n) => ({ ...p, key: `${p.rule}@${p.path}#${n}` }));
}

/** The server's issues (422 PROCESS_RULES_BROKEN, 400 VALIDATION_FAILED) at paths of the definition. */
export function fromServerIssues(issues: FieldIssue[]): Problem[] {
  return issues.map((issue, n) => ({
    key: `server:${issue.code}@${issue.path}#${n}`,
    path: issue.path.replace(/^definition\.?/, '') || 'stages',
    rule: issue.code,
    message: issue.message,
  }));
}

/** Problems at exactly this path. */
export const problemsAt = (problems: readonly Problem[], path: string) => problems.filter((p) => p.path === path);

/** The element id of a path: `pe-stages-1-step-name`. */
export const fieldId = (path: string) => `pe-${path.replace(/\./g, '-')}`;

/** The stage index a path points into, or null for the whole definition. */
export function stageIndexOf(path: string): number | null {
  const m = /^stages\.(\d+)/.exec(path);
  return m ? Number(m[1]) : null;
}

/** A key no step or block of the definition uses yet: `review`, `review_2`, … */
export function uniqueKey(def: Definition, base: string): string {
  const used = new Set(def.stages.flatMap((s) => [...(s.type === 'parallel' ? [s.key] : []), ...stepsOf(s).map((st) => st.key)]));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Where a new stage goes: right before the 决定 step (or before the last stage), so the order stays valid. */
export function insertIndex(def: Definition): number {
  const decide = def.stages.findIndex((s) => s.type === 'step' && s.step.kind === 'decide');
  if (decide >= 0) return decide;
  const last = def.stages[def.stages.length - 1];
  return last?.type === 'step' && last.step.kind === 'deliver' ? def.stages.length - 1 : def.stages.length;
}

/** The share left to give (never negative). */
export const remainingShare = (def: Definition) => Math.max(0, 100 - totalShare(def));

export function newStep(def: Definition, kind: StepKind, name: string, sharePercent: number, departmentId: string | null = null, keyBase: string = kind): Step {
  return { key: uniqueKey(def, keyBase), name, kind, role: defaultRole[kind], departmentId, sharePercent };
}

/** A new parallel block with two review branches (keys unique among themselves too). */
export function newParallel(def: Definition, name: string, branchName: string, sharePercent: number): ParallelStage {
  const key = uniqueKey(def, 'parallel');
  const first = newStep(def, 'review', branchName, sharePercent, null, 'branch');
  const withFirst: Definition = { stages: [...def.stages, { type: 'parallel', key, name, join: 'all', branches: [first, first] }] };
  const second = newStep(withFirst, 'review', branchName, sharePercent, null, 'branch');
  return { type: 'parallel', key, name, join: 'all', branches: [first, second] };
}

export function insertStage(def: Definition, stage: Stage, at = insertIndex(def)): Definition {
  const stages = [...def.stages];
  stages.splice(at, 0, stage);
  return { stages };
}

export function replaceStage(def: Definition, index: number, stage: Stage): Definition {
  return { stages: def.stages.map((s, i) => (i === index ? stage : s)) };
}

export function removeStage(def: Definition, index: number): Definition {
  return { stages: def.stages.filter((_s, i) => i !== index) };
}

export function moveStage(def: Definition, from: number, to: number): Definition {
  if (to < 0 || to >= def.stages.length) return def;
  const stages = [...def.stages];
  const [moved] = stages.splice(from, 1);
  if (moved) stages.splice(to, 0, moved);
  return { stages };
}

/** Changes one step (of a step stage, or one branch of a block). */
export function updateStep(def: Definition, index: number, branch: number | null, patch: Partial<Step>): Definition {
  const stage = def.stages[index];
  if (!stage) return def;
  if (stage.type === 'step') return replaceStage(def, index, { ...stage, step: { ...stage.step, ...patch } });
  return replaceStage(def, index, { ...stage, branches: stage.branches.map((b, j) => (j === branch ? { ...b, ...patch } : b)) });
}

/** An amount of the item's promised limit, in its own unit; null when the limit is unknown. */
export type ShareAmount = { unit: 'immediate' } | { unit: Exclude<TimeLimit['unit'], 'immediate'>; amount: number } | null;

export function shareAmount(limit: Pick<TimeLimit, 'value' | 'unit'> | null | undefined, percent: number): ShareAmount {
  if (!limit) return null;
  if (limit.unit === 'immediate' || limit.value === 0) return { unit: 'immediate' };
  const safe = Number.isFinite(percent) ? percent : 0;
  return { unit: limit.unit, amount: Math.round((limit.value * safe) / 10) / 10 };
}

/** Two definitions with the same content (the editor's "unsaved changes"). */
export const sameDefinition = (a: Definition, b: Definition) => JSON.stringify(a) === JSON.stringify(b);
