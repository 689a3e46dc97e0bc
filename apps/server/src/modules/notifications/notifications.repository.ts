/**
 * The only file of the notifications module that touches the database. It writes messages
 * and deliveries, and reads, never writes, a few facts of other modules' tables: the staff
 * who hold a step (accounts), an account's phone, and the light columns of open cases the
 * deadline reminder needs.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { WriteStep } from '../../platform/db/combined-write.ts';
import { accounts } from '../identity/identity.schema.ts';
import { cases } from '../cases/cases.schema.ts';
import { messageDeliveries, messages } from './notifications.schema.ts';

export type MessageRow = typeof messages.$inferSelect;
export type NewMessageRow = typeof messages.$inferInsert;
export type DeliveryRow = typeof messageDeliveries.$inferSelect;

const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

const mine = (accountId: string, unreadOnly: boolean) => and(eq(messages.recipientAccountId, accountId), unreadOnly ? isNull(messages.readAt) : undefined);

/**
 * Who holds a step: active staff with its role, in its department, or, for the regional roles
 * (window, centre admin), whose data scope covers the case's region: the region itself, or a
 * region above it with sub-regions included.
 */
export type Holders = { role: string; departmentId: string } | { role: string; regionCode: string; ancestors: readonly string[] };

function holding(h: Holders): SQL {
  return and(
    eq(accounts.kind, 'staff'),
    eq(accounts.status, 'active'),
    sql`${accounts.roles} @> ${textArray([h.role])}`,
    'departmentId' in h
      ? eq(accounts.departmentId, h.departmentId)
      : or(
          eq(accounts.regionCode, h.regionCode),
          h.ancestors.length ? and(eq(accounts.includeSubRegions, true), inArray(accounts.regionCode, [...h.ancestors])) : undefined,
        ),
  )!;
}

