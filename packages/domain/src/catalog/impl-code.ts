// 实施编码 (implementation code) of an item in the implementation list (实施清单).
// STANDARDS §1.2: real codes are 31 characters = 18-char USCC of the implementing
// body (实施主体统一社会信用代码) + 1-digit 行使层级 (GB/T 39046 A.2) + 12-char
// 基本编码. The decomposition is inferred from public examples, so only the parts
// that are certain are checked: length, charset, the USCC check and the level digit.
import { parseCreditCode } from '../identity/credit-code.ts';
import { normaliseIdentifier } from '../identity/resident-id.ts';

export type ImplCodeFailure = 'length' | 'charset' | 'creditCode' | 'level';

export interface ImplCodeInfo {
  /** 实施主体统一社会信用代码 (positions 1-18). */
  creditCode: string;
  /** 行使层级 code '1'-'7' (position 19). */
  level: string;
  /** 基本编码 (positions 20-31). */
  baseCode: string;
}

export type ImplCodeResult = { ok: true; value: ImplCodeInfo } | { ok: false; reason: ImplCodeFailure };

/** Length of a built 实施编码: 18 + 1 + 12. */
export const IMPL_CODE_LENGTH = 31;

const LEVEL_RE = /^[1-7]$/;
const BASE_CODE_RE = /^[0-9A-Z]{12}$/;
const IMPL_CHARSET_RE = /^[0-9A-Z]{31}$/;

/**
 * Builds a 31-char 实施编码. The credit code is normalised and must pass
 * `parseCreditCode`; the level must be one digit '1'-'7'; the base code must be
 * exactly 12 characters of `[0-9A-Z]` (no padding is applied).
 * Throws an Error naming the bad part otherwise.
 */
export function buildImplCode(creditCode: string, level: string, baseCode: string): string {
  const credit = parseCreditCode(creditCode);
  if (!credit.ok) {
    throw new Error(`buildImplCode: invalid credit code of the implementing body (${credit.reason})`);
  }
  if (!LEVEL_RE.test(level)) {
    throw new Error('buildImplCode: level must be one digit from 1 to 7 (GB/T 39046 A.2)');
  }
  if (!BASE_CODE_RE.test(baseCode)) {
    throw new Error('buildImplCode: base code must be exactly 12 characters of 0-9 and A-Z');
  }
  return `${credit.value.code}${level}${baseCode}`;
}

/**
 * Parses a 实施编码 (after `normaliseIdentifier`). Checks, in order: length 31,
 * charset `[0-9A-Z]`, the embedded credit code, the level digit.
 */
export function parseImplCode(code: string): ImplCodeResult {
  const normalised = normaliseIdentifier(code);
  if (normalised.length !== IMPL_CODE_LENGTH) return { ok: false, reason: 'length' };
  if (!IMPL_CHARSET_RE.test(normalised)) return { ok: false, reason: 'charset' };
  const creditCode = normalised.slice(0, 18);
  if (!parseCreditCode(creditCode).ok) return { ok: false, reason: 'creditCode' };
  const level = normalised.charAt(18);
  if (!LEVEL_RE.test(level)) return { ok: false, reason: 'level' };
  return { ok: true, value: { creditCode, level, baseCode: normalised.slice(19) } };
}
