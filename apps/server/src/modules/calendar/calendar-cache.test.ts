import { describe, expect, it } from 'vitest';
import { indexCalendarSource, type CalendarIndex } from '@tongban/domain';
import { createCalendarCache } from './calendar-cache.ts';

const empty = (): CalendarIndex => indexCalendarSource({ schedules: [], adjustments: [] });

describe('createCalendarCache', () => {
  it('loads once for concurrent readers and keeps the index for its time to live', async () => {
    let loads = 0;
    let now = 0;
    const cache = createCalendarCache(
      async () => {
        loads++;
        return empty();
      },
      60,
      () => now,
    );
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    now = 59_999;
    await cache.get();
    expect(loads).toBe(1);
    now = 60_000;
    await cache.get();
    expect(loads).toBe(2);
  });

  it('reloads after an invalidation, and never keeps a load that began before it', async () => {
    let loads = 0;
    let release: () => void = () => undefined;
    const cache = createCalendarCache(async () => {
      loads++;
      if (loads === 1) await new Promise<void>((resolve) => (release = resolve));
      return empty();
    }, 60);
    const stale = cache.get();
    cache.invalidate(); // a change commits while the first load is still running
    release();
    await stale;
    await cache.get();
    expect(loads).toBe(2);
    await cache.get();
    expect(loads).toBe(2);
  });

  it('forgets a failed load', async () => {
    let loads = 0;
    const cache = createCalendarCache(async () => {
      loads++;
      if (loads === 1) throw new Error('database gone');
      return empty();
    }, 60);
    await expect(cache.get()).rejects.toThrow('database gone');
    await expect(cache.get()).resolves.toBeDefined();
    expect(loads).toBe(2);
  });
});
