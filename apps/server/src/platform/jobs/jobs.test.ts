import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { engines, isolatedDatabase } from '../../../test/databases.ts';
import type { Database } from '../db/client.ts';
import { jobs } from '../db/schema.ts';
import { createJobQueue, retryDelay, slotStart, type JobQueue } from './index.ts';

/** A clock the test moves. */
function testClock(start = '2026-03-02T09:00:00+08:00') {
  let at = new Date(start);
  return { now: () => at, advance: (ms: number) => (at = new Date(at.getTime() + ms)), set: (iso: string) => (at = new Date(iso)) };
}

describe('retry delays and period slots', () => {
  it('doubles the delay after each failed attempt, up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 10].map((n) => retryDelay(n, 10_000, 3_600_000))).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 3_600_000]);
  });
  it('aligns period slots to whole periods', () => {
    expect(slotStart(new Date('2026-03-02T09:59:59.999+08:00'), 3_600_000).toISOString()).toBe('2026-03-02T01:00:00.000Z');
  });
});

describe.each(engines())('the job queue on %s', (engine) => {
  let database: Database;
  const clock = testClock();
  let queue: JobQueue;
  /** What each kind's handler saw, in order. */
  let runs: string[];
  let failures: Record<string, number>;

  const row = async (id: string) => (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
  const total = async () => (await database.db.select({ n: count() }).from(jobs))[0]!.n;

  function newQueue() {
    const q = createJobQueue({ db: database.db, now: clock.now, leaseMs: 60_000, retryDelayMs: 1000, maxRetryDelayMs: 60_000 });
    q.register('test.ok', async ({ job }) => void runs.push(`ok:${String(job.payload.n)}`));
    q.register('test.flaky', async ({ job }) => {
      const key = String(job.payload.n);
      runs.push(`flaky:${key}:${job.attempts}`);
      if ((failures[key] = (failures[key] ?? 0) + 1) <= Number(job.payload.failTimes)) throw new Error(`flaky ${key} failed (attempt ${job.attempts})`);
    });
    return q;
  }

  beforeAll(async () => {
    database = await isolatedDatabase(engine);
  });
  afterAll(async () => database.close());
  beforeEach(async () => {
    await database.db.delete(jobs);
    clock.set('2026-03-02T09:00:00+08:00');
    runs = [];
    failures = {};
    queue = newQueue();
  });

  it('enqueues in the caller’s transaction: nothing when it rolls back, the job when it commits', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await queue.enqueue(tx, { kind: 'test.ok', payload: { n: 1 } });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await total()).toBe(0);
    const id = await database.db.transaction((tx) => queue.enqueue(tx, { kind: 'test.ok', payload: { n: 2 } }));
    expect(await row(id!)).toMatchObject({ kind: 'test.ok', attempts: 0, doneAt: null, runAt: clock.now() });
    expect(await queue.drain()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(runs).toEqual(['ok:2']);
    expect((await row(id!)).doneAt).toEqual(clock.now());
  });

  it('runs a job not before its time, and enqueues a dedupe key only once', async () => {
    const later = new Date(clock.now().getTime() + 3_600_000);
    const id = await queue.enqueue(database.db, { kind: 'test.ok', payload: { n: 1 }, runAt: later, dedupeKey: 'once' });
    expect(id).not.toBeNull();
    expect(await queue.enqueue(database.db, { kind: 'test.ok', payload: { n: 2 }, dedupeKey: 'once' })).toBeNull();
    expect(await total()).toBe(1);
    expect(await queue.drain()).toEqual({ done: 0, retried: 0, failed: 0 });
    clock.set(later.toISOString());
    await queue.drain();
    expect(runs).toEqual(['ok:1']);
    // A done job keeps its key.
    expect(await queue.enqueue(database.db, { kind: 'test.ok', payload: { n: 3 }, dedupeKey: 'once' })).toBeNull();
  });

  it('takes over a job whose worker died once its lease has passed, and ignores the dead worker’s late finish', async () => {
    const id = (await queue.enqueue(database.db, { kind: 'test.ok', payload: { n: 7 } }))!;
    const dead = newQueue();
    expect((await dead.claimOnly()).map((j) => j.id)).toEqual([id]);
    const claimed = await row(id);
    expect(claimed.attempts).toBe(1);
    expect(claimed.lockedUntil).toEqual(new Date(clock.now().getTime() + 60_000));

    // Leased: another worker leaves it alone.
    expect(await queue.drain()).toEqual({ done: 0, retried: 0, failed: 0 });
    clock.advance(59_000);
    expect(await queue.drain()).toEqual({ done: 0, retried: 0, failed: 0 });
    clock.advance(2_000);
    expect(await queue.drain()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(runs).toEqual(['ok:7']);
    expect(await row(id)).toMatchObject({ attempts: 2, lockedUntil: null, lockedBy: null, doneAt: clock.now() });
  });

  it('retries a failing job with a doubling delay, then keeps it as failed with its error', async () => {
    const id = (await queue.enqueue(database.db, { kind: 'test.flaky', payload: { n: 'a', failTimes: 99 }, maxAttempts: 3 }))!;
    expect(await queue.drain()).toEqual({ done: 0, retried: 1, failed: 0 });
    let job = await row(id);
    expect(job).toMatchObject({ attempts: 1, lockedUntil: null, doneAt: null, failedAt: null, lastError: 'Error: flaky a failed (attempt 1)' });
    expect(job.runAt.getTime() - clock.now().getTime()).toBe(1000);

    clock.advance(999);
    expect(await queue.drain()).toEqual({ done: 0, retried: 0, failed: 0 });
    clock.advance(1);
    expect(await queue.drain()).toEqual({ done: 0, retried: 1, failed: 0 });
    job = await row(id);
    expect(job.runAt.getTime() - clock.now().getTime()).toBe(2000);

    clock.advance(2000);
    expect(await queue.drain()).toEqual({ done: 0, retried: 0, failed: 1 });
    job = await row(id);
    expect(job).toMatchObject({ attempts: 3, doneAt: null, lastError: 'Error: flaky a failed (attempt 3)' });
    expect(job.failedAt).toEqual(clock.now());

    clock.advance(86_400_000);
    await queue.drain();
    expect(runs).toEqual(['flaky:a:1', 'flaky:a:2', 'flaky:a:3']);
  });

  it('succeeds on a retry after a failure', async () => {
    const id = (await queue.enqueue(database.db, { kind: 'test.flaky', payload: { n: 'b', failTimes: 1 } }))!;
    await queue.drain();
    clock.advance(1000);
    expect(await queue.drain()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ attempts: 2, doneAt: clock.now(), failedAt: null, lastError: 'Error: flaky b failed (attempt 1)' });
  });

  it('fails a job whose last attempt’s worker died, and a job of an unknown kind, with the reason', async () => {
    const lost = (await queue.enqueue(database.db, { kind: 'test.ok', payload: { n: 1 }, maxAttempts: 1 }))!;
    await newQueue().claimOnly();
    clock.advance(61_000);
    await queue.drain();
    expect(runs).toEqual([]);
    const lostRow = await row(lost);
    expect(lostRow.failedAt).toEqual(clock.now());
    expect(lostRow.lastError).toContain('lease expired');

    const unknown = (await queue.enqueue(database.db, { kind: 'test.nobody', maxAttempts: 1 }))!;
    expect(await queue.drain()).toEqual({ done: 0, retried: 0, failed: 1 });
    expect((await row(unknown)).lastError).toBe('Error: no handler for job kind "test.nobody"');
  });

  it('lets two workers claim at the same time without taking the same job (SKIP LOCKED)', async () => {
    for (let n = 0; n < 10; n++) await queue.enqueue(database.db, { kind: 'test.ok', payload: { n } });
    const [a, b] = await Promise.all([newQueue().claimOnly(6), newQueue().claimOnly(6)]);
    const ids = [...a, ...b].map((j) => j.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
  });

  it('runs a recurring kind once per period slot, each run enqueuing the next', async () => {
    let ticks = 0;
    const q = newQueue();
    q.register('test.tick', async () => void ticks++, { every: 3_600_000 });
    await q.scheduleRecurring();
    await q.scheduleRecurring(); // a second instance starting: no second job
    const ticksOf = () => database.db.select().from(jobs).where(eq(jobs.kind, 'test.tick'));
    expect(await ticksOf()).toHaveLength(1);
    await q.drain();
    expect(ticks).toBe(1);
    const pending = (await ticksOf()).filter((j) => j.doneAt === null);
    expect(pending.map((j) => [j.dedupeKey, j.runAt.toISOString()])).toEqual([['test.tick@2026-03-02T02:00:00.000Z', '2026-03-02T02:00:00.000Z']]);
    clock.set('2026-03-02T10:00:00+08:00');
    await q.scheduleRecurring();
    await q.drain();
    expect(ticks).toBe(2);
    // Down for a day: one run when it comes back, not one per missed hour.
    clock.set('2026-03-03T10:30:00+08:00');
    await q.drain();
    expect(ticks).toBe(3);
    expect((await ticksOf()).filter((j) => j.doneAt === null).map((j) => j.runAt.toISOString())).toEqual(['2026-03-03T03:00:00.000Z']);
  });

  it('purges done jobs after two weeks, and keeps failed ones', async () => {
    const done = (await queue.enqueue(database.db, { kind: 'test.ok', payload: { n: 1 }, dedupeKey: 'old' }))!;
    const failed = (await queue.enqueue(database.db, { kind: 'test.nobody', maxAttempts: 1 }))!;
    await queue.drain();
    clock.advance(15 * 86_400_000);
    await queue.scheduleRecurring();
    await queue.drain();
    expect(await database.db.select().from(jobs).where(eq(jobs.id, done))).toEqual([]);
    expect((await row(failed)).failedAt).not.toBeNull();
    expect(await queue.enqueue(database.db, { kind: 'test.ok', payload: { n: 2 }, dedupeKey: 'old' })).not.toBeNull();
  });

  it('polls when started and stops cleanly, finishing the running round', async () => {
    const q = createJobQueue({ db: database.db, now: clock.now, pollMs: 20 });
    let resolveRun: () => void = () => undefined;
    const ran = new Promise<void>((r) => (resolveRun = r));
    q.register('test.signal', async () => resolveRun());
    q.start();
    expect(q.running).toBe(true);
    await q.enqueue(database.db, { kind: 'test.signal' });
    await ran;
    await q.stop();
    expect(q.running).toBe(false);
    const [signal] = await database.db.select().from(jobs).where(eq(jobs.kind, 'test.signal'));
    expect(signal!.doneAt).not.toBeNull();
  });
});
