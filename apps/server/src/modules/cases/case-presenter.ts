/** Maps cases to their contract shapes (pure): the detail with its timeline, and list rows. */
import { caseEventNames, caseStatusNames, type CaseDetail, type CaseStep, type CaseSummary, type FileMeta, type ItemContent } from '@tongban/contracts';
import {
  EXCHANGE_STATUS_NAMES,
  chinaToday,
  deadlineLight,
  maskCreditCode,
  maskName,
  maskPhone,
  maskResidentId,
  remainingWorkingDays,
  type CaseStatus,
  type ExchangeStatusCode,
  type WorkingCalendar,
} from '@tongban/domain';
import type { ApplicantSnapshot } from './cases.schema.ts';
import type { CaseSummaryRow } from './cases.repository.ts';
import type { AttachedLicence } from './case-licences.ts';
import type { LoadedCase } from './case-engine.ts';

/** Statuses in which the clock counts (or stands still) and the deadline light shows. */
const timedStatuses: readonly CaseStatus[] = ['processing', 'suspended'];

type Departments = Map<string, { name: string; creditCode: string }>;

export function stepsWithNames(steps: readonly Omit<CaseStep, 'departmentName'>[], departments: Departments): CaseStep[] {
  return steps.map((s) => ({ ...s, departmentName: departments.get(s.departmentId)?.name ?? null }));
}

/** Working days left and the light, for a case whose clock runs. */
export function clock(cal: WorkingCalendar, status: CaseStatus, dueDate: string | null, limit: number | null, today: string) {
  if (!dueDate || !timedStatuses.includes(status)) return { remainingWorkingDays: null, light: null };
  const remaining = remainingWorkingDays(cal, dueDate, today);
  return { remainingWorkingDays: remaining, light: deadlineLight(remaining, limit ?? 0) };
}

export function maskedApplicant(a: ApplicantSnapshot): CaseDetail['applicant'] {
  return {
    name: a.name,
    kind: a.kind,
    idType: a.idType,
    idNumberMasked: a.idType === 'resident_id' ? maskResidentId(a.idNumber) : maskCreditCode(a.idNumber),
    phoneMasked: a.phone ? maskPhone(a.phone) : null,
    contactName: a.contactName,
  };
}

export interface DetailInput {
  loaded: LoadedCase;
  content: ItemContent;
  departments: Departments;
  cal: WorkingCalendar;
  today: string;
  /** The due date as of today (a running special procedure keeps moving it). */
  dueDate: string | null;
  dueProvisional: boolean;
  agentName: string | null;
  /** What the caller may do now (none when not given). */
  allowedActions?: CaseDetail['allowedActions'];
  /** Name, size and type of the files the materials carry. */
  files?: ReadonlyMap<string, FileMeta>;
  /** The licences taken from the library for the materials, checked as of now. */
  licences?: ReadonlyMap<string, AttachedLicence>;
}

/** The due date of the post-check, recorded with the decision that opened it. */
function postCheckDue(events: LoadedCase['events']): string | null {
  const decided = [...events].reverse().find((e) => e.type === 'decided');
  return typeof decided?.details.postCheckDue === 'string' ? decided.details.postCheckDue : null;
}

/** The titles of a form schema's top-level fields (the key where a field has none). */
function formLabels(schema: Record<string, unknown>): Record<string, string> {
  const properties = (schema.properties ?? {}) as Record<string, { title?: unknown }>;
  return Object.fromEntries(Object.entries(properties).map(([key, p]) => [key, typeof p?.title === 'string' ? p.title : key]));
}

