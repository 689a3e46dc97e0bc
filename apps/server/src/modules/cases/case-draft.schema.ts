import { index, integer, jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { DraftDelivery, SubmittedMaterial } from '@tongban/contracts';
import { accounts } from '../identity/identity.schema.ts';
import { catalogItems } from '../catalog/catalog.schema.ts';
import { regions } from '../org/org.schema.ts';

/**
 * A draft application (草稿), kept on the server so that it resumes on any device. Deleted in
 * the transaction that submits it; its idempotency key, made with the draft, is the key of that
 * submission. `version` counts the saves (optimistic locking between devices).
 */
export const caseDrafts = pgTable(
  'case_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => catalogItems.id),
    implCode: varchar('impl_code', { length: 50 }).notNull(),
    itemName: varchar('item_name', { length: 200 }).notNull(),
    /** The published version the draft was started on. */
    itemVersion: integer('item_version').notNull(),
    /** The item's region, as on every case-side table. */
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    formData: jsonb('form_data').notNull().$type<Record<string, unknown>>(),
    materials: jsonb('materials').notNull().$type<SubmittedMaterial[]>(),
    delivery: jsonb('delivery').$type<DraftDelivery>(),
    step: integer('step').notNull().default(0),
    idempotencyKey: varchar('idempotency_key', { length: 100 }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_drafts_account_updated_idx').on(t.accountId, t.updatedAt)],
);
