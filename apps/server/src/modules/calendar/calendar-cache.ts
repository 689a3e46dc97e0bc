/**
 * The calendar index kept in memory: it changes a few times a year and every deadline reads it.
 * A change made through this instance empties the cache at once (after its transaction has
 * committed); other instances behind the same database see it within `ttlSeconds`. Concurrent
 * misses share one load, and a load that began before a change is never kept.
 */
import type { CalendarIndex } from '@tongban/domain';

export interface CalendarCache {
  get(): Promise<CalendarIndex>;
  /** Forget the cached index: call after a change has committed. */
  invalidate(): void;
}

export function createCalendarCache(load: () => Promise<CalendarIndex>, ttlSeconds: number, clock: () => number = Date.now): CalendarCache {
  let cached: { value: Promise<CalendarIndex>; at: number } | null = null;
  let generation = 0;
  return {
    get() {
      if (cached && clock() - cached.at < ttlSeconds * 1000) return cached.value;
      const started = generation;
      const value = load();
      const entry = { value, at: clock() };
      cached = entry;
      const forget = () => {
        if (cached === entry) cached = null;
      };
      void value.then(() => (generation !== started ? forget() : undefined), forget);
      return value;
    },
    invalidate() {
      generation++;
      cached = null;
    },
  };
}