export function toDetail({
  loaded,
  content,
  departments,
  cal,
  today,
  dueDate,
  dueProvisional,
  agentName,
  allowedActions = [],
  files = new Map(),
  licences = new Map(),
}: DetailInput): CaseDetail {
  const { row, state, events } = loaded;
  const specs = new Map(content.materials.map((m) => [m.key, m]));
  const lastNotice = [...events].reverse().find((e) => e.type === 'supplement_requested');
  const requested = state.status === 'supplementing' && lastNotice ? ((lastNotice.details.missing ?? []) as CaseDetail['supplementRequested']) : [];
  const exchange = row.exchangeStatus as ExchangeStatusCode;
  return {
    caseNo: row.caseNo,
    itemId: row.itemId,
    itemName: row.itemName,
    implCode: row.implCode,
    itemVersion: row.itemVersion,
    processVersion: row.processVersion,
    caseType: row.caseType,
    departmentId: row.departmentId,
    departmentName: departments.get(row.departmentId)?.name ?? '',
    regionCode: row.regionCode,
    takenRegionCode: row.takenRegionCode,
    applicant: maskedApplicant(row.applicant),
    agent: row.agentAuthorisation && agentName ? { name: agentName, authorisation: row.agentAuthorisation } : null,
    channel: row.channel,
    formData: row.formData,
    materials: row.materials.map((m) => ({
      materialKey: m.materialKey,
      name: specs.get(m.materialKey)?.name ?? m.materialKey,
      necessity: specs.get(m.materialKey)?.necessity ?? 'optional',
      source: specs.get(m.materialKey)?.source ?? 'applicant',
      provided: m.provided,
      files: (m.files ?? []).flatMap((id) => files.get(id) ?? []),
      licence: m.licenceIdentifier
        ? (licences.get(m.licenceIdentifier) ?? { identifier: m.licenceIdentifier, typeName: '', verdict: 'unknown', statusLabel: null })
        : null,
    })),
    delivery: row.delivery,
    status: row.status,
    statusName: caseStatusNames[row.status],
    exchangeStatus: exchange,
    exchangeStatusName: EXCHANGE_STATUS_NAMES[exchange],
    greenChannel: row.greenChannel,
    submittedAt: row.submittedAt.toISOString(),
    acceptedOn: row.acceptedOn,
    limitWorkingDays: row.limitWorkingDays,
    dueDate,
    dueProvisional,
    ...clock(cal, row.status, dueDate, row.limitWorkingDays, today),
    openSteps: stepsWithNames(row.openSteps, departments),
    supplementRequested: requested,
    missingDeferred: state.missingDeferred,
    committedMaterials: state.committedMaterials,
    pendingExtension: state.pendingExtension,
    extensionDays: state.extensionDays,
    decision: state.decision,
    postCheck: state.postCheck ? { status: state.postCheck, dueDate: postCheckDue(events) } : null,
    formLabels: formLabels(content.formSchema),
    allowedActions,
    version: row.version,
    timeline: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      typeName: caseEventNames[e.type],
      at: e.at.toISOString(),
      actorName: e.actorName,
      actorRole: e.actorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      toStatusName: caseStatusNames[e.toStatus],
      exchangeCode: e.exchangeCode,
      opinion: e.opinion,
      details: e.details,
      dueDate: e.dueDate,
      // Working days left when the event happened, for events of a running clock (the decision included).
      remainingWorkingDays:
        e.dueDate && (timedStatuses.includes(e.toStatus) || (e.fromStatus !== null && timedStatuses.includes(e.fromStatus)))
          ? remainingWorkingDays(cal, e.dueDate, chinaToday(e.at))
          : null,
    })),
  };
}

/** A list row; `mine` keeps only the open steps the viewer may act on (the inbox). */
export function toSummary(
  row: CaseSummaryRow,
  cal: WorkingCalendar,
  today: string,
  departments: Departments,
  mine: (step: CaseSummaryRow['openSteps'][number]) => boolean = () => true,
): CaseSummary {
  return {
    caseNo: row.caseNo,
    itemName: row.itemName,
    applicantName: maskName(row.applicantName),
    departmentName: row.departmentName,
    status: row.status,
    statusName: caseStatusNames[row.status],
    greenChannel: row.greenChannel,
    submittedAt: row.submittedAt.toISOString(),
    dueDate: row.dueDate,
    ...clock(cal, row.status, row.dueDate, row.limitWorkingDays, today),
    openSteps: stepsWithNames(row.openSteps.filter(mine), departments),
    version: row.version,
  };
}
