import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CanonicalJsonError, canonicalBytes, canonicalJson } from './canonical.ts';
import { licenceSigningPayload } from './licence-content.ts';
import type { LicenceContent } from './licence-content.ts';
import { MOHURD, sampleLicence } from './sample-licence.ts';

/** The same value with the keys of every object in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function problem(value: unknown): string {
  try {
    canonicalJson(value);
  } catch (err) {
    expect(err).toBeInstanceOf(CanonicalJsonError);
    return (err as CanonicalJsonError).problem;
  }
  return 'none';
}

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785', () => {
    expect(canonicalJson({ 姓名: 1, Z: 2, a: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"Z":2,"a":3,"姓名":1}');
  });

  it('gives the same bytes whatever the key order', () => {
    const licence = sampleLicence();
    expect(canonicalBytes(reverseKeys(licence))).toEqual(canonicalBytes(licence));
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(reverseKeys(v))).toBe(canonicalJson(v));
      }),
    );
  });

  it('NFC-normalises strings and keys, so composed and decomposed forms give the same bytes', () => {
    expect(canonicalJson({ 'cafe\u0301': 'Jose\u0301' })).toBe(canonicalJson({ café: 'José' }));
    // A CJK compatibility ideograph (U+F92C) is canonically the unified one (U+90CE 郎).
    expect(canonicalBytes({ name: '\uF92C' })).toEqual(canonicalBytes({ name: '\u90CE' }));
    expect(canonicalJson(['\u1100\u1161'])).toBe('["\uAC00"]');
  });

  it('rejects two keys that are equal after normalisation', () => {
    expect(problem({ 'cafe\u0301': 1, café: 2 })).toBe('duplicate_key');
  });

  it('writes numbers as JSON numbers and rejects NaN and Infinity', () => {
    expect(canonicalJson([1, 1.0, -0, 0.5, 1e21, -3])).toBe('[1,1,0,0.5,1e+21,-3]');
    expect(problem({ a: Number.NaN })).toBe('not_finite');
    expect(problem([Number.POSITIVE_INFINITY])).toBe('not_finite');
    expect(problem(Number.NEGATIVE_INFINITY)).toBe('not_finite');
  });

  it('drops undefined members, keeps arrays in order and rejects undefined inside arrays', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]));
    expect(problem([1, undefined])).toBe('undefined_in_array');
    expect(problem(undefined)).toBe('unsupported_type');
  });

  it('rejects values without a single JSON reading', () => {
    expect(problem({ at: new Date(0) })).toBe('unsupported_type');
    expect(problem({ n: 1n })).toBe('unsupported_type');
    expect(problem({ f: () => 1 })).toBe('unsupported_type');
    expect(problem(new Map())).toBe('unsupported_type');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(problem(cyclic)).toBe('cycle');
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { a: 1 }))).toBe('{"a":1}');
  });

  it('is valid JSON that reads back to the same canonical form', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const once = canonicalJson(v);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });
});

describe('licenceSigningPayload', () => {
  it('covers exactly the signed fields, in canonical form', () => {
    const payload = JSON.parse(text(licenceSigningPayload(sampleLicence()))) as Record<string, unknown>;
    expect(Object.keys(payload)).toEqual([
      'data',
      'format',
      'holder',
      'identifier',
      'issueDate',
      'issuer',
      'previousIdentifier',
      'typeCode',
      'validFrom',
      'validUntil',
      'version',
    ]);
    expect(payload.format).toBe('tongban.licence.v1');
  });

  it('ignores fields that are not signed (status, signature, database ids)', () => {
    const extra = { ...sampleLicence(), status: 'suspended', signature: 'x', id: 42 };
    expect(licenceSigningPayload(extra)).toEqual(licenceSigningPayload(sampleLicence()));
  });

  it('does not change with key order or Unicode form', () => {
    const decomposed = sampleLicence();
    decomposed.data = { ...decomposed.data, note: 'Jose\u0301' };
    const composed = sampleLicence();
    composed.data = { ...composed.data, note: 'José' };
    expect(licenceSigningPayload(reverseKeys(decomposed) as LicenceContent)).toEqual(licenceSigningPayload(composed));
  });

  const changes: [string, (l: LicenceContent) => void][] = [
    ['identifier', (l) => (l.identifier = l.identifier.replace('.S', '.T'))],
    ['typeCode', (l) => (l.typeCode = `${MOHURD}012`)],
    ['holder.idType', (l) => (l.holder.idType = '001')],
    ['holder.idNumber', (l) => (l.holder.idNumber = '110105194912310021')],
    ['holder.name', (l) => (l.holder.name = '张四')],
    ['issuer.code', (l) => (l.issuer.code = '11220000013544541J')],
    ['issuer.name', (l) => (l.issuer.name = '湖南省住房和城乡建设厅 ')],
    ['issueDate', (l) => (l.issueDate = '2026-03-03')],
    ['validFrom', (l) => (l.validFrom = '2026-03-03')],
    ['validUntil', (l) => (l.validUntil = '2029-03-02')],
    ['validUntil → 长期', (l) => (l.validUntil = null)],
    ['data field', (l) => (l.data = { ...l.data, category: 'C' })],
    ['data added', (l) => (l.data = { ...l.data, extra: '' })],
    ['data nested', (l) => (l.data = { ...l.data, company: { name: '示例建设有限公司', code: '91350100M000100Y44' } })],
    ['data array order', (l) => (l.data = { ...l.data, scope: ['市政', '房屋建筑'] })],
    ['data number vs string', (l) => (l.data = { ...l.data, category: 11 })],
    ['version', (l) => (l.version = 3)],
    ['previousIdentifier', (l) => (l.previousIdentifier = null)],
  ];

  it.each(changes)('changes when %s changes', (_name, change) => {
    const changed = sampleLicence();
    change(changed);
    expect(licenceSigningPayload(changed)).not.toEqual(licenceSigningPayload(sampleLicence()));
  });
});
