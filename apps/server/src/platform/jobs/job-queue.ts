/**
 * The job queue (docs/adr/0011-postgres-job-queue.md): jobs are rows of `jobs`, enqueued in the
 * caller's transaction, claimed with `FOR UPDATE SKIP LOCKED` under a lease, run by the handler
 * of their kind, and retried with exponential backoff until `maxAttempts`. Delivery is at least
 * once: a handler may run again after a crash, so handlers are idempotent.
 *
 * Time comes from the injected clock (the same one the services use), so that tests move it.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Executor } from '../db/client.ts';
import type { WriteStep } from '../db/combined-write.ts';
import { jobsRepository as repo, type JobRow } from './jobs.repository.ts';

export type { JobRow } from './jobs.repository.ts';

export interface JobSpec {
  kind: string;
  payload?: Record<string, unknown>;
  /** Not before (default: now). */
  runAt?: Date;
  /** Claims before the job is kept as failed (default 5). */
  maxAttempts?: number;
  /** At most one job with this key is ever enqueued (until it is purged, two weeks after it is done). */
  dedupeKey?: string;
}

export interface JobContext {
  job: JobRow;
  db: Db;
  now: () => Date;
  /** This is the last attempt: a failure now is final. */
  lastAttempt: boolean;
  enqueue: (tx: Executor, spec: JobSpec) => Promise<string | null>;
}

export type JobHandler = (ctx: JobContext) => Promise<void>;

export type JobLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;

export interface JobQueueOptions {
  db: Db;
  now?: () => Date;
  log?: JobLog;
  /** How long the poller sleeps when no job is due. */
  pollMs?: number;
  /** How long a claim lasts: a job not finished by then is taken by another worker. */
  leaseMs?: number;
  /** Jobs claimed per round. */
  batchSize?: number;
  /** First retry delay; each next one doubles, up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Done jobs are deleted after this long (their dedupe keys with them). */
  keepDoneMs?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const silent: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

/** The delay before attempt `attempts + 1`, after `attempts` failed ones. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** The start of the period slot `at` falls in (slots are aligned to the epoch: whole hours, whole UTC days). */
export const slotStart = (at: Date, periodMs: number) => new Date(Math.floor(at.getTime() / periodMs) * periodMs);

function errorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.slice(0, 2000);
}

