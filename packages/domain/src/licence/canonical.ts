// Canonical serialisation of licence data for signing (签名原文): the same data gives the same
// bytes, whoever built the object and in whatever key order or Unicode form.
//
// Rules: JSON with object keys sorted (by UTF-16 code units, as RFC 8785 JCS) at every level, no
// whitespace, every string (keys included) NFC-normalised, numbers as JSON numbers (ECMAScript
// number-to-string, as JCS; NaN and ±Infinity rejected), object members whose value is
// `undefined` dropped, arrays kept in order. Anything else (undefined inside an array, bigint,
// Date, Map, class instances, functions, cycles, two keys equal after NFC) is rejected with a
// `CanonicalJsonError`: signed data must have exactly one reading.
import type { LicenceContent } from './licence-content.ts';

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

/** Names this payload layout inside the signed bytes, so a later layout can never be confused with this one. */
export const LICENCE_PAYLOAD_FORMAT = 'tongban.licence.v1';

/**
 * The bytes that are signed for a licence: exactly the fields below, whatever else the object
 * carries (status, signature, database ids are not signed: status changes over a licence's life
 * without re-signing). Absent optional values are signed as null, so "no end date" and "no
 * previous version" are part of the signature too.
 */
export function licenceSigningPayload(licence: LicenceContent): Uint8Array {
  return canonicalBytes({
    format: LICENCE_PAYLOAD_FORMAT,
    identifier: licence.identifier,
    typeCode: licence.typeCode,
    holder: { idType: licence.holder.idType, idNumber: licence.holder.idNumber, name: licence.holder.name },
    issuer: { code: licence.issuer.code, name: licence.issuer.name },
    issueDate: licence.issueDate,
    validFrom: licence.validFrom,
    validUntil: licence.validUntil ?? null,
    data: licence.data,
    version: licence.version,
    previousIdentifier: licence.previousIdentifier ?? null,
  });
}
