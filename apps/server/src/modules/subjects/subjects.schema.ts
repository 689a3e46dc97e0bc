import { index, jsonb, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { SubjectKind } from '@tongban/domain';

/**
 * 主体库: a person (人口库) or an organisation (法人库) with its validated identifier, the region
 * whose staff may look it up (户籍地 / 登记地), and its base information by kind.
 */
export const subjects = pgTable(
  'subjects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: varchar('kind', { length: 16 }).notNull().$type<SubjectKind>(),
    /** 公民身份号码 or 统一社会信用代码, normalised. */
    identifier: varchar('identifier', { length: 18 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().$type<'active' | 'cancelled'>(),
    source: varchar('source', { length: 100 }).notNull(),
    details: jsonb('details').notNull().$type<Record<string, string>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('subjects_identifier_uq').on(t.identifier), index('subjects_region_kind_idx').on(t.regionCode, t.kind)],
);
