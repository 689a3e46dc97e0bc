import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { MessageKind, MessageParams } from '@tongban/contracts';
import { accounts } from '../identity/identity.schema.ts';

/**
 * The in-app message centre (消息中心): one row per message to one account. A message is
 * written by the job that the action enqueued, with the job's id as its own, so a job that
 * runs twice writes it once.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    recipientAccountId: uuid('recipient_account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 32 }).notNull().$type<MessageKind>(),
    /** Chinese text, as sent by SMS; the web app renders `kind` with `params` in the reader's language. */
    title: varchar('title', { length: 100 }).notNull(),
    body: text('body').notNull(),
    params: jsonb('params').notNull().$type<MessageParams>(),
    caseNo: varchar('case_no', { length: 50 }),
    /** The case's region (case-side rows carry it, DESIGN §6). */
    regionCode: varchar('region_code', { length: 12 }),
    /** Where the message leads in the web app, e.g. `/portal/cases/<no>`. */
    link: varchar('link', { length: 200 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('messages_recipient_idx').on(t.recipientAccountId, t.createdAt),
    index('messages_unread_idx')
      .on(t.recipientAccountId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** A message sent out of the platform (SMS, WeChat) through a channel adapter, one row per message and channel. */
export const messageDeliveries = pgTable(
  'message_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    channel: varchar('channel', { length: 16 }).notNull().$type<'sms' | 'wechat'>(),
    /** The address (a phone number, an account's WeChat binding); masked whenever it is logged. */
    to: varchar('to', { length: 100 }).notNull(),
    /** pending → sent; retrying after a failed attempt; failed when the job gave up. */
    status: varchar('status', { length: 16 }).notNull().$type<'pending' | 'sent' | 'retrying' | 'failed'>(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When the status last changed. */
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('message_deliveries_message_channel_uq').on(t.messageId, t.channel)],
);
