/** The only file of the subjects module that touches the database. */
import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { SubjectKind } from '@tongban/domain';
import type { Executor } from '../../platform/db/client.ts';
import { auditLog } from '../../platform/db/audit.schema.ts';
import { accounts } from '../identity/identity.schema.ts';
import { regions } from '../org/org.schema.ts';
import { subjects } from './subjects.schema.ts';

export type SubjectRow = typeof subjects.$inferSelect;
export type SubjectWithRegion = SubjectRow & { regionName: string | null };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const withRegion = { subject: subjects, regionName: regions.name };
const flatten = (r: { subject: SubjectRow; regionName: string | null }): SubjectWithRegion => ({ ...r.subject, regionName: r.regionName });

/** The audit actions that read or change one subject. */
export const SUBJECT_ACTIONS = ['subject.search', 'subject.view', 'subject.reveal', 'subject.check', 'subject.upsert'] as const;

export const subjectsRepository = {
  /** Inserts or updates by identifier; `created` tells which. */
  async upsert(tx: Executor, row: Omit<typeof subjects.$inferInsert, 'id'>): Promise<{ row: SubjectRow; created: boolean }> {
    const [saved] = await tx
      .insert(subjects)
      .values(row)
      .onConflictDoUpdate({
        target: subjects.identifier,
        set: {
          kind: row.kind,
          name: row.name,
          regionCode: row.regionCode,
          status: row.status,
          source: row.source,
          details: row.details,
          updatedAt: row.updatedAt,
        },
      })
      // xmax is 0 on a row this statement inserted, not on one it updated.
      .returning({ ...getTableColumns(subjects), created: sql<boolean>`xmax = 0` });
    const { created, ...stored } = saved!;
    return { row: stored, created };
  },

  /** Subjects inside the region prefix matching an exact identifier or part of a name, names first. */
  async search(
    tx: Executor,
    q: { regionPrefix: string; identifier: string | null; name: string; kind: SubjectKind | undefined; limit: number; offset: number },
  ) {
    const match: SQL[] = [ilike(subjects.name, `%${escapeLike(q.name)}%`)];
    if (q.identifier) match.push(eq(subjects.identifier, q.identifier));
    const where = and(like(subjects.regionCode, `${q.regionPrefix}%`), or(...match), q.kind ? eq(subjects.kind, q.kind) : undefined);
    const [rows, totals] = await Promise.all([
      tx
        .select(withRegion)
        .from(subjects)
        .leftJoin(regions, eq(regions.code, subjects.regionCode))
        .where(where)
        .orderBy(asc(subjects.name), asc(subjects.identifier))
        .limit(q.limit)
        .offset(q.offset),
      tx.select({ n: count() }).from(subjects).where(where),
    ]);
    return { rows: rows.map(flatten), total: totals[0]?.n ?? 0 };
  },

  async byId(tx: Executor, id: string): Promise<SubjectWithRegion | undefined> {
    const rows = await tx.select(withRegion).from(subjects).leftJoin(regions, eq(regions.code, subjects.regionCode)).where(eq(subjects.id, id));
    return rows[0] && flatten(rows[0]);
  },

  async byIdentifier(tx: Executor, identifier: string): Promise<SubjectWithRegion | undefined> {
    const rows = await tx.select(withRegion).from(subjects).leftJoin(regions, eq(regions.code, subjects.regionCode)).where(eq(subjects.identifier, identifier));
    return rows[0] && flatten(rows[0]);
  },

  async hasAny(tx: Executor): Promise<boolean> {
    return (await tx.select({ id: subjects.id }).from(subjects).limit(1)).length > 0;
  },

  async countsByKind(tx: Executor, regionPrefix: string): Promise<{ kind: SubjectKind; n: number }[]> {
    return tx
      .select({ kind: subjects.kind, n: count() })
      .from(subjects)
      .where(like(subjects.regionCode, `${regionPrefix}%`))
      .groupBy(subjects.kind);
  },

  /** Audit entries that looked at or changed one subject (searches that listed it included), newest first. */
  async lookupsOf(tx: Executor, id: string, limit: number) {
    return tx
      .select({ at: auditLog.at, action: auditLog.action, details: auditLog.details, actorName: accounts.displayName })
      .from(auditLog)
      .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
      .where(
        and(
          inArray(auditLog.action, [...SUBJECT_ACTIONS]),
          or(and(eq(auditLog.targetType, 'subject'), eq(auditLog.targetId, id)), sql`${auditLog.details} @> ${JSON.stringify({ ids: [id] })}::jsonb`),
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(limit);
  },
};
