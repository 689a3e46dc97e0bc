/** The only file of the sharing module that touches the database. */
import { and, between, count, desc, eq, gt, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { sharingAccessLog, sharingClients, sharingTokens } from './sharing.schema.ts';

export type SharingClientRow = typeof sharingClients.$inferSelect;
export type SharingClientChange = Partial<Pick<SharingClientRow, 'scopes' | 'ratePerMinute' | 'status' | 'suspendedAt' | 'suspendReason' | 'secretHash'>>;

/** Filters of the access log: instants already resolved from China-time dates. */
export interface AccessLogFilter {
  clientId?: string | undefined;
  result: 'all' | 'ok' | 'refused';
  from?: Date | undefined;
  /** Exclusive. */
  until?: Date | undefined;
}

const answered = between(sharingAccessLog.status, 200, 299);
const refused = between(sharingAccessLog.status, 400, 499);
/** The day number (days since 1970-01-01) of a call in China time (UTC+8 all year), whatever the session's time zone. */
const chinaDay = sql<number>`floor((extract(epoch from ${sharingAccessLog.at}) + 28800) / 86400)::int`;

function logConditions(f: AccessLogFilter): SQL | undefined {
  return and(
    f.clientId !== undefined ? eq(sharingAccessLog.clientId, internalId(f.clientId)) : undefined,
    f.result === 'ok' ? answered : f.result === 'refused' ? refused : undefined,
    f.from ? gte(sharingAccessLog.at, f.from) : undefined,
    f.until ? lt(sharingAccessLog.at, f.until) : undefined,
  );
}

/** The internal id of a client named by its public client id, as a scalar subquery (null when there is none). */
function internalId(clientId: string) {
  return sql`(select c.id from sharing_clients c where c.client_id = ${clientId})`;
}

export const sharingRepository = {
  async insertClient(tx: Executor, row: typeof sharingClients.$inferInsert): Promise<SharingClientRow> {
    return (await tx.insert(sharingClients).values(row).returning())[0]!;
  },

  /**
   * The clients, newest first, each with its calls since `todayStart` and its last call: one
   * query whose two subqueries per client read the (client_id, at) index, not the whole log.
   */
  async clients(tx: Executor, todayStart: Date, id?: string) {
    return tx
      .select({
        client: sharingClients,
        // Written out: Drizzle leaves columns unqualified in a one-table select, and "id" would be the log's.
        callsToday:
          sql<number>`(select count(*) from sharing_access_log l where l.client_id = sharing_clients.id and l.at >= ${todayStart.toISOString()}::timestamptz)`.mapWith(
            Number,
          ),
        lastCallAt: sql<Date | null>`(select max(l.at) from sharing_access_log l where l.client_id = sharing_clients.id)`.mapWith(sharingAccessLog.at),
      })
      .from(sharingClients)
      .where(id ? eq(sharingClients.id, id) : undefined)
      .orderBy(desc(sharingClients.createdAt));
  },

  async clientById(tx: Executor, id: string): Promise<SharingClientRow | undefined> {
    return (await tx.select().from(sharingClients).where(eq(sharingClients.id, id)))[0];
  },

  async clientByClientId(tx: Executor, clientId: string): Promise<SharingClientRow | undefined> {
    return (await tx.select().from(sharingClients).where(eq(sharingClients.clientId, clientId)))[0];
  },

  /**
   * Changes a client when it is still as read (`version`) and, if given, in the status `when`;
   * bumps its version. Undefined when it is not (or no longer) so.
   */
  async updateClient(
    tx: Executor,
    id: string,
    expect: { version?: number; status?: SharingClientRow['status'] },
    change: SharingClientChange,
  ): Promise<SharingClientRow | undefined> {
    const rows = await tx
      .update(sharingClients)
      .set({ ...change, version: sql`${sharingClients.version} + 1` })
      .where(
        and(
          eq(sharingClients.id, id),
          expect.version !== undefined ? eq(sharingClients.version, expect.version) : undefined,
          expect.status !== undefined ? eq(sharingClients.status, expect.status) : undefined,
        ),
      )
      .returning();
    return rows[0];
  },

  async insertToken(tx: Executor, row: typeof sharingTokens.$inferInsert): Promise<void> {
    await tx.insert(sharingTokens).values(row);
  },

  /** A current (unexpired) token with its client; revoked tokens too, so that calls made with them name their client. */
  async token(tx: Executor, tokenHash: string, now: Date) {
    const rows = await tx
      .select({ scopes: sharingTokens.scopes, revokedAt: sharingTokens.revokedAt, client: sharingClients })
      .from(sharingTokens)
      .innerJoin(sharingClients, eq(sharingClients.id, sharingTokens.clientId))
      .where(and(eq(sharingTokens.tokenHash, tokenHash), gt(sharingTokens.expiresAt, now)));
    return rows[0];
  },

  /** Revokes every unexpired token of a client. */
  async revokeTokens(tx: Executor, clientId: string, now: Date): Promise<number> {
    const rows = await tx
      .update(sharingTokens)
      .set({ revokedAt: now })
      .where(and(eq(sharingTokens.clientId, clientId), isNull(sharingTokens.revokedAt), gt(sharingTokens.expiresAt, now)))
      .returning({ tokenHash: sharingTokens.tokenHash });
    return rows.length;
  },

  async logAccess(tx: Executor, row: typeof sharingAccessLog.$inferInsert): Promise<void> {
    await tx.insert(sharingAccessLog).values(row);
  },

  async accessLog(tx: Executor, filter: AccessLogFilter, limit: number, offset: number) {
    const where = logConditions(filter);
    const [rows, totals] = await Promise.all([
      tx
        .select({ entry: sharingAccessLog, clientId: sharingClients.clientId, clientName: sharingClients.name })
        .from(sharingAccessLog)
        .leftJoin(sharingClients, eq(sharingClients.id, sharingAccessLog.clientId))
        .where(where)
        .orderBy(desc(sharingAccessLog.id))
        .limit(limit)
        .offset(offset),
      tx.select({ n: count() }).from(sharingAccessLog).where(where),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },

  /** Answered and refused calls per China-time day since `from`, by day number. */
  async daily(tx: Executor, from: Date, clientId?: string) {
    return tx
      .select({
        day: chinaDay,
        ok: sql<number>`count(*) filter (where ${answered})`.mapWith(Number),
        refused: sql<number>`count(*) filter (where ${refused})`.mapWith(Number),
      })
      .from(sharingAccessLog)
      .where(logConditions({ clientId, result: 'all', from }))
      .groupBy(chinaDay);
  },
};
