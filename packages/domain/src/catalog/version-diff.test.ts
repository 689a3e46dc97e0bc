import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { comparePaths, diffContent } from './version-diff.ts';

/** JSON text with object keys sorted, so key order does not count as a difference. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const material = fc.record({
  key: fc.constantFrom('id_card', 'business_licence', 'application_form', 'lease'),
  name: fc.string({ maxLength: 4 }),
  copies: fc.integer({ min: 0, max: 3 }),
});
const content = fc.record({
  name: fc.string({ maxLength: 4 }),
  fees: fc.array(fc.record({ standard: fc.string({ maxLength: 3 }), basis: fc.string({ maxLength: 3 }) }), { maxLength: 3 }),
  materials: fc.uniqueArray(material, { selector: (m) => m.key, maxLength: 4 }),
  tags: fc.array(fc.string({ maxLength: 2 }), { maxLength: 3 }),
});

describe('diffContent', () => {
  it('reports primitives, nested fields, added and removed keys', () => {
    expect(
      diffContent(
        { name: 'a', fees: [{ standard: '10', basis: 'x' }], channels: { online: false }, old: 1 },
        { name: 'b', fees: [{ standard: '20', basis: 'x' }], channels: { online: true }, added: [1] },
      ),
    ).toEqual([
      { path: 'added', before: undefined, after: [1] },
      { path: 'channels.online', before: false, after: true },
      { path: 'fees.0.standard', before: '10', after: '20' },
      { path: 'name', before: 'a', after: 'b' },
      { path: 'old', before: 1, after: undefined },
    ]);
  });

  it('matches keyed array elements by key', () => {
    const before = {
      materials: [
        { key: 'id_card', name: '身份证' },
        { key: 'business_licence', name: '营业执照' },
      ],
    };
    const after = {
      materials: [
        { key: 'business_licence', name: '营业执照副本' },
        { key: 'lease', name: '租赁合同' },
      ],
    };
    expect(diffContent(before, after)).toEqual([
      { path: 'materials[business_licence].name', before: '营业执照', after: '营业执照副本' },
      { path: 'materials[id_card]', before: { key: 'id_card', name: '身份证' }, after: undefined },
      { path: 'materials[lease]', before: undefined, after: { key: 'lease', name: '租赁合同' } },
    ]);
  });

  it('reports a reorder of keyed elements once', () => {
    const a = { key: 'a', n: 1 };
    const b = { key: 'b', n: 2 };
    expect(diffContent({ materials: [a, b] }, { materials: [b, a] })).toEqual([{ path: 'materials.$order', before: ['a', 'b'], after: ['b', 'a'] }]);
  });

  it('compares arrays by index, with added and removed tails', () => {
    expect(diffContent({ tags: ['x', 'y'] }, { tags: ['x', 'z', 'w'] })).toEqual([
      { path: 'tags.1', before: 'y', after: 'z' },
      { path: 'tags.2', before: undefined, after: 'w' },
    ]);
  });

  it('reports a change of kind as one entry, and a root primitive at path ""', () => {
    expect(diffContent({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', before: [1], after: { 0: 1 } }]);
    expect(diffContent({ a: null }, { a: {} })).toEqual([{ path: 'a', before: null, after: {} }]);
    expect(diffContent(1, 2)).toEqual([{ path: '', before: 1, after: 2 }]);
  });

  it('sorts numeric path parts as numbers', () => {
    const before = { fees: Array.from({ length: 12 }, () => 0) };
    const after = { fees: Array.from({ length: 12 }, () => 1) };
    expect(diffContent(before, after).map((c) => c.path)).toEqual(Array.from({ length: 12 }, (_, i) => `fees.${i}`));
    expect(comparePaths('fees.2', 'fees.10')).toBeLessThan(0);
    expect(comparePaths('fees', 'fees.0')).toBeLessThan(0);
  });

  it('finds nothing between a value and itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), content), (x) => {
        expect(diffContent(x, x)).toEqual([]);
        expect(diffContent(x, structuredClone(x))).toEqual([]);
      }),
    );
  });

  it('finds something whenever the JSON differs', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(fc.jsonValue(), fc.jsonValue()), fc.tuple(content, content)), ([a, b]) => {
        const changes = diffContent(a, b);
        expect(changes.length > 0).toBe(canonical(a) !== canonical(b));
      }),
    );
  });

  it('returns changes sorted by path', () => {
    fc.assert(
      fc.property(content, content, (a, b) => {
        const paths = diffContent(a, b).map((c) => c.path);
        expect(paths).toEqual([...paths].sort(comparePaths));
      }),
    );
  });
});
