import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROVINCE_CODES } from '../region/region-code.ts';
import { CREDIT_CODE_ALPHABET, makeCreditCode } from '../identity/credit-code.ts';
import {
  LICENCE_CHECK_ALPHABET,
  LicenceIdentifierError,
  formatLicenceIdentifier,
  isValidLicenceIdentifier,
  licenceCheckChar,
  parseLicenceIdentifier,
  type LicenceIdentifierParts,
} from './identifier.ts';
import { MOHURD } from './sample-licence.ts';

/** The public identifiers of STANDARDS §4.1, the `…W011` forms completed with the MOHURD prefix. */
const PUBLIC_IDENTIFIERS = [
  `1.2.156.3005.2.${MOHURD}032.11220000013544541J.2430599.001.F`,
  `1.2.156.3005.2.${MOHURD}011.11430000006122244L.20230000403.002.S`,
  `1.2.156.3005.2.${MOHURD}011.11430000006122244L.20230000403.001.U`,
  `1.2.156.3005.2.${MOHURD}087.11370800MB28559184.37080001202411010001.001.3`,
  `1.2.156.3005.2.${MOHURD}009.11330105002500287C.2025052201.002.0`,
];

/** Every character a one-character change may introduce: the check alphabet, the dot, and a few outside both. */
const REPLACEMENTS = [...LICENCE_CHECK_ALPHABET, '.', 'a', 'z', '-', ' ', '０'];

const replaceAt = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);

/** Any code point, lone surrogates included (fc's 'binary' unit costs a second to set up). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
const alphabetChar = fc.constantFrom(...LICENCE_CHECK_ALPHABET);
const checkBody = fc.array(alphabetChar, { minLength: 1, maxLength: 80 }).map((cs) => cs.join(''));
const creditChar = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const creditCode = fc
  .record({
    authority: fc.constantFrom(...'123456789ANY'),
    category: creditChar,
    region: fc.oneof(
      fc.constant('100000'),
      fc.tuple(fc.constantFrom(...PROVINCE_CODES), fc.integer({ min: 0, max: 9999 })).map(([p, n]) => p + String(n).padStart(4, '0')),
    ),
    body: fc.array(creditChar, { minLength: 8, maxLength: 8 }).map((cs) => cs.join('')),
  })
  .map(({ authority, category, region, body }) => makeCreditCode(authority, category, region, body));
const parts: fc.Arbitrary<LicenceIdentifierParts> = fc.record({
  typeCode: fc.tuple(creditCode, fc.integer({ min: 0, max: 999 })).map(([c, n]) => c + String(n).padStart(3, '0')),
  issuerCode: creditCode,
  number: fc.array(alphabetChar, { minLength: 1, maxLength: 40 }).map((cs) => cs.join('')),
  version: fc.integer({ min: 1, max: 999 }),
});

describe('licenceCheckChar (ISO/IEC 7064 MOD 37,36)', () => {
  it('reproduces the check character of the public examples', () => {
    expect(licenceCheckChar(`${MOHURD}03211220000013544541J2430599001`)).toBe('F');
    expect(licenceCheckChar(`${MOHURD}00911330105002500287C2025052201002`)).toBe('0');
  });

  it('rejects an empty body and characters outside 0-9A-Z', () => {
    expect(() => licenceCheckChar('')).toThrow(Error);
    expect(() => licenceCheckChar('abc')).toThrow(Error);
    expect(() => licenceCheckChar('12.3')).toThrow(Error);
  });

  it('detects every single-character substitution, the check character included', () => {
    fc.assert(
      fc.property(checkBody, fc.nat(), fc.integer({ min: 1, max: 35 }), (body, at, shift) => {
        const full = body + licenceCheckChar(body);
        const i = at % full.length;
        const replacement = LICENCE_CHECK_ALPHABET.charAt((LICENCE_CHECK_ALPHABET.indexOf(full.charAt(i)) + shift) % 36);
        const mutated = replaceAt(full, i, replacement);
        expect(licenceCheckChar(mutated.slice(0, -1))).not.toBe(mutated.slice(-1));
      }),
    );
  });

  // A hybrid M+1,M system does NOT catch every adjacent transposition: swapping values a and
  // a+1 (mod 36) goes unnoticed when the running P makes P + a ≡ 18 (mod 36), since then both
  // orders leave the same P (S = 18, 19 give P = 36, 1; the next step adds a+1 resp. a). That is
  // 1 in 36 incoming P values for neighbouring values only; every other swap is caught.
  it('detects every adjacent transposition except the one MOD 37,36 blind spot (neighbouring values with P + a ≡ 18 mod 36)', () => {
    fc.assert(
      fc.property(checkBody, fc.nat(), (body, at) => {
        const full = body + licenceCheckChar(body);
        const i = at % (full.length - 1);
        const a = LICENCE_CHECK_ALPHABET.indexOf(full.charAt(i));
        const b = LICENCE_CHECK_ALPHABET.indexOf(full.charAt(i + 1));
        fc.pre(a !== b);
        const swapped = full.slice(0, i) + full.charAt(i + 1) + full.charAt(i) + full.slice(i + 2);
        const detected = licenceCheckChar(swapped.slice(0, -1)) !== swapped.slice(-1);
        const p = runningP(full.slice(0, i));
        const blindSpot = (b - a + 36) % 36 === 1 ? (p + a) % 36 === 18 : (a - b + 36) % 36 === 1 && (p + b) % 36 === 18;
        expect(detected).toBe(!blindSpot);
      }),
      { numRuns: 2000 },
    );
  });

  it('misses the transposition of I and J at the start (P = 36, I = 18): the documented blind spot', () => {
    expect(licenceCheckChar('IJ')).toBe(licenceCheckChar('JI'));
    expect(licenceCheckChar('IK')).not.toBe(licenceCheckChar('KI'));
  });
});

/** P after consuming `prefix` (36 for an empty prefix), mirroring the algorithm. */
function runningP(prefix: string): number {
  let p = 36;
  for (const ch of prefix) p = (2 * ((p + LICENCE_CHECK_ALPHABET.indexOf(ch)) % 36 || 36)) % 37;
  return p;
}

