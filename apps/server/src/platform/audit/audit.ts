/**
 * Append-only, hash-chained audit log. `hash = sha256(prevHash + canonical JSON of the entry)`;
 * `verifyChain` recomputes every link.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../db/client.ts';
import { runCombined, type WriteStep } from '../db/combined-write.ts';
import { auditRepository, type AuditRow } from './audit.repository.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  requestId?: string;
  ip?: string;
  details?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

/** What an entry's hash covers beside the previous hash. */
function linkBody(at: Date, e: AuditEntry): string {
  return canonicalJson([at.toISOString(), e.actorId, e.action, e.targetType ?? null, e.targetId ?? null, e.requestId ?? null, e.ip ?? null, e.details ?? null]);
}

function linkHash(prevHash: string, at: Date, e: AuditEntry): string {
  return createHash('sha256').update(prevHash).update(linkBody(at, e)).digest('hex');
}

/**
 * Appends one entry; call inside the transaction of the change it records, as its last
 * statement: the chain's head stays locked until the commit.
 */
export async function appendAudit(tx: Executor, entry: AuditEntry, now = new Date()): Promise<void> {
  await runCombined(tx, auditSteps(entry, now));
}

/** The same append as steps of a combined statement, to commit in one statement with the change it records. */
export function auditSteps(entry: AuditEntry, now = new Date()): WriteStep[] {
  // Millisecond precision survives the round trip through timestamptz.
  const at = new Date(Math.floor(now.getTime()));
  return auditRepository.linkedSteps(
    {
      at,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      requestId: entry.requestId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? null,
    },
    linkBody(at, entry),
  );
}

/**
 * Returns the id of the first entry whose link is broken, or null when the chain is intact.
 * Entries missing at the end (the chain's head names a hash no entry has) give the id after
 * the last entry.
 */
export async function verifyAuditChain(tx: Executor): Promise<number | null> {
  // The head first: entries appended meanwhile come after it.
  const head = await auditRepository.head(tx);
  let prev = GENESIS;
  let headFound = head === GENESIS;
  let lastId = 0;
  for (const row of await auditRepository.all(tx)) {
    const expected = linkHash(prev, row.at, toEntry(row));
    if (row.prevHash !== prev || row.hash !== expected) return row.id;
    prev = row.hash;
    lastId = row.id;
    if (row.hash === head) headFound = true;
  }
  return headFound ? null : lastId + 1;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    actorId: row.actorId,
    action: row.action,
    ...(row.targetType ? { targetType: row.targetType } : {}),
    ...(row.targetId ? { targetId: row.targetId } : {}),
    ...(row.requestId ? { requestId: row.requestId } : {}),
    ...(row.ip ? { ip: row.ip } : {}),
    ...(row.details ? { details: row.details } : {}),
  };
}

/** JSON with object keys sorted at every level, so that jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
