import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Background jobs (the outbox): written in the transaction of the action that causes them,
 * claimed by any server instance with `FOR UPDATE SKIP LOCKED` under a lease (docs/adr/0011).
 * A job is pending until `done_at` or `failed_at` is set; done jobs are purged after a while,
 * failed ones are kept for people to see.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The handler that runs it, e.g. `notify.message`. */
    kind: varchar('kind', { length: 64 }).notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    /** Not before this time (retries move it by an exponential backoff). */
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    /** Claims so far (a claim counts even when its worker dies before finishing). */
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** The lease of the worker that claimed it; another worker may claim it again once it has passed. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** A token of the claim, so that a worker whose lease was taken over cannot finish the job. */
    lockedBy: uuid('locked_by'),
    lastError: text('last_error'),
    /** At most one job per key, ever (until purged): `enqueue` with a known key does nothing. */
    dedupeKey: varchar('dedupe_key', { length: 200 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** Set when the last attempt failed: the job stays, with its error, and is not run again. */
    failedAt: timestamp('failed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_dedupe_key_uq').on(t.dedupeKey),
    // The claim query reads only pending jobs, in run_at order.
    index('jobs_pending_idx')
      .on(t.runAt)
      .where(sql`${t.doneAt} is null and ${t.failedAt} is null`),
    index('jobs_done_idx')
      .on(t.doneAt)
      .where(sql`${t.doneAt} is not null`),
  ],
);