export function createJobQueue(options: JobQueueOptions) {
  const { db, now = () => new Date(), log = silent } = options;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? 20;
  const baseDelay = options.retryDelayMs ?? 10_000;
  const maxDelay = options.maxRetryDelayMs ?? HOUR;
  const keepDoneMs = options.keepDoneMs ?? 14 * DAY;

  const handlers = new Map<string, JobHandler>();
  /** Kinds that re-enqueue themselves once per period. */
  const recurring = new Map<string, number>();

  function rowOf(spec: JobSpec) {
    const at = now();
    return {
      kind: spec.kind,
      payload: spec.payload ?? {},
      runAt: spec.runAt ?? at,
      maxAttempts: spec.maxAttempts ?? 5,
      dedupeKey: spec.dedupeKey ?? null,
      createdAt: at,
    };
  }

  async function enqueue(tx: Executor, spec: JobSpec): Promise<string | null> {
    return repo.insert(tx, rowOf(spec));
  }

  /** The job of a recurring kind for the slot after `at`'s (or `at`'s own slot, running at once). */
  function recurringSpec(kind: string, periodMs: number, at: Date, next: boolean): JobSpec {
    const start = slotStart(at, periodMs);
    const slot = next ? new Date(start.getTime() + periodMs) : start;
    return { kind, runAt: next ? slot : at, dedupeKey: `${kind}@${slot.toISOString()}`, maxAttempts: 3 };
  }

  /** Makes sure each recurring kind has its job for the current slot (a no-op when another instance did it). */
  async function scheduleRecurring(): Promise<void> {
    const at = now();
    for (const [kind, period] of recurring) await enqueue(db, recurringSpec(kind, period, at, false));
  }

  async function runOne(job: JobRow, token: string): Promise<'done' | 'retry' | 'failed' | 'lost'> {
    const period = recurring.get(job.kind);
    // The chain of a recurring kind goes on whatever this run does.
    if (period !== undefined) await enqueue(db, recurringSpec(job.kind, period, now(), true));
    const handler = handlers.get(job.kind);
    let error: unknown = null;
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler({ job, db, now, lastAttempt: job.attempts >= job.maxAttempts, enqueue });
    } catch (err) {
      error = err ?? new Error('job failed');
    }
    const at = now();
    if (error === null) {
      if (await repo.complete(db, job.id, token, at)) return 'done';
      log.warn({ jobId: job.id, kind: job.kind }, 'job finished after its lease passed; another worker has it');
      return 'lost';
    }
    const text = errorText(error);
    if (job.attempts >= job.maxAttempts) {
      await repo.fail(db, job.id, token, { error: text, failedAt: at });
      log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: error }, 'job failed for good');
      return 'failed';
    }
    const retryAt = new Date(at.getTime() + retryDelay(job.attempts, baseDelay, maxDelay));
    await repo.fail(db, job.id, token, { error: text, retryAt });
    log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, retryAt, err: error }, 'job failed; will retry');
    return 'retry';
  }

  /** One round: claims the due jobs (up to the batch size) and runs them one after the other. */
  async function runDue(): Promise<{ claimed: number; done: number; retried: number; failed: number }> {
    await repo.failAbandoned(db, now());
    const token = randomUUID();
    const at = now();
    const claimed = await repo.claim(db, { now: at, leaseUntil: new Date(at.getTime() + leaseMs), token, limit: batchSize });
    const result = { claimed: claimed.length, done: 0, retried: 0, failed: 0 };
    for (const job of claimed) {
      const outcome = await runOne(job, token);
      if (outcome === 'done') result.done++;
      else if (outcome === 'retry') result.retried++;
      else if (outcome === 'failed') result.failed++;
    }
    return result;
  }

  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let loopRunning: Promise<void> | undefined;

  async function loop(): Promise<void> {
    while (!stopped) {
      let claimed = 0;
      try {
        claimed = (await runDue()).claimed;
      } catch (err) {
        log.error({ err }, 'job poll failed');
      }
      if (claimed === 0) break;
    }
    if (!stopped) {
      timer = setTimeout(() => {
        loopRunning = loop();
      }, pollMs);
      timer.unref();
    }
  }

  const queue = {
    /** The handler of a kind. `every` (ms) makes the kind recurring: one job per period slot, each enqueuing the next. */
    register(kind: string, handler: JobHandler, opts: { every?: number } = {}): void {
      if (handlers.has(kind)) throw new Error(`job kind "${kind}" registered twice`);
      handlers.set(kind, handler);
      if (opts.every !== undefined) recurring.set(kind, opts.every);
    },

    /** Enqueues a job in the caller's transaction: it exists exactly when the transaction commits. Null: the dedupe key was taken. */
    enqueue,

    /** The same as a step of a combined write (`name`); with `after`, only when that earlier step returned a row. */
    enqueueStep: (name: string, spec: JobSpec, after?: string): WriteStep => repo.insertStep(name, rowOf(spec), after),

    scheduleRecurring,

    /** One round of claiming and running due jobs. */
    runDue,

    /**
     * Runs due jobs until none is left (for tests and the CLI; no poller needed). Jobs that a
     * retry moved into the future are not due and wait for the clock to reach them.
     */
    async drain(maxRounds = 1000): Promise<{ done: number; retried: number; failed: number }> {
      const total = { done: 0, retried: 0, failed: 0 };
      for (let round = 0; round < maxRounds; round++) {
        const r = await runDue();
        total.done += r.done;
        total.retried += r.retried;
        total.failed += r.failed;
        if (r.claimed === 0) return total;
      }
      throw new Error(`jobs still due after ${maxRounds} rounds: a handler keeps enqueuing due jobs`);
    },

    /** Claims due jobs without running them: what a worker that then dies leaves behind (for tests). */
    async claimOnly(limit = batchSize): Promise<JobRow[]> {
      const at = now();
      return repo.claim(db, { now: at, leaseUntil: new Date(at.getTime() + leaseMs), token: randomUUID(), limit });
    },

    /** Starts polling (the server does; tests drain instead). */
    start(): void {
      if (!stopped) return;
      stopped = false;
      loopRunning = scheduleRecurring()
        .catch((err: unknown) => log.error({ err }, 'scheduling recurring jobs failed'))
        .then(loop);
    },

    /** Stops polling and waits for the running round to finish. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await loopRunning;
    },

    get running() {
      return !stopped;
    },

    leaseMs,
    retryDelayMs: baseDelay,
  };

  // Done jobs are purged once a day (through the queue itself).
  queue.register('jobs.purge', async ({ db: d, now: clock }) => void (await repo.purgeDone(d, new Date(clock().getTime() - keepDoneMs))), { every: DAY });
  return queue;
}

export type JobQueue = ReturnType<typeof createJobQueue>;
