import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { Authorisation, DeliveryChoice, SubmittedMaterial } from '@tongban/contracts';
import type { CaseEventType, CaseStatus, ProcessDefinition } from '@tongban/domain';
import { accounts } from '../identity/identity.schema.ts';
import { catalogItems } from '../catalog/catalog.schema.ts';
import { departments, halls, regions } from '../org/org.schema.ts';

/** A version of an item's process definition (办理流程). Versions are never changed (a trigger refuses it): cases pin them. */
export const processDefinitions = pgTable(
  'process_definitions',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => catalogItems.id),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull().$type<ProcessDefinition>(),
    /** default: generated when the first case needed it; seed: demo data; saved: by an admin. */
    origin: varchar('origin', { length: 8 }).notNull().$type<'default' | 'seed' | 'saved'>(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.version] })],
);

/** The last case number issued per implementation code and day (China time): numbers are never reused. */
export const caseNumberSequences = pgTable(
  'case_number_sequences',
  {
    implCode: varchar('impl_code', { length: 50 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.implCode, t.day] })],
);

/** The applicant as they were when they applied (the account may change later). */
/** A material as the case stores it: as submitted, plus the licence taken from the library for it (免提交). */
export type StoredMaterial = SubmittedMaterial & { licenceIdentifier?: string };

export interface ApplicantSnapshot {
  name: string;
  kind: 'person' | 'organisation';
  idType: 'resident_id' | 'credit_code';
  idNumber: string;
  phone: string | null;
  /** The person acting for an organisation (经办人), or null. */
  contactName: string | null;
}

/** An open step as the projection stores it (the inbox finds it by `open_assignees`). */
export interface OpenStep {
  key: string;
  name: string;
  kind: 'accept' | 'review' | 'decide' | 'deliver' | 'post_check';
  role: string;
  departmentId: string;
  /** 签收: the officer who took the step, or was handed it (转办). */
  claimedBy: { id: string; name: string } | null;
}