export const notificationsRepository = {
  async list(tx: Executor, accountId: string, q: { unreadOnly: boolean; limit: number; offset: number }) {
    const where = mine(accountId, q.unreadOnly);
    const [rows, totals] = await Promise.all([
      tx.select().from(messages).where(where).orderBy(desc(messages.createdAt), desc(messages.id)).limit(q.limit).offset(q.offset),
      tx.select({ n: count() }).from(messages).where(where),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },

  async unreadCount(tx: Executor, accountId: string): Promise<number> {
    const rows = await tx.select({ n: count() }).from(messages).where(mine(accountId, true));
    return rows[0]?.n ?? 0;
  },

  /** One message of the account (undefined for anybody else's). */
  async findOwn(tx: Executor, accountId: string, id: string): Promise<MessageRow | undefined> {
    const rows = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.id, id), eq(messages.recipientAccountId, accountId)));
    return rows[0];
  },

  /** Marks one message read (a read one keeps its first reading time). */
  async markRead(tx: Executor, accountId: string, id: string, at: Date): Promise<MessageRow | undefined> {
    await tx
      .update(messages)
      .set({ readAt: at })
      .where(and(eq(messages.id, id), eq(messages.recipientAccountId, accountId), isNull(messages.readAt)));
    return notificationsRepository.findOwn(tx, accountId, id);
  },

  /** Marks every unread message of the account read; returns how many. */
  async markAllRead(tx: Executor, accountId: string, at: Date): Promise<number> {
    const rows = await tx.update(messages).set({ readAt: at }).where(mine(accountId, true)).returning({ id: messages.id });
    return rows.length;
  },

  async message(tx: Executor, id: string): Promise<MessageRow | undefined> {
    const rows = await tx.select().from(messages).where(eq(messages.id, id));
    return rows[0];
  },

  // ---- Deliveries

  /**
   * A step of a combined write: one delivery of a message, pending (nothing when the message
   * already has one on the channel; SMS only to an account with a phone). Returns its id.
   */
  deliveryStep(name: string, d: { id: string; messageId: string; channel: 'sms' | 'wechat'; recipientAccountId: string; at: Date }): WriteStep {
    const to = d.channel === 'sms' ? sql`nullif(${accounts.phone}, '')` : sql`${d.recipientAccountId}::text`;
    return {
      name,
      sql: sql`insert into message_deliveries (id, message_id, channel, "to", status, attempts, at)
        select ${d.id}::uuid, ${d.messageId}::uuid, ${d.channel}::text, ${to}, 'pending', 0, ${d.at.toISOString()}::timestamptz
        from ${accounts} where ${accounts.id} = ${d.recipientAccountId}::uuid and ${to} is not null
        on conflict (message_id, channel) do nothing
        returning id`,
    };
  },

  async delivery(tx: Executor, id: string) {
    const rows = await tx
      .select({ delivery: messageDeliveries, title: messages.title, body: messages.body })
      .from(messageDeliveries)
      .innerJoin(messages, eq(messages.id, messageDeliveries.messageId))
      .where(eq(messageDeliveries.id, id));
    return rows[0];
  },

  async deliveries(tx: Executor, messageId: string): Promise<DeliveryRow[]> {
    return tx.select().from(messageDeliveries).where(eq(messageDeliveries.messageId, messageId)).orderBy(asc(messageDeliveries.channel));
  },

  async updateDelivery(
    tx: Executor,
    id: string,
    patch: Pick<DeliveryRow, 'status' | 'at'> & { attempts?: SQL | number; lastError?: string | null },
  ): Promise<void> {
    await tx.update(messageDeliveries).set(patch).where(eq(messageDeliveries.id, id));
  },

  /** Adds one to a delivery's attempts (an SQL expression for `updateDelivery`). */
  oneMoreAttempt: sql`${messageDeliveries.attempts} + 1`,

  // ---- Read-only facts from other modules' tables

  /** The active staff who hold a step (see `Holders`). */
  async staffHolding(tx: Executor, holders: Holders): Promise<string[]> {
    const rows = await tx.select({ id: accounts.id }).from(accounts).where(holding(holders));
    return rows.map((r) => r.id);
  },

  /** A step of a combined write: one message of the same wording to every holder of a step but `exceptId` (ids drawn by the database). */
  messagesToHoldersStep(name: string, holders: Holders, exceptId: string, m: Omit<NewMessageRow, 'id' | 'recipientAccountId'>): WriteStep {
    return {
      name,
      sql: sql`insert into messages (id, recipient_account_id, kind, title, body, params, case_no, region_code, link, created_at)
        select gen_random_uuid(), ${accounts.id}, ${m.kind}::text, ${m.title}::text, ${m.body}::text, ${JSON.stringify(m.params)}::jsonb,
               ${m.caseNo ?? null}::text, ${m.regionCode ?? null}::text, ${m.link ?? null}::text, ${m.createdAt.toISOString()}::timestamptz
        from ${accounts} where ${holding(holders)} and ${accounts.id} <> ${exceptId}::uuid`,
    };
  },

  /** A step of a combined write: messages whose recipients are known. */
  messagesStep(tx: Executor, name: string, rows: NewMessageRow[]): WriteStep {
    return { name, sql: tx.insert(messages).values(rows).onConflictDoNothing({ target: messages.id }).getSQL() };
  },

  /** Cases whose clock runs and that are due by `dueBy`, in id order after `afterId` (keyset pages). */
  async casesDueBy(tx: Executor, dueBy: string, afterId: string | null, limit: number) {
    return tx
      .select({
        id: cases.id,
        caseNo: cases.caseNo,
        itemName: cases.itemName,
        regionCode: cases.regionCode,
        dueDate: cases.dueDate,
        openSteps: cases.openSteps,
      })
      .from(cases)
      .where(and(eq(cases.status, 'processing'), lte(cases.dueDate, dueBy), afterId ? gt(cases.id, afterId) : undefined))
      .orderBy(asc(cases.id))
      .limit(limit);
  },
};
