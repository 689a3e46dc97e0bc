import { asc, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditLog } from '../db/audit.schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

export const auditRepository = {
  /** Serialises appends so that each entry chains to exactly one predecessor. */
  async lockChain(tx: Executor): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(7242027)`);
  },
  /**
   * Inserts an entry linked to the last one in one statement (run it after `lockChain`, whose
   * statement ended before this one took its snapshot): `hash = sha256(prev_hash || body)`.
   */
  async insertLinked(tx: Executor, row: Omit<NewAuditRow, 'prevHash' | 'hash' | 'at'> & { at: Date }, body: string, genesis: string): Promise<void> {
    await tx.execute(sql`
      insert into audit_log (at, actor_id, action, target_type, target_id, request_id, ip, details, prev_hash, hash)
      select ${row.at.toISOString()}::timestamptz, ${row.actorId ?? null}::uuid, ${row.action}, ${row.targetType ?? null}, ${row.targetId ?? null},
             ${row.requestId ?? null}, ${row.ip ?? null}, ${row.details ? JSON.stringify(row.details) : null}::jsonb,
             last.hash, encode(sha256(convert_to(last.hash || ${body}, 'UTF8')), 'hex')
      from (select coalesce((select hash from audit_log order by id desc limit 1), ${genesis}) as hash) last`);
  },
  async all(tx: Executor): Promise<AuditRow[]> {
    return tx.select().from(auditLog).orderBy(asc(auditLog.id));
  },
};
