import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PROVINCE_CODES } from '../region/region-code.ts';
import { isValidResidentId, normaliseIdentifier, parseResidentId, residentIdCheckChar } from './resident-id.ts';

const TODAY = new Date(2025, 5, 15); // 2025-06-15, local time

/** Arbitrary valid resident ID: province prefix + 4 digits + real date + seq + check char. */
const validResidentId = fc
  .record({
    province: fc.constantFrom(...PROVINCE_CODES),
    rest: fc.integer({ min: 0, max: 9999 }),
    year: fc.integer({ min: 1850, max: 2024 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, year, month, day, seq }) => {
    const maxDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const d = Math.min(day, maxDay);
    const first17 =
      province + String(rest).padStart(4, '0') + String(year) + String(month).padStart(2, '0') + String(d).padStart(2, '0') + String(seq).padStart(3, '0');
    return first17 + residentIdCheckChar(first17);
  });

describe('normaliseIdentifier', () => {
  it('converts full-width characters, removes spaces and upper-cases', () => {
    expect(normaliseIdentifier(' １１０１０５ １９４９１２３１００２ｘ ')).toBe('11010519491231002X');
    expect(normaliseIdentifier('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(normaliseIdentifier('a b\u3000c')).toBe('ABC');
    expect(normaliseIdentifier('')).toBe('');
  });
});

describe('residentIdCheckChar', () => {
  it('computes the MOD 11-2 check char', () => {
    expect(residentIdCheckChar('44088219850329301')).toBe('7');
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });
  it('rejects malformed input', () => {
    expect(() => residentIdCheckChar('123')).toThrow(Error);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(Error);
  });
});

describe('parseResidentId', () => {
  it.each(['440882198503293017', '11010519491231002X', '440524188001010014'])('accepts the STANDARDS §7.1 vector %s', (id) => {
    expect(parseResidentId(id, TODAY).ok).toBe(true);
    expect(isValidResidentId(id)).toBe(true);
  });

  it('rejects 110105194912310021 with reason checksum', () => {
    expect(parseResidentId('110105194912310021', TODAY)).toEqual({ ok: false, reason: 'checksum' });
    expect(isValidResidentId('110105194912310021')).toBe(false);
  });

  it('extracts region, birth date and gender', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { id: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'female' },
    });
    const male = parseResidentId('440882198503293017', TODAY);
    expect(male.ok && male.value.gender).toBe('male');
  });

  it('normalises lower-case and full-width input', () => {
    const lower = parseResidentId('11010519491231002x', TODAY);
    expect(lower.ok && lower.value.id).toBe('11010519491231002X');
    const full = parseResidentId('１１０１０５１９４９１２３１００２Ｘ', TODAY);
    expect(full.ok && full.value.id).toBe('11010519491231002X');
    expect(parseResidentId(' 110105 19491231 002X ', TODAY).ok).toBe(true);
  });

  it('reports each failure reason', () => {
    expect(parseResidentId('', TODAY)).toEqual({ ok: false, reason: 'length' });
    expect(parseResidentId('110105491231002', TODAY)).toEqual({ ok: false, reason: 'length' });
    expect(parseResidentId('11010519491231002Y', TODAY)).toEqual({ ok: false, reason: 'charset' });
    expect(parseResidentId('1101051949123X0021', TODAY)).toEqual({ ok: false, reason: 'charset' });
    expect(parseResidentId('99010519491231002X', TODAY)).toEqual({ ok: false, reason: 'region' });
    expect(parseResidentId('19010519491231002X', TODAY)).toEqual({ ok: false, reason: 'region' });
    expect(parseResidentId('110105194902300021', TODAY)).toEqual({ ok: false, reason: 'birthDate' });
    expect(parseResidentId('110105194913010021', TODAY)).toEqual({ ok: false, reason: 'birthDate' });
    expect(parseResidentId('110105184912310021', TODAY)).toEqual({ ok: false, reason: 'birthDate' });
  });

  it('validates leap days and rejects birth dates after today', () => {
    const leap = '11010520000229001';
    expect(parseResidentId(leap + residentIdCheckChar(leap), TODAY).ok).toBe(true);
    const notLeap = '11010519000229001';
    expect(parseResidentId(notLeap + residentIdCheckChar(notLeap), TODAY)).toEqual({
      ok: false,
      reason: 'birthDate',
    });
    const onToday = '11010520250615001';
    expect(parseResidentId(onToday + residentIdCheckChar(onToday), TODAY).ok).toBe(true);
    const tomorrow = '11010520250616001';
    expect(parseResidentId(tomorrow + residentIdCheckChar(tomorrow), TODAY)).toEqual({
      ok: false,
      reason: 'birthDate',
    });
  });
});

describe('resident ID properties', () => {
  it('every generated valid ID validates', () => {
    fc.assert(
      fc.property(validResidentId, (id) => {
        expect(parseResidentId(id, TODAY).ok).toBe(true);
      }),
    );
  });

  it('MOD 11-2 detects every single-character substitution', () => {
    const allowed = '0123456789X';
    fc.assert(
      fc.property(validResidentId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, pos, shift) => {
        const pool = pos === 17 ? allowed : allowed.slice(0, 10);
        const original = id.charAt(pos);
        const replacement = pool.charAt((pool.indexOf(original) + shift) % pool.length);
        if (replacement === original) return; // shift wrapped around a 10-char pool
        const mutated = id.slice(0, pos) + replacement + id.slice(pos + 1);
        expect(residentIdCheckChar(mutated.slice(0, 17))).not.toBe(mutated.charAt(17));
        expect(parseResidentId(mutated, TODAY).ok).toBe(false);
      }),
    );
  });
});
