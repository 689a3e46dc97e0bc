/**
 * The only file of the cases module that touches case tables. It also reads, never writes,
 * a few facts the case snapshots need from other modules' tables (the applicant's account,
 * the hall of an officer's window, department names and credit codes).
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { CaseStatus } from '@tongban/domain';
import type { Executor } from '../../platform/db/client.ts';
import type { WriteStep } from '../../platform/db/combined-write.ts';
import { preparedPerDb } from '../../platform/db/prepared.ts';
import { accounts } from '../identity/identity.schema.ts';
import { departments, hallWindows } from '../org/org.schema.ts';
import { caseEvents, caseNumberSequences, cases, processDefinitions } from './cases.schema.ts';

export type CaseRow = typeof cases.$inferSelect;
export type NewCaseRow = typeof cases.$inferInsert;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseProjection = Partial<Omit<NewCaseRow, 'id' | 'caseNo' | 'itemId' | 'submittedBy' | 'idempotencyKey' | 'requestHash'>> & {
  version: number;
  updatedAt: Date;
};

/** Cases somebody may still have to act on (a delivered case, its 告知承诺核查). */
const openStatuses: CaseStatus[] = ['submitted', 'processing', 'suspended', 'decided', 'delivered'];

/** A region filter: the region itself, or everything below it when `prefix` is set. */
export interface RegionFilter {
  code: string;
  prefix: string | null;
}

const inRegion = (column: typeof cases.regionCode | typeof cases.takenRegionCode, r: RegionFilter): SQL =>
  r.prefix ? sql`${column} like ${`${r.prefix}%`}` : eq(column, r.code);
const textArray = (values: string[]): SQL =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

const summaryColumns = {
  caseNo: cases.caseNo,
  itemName: cases.itemName,
  applicantName: sql<string>`${cases.applicant}->>'name'`,
  departmentName: departments.name,
  regionCode: cases.regionCode,
  takenRegionCode: cases.takenRegionCode,
  status: cases.status,
  greenChannel: cases.greenChannel,
  submittedAt: cases.submittedAt,
  dueDate: cases.dueDate,
  limitWorkingDays: cases.limitWorkingDays,
  openSteps: cases.openSteps,
  version: cases.version,
};

/** A case with its log, in one query: the log comes as a JSON array, in order. */
const caseWithEvents = preparedPerDb((db) =>
  db
    .select({
      row: cases,
      events: sql<(Omit<CaseEventRow, 'at'> & { at: string })[]>`(
        select coalesce(json_agg(json_build_object(
          'caseId', e.case_id, 'seq', e.seq, 'type', e.type, 'payload', e.payload, 'details', e.details, 'actorId', e.actor_id,
          'actorName', e.actor_name, 'actorRole', e.actor_role, 'fromStatus', e.from_status, 'toStatus', e.to_status,
          'exchangeCode', e.exchange_code, 'opinion', e.opinion, 'dueDate', e.due_date, 'regionCode', e.region_code, 'at', e.at
        ) order by e.seq), '[]'::json)
        from case_events e where e.case_id = ${cases.id})`,
    })
    .from(cases)
    .where(eq(cases.caseNo, sql.placeholder('caseNo')))
    .prepare('case_with_events'),
);

