/**
 * A small least-recently-used cache of rendered documents. Rendering a CJK PDF costs about half
 * a second of CPU (font parsing and subsetting), so documents whose input never changes (a
 * published guide version) are rendered once. Concurrent requests for the same key share one
 * rendering; a failed rendering is not kept.
 */
export interface RenderCache {
  get(key: string, render: () => Promise<Buffer>): Promise<Buffer>;
  readonly size: number;
}

export function createRenderCache({ max = 32 }: { max?: number } = {}): RenderCache {
  const entries = new Map<string, Promise<Buffer>>();
  return {
    get(key, render) {
      const hit = entries.get(key);
      if (hit) {
        // Map keeps insertion order: re-inserting marks the entry as the most recently used.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const pending = Promise.resolve().then(render);
      entries.set(key, pending);
      pending.catch(() => {
        if (entries.get(key) === pending) entries.delete(key);
      });
      while (entries.size > max) entries.delete(entries.keys().next().value!);
      return pending;
    },
    get size() {
      return entries.size;
    },
  };
}
