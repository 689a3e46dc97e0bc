import { describe, expect, it } from 'vitest';
import type { CaseEvent } from './case-state.ts';
import { openSteps, validateProcess, type ProcessDefinition, type ProcessStep } from './process.ts';
import { defaultProcess } from './process-defaults.ts';

const step = (key: string, kind: ProcessStep['kind'], role: string, sharePercent = 10, departmentId: string | null = null): ProcessStep => ({
  key,
  name: key,
  kind,
  role,
  departmentId,
  sharePercent,
});
const def: ProcessDefinition = {
  stages: [
    { type: 'step', step: step('accept', 'accept', 'window', 0) },
    { type: 'step', step: step('review', 'review', 'reviewer', 30) },
    {
      type: 'parallel',
      key: 'joint',
      name: '并联审批',
      join: 'all',
      branches: [step('fire', 'review', 'reviewer', 40, 'dept-fire'), step('health', 'review', 'reviewer', 30, 'dept-health')],
    },
    { type: 'step', step: step('decide', 'decide', 'approver', 20) },
    { type: 'step', step: step('deliver', 'deliver', 'window', 0) },
  ],
};
const at = '2026-03-02';
const accepted: CaseEvent = { type: 'accepted', at, deferredMaterials: [], committedMaterials: [] };
const done = (s: string, outcome: 'approve' | 'refuse' | 'return' = 'approve', returnTo?: string): CaseEvent => ({
  type: 'step_completed',
  at,
  step: s,
  outcome,
  returnTo,
});
const keys = (events: CaseEvent[], d = def) => openSteps(d, events).open.map((s) => s.key);

describe('process definitions (办理流程)', () => {
  it('accepts a definition with 受理, review, a parallel block, 决定 and 送达', () => {
    expect(validateProcess(def)).toEqual([]);
  });

  it('lists every broken rule with its place', () => {
    const broken: ProcessDefinition = {
      stages: [
        { type: 'step', step: step('review', 'review', 'reviewer', 60) },
        {
          type: 'parallel',
          key: 'Bad Key',
          name: 'x',
          join: 'all',
          branches: [step('a', 'decide', 'reviewer', 50, 'd1'), step('a', 'review', 'janitor', 101, 'd1')],
        },
        { type: 'step', step: step('deliver', 'deliver', 'window', 0) },
        { type: 'step', step: step('decide', 'decide', 'approver', 0) },
      ],
    };
    expect(validateProcess(broken).map((p) => `${p.rule}@${p.path}`)).toEqual([
      'first-accept@stages.0',
      'last-deliver@stages.3',
      'decide-before-deliver@stages.3',
      'key-format@stages.1.key',
      'parallel-departments@stages.1.branches',
      'parallel-kind@stages.1.branches.0.kind',
      'key-unique@stages.1.branches.1.key',
      'role@stages.1.branches.1.role',
      'share-range@stages.1.branches.1.sharePercent',
      'share-total@stages',
    ]);
    expect(validateProcess({ stages: [] })).toEqual([{ path: 'stages', rule: 'too-short' }]);
  });

  it('opens 受理 first, then each stage in turn; a parallel block joins when every department is done', () => {
    expect(keys([])).toEqual(['accept']);
    expect(keys([accepted])).toEqual(['review']);
    expect(keys([accepted, done('review')])).toEqual(['fire', 'health']);
    expect(keys([accepted, done('review'), done('health')])).toEqual(['fire']);
    expect(keys([accepted, done('review'), done('health'), done('fire')])).toEqual(['decide']);
    expect(keys([accepted, done('review'), done('health'), done('fire'), { type: 'decided', at, decision: 'approve' }])).toEqual(['deliver']);
    expect(keys([accepted, done('review'), done('health'), done('fire'), { type: 'decided', at, decision: 'approve' }, { type: 'delivered', at }])).toEqual([]);
  });

  it('joins at the first refusal when so configured and remembers who refused', () => {
    const firstRefusal: ProcessDefinition = { stages: def.stages.map((s) => (s.type === 'parallel' ? { ...s, join: 'first_refusal' as const } : s)) };
    const pos = openSteps(firstRefusal, [accepted, done('review'), done('fire', 'refuse')]);
    expect(pos.open.map((s) => s.key)).toEqual(['decide']);
    expect(pos.refusedBy).toEqual(['fire']);
    // Joining only when all are done, a refusal waits for the other department.
    expect(openSteps(def, [accepted, done('review'), done('fire', 'refuse')]).open.map((s) => s.key)).toEqual(['health']);
  });

  it('goes back to an earlier step on a return and forgets the refusals since', () => {
    const events = [accepted, done('review'), done('fire', 'refuse'), done('health', 'return', 'review')];
    expect(openSteps(def, events)).toMatchObject({ stageIndex: 1, refusedBy: [] });
    expect(keys(events)).toEqual(['review']);
    // A return to a step that is not earlier, or to 受理, changes nothing.
    expect(keys([accepted, done('review', 'return', 'decide')])).toEqual(['review']);
    expect(keys([accepted, done('review', 'return', 'accept')])).toEqual(['review']);
  });

  it('remembers who claimed or was handed each open step, until the step is done or the stage is left', () => {
    const claim: CaseEvent = { type: 'step_claimed', at, step: 'review', by: 'a1', byName: '李明' };
    expect(openSteps(def, [accepted, claim]).claims).toEqual({ review: { id: 'a1', name: '李明' } });
    const handed = openSteps(def, [accepted, claim, { type: 'step_transferred', at, step: 'review', to: 'a2', toName: '王芳' }]);
    expect(handed.claims).toEqual({ review: { id: 'a2', name: '王芳' } });
    const done = openSteps(def, [accepted, claim, { type: 'step_completed', at, step: 'review', outcome: 'approve' }]);
    expect(done.claims).toEqual({});
    const fire: CaseEvent = { type: 'step_claimed', at, step: 'fire', by: 'a3', byName: '消防' };
    const health: CaseEvent = { type: 'step_claimed', at, step: 'health', by: 'a4', byName: '卫健' };
    const inBlock = [accepted, { type: 'step_completed', at, step: 'review', outcome: 'approve' } as CaseEvent, fire, health];
    expect(openSteps(def, [...inBlock, { type: 'step_completed', at, step: 'fire', outcome: 'approve' }]).claims).toEqual({
      health: { id: 'a4', name: '卫健' },
    });
  });

  it('ignores completions of steps that are not open', () => {
    expect(keys([accepted, done('fire')])).toEqual(['review']);
  });
});

describe('default process definitions (默认办理流程)', () => {
  it('are valid: 即办件 by the window alone, 承诺件 through review and an approver', () => {
    for (const caseType of ['1', '2', '9']) expect(validateProcess(defaultProcess(caseType)), caseType).toEqual([]);
    expect(defaultProcess('1').stages.map((s) => (s.type === 'step' ? `${s.step.kind}:${s.step.role}` : s.key))).toEqual([
      'accept:window',
      'decide:window',
      'deliver:window',
    ]);
    expect(defaultProcess('2').stages.map((s) => (s.type === 'step' ? `${s.step.kind}:${s.step.role}` : s.key))).toEqual([
      'accept:window',
      'review:reviewer',
      'decide:approver',
      'deliver:window',
    ]);
  });
});
