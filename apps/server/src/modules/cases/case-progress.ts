/**
 * 办件进度查询 without login (walk-in applicants, the hall kiosk, the QR code on a receipt):
 * the case number and the applicant's ID number (or credit code) show the progress. A wrong
 * pair answers exactly like an unknown case, and the number is compared in constant time, so
 * neither case numbers nor ID numbers can be probed. The answer is the case detail with
 * everything internal left out: no staff names, no opinions, no accounts, no form data.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CaseDetail, CaseProgress, ProgressEntry } from '@tongban/contracts';
import { chinaToday, maskName, normaliseIdentifier, openSteps, reduceCase, type Decision, type ProcessStep } from '@tongban/domain';
import { notFound } from '../../platform/errors.ts';
import { createCaseEngine, toDomainEvent, type CasesDeps, type LoadedCase } from './case-engine.ts';
import { toDetail } from './case-presenter.ts';
import { casesRepository as repo, type CaseEventRow } from './cases.repository.ts';
import { processDepartments } from './process.service.ts';

type Departments = Map<string, { name: string; creditCode: string }>;

/** Workflow events between officers (签收, 转办): not the applicant's business. */
const internalEvents: ReadonlySet<string> = new Set(['step_claimed', 'step_transferred']);

/** Compared against when the case does not exist, so both answers cost the same. */
const absentIdNumber = '000000000000000000';

const digest = (idNumber: string) => createHash('sha256').update(normaliseIdentifier(idNumber)).digest();

/** Whether two ID numbers (or credit codes) are the same after normalising (upper-case X), in constant time. */
export function sameIdNumber(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The process step an event belongs to, found in the pinned definition. */
function stepOfEvent(loaded: LoadedCase, e: CaseEventRow): ProcessStep | undefined {
  const steps = loaded.definition.stages.flatMap((s) => (s.type === 'step' ? [s.step] : s.branches));
  const ofKind = (kind: ProcessStep['kind']) => steps.find((s) => s.kind === kind);
  switch (e.type) {
    case 'accepted':
    case 'refused':
    case 'supplement_requested':
      return ofKind('accept');
    case 'step_completed':
      return steps.find((s) => s.key === e.payload.step);
    case 'decided':
      return ofKind('decide');
    case 'delivered':
      return ofKind('deliver');
    default:
      return undefined;
  }
}

/** The applicant's view of a case detail (pure): the public facts and a timeline without people or opinions. */
export function toProgress(detail: CaseDetail, loaded: LoadedCase, departments: Departments): CaseProgress {
  const rows = new Map(loaded.events.map((e) => [e.seq, e]));
  const timeline: ProgressEntry[] = detail.timeline
    .filter((entry) => !internalEvents.has(entry.type))
    .map((entry) => {
      const row = rows.get(entry.seq);
      const step = row ? stepOfEvent(loaded, row) : undefined;
      const told = entry.type === 'refused' || entry.type === 'revoked';
      return {
        seq: entry.seq,
        type: entry.type,
        typeName: entry.typeName,
        at: entry.at,
        stepName: step?.name ?? null,
        departmentName: step ? (departments.get(step.departmentId ?? loaded.row.departmentId)?.name ?? null) : null,
        toStatus: entry.toStatus,
        toStatusName: entry.toStatusName,
        remainingWorkingDays: entry.remainingWorkingDays,
        missing: entry.type === 'supplement_requested' ? ((entry.details.missing ?? []) as ProgressEntry['missing']) : [],
        reason: told ? text(entry.details.reason) : null,
        legalBasis: told ? text(entry.details.legalBasis) : null,
        decision: entry.type === 'decided' ? ((row?.payload.decision as Decision | undefined) ?? null) : null,
      };
    });
  return {
    caseNo: detail.caseNo,
    itemName: detail.itemName,
    departmentName: detail.departmentName,
    applicantName: maskName(loaded.row.applicant.name),
    status: detail.status,
    statusName: detail.statusName,
    submittedAt: detail.submittedAt,
    acceptedOn: detail.acceptedOn,
    dueDate: detail.dueDate,
    dueProvisional: detail.dueProvisional,
    remainingWorkingDays: detail.remainingWorkingDays,
    light: detail.light,
    decision: detail.decision,
    currentSteps: detail.openSteps.map((s) => ({ name: s.name, departmentName: s.departmentName })),
    supplementRequested: detail.supplementRequested,
    timeline,
  };
}

export function createProgressService(deps: CasesDeps) {
  const { db, now, calendar, catalog, processes } = deps;
  const engine = createCaseEngine(deps);

  return {
    /** The progress of a case for whoever holds its number and the applicant's ID number; 404 for any other pair. */
    async query(input: { caseNo: string; idNumber: string }): Promise<CaseProgress> {
      const found = await repo.findWithEvents(db, input.caseNo);
      const same = sameIdNumber(found?.row.applicant.idNumber ?? absentIdNumber, input.idNumber);
      if (!found || !same) throw notFound('case');
      const { row, events } = found;

      const definition = await processes.pinned(db, row.itemId, row.processVersion);
      const domainEvents = events.map(toDomainEvent);
      const state = reduceCase(domainEvents);
      const loaded: LoadedCase = { row, events, domainEvents, state, definition, position: openSteps(definition, domainEvents) };
      const today = chinaToday(now());
      const [content, departments, cal] = await Promise.all([
        catalog.guide(row.implCode, row.itemVersion).then((g) => g.content),
        repo.departments(db, [row.departmentId, ...processDepartments(definition)]),
        calendar.workingCalendar(row.regionCode),
      ]);
      // A running special procedure moves the due date every day it lasts (as the case detail does).
      const due =
        state.status === 'suspended'
          ? await engine.deadline(row.regionCode, state, row.limitWorkingDays, today)
          : { dueDate: row.dueDate, dueProvisional: row.dueProvisional };
      const detail = toDetail({ loaded, content, departments, cal, today, ...due, agentName: null });
      return toProgress(detail, loaded, departments);
    },
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;
