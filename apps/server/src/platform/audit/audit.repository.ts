import { asc, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditChainHead, auditLog } from '../db/audit.schema.ts';
import type { WriteStep } from '../db/combined-write.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;
type LinkedRow = Omit<NewAuditRow, 'prevHash' | 'hash' | 'at'> & { at: Date };

export const auditRepository = {
  /**
   * Inserts an entry linked to the last one, as two steps of one combined statement (`audit_head`,
   * `audit_entry`) that may carry the change the entry records: the chain's head row moves on to
   * `hash = sha256(prev_hash || body)` and the entry takes both hashes. The head's row lock
   * serialises appends until the commit; a waiting append re-reads the head once the one before
   * it commits (READ COMMITTED re-evaluates the UPDATE on the new row), so each entry chains to
   * exactly one predecessor.
   */
  linkedSteps(row: LinkedRow, body: string): WriteStep[] {
    return [
      {
        name: 'audit_head',
        sql: sql`update audit_chain_head set prev_hash = hash, hash = encode(sha256(convert_to(hash || ${body}, 'UTF8')), 'hex') where id = 1 returning prev_hash, hash`,
      },
      {
        name: 'audit_entry',
        sql: sql`insert into audit_log (at, actor_id, action, target_type, target_id, request_id, ip, details, prev_hash, hash)
          select ${row.at.toISOString()}::timestamptz, ${row.actorId ?? null}::uuid, ${row.action}::text, ${row.targetType ?? null}::text, ${row.targetId ?? null}::text,
                 ${row.requestId ?? null}::text, ${row.ip ?? null}::text, ${row.details ? JSON.stringify(row.details) : null}::jsonb, audit_head.prev_hash, audit_head.hash
          from audit_head`,
      },
    ];
  },
  /** The hash of the last entry appended, as the chain's head records it. */
  async head(tx: Executor): Promise<string> {
    const rows = await tx.select({ hash: auditChainHead.hash }).from(auditChainHead);
    return rows[0]!.hash;
  },
  async all(tx: Executor): Promise<AuditRow[]> {
    return tx.select().from(auditLog).orderBy(asc(auditLog.id));
  },
};
