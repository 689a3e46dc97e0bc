import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PROVINCE_CODES } from '../region/region-code.ts';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, isValidCreditCode, makeCreditCode, orgCodeCheckChar, parseCreditCode } from './credit-code.ts';

const VALID_VECTORS = ['9135052155323005XL', '91350100M000100Y43', '91440300708461136T', '12441500196720244T', '11511301008778183N', '115113010833722043'];

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));

/** Arbitrary valid credit code built with makeCreditCode. */
const validCreditCode = fc
  .record({
    authority: fc.constantFrom(...'123456789ANY'.split('')),
    category: alphabetChar,
    region: fc.oneof(
      fc.constant('100000'),
      fc.tuple(fc.constantFrom(...PROVINCE_CODES), fc.integer({ min: 0, max: 9999 })).map(([p, n]) => p + String(n).padStart(4, '0')),
    ),
    body: fc.array(alphabetChar, { minLength: 8, maxLength: 8 }).map((cs) => cs.join('')),
  })
  .map(({ authority, category, region, body }) => makeCreditCode(authority, category, region, body));

describe('check characters', () => {
  it('computes the MOD 31 check char', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('9135052155323005X')).toBe('L');
  });
  it('maps 31 to 0', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });
  it('computes the GB 11714 check char, including X and 0', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('55323005')).toBe('X');
    expect(orgCodeCheckChar('00000000')).toBe('0');
  });
  it('rejects malformed input', () => {
    expect(() => creditCodeCheckChar('123')).toThrow(Error);
    expect(() => creditCodeCheckChar('91350100M000100I4')).toThrow(Error);
    expect(() => orgCodeCheckChar('M000100')).toThrow(Error);
  });
});

describe('parseCreditCode', () => {
  it.each(VALID_VECTORS)('accepts the STANDARDS §7.2 vector %s', (code) => {
    expect(parseCreditCode(code).ok).toBe(true);
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('extracts the parts', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: {
        code: '91350100M000100Y43',
        registrationAuthority: '9',
        category: '1',
        regionCode: '350100',
        orgCode: 'M000100Y4',
      },
    });
  });

  it('normalises lower-case and full-width input', () => {
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
    expect(isValidCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe(true);
    expect(isValidCreditCode(' 9135 0521 5532 3005 xl ')).toBe(true);
  });

  it('reports each failure reason', () => {
    expect(parseCreditCode('')).toEqual({ ok: false, reason: 'length' });
    expect(parseCreditCode('91350100M000100Y4')).toEqual({ ok: false, reason: 'length' });
    for (const bad of ['I', 'O', 'Z', 'S', 'V', '-']) {
      expect(parseCreditCode(`91350100M000100${bad}43`)).toEqual({ ok: false, reason: 'charset' });
    }
    expect(parseCreditCode('B1350100M000100Y43')).toEqual({ ok: false, reason: 'authority' });
    expect(parseCreditCode('0135052155323005XL')).toEqual({ ok: false, reason: 'authority' });
    expect(parseCreditCode('91990100M000100Y43')).toEqual({ ok: false, reason: 'region' });
    expect(parseCreditCode('9135A100M000100Y43')).toEqual({ ok: false, reason: 'region' });
    expect(parseCreditCode('91350100M000100Y53')).toEqual({ ok: false, reason: 'orgCodeChecksum' });
    expect(parseCreditCode('91350100M000100Y44')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('accepts region 100000 for national bodies', () => {
    const code = makeCreditCode('1', '1', '100000', '00001234');
    expect(parseCreditCode(code)).toMatchObject({ ok: true, value: { regionCode: '100000' } });
    expect(parseCreditCode(`${code.slice(0, 2)}100001${code.slice(8)}`).ok).toBe(false);
  });
});

describe('makeCreditCode', () => {
  it('reproduces 91350100M000100Y43 from its parts', () => {
    expect(makeCreditCode('9', '1', '350100', 'M000100Y')).toBe('91350100M000100Y43');
    expect(makeCreditCode('9', '1', '350521', '55323005')).toBe('9135052155323005XL');
  });

  it('normalises its arguments', () => {
    expect(makeCreditCode('9', '1', '３５０１００', 'm000100y')).toBe('91350100M000100Y43');
  });

  it('throws on bad arguments', () => {
    expect(() => makeCreditCode('B', '1', '350100', 'M000100Y')).toThrow(Error);
    expect(() => makeCreditCode('9', '12', '350100', 'M000100Y')).toThrow(Error);
    expect(() => makeCreditCode('9', 'I', '350100', 'M000100Y')).toThrow(Error);
    expect(() => makeCreditCode('9', '1', '990100', 'M000100Y')).toThrow(Error);
    expect(() => makeCreditCode('9', '1', '35010', 'M000100Y')).toThrow(Error);
    expect(() => makeCreditCode('9', '1', '350100', 'M000100')).toThrow(Error);
    expect(() => makeCreditCode('9', '1', '350100', 'M000100O')).toThrow(Error);
  });

  it('always produces codes that parseCreditCode accepts', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => {
        expect(parseCreditCode(code).ok).toBe(true);
      }),
    );
  });
});

describe('credit code properties', () => {
  it('MOD 31 detects every single-character substitution', () => {
    fc.assert(
      fc.property(validCreditCode, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, pos, shift) => {
        const original = code.charAt(pos);
        const index = CREDIT_CODE_ALPHABET.indexOf(original);
        const replacement = CREDIT_CODE_ALPHABET.charAt((index + shift) % 31);
        const mutated = code.slice(0, pos) + replacement + code.slice(pos + 1);
        expect(creditCodeCheckChar(mutated.slice(0, 17))).not.toBe(mutated.charAt(17));
        expect(parseCreditCode(mutated).ok).toBe(false);
      }),
    );
  });
});
