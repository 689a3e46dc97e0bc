import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { SharingClientStatus } from '@tongban/contracts';
import { accounts } from '../identity/identity.schema.ts';

/** A department system allowed to call the data-sharing API (OAuth 2.0 client credentials). */
export const sharingClients = pgTable(
  'sharing_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: varchar('client_id', { length: 40 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    /** sha256 of the secret (a 32-byte random value: no stretching needed). */
    secretHash: varchar('secret_hash', { length: 64 }).notNull(),
    scopes: text('scopes').array().notNull(),
    ratePerMinute: integer('rate_per_minute').notNull(),
    /** 启用 / 停用: a suspended client gets no token, and its tokens stop working at once. */
    status: varchar('status', { length: 16 }).$type<SharingClientStatus>().notNull().default('active'),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    suspendReason: varchar('suspend_reason', { length: 500 }),
    /** Optimistic locking of admin edits (scopes, rate limit). */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sharing_clients_client_id_uq').on(t.clientId)],
);

/**
 * Access tokens, stored as hashes, with the scopes granted and their end. A token is revoked
 * (kept, so that calls still made with it are logged under its client) when its client's secret
 * is reset or the client is restored after a suspension.
 */
export const sharingTokens = pgTable(
  'sharing_tokens',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => sharingClients.id),
    scopes: text('scopes').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sharing_tokens_client_idx').on(t.clientId)],
);

/** Every call of the data-sharing API, answered or refused. */
export const sharingAccessLog = pgTable(
  'sharing_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    clientId: uuid('client_id').references(() => sharingClients.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    method: varchar('method', { length: 8 }).notNull(),
    path: varchar('path', { length: 300 }).notNull(),
    purpose: varchar('purpose', { length: 200 }),
    status: integer('status').notNull(),
  },
  (t) => [index('sharing_access_log_client_idx').on(t.clientId, t.at), index('sharing_access_log_at_idx').on(t.at)],
);
