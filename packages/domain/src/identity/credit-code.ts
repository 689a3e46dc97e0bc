// 统一社会信用代码, GB 32100-2015, with the embedded 组织机构代码 (GB 11714).
import { isProvinceCode } from '../region/region-code.ts';
import { normaliseIdentifier } from './resident-id.ts';

export type CreditCodeFailure = 'length' | 'charset' | 'authority' | 'region' | 'orgCodeChecksum' | 'checksum';

export interface CreditCodeInfo {
  code: string;
  /** Position 1: 登记管理部门代码. */
  registrationAuthority: string;
  /** Position 2: 机构类别代码. */
  category: string;
  /** Positions 3-8: 登记管理机关行政区划码. */
  regionCode: string;
  /** Positions 9-17: 组织机构代码 including its check char. */
  orgCode: string;
}

export type CreditCodeResult = { ok: true; value: CreditCodeInfo } | { ok: false; reason: CreditCodeFailure };

/** The 31 characters allowed in a credit code (no I, O, Z, S, V). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHARSET_RE = /^[0-9A-HJ-NP-RTUWXY]{18}$/;
const ORG_BODY_RE = /^[0-9A-HJ-NP-RTUWXY]{8}$/;
const AUTHORITY_RE = /^[1-9ANY]$/;
/** Region code used by national (central) registration bodies. */
const NATIONAL_REGION = '100000';

/** MOD 31 check character (position 18) for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('creditCodeCheckChar: expected 17 characters');
  let sum = 0;
  CREDIT_WEIGHTS.forEach((weight, i) => {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new Error('creditCodeCheckChar: character outside the alphabet');
    sum += value * weight;
  });
  const c = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET.charAt(c === 31 ? 0 : c);
}

/** GB 11714 check character for the first 8 characters of an organisation code. */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) {
    throw new Error('orgCodeCheckChar: expected 8 characters from 0-9 and A-Z');
  }
  let sum = 0;
  ORG_WEIGHTS.forEach((weight, i) => {
    // parseInt base 36 maps 0-9 to 0-9 and A-Z to 10-35.
    sum += parseInt(first8.charAt(i), 36) * weight;
  });
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

function isValidRegion(region: string): boolean {
  return region === NATIONAL_REGION || (/^\d{6}$/.test(region) && isProvinceCode(region.slice(0, 2)));
}

/**
 * Parses a credit code. Checks, in order: length 18, charset, authority
 * `[1-9ANY]`, region (province code prefix or 100000), embedded
 * organisation-code check char, final check char.
 */
export function parseCreditCode(input: string): CreditCodeResult {
  const code = normaliseIdentifier(input);
  if (code.length !== 18) return { ok: false, reason: 'length' };
  if (!CHARSET_RE.test(code)) return { ok: false, reason: 'charset' };
  if (!AUTHORITY_RE.test(code.charAt(0))) return { ok: false, reason: 'authority' };
  const regionCode = code.slice(2, 8);
  if (!isValidRegion(regionCode)) return { ok: false, reason: 'region' };
  const orgCode = code.slice(8, 17);
  if (orgCodeCheckChar(orgCode.slice(0, 8)) !== orgCode.charAt(8)) {
    return { ok: false, reason: 'orgCodeChecksum' };
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code.charAt(17)) {
    return { ok: false, reason: 'checksum' };
  }
  return {
    ok: true,
    value: {
      code,
      registrationAuthority: code.charAt(0),
      category: code.charAt(1),
      regionCode,
      orgCode,
    },
  };
}

export function isValidCreditCode(input: string): boolean {
  return parseCreditCode(input).ok;
}

/**
 * Builds a valid credit code from its parts by computing the organisation-code
 * check char and the final check char. Arguments are normalised first.
 * Throws an Error when a part is malformed.
 */
export function makeCreditCode(authority: string, category: string, regionCode6: string, orgBody8: string): string {
  const a = normaliseIdentifier(authority);
  const c = normaliseIdentifier(category);
  const r = normaliseIdentifier(regionCode6);
  const o = normaliseIdentifier(orgBody8);
  if (!AUTHORITY_RE.test(a)) {
    throw new Error('makeCreditCode: authority must be one of 1-9, A, N, Y');
  }
  if (c.length !== 1 || !CREDIT_CODE_ALPHABET.includes(c)) {
    throw new Error('makeCreditCode: category must be one character of the alphabet');
  }
  if (!isValidRegion(r)) {
    throw new Error('makeCreditCode: region must be a 6-digit code with a province prefix');
  }
  if (!ORG_BODY_RE.test(o)) {
    throw new Error('makeCreditCode: organisation body must be 8 characters of the alphabet');
  }
  const first17 = `${a}${c}${r}${o}${orgCodeCheckChar(o)}`;
  return first17 + creditCodeCheckChar(first17);
}
