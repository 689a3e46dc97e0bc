/**
 * The case engine: loads a case with its log, replays it through the state machine and the
 * pinned process, and appends exactly one event per action with the projection, guarded by
 * the case version, and the audit entry, all in one transaction.
 */
import type { BundleDetail, ItemVersion } from '@tongban/contracts';
import {
  CaseTransitionError,
  applyCaseEvent,
  chinaToday,
  computeDeadline,
  exchangeCodeOfEvent,
  exchangeCodeOfState,
  openSteps,
  reduceCase,
  type CaseEvent,
  type CaseState,
  type CaseStatus,
  type ProcessDefinition,
  type ProcessPosition,
  type WorkingCalendar,
} from '@tongban/domain';
import type { Db, Executor } from '../../platform/db/client.ts';
import { auditSteps } from '../../platform/audit/audit.ts';
import { runCombined, type WriteStep } from '../../platform/db/combined-write.ts';
import { AppError, conflict, notFound, pgErrorCode, pgErrorTable } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { canSeeCase } from './cases.policy.ts';
import { casesRepository as repo, type CaseEventRow, type CaseProjection, type CaseRow } from './cases.repository.ts';
import type { OpenStep } from './cases.schema.ts';
import { processDepartments, type ProcessService } from './process.service.ts';
import type { CaseFiles } from './case-draft-files.ts';
import type { CaseLicences } from './case-licences.ts';

export type Meta = { requestId?: string; ip?: string };

/** One appended event as other modules hear of it, inside the transaction that appends it. */
export interface CaseEventFact {
  caseId: string;
  caseNo: string;
  itemName: string;
  type: CaseEvent['type'];
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  applicantAccountId: string | null;
  agentAccountId: string | null;
  departmentId: string;
  regionCode: string;
  actorId: string;
  /** The case after the event: its due date, national status code and how the result is delivered. */
  dueDate: string | null;
  exchangeStatus: string;
  deliveryMethod: string;
  /** The steps open after the event, with the role and department that hold them. */
  openSteps: OpenStep[];
  /** The steps open before it (none for a new case): those in `openSteps` and not here were opened by the event. */
  previousOpenSteps?: OpenStep[];
  details: Record<string, unknown>;
  at: Date;
}

/**
 * Hears every appended event. Its `writes` join the statement that appends the event, so they
 * commit with it or not at all (notifications write their messages there: a crash after the
 * commit loses none, a rolled-back action sends none). For the events that need reads or locks
 * after the append (issuing a licence), `inTransaction` gives that work: the append then runs as
 * a transaction, the work after its statement.
 */
export interface CaseEventListener {
  writes?(fact: CaseEventFact): WriteStep[];
  inTransaction?(fact: CaseEventFact): ((tx: Executor) => Promise<void>) | null;
}

export interface CasesDeps {
  db: Db;
  now: () => Date;
  /** From the calendar module: the working-day calendar of a region. */
  calendar: { workingCalendar(regionCode: string | null): Promise<WorkingCalendar> };
  /** From the catalog module: the published guide of an item, current or of a pinned version. */
  catalog: { guide(implCode: string, version?: number): Promise<ItemVersion>; bundle(key: string, region?: string): Promise<BundleDetail> };
  processes: ProcessService;
  /** Told of every appended event inside its transaction. */
  listeners?: readonly CaseEventListener[];
  /** From the files module: the uploads materials carry (without it, no file is anyone's). */
  files?: CaseFiles;
  /** From the licences module: the e-licence library (without it, nothing is taken from it). */
  licences?: CaseLicences;
}

export interface LoadedCase {
  row: CaseRow;
  events: CaseEventRow[];
  domainEvents: CaseEvent[];
  state: CaseState;
  definition: ProcessDefinition;
  position: ProcessPosition;
}

/** What one action appends: the event and what it records beside the state machine. */
export interface EventDraft {
  event: CaseEvent;
  /** The role the actor acted in (the step's role, applicant, agent …). */
  actorRole: string;
  opinion?: string | null;
  details?: Record<string, unknown>;
  /** Projection columns the action changes beyond the state (materials, the time limit). */
  patch?: Pick<CaseProjection, 'materials' | 'limitWorkingDays'>;
  /** Audit action name, e.g. `case.accept`. */
  audit: string;
}

