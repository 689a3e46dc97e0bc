// Default process definitions (默认办理流程) for items whose department has not drawn one.
import type { ProcessDefinition, ProcessStep } from './process.ts';

const step = (key: string, name: string, kind: ProcessStep['kind'], role: string, sharePercent: number): ProcessStep => ({
  key,
  name,
  kind,
  role,
  departmentId: null,
  sharePercent,
});

/**
 * The definition an item runs when none was saved: 即办件 (case type '1') is accepted, decided
 * and delivered on the spot by the window; 承诺件 ('2') and any other type go 受理 (window) →
 * 审查 (reviewer, 60% of the time limit) → 决定 (approver, 40%) → 送达 (window). Every step
 * belongs to the item's own department.
 */
export function defaultProcess(caseType: string): ProcessDefinition {
  if (caseType === '1')
    return {
      stages: [
        { type: 'step', step: step('accept', '受理', 'accept', 'window', 0) },
        { type: 'step', step: step('decide', '决定', 'decide', 'window', 100) },
        { type: 'step', step: step('deliver', '送达', 'deliver', 'window', 0) },
      ],
    };
  return {
    stages: [
      { type: 'step', step: step('accept', '受理', 'accept', 'window', 0) },
      { type: 'step', step: step('review', '审查', 'review', 'reviewer', 60) },
      { type: 'step', step: step('decide', '决定', 'decide', 'approver', 40) },
      { type: 'step', step: step('deliver', '送达', 'deliver', 'window', 0) },
    ],
  };
}