export const casesRepository = {
  /** The next number of the day for an implementation code. The row lock serialises concurrent submissions; a rolled-back number is never issued. */
  async nextSequence(tx: Executor, implCode: string, day: string): Promise<number> {
    const rows = await tx
      .insert(caseNumberSequences)
      .values({ implCode, day, last: 1 })
      .onConflictDoUpdate({ target: [caseNumberSequences.implCode, caseNumberSequences.day], set: { last: sql`${caseNumberSequences.last} + 1` } })
      .returning({ last: caseNumberSequences.last });
    return rows[0]!.last;
  },

  /** A new case and its first event, as steps of a combined write (`case_row`, `case_event`). */
  submitSteps(tx: Executor, row: CaseRow, event: CaseEventRow): WriteStep[] {
    return [
      { name: 'case_row', sql: tx.insert(cases).values(row).getSQL() },
      { name: 'case_event', sql: tx.insert(caseEvents).values(event).getSQL() },
    ];
  },

  /** The row the database makes of a new case's values: the columns they leave out take their defaults. */
  newCaseRow(values: NewCaseRow & { id: string }): CaseRow {
    return {
      takenHallId: null,
      applicantAccountId: null,
      agentAccountId: null,
      agentAuthorisation: null,
      greenChannel: false,
      acceptedOn: null,
      limitWorkingDays: null,
      dueDate: null,
      dueProvisional: false,
      openSteps: [],
      openRoles: [],
      openAssignees: [],
      ...values,
    };
  },

  async findByIdempotencyKey(tx: Executor, submittedBy: string, key: string) {
    const rows = await tx
      .select({ caseNo: cases.caseNo, requestHash: cases.requestHash })
      .from(cases)
      .where(and(eq(cases.submittedBy, submittedBy), eq(cases.idempotencyKey, key)));
    return rows[0];
  },

  /** A case and its log (in order), read together. */
  async findWithEvents(tx: Executor, caseNo: string): Promise<{ row: CaseRow; events: CaseEventRow[] } | undefined> {
    const found = (await caseWithEvents(tx).execute({ caseNo }))[0];
    return found && { row: found.row, events: found.events.map((e) => ({ ...e, at: new Date(e.at) })) };
  },

  /**
   * Appends one event as steps of a combined statement: the projection moves on only from
   * `expectedVersion`, and the event row takes its case id from that update, so a case that
   * moved on meanwhile leaves the id null: the statement fails (23502) and writes nothing; a
   * concurrent append of the same sequence number fails on the log's key (23505).
   */
  appendSteps(tx: Executor, expectedVersion: number, projection: CaseProjection, event: CaseEventRow): WriteStep[] {
    const update = tx
      .update(cases)
      .set(projection)
      .where(and(eq(cases.id, event.caseId), eq(cases.version, expectedVersion)))
      .returning({ id: cases.id });
    const insert = tx.insert(caseEvents).values({ ...event, caseId: sql`(select id from case_projection)` });
    return [
      { name: 'case_projection', sql: update.getSQL() },
      { name: 'case_event', sql: insert.getSQL() },
    ];
  },

  /** Cases with an open step for the caller: department-bound steps by token, window and centre-admin steps by region. */
  async inbox(tx: Executor, q: { tokens: string[]; regionalRoles: string[]; region: RegionFilter | null; limit: number; offset: number }) {
    const reach: SQL[] = [];
    if (q.tokens.length) reach.push(sql`${cases.openAssignees} && ${textArray(q.tokens)}`);
    if (q.regionalRoles.length && q.region)
      reach.push(
        and(sql`${cases.openRoles} && ${textArray(q.regionalRoles)}`, or(inRegion(cases.regionCode, q.region), inRegion(cases.takenRegionCode, q.region)))!,
      );
    if (reach.length === 0) return { rows: [], total: 0 };
    const where = and(inArray(cases.status, openStatuses), or(...reach));
    const [rows, totals] = await Promise.all([
      tx
        .select(summaryColumns)
        .from(cases)
        .innerJoin(departments, eq(departments.id, cases.departmentId))
        .where(where)
        .orderBy(desc(cases.greenChannel), sql`${cases.dueDate} asc nulls last`, asc(cases.submittedAt))
        .limit(q.limit)
        .offset(q.offset),
      tx.select({ n: count() }).from(cases).where(where),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },

  /**
   * 办件查询: cases of the caller's department, or (window, centre admin, supervisor) handled or
   * taken in the caller's region, matching a case number, applicant or item name, newest first.
   */
  async search(
    tx: Executor,
    q: { departmentId: string | null; region: RegionFilter | null; text: string | undefined; status: CaseStatus | undefined; limit: number; offset: number },
  ) {
    const reach: SQL[] = [];
    if (q.departmentId)
      reach.push(
        eq(cases.departmentId, q.departmentId),
        // A department with a step of the case's pinned process (a parallel block's) sees it too, as on its page.
        sql`exists (select 1 from ${processDefinitions} pd where pd.item_id = ${cases.itemId} and pd.version = ${cases.processVersion}
          and jsonb_path_exists(pd.definition, '$.**.departmentId ? (@ == $d)', jsonb_build_object('d', ${q.departmentId}::text)))`,
      );
    if (q.region) reach.push(or(inRegion(cases.regionCode, q.region), inRegion(cases.takenRegionCode, q.region))!);
    if (reach.length === 0) return { rows: [], total: 0 };
    const like = q.text ? `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const where = and(
      or(...reach),
      q.status ? eq(cases.status, q.status) : undefined,
      like ? or(ilike(cases.caseNo, like), ilike(cases.itemName, like), sql`${cases.applicant}->>'name' ilike ${like}`) : undefined,
    );
    const [rows, totals] = await Promise.all([
      tx
        .select(summaryColumns)
        .from(cases)
        .innerJoin(departments, eq(departments.id, cases.departmentId))
        .where(where)
        .orderBy(desc(cases.submittedAt), desc(cases.caseNo))
        .limit(q.limit)
        .offset(q.offset),
      tx.select({ n: count() }).from(cases).where(where),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },

  /** The cases an applicant (or the agent who applied for them) can follow, newest first. */
  async mine(tx: Executor, accountId: string, limit: number, offset: number) {
    const where = or(eq(cases.applicantAccountId, accountId), eq(cases.agentAccountId, accountId));
    const [rows, totals] = await Promise.all([
      tx
        .select(summaryColumns)
        .from(cases)
        .innerJoin(departments, eq(departments.id, cases.departmentId))
        .where(where)
        .orderBy(desc(cases.submittedAt))
        .limit(limit)
        .offset(offset),
      tx.select({ n: count() }).from(cases).where(where),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },

  // ---- Read-only facts from other modules' tables

  /** What a case snapshots of the applicant's own account. */
  async accountProfile(tx: Executor, id: string) {
    const rows = await tx
      .select({
        kind: accounts.kind,
        displayName: accounts.displayName,
        residentId: accounts.residentId,
        phone: accounts.phone,
        organisationName: accounts.organisationName,
        creditCode: accounts.creditCode,
      })
      .from(accounts)
      .where(eq(accounts.id, id));
    return rows[0];
  },

  /** The one active applicant account with this ID number or credit code, if exactly one exists. */
  async applicantAccountId(tx: Executor, idType: 'resident_id' | 'credit_code', idNumber: string): Promise<string | null> {
    const column = idType === 'resident_id' ? accounts.residentId : accounts.creditCode;
    const kind = idType === 'resident_id' ? 'citizen' : 'enterprise';
    const rows = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(column, idNumber), eq(accounts.kind, kind), eq(accounts.status, 'active')))
      .limit(2);
    return rows.length === 1 ? rows[0]!.id : null;
  },

  /** A staff account a step may be handed to (转办). */
  async staffMember(tx: Executor, id: string) {
    const rows = await tx
      .select({ id: accounts.id, displayName: accounts.displayName, roles: accounts.roles, departmentId: accounts.departmentId, status: accounts.status })
      .from(accounts)
      .where(and(eq(accounts.id, id), eq(accounts.kind, 'staff')));
    return rows[0];
  },

  /** The hall of the window an officer or agent sits at, or null. */
  async hallOf(tx: Executor, accountId: string): Promise<string | null> {
    const rows = await tx
      .select({ hallId: hallWindows.hallId })
      .from(accounts)
      .innerJoin(hallWindows, eq(hallWindows.id, accounts.windowId))
      .where(eq(accounts.id, accountId));
    return rows[0]?.hallId ?? null;
  },

  async departments(tx: Executor, ids: string[]): Promise<Map<string, { name: string; creditCode: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await tx
      .select({ id: departments.id, name: departments.name, creditCode: departments.creditCode })
      .from(departments)
      .where(inArray(departments.id, ids));
    return new Map(rows.map((r) => [r.id, { name: r.name, creditCode: r.creditCode }]));
  },
};

export type CaseSummaryRow = Awaited<ReturnType<typeof casesRepository.mine>>['rows'][number];