/** The domain event a log row stands for; its time is the day in China. */
export function toDomainEvent(row: CaseEventRow): CaseEvent {
  return { ...row.payload, type: row.type, at: chinaToday(row.at) } as CaseEvent;
}

/** The fields of a domain event beyond its type and time, as the log stores them. */
export function payloadOf(event: CaseEvent): Record<string, unknown> {
  const { type: _type, at: _at, ...payload } = event;
  return payload;
}

const actingStatuses: readonly CaseStatus[] = ['submitted', 'processing', 'suspended', 'decided'];

/** The key of the 告知承诺核查 task, open after a result that rests on commitments. */
export const POST_CHECK_STEP = 'post_check';

/**
 * The open steps of a case as the projection stores them (none while the applicant is the one
 * to act, or once closed), plus the post-check of a result that rests on commitments. A
 * claimed step is found in the inbox of its officer only.
 */
export function openProjection(def: ProcessDefinition, events: readonly CaseEvent[], state: CaseState, departmentId: string) {
  const position = openSteps(def, events);
  const open = actingStatuses.includes(state.status) ? position.open : [];
  const steps: OpenStep[] = open.map((s) => ({
    key: s.key,
    name: s.name,
    kind: s.kind,
    role: s.role,
    departmentId: s.departmentId ?? departmentId,
    claimedBy: position.claims[s.key] ?? null,
  }));
  if (state.postCheck === 'pending')
    steps.push({ key: POST_CHECK_STEP, name: '告知承诺核查', kind: 'post_check', role: 'reviewer', departmentId, claimedBy: null });
  return {
    openSteps: steps,
    openRoles: [...new Set(steps.map((s) => s.role))],
    openAssignees: steps.map((s) => (s.claimedBy ? `account@${s.claimedBy.id}` : `${s.role}@${s.departmentId}`)),
  };
}

/** 404 unless the actor may see the case (so that case numbers cannot be probed). */
export function ensureVisible(actor: Actor, row: CaseRow, definition: ProcessDefinition): void {
  if (!canSeeCase(actor, row, processDepartments(definition))) throw notFound('case');
}

export function invalidState(details: Record<string, unknown>): AppError {
  return new AppError('INVALID_STATE', details);
}

/** What the listeners make of one event: steps for the appending statement, and work that needs a transaction. */
function hear(deps: Pick<CasesDeps, 'listeners'>, fact: CaseEventFact) {
  const listeners = deps.listeners ?? [];
  return {
    steps: listeners.flatMap((l) => l.writes?.(fact) ?? []),
    work: listeners.flatMap((l) => l.inTransaction?.(fact) ?? []),
  };
}

/**
 * Writes an event (`steps`), what the listeners make of it and its audit entry: one statement
 * that commits as a whole, or, when a listener has work that needs a transaction, a
 * transaction (a savepoint inside one) with that work after the statement and the audit
 * entry last, for the chain's lock is held until the commit.
 */
export async function writeEvent(deps: Pick<CasesDeps, 'listeners'>, db: Executor, steps: WriteStep[], fact: CaseEventFact, audit: WriteStep[]): Promise<void> {
  const heard = hear(deps, fact);
  if (heard.work.length === 0) return runCombined(db, [...steps, ...heard.steps, ...audit]);
  await db.transaction(async (tx) => {
    await runCombined(tx, [...steps, ...heard.steps]);
    for (const run of heard.work) await run(tx);
    await runCombined(tx, audit);
  });
}

/** True for the error of an append that lost a race: the case moved on (23502) or the sequence number was taken (23505). */
function lostRace(err: unknown): boolean {
  const code = pgErrorCode(err);
  return (code === '23502' || code === '23505') && pgErrorTable(err) === 'case_events';
}

