import { asc, desc, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditLog } from '../db/audit.schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

export const auditRepository = {
  /** Serialises appends so that each entry chains to exactly one predecessor. */
  async lockChain(tx: Executor): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(7242027)`);
  },
  async lastHash(tx: Executor): Promise<string | undefined> {
    const rows = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    return rows[0]?.hash;
  },
  async insert(tx: Executor, row: NewAuditRow): Promise<void> {
    await tx.insert(auditLog).values(row);
  },
  async all(tx: Executor): Promise<AuditRow[]> {
    return tx.select().from(auditLog).orderBy(asc(auditLog.id));
  },
};
