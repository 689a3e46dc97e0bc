/** The only file of the sharing module that touches the database. */
import { and, count, desc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { sharingAccessLog, sharingClients, sharingTokens } from './sharing.schema.ts';

export type SharingClientRow = typeof sharingClients.$inferSelect;

export const sharingRepository = {
  async insertClient(tx: Executor, row: typeof sharingClients.$inferInsert): Promise<SharingClientRow> {
    return (await tx.insert(sharingClients).values(row).returning())[0]!;
  },
  async clients(tx: Executor): Promise<SharingClientRow[]> {
    return tx.select().from(sharingClients).orderBy(desc(sharingClients.createdAt));
  },
  async clientByClientId(tx: Executor, clientId: string): Promise<SharingClientRow | undefined> {
    return (await tx.select().from(sharingClients).where(eq(sharingClients.clientId, clientId)))[0];
  },
  async insertToken(tx: Executor, row: typeof sharingTokens.$inferInsert): Promise<void> {
    await tx.insert(sharingTokens).values(row);
  },
  async token(tx: Executor, tokenHash: string, now: Date) {
    const rows = await tx
      .select({ scopes: sharingTokens.scopes, client: sharingClients })
      .from(sharingTokens)
      .innerJoin(sharingClients, eq(sharingClients.id, sharingTokens.clientId))
      .where(and(eq(sharingTokens.tokenHash, tokenHash), gt(sharingTokens.expiresAt, now)));
    return rows[0];
  },
  async logAccess(tx: Executor, row: typeof sharingAccessLog.$inferInsert): Promise<void> {
    await tx.insert(sharingAccessLog).values(row);
  },
  async accessLog(tx: Executor, limit: number, offset: number) {
    const [rows, totals] = await Promise.all([
      tx
        .select({ entry: sharingAccessLog, clientId: sharingClients.clientId, clientName: sharingClients.name })
        .from(sharingAccessLog)
        .leftJoin(sharingClients, eq(sharingClients.id, sharingAccessLog.clientId))
        .orderBy(desc(sharingAccessLog.id))
        .limit(limit)
        .offset(offset),
      tx.select({ n: count() }).from(sharingAccessLog),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },
};
