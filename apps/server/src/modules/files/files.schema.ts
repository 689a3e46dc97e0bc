import { customType, index, integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { UploadContentType } from '@tongban/contracts';
import { accounts } from '../identity/identity.schema.ts';

/** PostgreSQL `bytea`: node-postgres reads a Buffer, PGlite a Uint8Array; both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/**
 * The content of uploaded files, once per SHA-256 (the same scan uploaded ten times is stored
 * once). Rows are never changed; the name a user gave is never part of any key or path.
 */
export const fileBlobs = pgTable('file_blobs', {
  sha256: varchar('sha256', { length: 64 }).primaryKey(),
  size: integer('size').notNull(),
  /** The type sniffed from the first bytes. */
  contentType: varchar('content_type', { length: 64 }).notNull().$type<UploadContentType>(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** One upload by one account: who, which content, under which (cleaned) display name. */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    sha256: varchar('sha256', { length: 64 })
      .notNull()
      .references(() => fileBlobs.sha256),
    name: varchar('name', { length: 200 }).notNull(),
    size: integer('size').notNull(),
    contentType: varchar('content_type', { length: 64 }).notNull().$type<UploadContentType>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('uploads_account_created_idx').on(t.accountId, t.createdAt), index('uploads_sha256_idx').on(t.sha256)],
);