describe('parseLicenceIdentifier', () => {
  it.each(PUBLIC_IDENTIFIERS)('accepts the public identifier %s', (id) => {
    expect(parseLicenceIdentifier(id).ok).toBe(true);
    expect(isValidLicenceIdentifier(id)).toBe(true);
  });

  it('extracts the parts', () => {
    expect(parseLicenceIdentifier(PUBLIC_IDENTIFIERS[1]!)).toEqual({
      ok: true,
      parts: { typeCode: `${MOHURD}011`, issuerCode: '11430000006122244L', number: '20230000403', version: 2 },
    });
  });

  it.each(PUBLIC_IDENTIFIERS)('rejects every one-character change of %s', (id) => {
    for (let i = 0; i < id.length; i++) {
      for (const ch of REPLACEMENTS) {
        if (ch === id.charAt(i)) continue;
        const mutated = replaceAt(id, i, ch);
        expect(parseLicenceIdentifier(mutated).ok, `${mutated} (position ${i})`).toBe(false);
      }
    }
  });

  it('names the failing part', () => {
    const id = PUBLIC_IDENTIFIERS[0]!; // 1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F
    expect(parseLicenceIdentifier('')).toEqual({ ok: false, reason: 'shape' });
    expect(parseLicenceIdentifier(id.replace('.F', ''))).toEqual({ ok: false, reason: 'shape' });
    expect(parseLicenceIdentifier(id.replace('.2430599.', '..'))).toEqual({ ok: false, reason: 'shape' });
    expect(parseLicenceIdentifier(`${id}.`)).toEqual({ ok: false, reason: 'shape' });
    expect(parseLicenceIdentifier(id.replace('1.2.156.3005.2', '1.2.156.3005.3'))).toEqual({ ok: false, reason: 'prefix' });
    expect(parseLicenceIdentifier(id.replace('W032', 'W32A'))).toEqual({ ok: false, reason: 'type_code' });
    expect(parseLicenceIdentifier(id.replace('13338W', '13338X'))).toEqual({ ok: false, reason: 'type_code' });
    expect(parseLicenceIdentifier(id.replace('41J', '41K'))).toEqual({ ok: false, reason: 'issuer_code' });
    expect(parseLicenceIdentifier(id.replace('2430599', '2430599-1'))).toEqual({ ok: false, reason: 'number' });
    expect(parseLicenceIdentifier(id.replace('2430599', 'x'.repeat(41)))).toEqual({ ok: false, reason: 'number' });
    expect(parseLicenceIdentifier(id.replace('.001.', '.000.'))).toEqual({ ok: false, reason: 'version' });
    expect(parseLicenceIdentifier(id.replace('.001.', '.01.'))).toEqual({ ok: false, reason: 'version' });
    expect(parseLicenceIdentifier(id.replace('.F', '.G'))).toEqual({ ok: false, reason: 'check' });
    expect(parseLicenceIdentifier(id.replace('.F', '.f'))).toEqual({ ok: false, reason: 'check' });
    expect(parseLicenceIdentifier(id.replace('.F', '.FF'))).toEqual({ ok: false, reason: 'check' });
  });

  it('rejects the GUID-style number of the failing public fixture kind (lower case and hyphens are outside the checked alphabet)', () => {
    const body = `1.2.156.3005.2.${MOHURD}011.11430000006122244L.3f2a9c1e-7b4d-4e0a-9c55-1d2e3f4a5b6c.001`;
    for (const check of LICENCE_CHECK_ALPHABET) expect(parseLicenceIdentifier(`${body}.${check}`)).toEqual({ ok: false, reason: 'number' });
  });

  it('rejects a public code-comment example whose check character does not reproduce (…2023000001.001.X; MOD 37,36 gives 2)', () => {
    // From a comment in public Java code computing the check (not in STANDARDS §4.1); likely hand-written.
    const body = `1.2.156.3005.2.${MOHURD}050.91610800064834709T.2023000001.001`;
    expect(parseLicenceIdentifier(`${body}.X`)).toEqual({ ok: false, reason: 'check' });
    expect(parseLicenceIdentifier(`${body}.2`).ok).toBe(true);
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: anyCodePoint }), fc.string({ unit: fc.constantFrom('1', '.', 'A', '0', 'W', '2') })), (s) => {
        expect(parseLicenceIdentifier(s).ok).toBe(false);
      }),
    );
    expect(parseLicenceIdentifier(undefined as unknown as string)).toEqual({ ok: false, reason: 'shape' });
  });
});

