import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, CaseTransitionError, applyCaseEvent, canApply, reduceCase, type CaseEvent, type CaseEventType } from './case-state.ts';
import { exchangeCodeOfEvent, exchangeCodeOfState } from './exchange-codes.ts';
import { caseNumberPrefix, formatCaseNumber, parseCaseNumber } from './case-number.ts';

const at = '2026-03-02T09:00:00+08:00';
const submitted: CaseEvent = { type: 'submitted', at };
const accepted = (deferredMaterials: string[] = [], committedMaterials: string[] = []): CaseEvent => ({
  type: 'accepted',
  at,
  deferredMaterials,
  committedMaterials,
});

function rejects(events: CaseEvent[], reason: CaseTransitionError['reason']) {
  try {
    reduceCase(events);
  } catch (err) {
    expect(err).toBeInstanceOf(CaseTransitionError);
    expect((err as CaseTransitionError).reason).toBe(reason);
    return;
  }
  throw new Error(`expected ${reason}`);
}

describe('case state machine (办件状态)', () => {
  it('opens a post-check (告知承诺核查) only for a granted result resting on commitments; a failed one revokes it', () => {
    const decided = (decision: 'approve' | 'reject' | 'deferred_pass', committed: string[]) =>
      reduceCase([submitted, accepted([], committed), { type: 'decided', at, decision }]);
    expect(decided('approve', ['premises']).postCheck).toBe('pending');
    expect(decided('deferred_pass', ['premises']).postCheck).toBe('pending');
    expect(decided('reject', ['premises']).postCheck).toBeNull();
    expect(decided('approve', []).postCheck).toBeNull();
    const base: CaseEvent[] = [submitted, accepted([], ['premises']), { type: 'decided', at, decision: 'approve' }];
    const failed = reduceCase([...base, { type: 'post_check_completed', at, passed: false }]);
    expect(failed).toMatchObject({ status: 'revoked', postCheck: 'failed' });
    expect(exchangeCodeOfEvent({ type: 'post_check_completed', at, passed: false })).toBe('15');
    const passed = reduceCase([...base, { type: 'delivered', at }, { type: 'post_check_completed', at, passed: true }]);
    expect(passed).toMatchObject({ status: 'delivered', postCheck: 'passed' });
    rejects([...base, { type: 'post_check_completed', at, passed: true }, { type: 'post_check_completed', at, passed: true }], 'no_post_check');
    rejects([submitted, accepted(), { type: 'decided', at, decision: 'approve' }, { type: 'post_check_completed', at, passed: true }], 'no_post_check');
  });

  it('records claims and transfers without changing the status, only while the case is being processed', () => {
    const claimed = reduceCase([submitted, accepted(), { type: 'step_claimed', at, step: 'review', by: 'a1', byName: '李明' }]);
    expect(claimed).toMatchObject({ status: 'processing', version: 3 });
    expect(canApply(reduceCase([submitted]), 'step_claimed')).toBe(false);
    expect(canApply(reduceCase([submitted, accepted(), { type: 'special_started', at, procedure: 'hearing' }]), 'step_transferred')).toBe(false);
  });

  it('follows the ordinary path and counts one version per event', () => {
    const log: CaseEvent[] = [
      submitted,
      accepted(),
      { type: 'step_completed', at, step: 'review', outcome: 'approve' },
      { type: 'decided', at, decision: 'approve' },
      { type: 'delivered', at },
    ];
    const states = log.map((_, i) => reduceCase(log.slice(0, i + 1)));
    expect(states.map((s) => s.status)).toEqual(['submitted', 'processing', 'processing', 'decided', 'delivered']);
    expect(states.map((s) => s.version)).toEqual([1, 2, 3, 4, 5]);
    expect(states[1]!.acceptedAt).toBe(at);
    expect(states[4]!.decision).toBe('approve');
  });

  it('loops through 补正 before acceptance, and refuses from there', () => {
    const asked: CaseEvent = { type: 'supplement_requested', at, missing: ['营业执照'] };
    expect(reduceCase([submitted, asked]).status).toBe('supplementing');
    expect(reduceCase([submitted, asked, { type: 'supplement_provided', at }, accepted()]).status).toBe('processing');
    expect(reduceCase([submitted, asked, { type: 'refused', at }]).status).toBe('refused');
    rejects([submitted, asked, accepted()], 'wrong_status');
  });

  it('does not decide 准予 while a 容缺 material is missing, allows 容缺通过, and 准予 once it arrives', () => {
    const base = [submitted, accepted(['site_proof', 'site_proof'])];
    expect(reduceCase(base).missingDeferred).toEqual(['site_proof']);
    rejects([...base, { type: 'decided', at, decision: 'approve' }], 'deferred_missing');
    expect(reduceCase([...base, { type: 'decided', at, decision: 'deferred_pass' }]).decision).toBe('deferred_pass');
    const supplied = reduceCase([...base, { type: 'deferred_supplied', at, material: 'site_proof' }, { type: 'decided', at, decision: 'approve' }]);
    expect(supplied).toMatchObject({ status: 'decided', missingDeferred: [] });
    rejects([...base, { type: 'deferred_supplied', at, material: 'other' }], 'unknown_material');
  });

  it('stops the clock for a special procedure and closes the period when it ends or the case is withdrawn', () => {
    const started: CaseEvent = { type: 'special_started', at: '2026-03-03', procedure: 'hearing' };
    const during = reduceCase([submitted, accepted(), started]);
    expect(during).toMatchObject({ status: 'suspended', suspensions: [{ from: '2026-03-03', to: null, procedure: 'hearing' }] });
    rejects([submitted, accepted(), started, { type: 'decided', at, decision: 'approve' }], 'wrong_status');
    expect(reduceCase([submitted, accepted(), started, { type: 'special_ended', at: '2026-03-05' }]).suspensions).toEqual([
      { from: '2026-03-03', to: '2026-03-05', procedure: 'hearing' },
    ]);
    expect(reduceCase([submitted, accepted(), started, { type: 'withdrawn', at: '2026-03-04' }]).suspensions[0]!.to).toBe('2026-03-04');
  });

  it('adds an approved extension once, ignores a refused one, and refuses a second request while one is pending', () => {
    const asked: CaseEvent = { type: 'extension_requested', at, workingDays: 10 };
    expect(reduceCase([submitted, accepted(), asked, { type: 'extension_decided', at, approved: true }]).extensionDays).toBe(10);
    expect(reduceCase([submitted, accepted(), asked, { type: 'extension_decided', at, approved: false }]).extensionDays).toBe(0);
    rejects([submitted, accepted(), asked, asked], 'extension_pending');
    rejects([submitted, accepted(), { type: 'extension_decided', at, approved: true }], 'no_pending_extension');
  });

  it('allows withdrawal only before the decision and revocation only after it', () => {
    rejects([submitted, accepted(), { type: 'decided', at, decision: 'approve' }, { type: 'withdrawn', at }], 'wrong_status');
    rejects([submitted, accepted(), { type: 'revoked', at }], 'wrong_status');
    expect(reduceCase([submitted, accepted(), { type: 'decided', at, decision: 'approve' }, { type: 'delivered', at }, { type: 'revoked', at }]).status).toBe(
      'revoked',
    );
  });

  it('accepts "submitted" only as the first event, and nothing else first', () => {
    const types: CaseEventType[] = ['accepted', 'refused', 'withdrawn', 'decided', 'delivered'];
    for (const type of types) expect(canApply(reduceCase([]), type)).toBe(false);
    rejects([submitted, submitted], 'wrong_status');
  });

  it('reaches no status from a closed one except revocation after delivery', () => {
    const closed = {
      withdrawn: [submitted, { type: 'withdrawn', at }],
      refused: [submitted, { type: 'refused', at }],
      revoked: [submitted, accepted(), { type: 'decided', at, decision: 'reject' }, { type: 'revoked', at }],
    } satisfies Record<string, CaseEvent[]>;
    const allTypes: CaseEventType[] = [
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
    ];
    for (const log of Object.values(closed)) for (const type of allTypes) expect(canApply(reduceCase(log), type), type).toBe(false);
    expect(CASE_STATUSES).toContain(reduceCase(closed.revoked).status);
  });

  it('flags the green channel (绿色通道) while the case is open, without changing its status', () => {
    const flagged = reduceCase([submitted, { type: 'green_channel_set', at, on: true }, accepted()]);
    expect(flagged).toMatchObject({ status: 'processing', greenChannel: true, version: 3 });
    expect(reduceCase([submitted, { type: 'green_channel_set', at, on: true }, { type: 'green_channel_set', at, on: false }]).greenChannel).toBe(false);
    const delivered = [submitted, accepted(), { type: 'decided', at, decision: 'approve' }, { type: 'delivered', at }] satisfies CaseEvent[];
    expect(canApply(reduceCase(delivered), 'green_channel_set')).toBe(false);
  });

  it('does not change the state it was given', () => {
    const before = reduceCase([submitted]);
    const copy = structuredClone(before);
    applyCaseEvent(before, accepted(['x']));
    expect(before).toEqual(copy);
  });
});

