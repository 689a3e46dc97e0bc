import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PROVINCE_CODES, isProvinceCode, isRegionWithin, isValidRegionCode, parentRegionCode, regionLevel } from './region-code.ts';

describe('regionLevel', () => {
  it.each([
    ['510000', 'province'],
    ['511900', 'city'],
    ['511902', 'county'],
    ['110105', 'county'],
    ['511902001', 'township'],
    ['511902001000', 'township'],
    ['511902001001', 'village'],
    ['441900003000', 'township'],
  ] as const)('%s is a %s', (code, level) => {
    expect(regionLevel(code)).toBe(level);
    expect(isValidRegionCode(code)).toBe(true);
  });

  it.each(['', '51190', '5119021', '51190200100', '990000', '5119O2', '511902000', '511902000000', '510000001000'])('rejects %j', (code) => {
    expect(regionLevel(code)).toBeNull();
    expect(isValidRegionCode(code)).toBe(false);
  });
});

describe('isProvinceCode', () => {
  it('knows the GB/T 2260 province prefixes', () => {
    expect(PROVINCE_CODES).toHaveLength(34);
    expect(isProvinceCode('11')).toBe(true);
    expect(isProvinceCode('82')).toBe(true);
    expect(isProvinceCode('16')).toBe(false);
    expect(isProvinceCode('1')).toBe(false);
  });
});

describe('parentRegionCode', () => {
  it('walks village → township → county → city → province', () => {
    expect(parentRegionCode('511902001001')).toBe('511902001000');
    expect(parentRegionCode('511902001000')).toBe('511902');
    expect(parentRegionCode('511902001')).toBe('511902');
    expect(parentRegionCode('511902')).toBe('511900');
    expect(parentRegionCode('511900')).toBe('510000');
    expect(parentRegionCode('510000')).toBeNull();
  });

  it('handles municipality districts and townships directly under a city', () => {
    expect(parentRegionCode('110105')).toBe('110100');
    expect(parentRegionCode('110100')).toBe('110000');
    expect(parentRegionCode('441900003000')).toBe('441900');
  });

  it('returns null for invalid codes', () => {
    expect(parentRegionCode('abc')).toBeNull();
    expect(parentRegionCode('990100')).toBeNull();
  });
});

describe('isRegionWithin', () => {
  it('is true for the code itself and its ancestors', () => {
    expect(isRegionWithin('511902001001', '511902001001')).toBe(true);
    expect(isRegionWithin('511902001001', '511902001000')).toBe(true);
    expect(isRegionWithin('511902001001', '511902001')).toBe(true);
    expect(isRegionWithin('511902001001', '511902')).toBe(true);
    expect(isRegionWithin('511902001001', '510000')).toBe(true);
    expect(isRegionWithin('511902001', '511902001000')).toBe(true);
    expect(isRegionWithin('110105', '110000')).toBe(true);
  });

  it('is false for siblings, descendants and invalid codes', () => {
    expect(isRegionWithin('511902', '511903')).toBe(false);
    expect(isRegionWithin('511900', '511902')).toBe(false);
    expect(isRegionWithin('110105', '120000')).toBe(false);
    expect(isRegionWithin('abc', 'abc')).toBe(false);
  });
});

describe('region properties', () => {
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((ds) => ds.join(''));
  const anyCode = fc.oneof(
    fc.tuple(fc.constantFrom(...PROVINCE_CODES), digits(4)).map(([p, d]) => p + d),
    fc.tuple(fc.constantFrom(...PROVINCE_CODES), digits(7)).map(([p, d]) => p + d),
    fc.tuple(fc.constantFrom(...PROVINCE_CODES), digits(10)).map(([p, d]) => p + d),
  );

  it('the parent chain of every valid code terminates at its province', () => {
    fc.assert(
      fc.property(anyCode, (code) => {
        fc.pre(isValidRegionCode(code));
        let current = code;
        let steps = 0;
        for (let parent = parentRegionCode(current); parent !== null; parent = parentRegionCode(current)) {
          expect(isValidRegionCode(parent)).toBe(true);
          current = parent;
          steps += 1;
          expect(steps).toBeLessThanOrEqual(4);
        }
        expect(regionLevel(current)).toBe('province');
        expect(current).toBe(`${code.slice(0, 2)}0000`);
        expect(isRegionWithin(code, current)).toBe(true);
      }),
    );
  });
});

describe('regionPrefix', () => {
  it('gives the digits shared by every code inside a division', async () => {
    const { regionPrefix } = await import('./region-code.ts');
    expect(regionPrefix('510000')).toBe('51');
    expect(regionPrefix('511900')).toBe('5119');
    expect(regionPrefix('511902')).toBe('511902');
    expect(regionPrefix('511902001000')).toBe('511902001');
    expect(regionPrefix('511902001001')).toBe('511902001001');
    expect(regionPrefix('51190')).toBeNull();
  });
});
