// 办件 (case) domain rules.
export {
  CASE_EVENT_TYPES,
  CASE_STATUSES,
  DECISIONS,
  SPECIAL_PROCEDURES,
  CaseTransitionError,
  applyCaseEvent,
  canApply,
  initialCaseState,
  isClosed,
  reduceCase,
} from './case-state.ts';
export type { CaseEvent, CaseEventType, CaseState, CaseStatus, Decision, SpecialProcedure, StepOutcome } from './case-state.ts';
export { openSteps, validateProcess } from './process.ts';
export type { ProcessDefinition, ProcessPosition, ProcessProblem, ProcessStage, ProcessStep, StepKind } from './process.ts';
export { defaultProcess } from './process-defaults.ts';
export { EXCHANGE_STATUS_NAMES, exchangeCodeOfEvent, exchangeCodeOfState } from './exchange-codes.ts';
export type { ExchangeStatusCode } from './exchange-codes.ts';
export { caseNumberPrefix, formatCaseNumber, parseCaseNumber } from './case-number.ts';
export { deadlineLight, limitWorkingDays, yellowThreshold } from './case-deadline.ts';
export type { DeadlineLight } from './case-deadline.ts';
