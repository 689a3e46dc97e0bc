/**
 * Public catalog pages (search results and guides) kept in memory: the catalog changes a few
 * times a day and is read all day long. A change made through this instance empties the cache
 * at once; other instances behind the same database show it within the time to live
 * (CATALOG_CACHE_SECONDS). A time to live of 0 turns the cache off.
 */
import { LRUCache } from 'lru-cache';

export interface PublicCache {
  /** The value for `key`, loading it once when absent (concurrent misses share one load). */
  remember<T extends object>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets everything: call after a change to the public catalog has committed. */
  clear(): void;
}

export function createPublicCache(ttlSeconds: number, maxEntries = 2000): PublicCache {
  if (ttlSeconds <= 0) return { remember: (_key, load) => load(), clear: () => undefined };
  const entries = new LRUCache<string, Promise<object>>({ max: maxEntries, ttl: ttlSeconds * 1000 });
  let generation = 0;
  return {
    remember<T extends object>(key: string, load: () => Promise<T>): Promise<T> {
      const cached = entries.get(key) as Promise<T> | undefined;
      if (cached) return cached;
      const started = generation;
      const loading = load();
      entries.set(key, loading);
      // A failed load is not remembered; neither is one that began before a change.
      const forget = () => {
        if (entries.peek(key) === loading) entries.delete(key);
      };
      void loading.then(() => (generation !== started ? forget() : undefined), forget);
      return loading;
    },
    clear() {
      generation++;
      entries.clear();
    },
  };
}
