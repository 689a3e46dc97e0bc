import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { LicenceSignature, LicenceStatus } from '@tongban/domain';
import { accounts } from '../identity/identity.schema.ts';
import { departments } from '../org/org.schema.ts';

/** One data field of a licence type, as its face shows it. */
export interface LicenceFieldDef {
  key: string;
  label: string;
  /** Where its value comes from: the first of these fields the issuing case's form has. */
  formFields: string[];
}

/** 证照目录: a kind of licence, defined by one authority and issued by departments. */
export const licenceTypes = pgTable(
  'licence_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The catalog's key for it (materials and results name it), e.g. `BIZ_LICENCE`. */
    key: varchar('key', { length: 40 }).notNull(),
    /** 证照类型代码: the defining authority's credit code and a 3-digit sequence (21 characters). */
    code: varchar('code', { length: 21 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    definingAuthority: varchar('defining_authority', { length: 100 }).notNull(),
    holderKind: varchar('holder_kind', { length: 16 }).notNull().$type<'person' | 'organisation'>(),
    fields: jsonb('fields').notNull().$type<LicenceFieldDef[]>(),
    /** Years of validity from the issue date; null: valid until cancelled (长期有效). */
    validityYears: integer('validity_years'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('licence_types_key_uq').on(t.key), uniqueIndex('licence_types_code_uq').on(t.code)],
);

/** Signing keys of the licence library; exactly one is active, retired ones still verify. */
export const licenceKeys = pgTable('licence_keys', {
  id: varchar('id', { length: 40 }).primaryKey(),
  algorithm: varchar('algorithm', { length: 16 }).notNull().$type<'ed25519' | 'sm2'>(),
  publicKey: text('public_key').notNull(),
  /** PKCS#8 PEM (Ed25519) or 64 hex digits (SM2). In production it belongs in a cryptographic device (密码机); see docs/licences.md. */
  privateKey: text('private_key').notNull(),
  status: varchar('status', { length: 16 }).notNull().$type<'active' | 'retired'>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** 电子证照: one version of one licence. A renewal or change is a new row naming the previous identifier. */
export const licences = pgTable(
  'licences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identifier: varchar('identifier', { length: 120 }).notNull(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => licenceTypes.id),
    number: varchar('number', { length: 40 }).notNull(),
    version: integer('version').notNull(),
    previousIdentifier: varchar('previous_identifier', { length: 120 }),
    /** 持证主体: name, id type (`111` resident ID, `001` credit code) and number. */
    holderName: varchar('holder_name', { length: 100 }).notNull(),
    holderIdType: varchar('holder_id_type', { length: 3 }).notNull(),
    holderIdNumber: varchar('holder_id_number', { length: 18 }).notNull(),
    issuerCode: varchar('issuer_code', { length: 18 }).notNull(),
    issuerName: varchar('issuer_name', { length: 100 }).notNull(),
    issuerDepartmentId: uuid('issuer_department_id').references(() => departments.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    data: jsonb('data').notNull().$type<Record<string, string>>(),
    status: varchar('status', { length: 20 }).notNull().$type<LicenceStatus>(),
    signature: jsonb('signature').notNull().$type<LicenceSignature>(),
    /** The case whose result it is (none for records imported from elsewhere). */
    caseNo: varchar('case_no', { length: 64 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('licences_identifier_uq').on(t.identifier), index('licences_holder_idx').on(t.holderIdNumber), index('licences_case_idx').on(t.caseNo)],
);

/** The lifecycle of a licence: issue, suspend, revoke … one row per action. */
export const licenceEvents = pgTable(
  'licence_events',
  {
    licenceId: uuid('licence_id')
      .notNull()
      .references(() => licences.id),
    seq: integer('seq').notNull(),
    action: varchar('action', { length: 20 }).notNull(),
    fromStatus: varchar('from_status', { length: 20 }).$type<LicenceStatus>(),
    toStatus: varchar('to_status', { length: 20 }).notNull().$type<LicenceStatus>(),
    reason: text('reason'),
    caseNo: varchar('case_no', { length: 64 }),
    actorId: uuid('actor_id').references(() => accounts.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.licenceId, t.seq] })],
);

/** Licence numbers per type, issuer and year. */
export const licenceNumberSequences = pgTable(
  'licence_number_sequences',
  {
    typeCode: varchar('type_code', { length: 21 }).notNull(),
    issuerCode: varchar('issuer_code', { length: 18 }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.typeCode, t.issuerCode, t.year] })],
);

/** 用证记录: every use of a licence (for a case, or by a department system), shown to its holder. */
export const licenceUses = pgTable(
  'licence_uses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    licenceId: uuid('licence_id')
      .notNull()
      .references(() => licences.id),
    caseNo: varchar('case_no', { length: 64 }),
    implCode: varchar('impl_code', { length: 50 }),
    itemName: varchar('item_name', { length: 200 }),
    materialKey: varchar('material_key', { length: 40 }),
    /** The account that used it (the applicant, a window officer …), or null for a department system. */
    usedBy: uuid('used_by').references(() => accounts.id),
    usedByName: varchar('used_by_name', { length: 100 }).notNull(),
    purpose: varchar('purpose', { length: 200 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('licence_uses_licence_idx').on(t.licenceId), index('licence_uses_impl_idx').on(t.implCode)],
);