export function createCaseEngine(deps: CasesDeps) {
  const { db, now, calendar, processes } = deps;
  /** The due date of a state: the limit from acceptance, with suspensions (a running one until today) and extensions. */
  async function deadline(regionCode: string, state: CaseState, limit: number | null, today: string) {
    if (!state.acceptedAt || limit === null) return { dueDate: null, dueProvisional: false };
    const cal = await calendar.workingCalendar(regionCode);
    const d = computeDeadline(cal, {
      acceptedOn: state.acceptedAt,
      workingDays: limit,
      suspensions: state.suspensions.map((s) => ({ from: s.from, to: s.to ?? (today < s.from ? s.from : today) })),
      extensionWorkingDays: state.extensionDays,
    });
    return { dueDate: d.due, dueProvisional: d.provisional };
  }

  return {
    deadline,

    /** A case the actor may see, replayed; 404 when it does not exist or lies outside the actor's reach. */
    async load(actor: Actor, caseNo: string): Promise<LoadedCase> {
      const found = await repo.findWithEvents(db, caseNo);
      if (!found) throw notFound('case');
      const { row, events } = found;
      const definition = await processes.pinned(db, row.itemId, row.processVersion);
      ensureVisible(actor, row, definition);
      const domainEvents = events.map(toDomainEvent);
      return { row, events, domainEvents, state: reduceCase(domainEvents), definition, position: openSteps(definition, domainEvents) };
    },

    /**
     * Appends one event: the state machine decides whether it may happen (409 INVALID_STATE),
     * the projection is written only if the case is still at the version loaded (409 CONFLICT
     * for the loser of a race), then the event row and the audit entry, in one transaction.
     */
    async append(actor: Actor, loaded: LoadedCase, action: EventDraft, meta: Meta, expectedVersion?: number): Promise<LoadedCase> {
      const { row, state } = loaded;
      if (expectedVersion !== undefined && expectedVersion !== row.version) throw conflict({ version: row.version });
      let next: CaseState;
      try {
        next = applyCaseEvent(state, action.event);
      } catch (err) {
        if (err instanceof CaseTransitionError) throw invalidState({ status: err.status, event: err.event, reason: err.reason });
        throw err;
      }
      const at = now();
      const limit = action.patch?.limitWorkingDays ?? row.limitWorkingDays;
      const due = await deadline(row.regionCode, next, limit, chinaToday(at));
      const exchangeStatus = exchangeCodeOfState(next);
      const domainEvents = [...loaded.domainEvents, action.event];
      const open = openProjection(loaded.definition, domainEvents, next, row.departmentId);
      const projection = {
        ...action.patch,
        status: next.status,
        exchangeStatus,
        greenChannel: next.greenChannel,
        acceptedOn: next.acceptedAt,
        ...due,
        ...open,
        version: next.version,
        updatedAt: at,
      } satisfies CaseProjection;
      const eventRow: CaseEventRow = {
        caseId: row.id,
        seq: next.version,
        type: action.event.type,
        // As jsonb gives it back: no undefined fields.
        payload: JSON.parse(JSON.stringify(payloadOf(action.event))) as Record<string, unknown>,
        details: JSON.parse(JSON.stringify(action.details ?? {})) as Record<string, unknown>,
        actorId: actor.id,
        actorName: actor.displayName,
        actorRole: action.actorRole,
        fromStatus: state.status,
        toStatus: next.status,
        exchangeCode: exchangeCodeOfEvent(action.event),
        opinion: action.opinion ?? null,
        dueDate: due.dueDate,
        regionCode: row.regionCode,
        at,
      };
      const fact: CaseEventFact = {
        caseId: row.id,
        caseNo: row.caseNo,
        itemName: row.itemName,
        type: action.event.type,
        fromStatus: state.status,
        toStatus: next.status,
        applicantAccountId: row.applicantAccountId,
        agentAccountId: row.agentAccountId,
        departmentId: row.departmentId,
        regionCode: row.regionCode,
        actorId: actor.id,
        dueDate: due.dueDate,
        exchangeStatus,
        deliveryMethod: row.delivery.method,
        openSteps: open.openSteps,
        previousOpenSteps: row.openSteps,
        details: action.details ?? {},
        at,
      };
      const audit = auditSteps(
        {
          actorId: actor.id,
          action: action.audit,
          targetType: 'case',
          targetId: row.caseNo,
          ...meta,
          details: { seq: next.version, event: action.event.type, from: state.status, to: next.status },
        },
        at,
      );
      try {
        // One statement: the projection, the event, the listeners' writes and the audit entry commit together.
        await writeEvent(deps, db, repo.appendSteps(db, row.version, projection, eventRow), fact, audit);
      } catch (err) {
        if (lostRace(err)) throw conflict();
        throw err;
      }
      // The case as it now stands, without reading it back.
      return {
        row: { ...row, ...projection },
        events: [...loaded.events, eventRow],
        domainEvents,
        state: next,
        definition: loaded.definition,
        position: openSteps(loaded.definition, domainEvents),
      };
    },
  };
}

export type CaseEngine = ReturnType<typeof createCaseEngine>;
