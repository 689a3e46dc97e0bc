// Canonical serialisation of licence data for signing (签名原文): the same data gives the same
// bytes, whoever built the object and in whatever key order or Unicode form.
//
// Rules: JSON with object keys sorted (by UTF-16 code units, as RFC 8785 JCS) at every level, no
// whitespace, every string (keys included) NFC-normalised, numbers as JSON numbers (ECMAScript
// number-to-string, as JCS; NaN and ±Infinity rejected), object members whose value is
// `undefined` dropped, arrays kept in order. Anything else (undefined inside an array, bigint,
// Date, Map, class instances, functions, cycles, two keys equal after NFC) is rejected with a
// `CanonicalJsonError`: signed data must have exactly one reading.

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    readonly problem: 'not_finite' | 'unsupported_type' | 'undefined_in_array' | 'cycle' | 'duplicate_key',
  ) {
    super(`canonical JSON: ${problem} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, path: string, open: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.normalize('NFC'));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, 'not_finite');
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(path, 'unsupported_type');
  }
  if (open.has(value)) throw new CanonicalJsonError(path, 'cycle');
  open.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = `[${value
      .map((item: unknown, i) => {
        if (item === undefined) throw new CanonicalJsonError(`${path}[${i}]`, 'undefined_in_array');
        return write(item, `${path}[${i}]`, open);
      })
      .join(',')}]`;
  } else if (isPlainObject(value)) {
    const members = new Map<string, string>();
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const k = key.normalize('NFC');
      if (members.has(k)) throw new CanonicalJsonError(`${path}.${k}`, 'duplicate_key');
      members.set(k, write(item, `${path}.${k}`, open));
    }
    const keys = [...members.keys()].sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${members.get(k)}`).join(',')}}`;
  } else {
    throw new CanonicalJsonError(path, 'unsupported_type');
  }
  open.delete(value);
  return out;
}

/** The canonical JSON text of `value`. Throws `CanonicalJsonError` for anything that has no single JSON reading. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new CanonicalJsonError('$', 'unsupported_type');
  return write(value, '$', new Set());
}

/** The canonical JSON text encoded as UTF-8. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
