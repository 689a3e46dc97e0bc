// 办件 (case) domain rules.
export {
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
export type { ProcessDefinition, ProcessProblem, ProcessStage, ProcessStep, StepKind } from './process.ts';
export { EXCHANGE_STATUS_NAMES, exchangeCodeOfEvent, exchangeCodeOfState } from './exchange-codes.ts';
export type { ExchangeStatusCode } from './exchange-codes.ts';
export { formatCaseNumber, parseCaseNumber } from './case-number.ts';
