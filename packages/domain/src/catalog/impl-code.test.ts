import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CREDIT_CODE_ALPHABET, makeCreditCode } from '../identity/credit-code.ts';
import { PROVINCE_CODES } from '../region/region-code.ts';
import { buildImplCode, parseImplCode } from './impl-code.ts';

/** Real 实施编码 values from STANDARDS §1.2. */
const REAL_CODES = [
  { code: '12441500196720244T3442199806003', creditCode: '12441500196720244T', level: '3', baseCode: '442199806003' },
  { code: '11650000010183859F2650116013001', creditCode: '11650000010183859F', level: '2', baseCode: '650116013001' },
  { code: '11370800MB285591843370117002011', creditCode: '11370800MB28559184', level: '3', baseCode: '370117002011' },
];

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));
const validCreditCode = fc
  .record({
    authority: fc.constantFrom(...'123456789ANY'.split('')),
    category: alphabetChar,
    region: fc.tuple(fc.constantFrom(...PROVINCE_CODES), fc.integer({ min: 0, max: 9999 })).map(([p, n]) => p + String(n).padStart(4, '0')),
    body: fc.array(alphabetChar, { minLength: 8, maxLength: 8 }).map((cs) => cs.join('')),
  })
  .map(({ authority, category, region, body }) => makeCreditCode(authority, category, region, body));
const level = fc.constantFrom('1', '2', '3', '4', '5', '6', '7');
const baseCode = fc.array(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')), { minLength: 12, maxLength: 12 }).map((cs) => cs.join(''));

describe('parseImplCode', () => {
  it.each(REAL_CODES)('splits the real code $code', ({ code, creditCode, level, baseCode }) => {
    expect(parseImplCode(code)).toEqual({ ok: true, value: { creditCode, level, baseCode } });
  });

  it('normalises lower-case and spaced input', () => {
    expect(parseImplCode(' 11370800mb28559184 3 370117002011 ')).toMatchObject({ ok: true, value: { creditCode: '11370800MB28559184' } });
  });

  it('reports each failure reason', () => {
    expect(parseImplCode('')).toEqual({ ok: false, reason: 'length' });
    expect(parseImplCode('12441500196720244T344219980600')).toEqual({ ok: false, reason: 'length' });
    expect(parseImplCode('12441500196720244T34421998060-3')).toEqual({ ok: false, reason: 'charset' });
    expect(parseImplCode('12441500196720244X3442199806003')).toEqual({ ok: false, reason: 'creditCode' });
    expect(parseImplCode('12441500196720244T8442199806003')).toEqual({ ok: false, reason: 'level' });
    expect(parseImplCode('12441500196720244T0442199806003')).toEqual({ ok: false, reason: 'level' });
  });
});

describe('buildImplCode', () => {
  it.each(REAL_CODES)('rebuilds $code from its parts', ({ code, creditCode, level, baseCode }) => {
    expect(buildImplCode(creditCode, level, baseCode)).toBe(code);
  });

  it('throws on a bad credit code, level or base code', () => {
    expect(() => buildImplCode('12441500196720244X', '3', '442199806003')).toThrow(/credit code/);
    expect(() => buildImplCode('12441500196720244T', '8', '442199806003')).toThrow(/level/);
    expect(() => buildImplCode('12441500196720244T', '33', '442199806003')).toThrow(/level/);
    expect(() => buildImplCode('12441500196720244T', '3', '4421998060')).toThrow(/base code/);
    expect(() => buildImplCode('12441500196720244T', '3', '442199806003A')).toThrow(/base code/);
    expect(() => buildImplCode('12441500196720244T', '3', '44219980600a')).toThrow(/base code/);
  });

  it('round-trips through parseImplCode', () => {
    fc.assert(
      fc.property(validCreditCode, level, baseCode, (creditCode, lv, base) => {
        const code = buildImplCode(creditCode, lv, base);
        expect(code).toHaveLength(31);
        expect(parseImplCode(code)).toEqual({ ok: true, value: { creditCode, level: lv, baseCode: base } });
      }),
    );
  });
});