/**
 * A case (办件): the projection of its event log, kept in the transaction that appends each
 * event. `version` is the number of events; every change is `where version = <expected>`.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNo: varchar('case_no', { length: 50 }).notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => catalogItems.id),
    itemVersion: integer('item_version').notNull(),
    processVersion: integer('process_version').notNull(),
    implCode: varchar('impl_code', { length: 50 }).notNull(),
    itemName: varchar('item_name', { length: 200 }).notNull(),
    caseType: varchar('case_type', { length: 1 }).notNull(),
    /** Where the case is handled: the item's department and region. */
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    /** Where it was taken (通办: any hall may take it): the submitting officer's or agent's region, else the handling region. */
    takenRegionCode: varchar('taken_region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    takenHallId: uuid('taken_hall_id').references(() => halls.id),
    applicantAccountId: uuid('applicant_account_id').references(() => accounts.id),
    applicant: jsonb('applicant').notNull().$type<ApplicantSnapshot>(),
    agentAccountId: uuid('agent_account_id').references(() => accounts.id),
    agentAuthorisation: jsonb('agent_authorisation').$type<Authorisation>(),
    /** The account that submitted: the applicant, an agent or a window officer. Idempotency keys are unique per submitter. */
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => accounts.id),
    channel: varchar('channel', { length: 8 }).notNull().$type<'online' | 'window' | 'kiosk' | 'agent'>(),
    formData: jsonb('form_data').notNull().$type<Record<string, unknown>>(),
    materials: jsonb('materials').notNull().$type<StoredMaterial[]>(),
    delivery: jsonb('delivery').notNull().$type<DeliveryChoice>(),
    status: varchar('status', { length: 16 }).notNull().$type<CaseStatus>(),
    exchangeStatus: varchar('exchange_status', { length: 2 }).notNull(),
    greenChannel: boolean('green_channel').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    /** The promised limit in working days, fixed at acceptance. */
    limitWorkingDays: integer('limit_working_days'),
    dueDate: date('due_date', { mode: 'string' }),
    dueProvisional: boolean('due_provisional').notNull().default(false),
    /** The steps open now (replayed from the log with the pinned process), for lists and the inbox. */
    openSteps: jsonb('open_steps')
      .notNull()
      .$type<OpenStep[]>()
      .default(sql`'[]'::jsonb`),
    /** The open steps' roles, and `<role>@<department id>` for each, so that the inbox finds them through an index. */
    openRoles: text('open_roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    openAssignees: text('open_assignees')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer('version').notNull(),
    idempotencyKey: varchar('idempotency_key', { length: 100 }).notNull(),
    /** SHA-256 of the submitted request: the same key with a different request is refused. */
    requestHash: varchar('request_hash', { length: 64 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('cases_case_no_uq').on(t.caseNo),
    uniqueIndex('cases_idempotency_uq').on(t.submittedBy, t.idempotencyKey),
    index('cases_applicant_idx').on(t.applicantAccountId),
    index('cases_agent_idx')
      .on(t.agentAccountId)
      .where(sql`${t.agentAccountId} is not null`),
    index('cases_department_status_idx').on(t.departmentId, t.status),
    index('cases_region_status_idx').on(t.regionCode, t.status),
    index('cases_open_assignees_idx').using('gin', t.openAssignees),
    foreignKey({ columns: [t.itemId, t.processVersion], foreignColumns: [processDefinitions.itemId, processDefinitions.version] }).onDelete('restrict'),
  ],
);

/** The log of a case: one row per action, never changed (a trigger refuses UPDATE, DELETE and TRUNCATE). */
export const caseEvents = pgTable(
  'case_events',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    type: varchar('type', { length: 32 }).notNull().$type<CaseEventType>(),
    /** The fields of the domain event (CaseEvent without type and time). */
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    /** What the action recorded beyond the state machine: reasons, legal basis, delivery record … */
    details: jsonb('details').notNull().$type<Record<string, unknown>>(),
    actorId: uuid('actor_id').references(() => accounts.id),
    actorName: varchar('actor_name', { length: 50 }).notNull(),
    actorRole: varchar('actor_role', { length: 16 }).notNull(),
    fromStatus: varchar('from_status', { length: 16 }).$type<CaseStatus>(),
    toStatus: varchar('to_status', { length: 16 }).notNull().$type<CaseStatus>(),
    exchangeCode: varchar('exchange_code', { length: 2 }),
    opinion: text('opinion'),
    /** The case's due date after this event. */
    dueDate: date('due_date', { mode: 'string' }),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] }), index('case_events_actor_idx').on(t.actorId)],
);

/**
 * 一件事 applications: one request that fans out into one case per item of a bundle, with one
 * shared form, the materials submitted once and one delivery choice. Idempotent per submitter
 * and key like a case; its cases are created with derived keys, so a retry completes them.
 */
export const caseBundles = pgTable(
  'case_bundles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `YJS-<yyyyMMdd>-<seq6>`, never reused. */
    bundleNo: varchar('bundle_no', { length: 30 }).notNull(),
    bundleKey: varchar('bundle_key', { length: 60 }).notNull(),
    bundleName: varchar('bundle_name', { length: 100 }).notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => accounts.id),
    applicantAccountId: uuid('applicant_account_id').references(() => accounts.id),
    idempotencyKey: varchar('idempotency_key', { length: 100 }).notNull(),
    requestHash: varchar('request_hash', { length: 64 }).notNull(),
    /** The implementation codes the bundle fans out into, in handling order. */
    implCodes: text('impl_codes').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('case_bundles_no_uq').on(t.bundleNo),
    uniqueIndex('case_bundles_idempotency_uq').on(t.submittedBy, t.idempotencyKey),
    index('case_bundles_applicant_idx').on(t.applicantAccountId),
  ],
);

export const caseBundleMembers = pgTable(
  'case_bundle_members',
  {
    bundleId: uuid('bundle_id')
      .notNull()
      .references(() => caseBundles.id),
    position: integer('position').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
  },
  (t) => [primaryKey({ columns: [t.bundleId, t.position] }), uniqueIndex('case_bundle_members_case_uq').on(t.caseId)],
);