describe('national exchange status codes (办理状态代码)', () => {
  it('reports each event of a full log with its code', () => {
    const log: CaseEvent[] = [
      submitted,
      { type: 'supplement_requested', at, missing: [] },
      { type: 'supplement_provided', at },
      accepted(),
      { type: 'step_completed', at, step: 'review', outcome: 'approve' },
      { type: 'special_started', at, procedure: 'expert_review' },
      { type: 'special_ended', at },
      { type: 'decided', at, decision: 'deferred_pass' },
      { type: 'delivered', at },
      { type: 'revoked', at },
    ];
    expect(log.map(exchangeCodeOfEvent)).toEqual(['1', '6', '7', '3', '8', '9', '10', '12', null, '15']);
    expect(exchangeCodeOfState(reduceCase(log.slice(0, 6)))).toBe('9');
    expect(exchangeCodeOfState(reduceCase(log.slice(0, 9)))).toBe('12');
    expect(exchangeCodeOfState(reduceCase([submitted, { type: 'refused', at }]))).toBe('5');
  });
});

describe('case numbers (办件编号)', () => {
  it('formats and parses <实施编码>-<yyyyMMdd>-<seq6> within 50 characters', () => {
    const implCode = '11511900MB1234567X351M010002001';
    const caseNo = formatCaseNumber(implCode, '2026-11-22', 42);
    expect(caseNo).toBe(`${implCode}-20261122-000042`);
    expect(caseNo.length).toBeLessThanOrEqual(50);
    expect(parseCaseNumber(caseNo)).toEqual({ implCode, day: '2026-11-22', sequence: 42 });
  });

  it('takes the first 31 letters and digits of an imported code kept as given', () => {
    expect(caseNumberPrefix('11511900mb1234567x351m010002001')).toBe('11511900MB1234567X351M010002001');
    expect(caseNumberPrefix('SC-511900-0001-XK-2024-000123-0001-00')).toBe('SC5119000001XK2024000123000100');
    expect(caseNumberPrefix('A-B-C-D-E-F-G-H-I-J-K-L-M-N-O-P-Q-R-S-T-U-V-W-X-Y-Z-0-1-2-3-4-5-6')).toHaveLength(31);
    expect(() => caseNumberPrefix('AB-12')).toThrow(RangeError);
  });

  it('refuses what cannot be a case number', () => {
    expect(() => formatCaseNumber('abc', '2026-11-22', 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('11511900MB1234567X351M010002001', '20261122', 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('11511900MB1234567X351M010002001', '2026-11-22', 1_000_000)).toThrow(RangeError);
    expect(parseCaseNumber('11511900MB1234567X351M010002001-2026112-000001')).toBeNull();
    expect(parseCaseNumber('../etc/passwd')).toBeNull();
  });
});
