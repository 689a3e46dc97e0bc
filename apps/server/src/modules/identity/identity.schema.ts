import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { departments, hallWindows, regions } from '../org/org.schema.ts';

/** Accounts of citizens (自然人), enterprise users (法人经办人) and staff (工作人员). */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: varchar('kind', { length: 16 }).notNull().$type<'citizen' | 'enterprise' | 'staff'>(),
    username: varchar('username', { length: 32 }).notNull(),
    displayName: varchar('display_name', { length: 50 }).notNull(),
    passwordHash: text('password_hash').notNull(),
    residentId: varchar('resident_id', { length: 18 }),
    phone: varchar('phone', { length: 20 }),
    organisationName: varchar('organisation_name', { length: 100 }),
    creditCode: varchar('credit_code', { length: 18 }),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Staff data scope: the region (and below when include_sub_regions) and optionally one department. */
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    includeSubRegions: boolean('include_sub_regions').notNull().default(false),
    departmentId: uuid('department_id').references(() => departments.id),
    windowId: uuid('window_id').references(() => hallWindows.id, { onDelete: 'set null' }),
    status: varchar('status', { length: 16 }).notNull().default('active').$type<'active' | 'disabled'>(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_username_uq').on(sql`lower(${t.username})`),
    uniqueIndex('accounts_resident_id_uq')
      .on(t.residentId)
      .where(sql`${t.kind} = 'citizen'`),
    index('accounts_phone_idx').on(t.phone),
    index('accounts_department_idx').on(t.departmentId),
    index('accounts_region_idx').on(t.regionCode),
  ],
);

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_expires_idx').on(t.expiresAt)],
);