describe('formatLicenceIdentifier', () => {
  it('rebuilds the public identifiers from their parts', () => {
    expect(formatLicenceIdentifier({ typeCode: `${MOHURD}032`, issuerCode: '11220000013544541J', number: '2430599', version: 1 })).toBe(PUBLIC_IDENTIFIERS[0]);
    expect(formatLicenceIdentifier({ typeCode: `${MOHURD}087`, issuerCode: '11370800MB28559184', number: '37080001202411010001', version: 1 })).toBe(
      PUBLIC_IDENTIFIERS[3],
    );
  });

  it('throws a LicenceIdentifierError naming the bad part', () => {
    const good: LicenceIdentifierParts = { typeCode: `${MOHURD}032`, issuerCode: '11220000013544541J', number: '2430599', version: 1 };
    const reason = (p: Partial<LicenceIdentifierParts>) => {
      try {
        formatLicenceIdentifier({ ...good, ...p });
      } catch (err) {
        expect(err).toBeInstanceOf(LicenceIdentifierError);
        return (err as LicenceIdentifierError).reason;
      }
      return 'none';
    };
    expect(reason({})).toBe('none');
    expect(reason({ typeCode: MOHURD })).toBe('type_code');
    expect(reason({ typeCode: `${MOHURD}03A` })).toBe('type_code');
    expect(reason({ typeCode: '11100000000013338X032' })).toBe('type_code');
    expect(reason({ issuerCode: '11220000013544541K' })).toBe('issuer_code');
    expect(reason({ issuerCode: '11220000013544541j' })).toBe('issuer_code');
    expect(reason({ number: '' })).toBe('number');
    expect(reason({ number: 'abc' })).toBe('number');
    expect(reason({ number: '1'.repeat(41) })).toBe('number');
    expect(reason({ number: '1'.repeat(40) })).toBe('none');
    expect(reason({ version: 0 })).toBe('version');
    expect(reason({ version: 1000 })).toBe('version');
    expect(reason({ version: 1.5 })).toBe('version');
    expect(reason({ version: Number.NaN })).toBe('version');
    expect(reason({ version: 999 })).toBe('none');
  });

  it('round-trips through parseLicenceIdentifier', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const id = formatLicenceIdentifier(p);
        expect(id).toMatch(/^1\.2\.156\.3005\.2\.[0-9A-Z]{21}\.[0-9A-Z]{18}\.[0-9A-Z]{1,40}\.\d{3}\.[0-9A-Z]$/);
        expect(parseLicenceIdentifier(id)).toEqual({ ok: true, parts: p });
      }),
    );
  });
});
