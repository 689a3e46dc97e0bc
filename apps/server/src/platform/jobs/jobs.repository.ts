/** The only code that touches the `jobs` table. Every function takes an Executor (the database or a transaction). */
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { WriteStep } from '../db/combined-write.ts';
import { jobs } from './jobs.schema.ts';

export type JobRow = typeof jobs.$inferSelect;
export type NewJobRow = typeof jobs.$inferInsert;

const pending = and(isNull(jobs.doneAt), isNull(jobs.failedAt));

export const jobsRepository = {
  /**
   * The same insert as a step of a combined write; with `after`, only when that earlier step
   * returned a row (a job for something the statement may or may not write).
   */
  insertStep(name: string, row: NewJobRow, after?: string): WriteStep {
    const source = after ? sql` from ${sql.raw(after)}` : sql``;
    return {
      name,
      sql: sql`insert into jobs (kind, payload, run_at, max_attempts, dedupe_key, created_at)
        select ${row.kind}::text, ${JSON.stringify(row.payload)}::jsonb, ${row.runAt.toISOString()}::timestamptz, ${row.maxAttempts ?? 5}::int,
               ${row.dedupeKey ?? null}::text, ${row.createdAt.toISOString()}::timestamptz${source}
        on conflict (dedupe_key) do nothing`,
    };
  },

  /** Inserts a job; with a dedupe key that is already taken nothing happens and null comes back. */
  async insert(tx: Executor, row: NewJobRow): Promise<string | null> {
    const rows = await tx.insert(jobs).values(row).onConflictDoNothing({ target: jobs.dedupeKey }).returning({ id: jobs.id });
    return rows[0]?.id ?? null;
  },

  /**
   * Claims up to `limit` due jobs in one statement: pending, due, with attempts left and no
   * live lease. `SKIP LOCKED` lets concurrent workers take different jobs without waiting.
   */
  async claim(db: Executor, o: { now: Date; leaseUntil: Date; token: string; limit: number }): Promise<JobRow[]> {
    const due = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(pending, lte(jobs.runAt, o.now), sql`${jobs.attempts} < ${jobs.maxAttempts}`, or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, o.now))))
      .orderBy(asc(jobs.runAt), asc(jobs.createdAt))
      .limit(o.limit)
      .for('update', { skipLocked: true });
    const rows = await db
      .update(jobs)
      .set({ attempts: sql`${jobs.attempts} + 1`, lockedUntil: o.leaseUntil, lockedBy: o.token })
      .where(inArray(jobs.id, due))
      .returning();
    return rows.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
  },

  /** Marks a claimed job done; false when the claim was lost (its lease passed and another worker took it). */
  async complete(db: Executor, id: string, token: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(jobs)
      .set({ doneAt: at, lockedUntil: null, lockedBy: null })
      .where(and(eq(jobs.id, id), eq(jobs.lockedBy, token), pending))
      .returning({ id: jobs.id });
    return rows.length > 0;
  },

  /** Records a failed attempt: the job runs again at `retryAt`, or, with `failedAt`, never again. */
  async fail(db: Executor, id: string, token: string, o: { error: string; retryAt: Date } | { error: string; failedAt: Date }): Promise<boolean> {
    const rows = await db
      .update(jobs)
      .set({
        lastError: o.error,
        lockedUntil: null,
        lockedBy: null,
        ...('retryAt' in o ? { runAt: o.retryAt } : { failedAt: o.failedAt }),
      })
      .where(and(eq(jobs.id, id), eq(jobs.lockedBy, token), pending))
      .returning({ id: jobs.id });
    return rows.length > 0;
  },

  /** Jobs whose last attempt's worker died (lease passed, no attempts left) are failed, so that they show. */
  async failAbandoned(db: Executor, now: Date): Promise<number> {
    const rows = await db
      .update(jobs)
      .set({
        failedAt: now,
        lockedUntil: null,
        lockedBy: null,
        lastError: sql`coalesce(${jobs.lastError} || E'\n', '') || 'the worker of the last attempt stopped before finishing (lease expired)'`,
      })
      .where(and(pending, sql`${jobs.attempts} >= ${jobs.maxAttempts}`, isNotNull(jobs.lockedUntil), lt(jobs.lockedUntil, now)))
      .returning({ id: jobs.id });
    return rows.length;
  },

  /** Deletes jobs done before `before` (their dedupe keys become free again). */
  async purgeDone(db: Executor, before: Date): Promise<number> {
    const rows = await db
      .delete(jobs)
      .where(and(isNotNull(jobs.doneAt), lt(jobs.doneAt, before)))
      .returning({ id: jobs.id });
    return rows.length;
  },

  async byId(db: Executor, id: string): Promise<JobRow | undefined> {
    const rows = await db.select().from(jobs).where(eq(jobs.id, id));
    return rows[0];
  },

  async byKind(db: Executor, kind: string): Promise<JobRow[]> {
    return db.select().from(jobs).where(eq(jobs.kind, kind)).orderBy(asc(jobs.createdAt));
  },
};
