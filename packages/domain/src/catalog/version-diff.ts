// 版本比对: a readable structural diff of two item-content versions (JSON values).

/** One changed leaf or subtree. A side that does not exist is `undefined`. */
export interface ContentChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Path segment reported when the order of keyed elements changed (before/after hold the key lists). */
export const ORDER_SEGMENT = '$order';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const join = (parent: string, segment: string): string => (parent === '' ? segment : `${parent}.${segment}`);

/** The `key` fields of an array whose elements are all objects with a unique string `key`; null otherwise. */
function keysOf(items: readonly unknown[]): string[] | null {
  const keys: string[] = [];
  for (const item of items) {
    if (!isPlainObject(item) || typeof item.key !== 'string') return null;
    keys.push(item.key);
  }
  return new Set(keys).size === keys.length ? keys : null;
}

function diffKeyed(before: readonly unknown[], after: readonly unknown[], beforeKeys: string[], afterKeys: string[], path: string, out: ContentChange[]): void {
  const beforeByKey = new Map(beforeKeys.map((k, i) => [k, before[i]]));
  const afterByKey = new Map(afterKeys.map((k, i) => [k, after[i]]));
  for (const [k, value] of beforeByKey) {
    const at = `${path}[${k}]`;
    if (afterByKey.has(k)) walk(value, afterByKey.get(k), at, out);
    else out.push({ path: at, before: value, after: undefined });
  }
  for (const [k, value] of afterByKey) {
    if (!beforeByKey.has(k)) out.push({ path: `${path}[${k}]`, before: undefined, after: value });
  }
  const commonBefore = beforeKeys.filter((k) => afterByKey.has(k));
  const commonAfter = afterKeys.filter((k) => beforeByKey.has(k));
  if (commonBefore.some((k, i) => k !== commonAfter[i])) {
    out.push({ path: join(path, ORDER_SEGMENT), before: commonBefore, after: commonAfter });
  }
}

function diffArrays(before: readonly unknown[], after: readonly unknown[], path: string, out: ContentChange[]): void {
  const beforeKeys = keysOf(before);
  const afterKeys = keysOf(after);
  if (beforeKeys !== null && afterKeys !== null) {
    diffKeyed(before, after, beforeKeys, afterKeys, path, out);
    return;
  }
  const length = Math.max(before.length, after.length);
  for (let i = 0; i < length; i += 1) walk(before[i], after[i], join(path, String(i)), out);
}

function walk(before: unknown, after: unknown, path: string, out: ContentChange[]): void {
  if (before === after) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArrays(before, after, path, out);
    return;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const k of keys) walk(before[k], after[k], join(path, k), out);
    return;
  }
  out.push({ path, before, after });
}

/** Compares paths with digit runs as numbers, so `fees.2` sorts before `fees.10`. */
export function comparePaths(a: string, b: string): number {
  const ta = a.split(/(\d+)/u);
  const tb = b.split(/(\d+)/u);
  const n = Math.min(ta.length, tb.length);
  for (let i = 0; i < n; i += 1) {
    const x = ta[i] ?? '';
    const y = tb[i] ?? '';
    if (x === y) continue;
    // split() with a capture group puts digit runs at odd indices in both arrays.
    if (i % 2 === 1 && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return ta.length - tb.length;
}

/**
 * Structural diff of two JSON values, sorted by path (`comparePaths`).
 * Objects are compared by key (key order ignored, a missing key equals `undefined`),
 * arrays by index (`fees.0.standard`), except arrays whose elements all carry a
 * unique string `key` (e.g. materials), which are matched by key
 * (`materials[business_licence].name`); a reorder of such elements is reported once
 * at `materials.$order`. Primitives compare with `===`. The root path is ''.
 */
export function diffContent(before: unknown, after: unknown): ContentChange[] {
  const out: ContentChange[] = [];
  walk(before, after, '', out);
  return out.sort((x, y) => comparePaths(x.path, y.path));
}
