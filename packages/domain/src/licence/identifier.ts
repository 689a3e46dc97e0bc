// 证照标识 (electronic licence identifier), GB/T 36904-2018 as reconstructed in STANDARDS §4.1:
//
//   1.2.156.3005.2.<证照类型代码>.<颁发机构代码>.<证照编号>.<版本号>.<校验位>
//
// The standard text was not read; the layout and the check character come from public
// identifiers, and every public example we have (STANDARDS §4.1) passes the rules below.
import { parseCreditCode } from '../identity/credit-code.ts';

/** The fixed OID prefix of every licence identifier. */
export const LICENCE_ID_PREFIX = '1.2.156.3005.2';

/** Characters with a value in the check computation: 0-9 are 0-9, A-Z are 10-35. */
export const LICENCE_CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Longest 证照编号 accepted. Assumption [I]: the standard's limit is unknown; public numbers have 7–20 characters. */
export const LICENCE_NUMBER_MAX_LENGTH = 40;

export interface LicenceIdentifierParts {
  /** 证照类型代码: the 18-char credit code of the defining authority (证照定义机构) + a 3-digit sequence. */
  typeCode: string;
  /** 颁发机构代码: the 18-char credit code of the issuing body. */
  issuerCode: string;
  /** 证照编号: 1–40 characters from 0-9 and A-Z. */
  number: string;
  /** 版本号: 1 for the first issue, +1 on each renewal or change; written as 3 digits. */
  version: number;
}

export type LicenceIdentifierFailure = 'shape' | 'prefix' | 'type_code' | 'issuer_code' | 'number' | 'version' | 'check';

export type LicenceIdentifierResult = { ok: true; parts: LicenceIdentifierParts } | { ok: false; reason: LicenceIdentifierFailure };

/** Thrown by `formatLicenceIdentifier` when a part is malformed. */
export class LicenceIdentifierError extends Error {
  constructor(readonly reason: Exclude<LicenceIdentifierFailure, 'shape' | 'prefix' | 'check'>) {
    super(`licence identifier: invalid ${reason}`);
    this.name = 'LicenceIdentifierError';
  }
}

const TYPE_CODE = /^([0-9A-Z]{18})(\d{3})$/;
const ISSUER_CODE = /^[0-9A-Z]{18}$/;
/**
 * 证照编号: upper-case letters and digits only. Decision: the check character gives a value only
 * to 0-9 and A-Z, so a lower-case letter or a hyphen in the number would either carry no value or
 * fold onto an upper-case letter, and a one-character change there would go undetected. (The one
 * public identifier that fails the check is a test fixture with a GUID-style number.)
 */
const NUMBER = new RegExp(`^[0-9A-Z]{1,${LICENCE_NUMBER_MAX_LENGTH}}$`);
const VERSION = /^\d{3}$/;
const MAX_VERSION = 999;

/**
 * Check character, ISO/IEC 7064 MOD 37,36 hybrid (GB/T 17710), over 类型代码 + 颁发机构代码 +
 * 证照编号 + 版本号 concatenated without dots:
 * P = 36; for each char of value a: S = (P + a) mod 36, or 36 if that is 0; P = 2S mod 37.
 * The check value is (37 − P) mod 36. Throws an Error when `body` is empty or has a character
 * outside 0-9A-Z.
 */
export function licenceCheckChar(body: string): string {
  if (body.length === 0) throw new Error('licenceCheckChar: empty body');
  let p = 36;
  for (const ch of body) {
    const a = LICENCE_CHECK_ALPHABET.indexOf(ch);
    if (a < 0) throw new Error('licenceCheckChar: character outside 0-9A-Z');
    const s = (p + a) % 36 || 36;
    p = (2 * s) % 37;
  }
  return LICENCE_CHECK_ALPHABET.charAt((37 - p) % 36);
}

/**
 * The type code's first 18 characters must be a valid credit code. Every public example
 * (defining authority 11100000000013338W, 住建部) passes the full GB 32100 check, so the full
 * check is applied, not just the shape.
 */
function isTypeCode(s: string): boolean {
  const m = TYPE_CODE.exec(s);
  return m !== null && parseCreditCode(m[1] ?? '').ok;
}

/** Every public issuer code (11220000013544541J, 11430000006122244L, 11370800MB28559184, 11330105002500287C) passes GB 32100, so the full check applies. */
function isIssuerCode(s: string): boolean {
  return ISSUER_CODE.test(s) && parseCreditCode(s).ok;
}

function isVersion(v: number): boolean {
  return Number.isInteger(v) && v >= 1 && v <= MAX_VERSION;
}

function versionText(version: number): string {
  return String(version).padStart(3, '0');
}

/** Builds the identifier with its check character. Throws `LicenceIdentifierError` when a part is malformed. */
export function formatLicenceIdentifier(parts: LicenceIdentifierParts): string {
  const { typeCode, issuerCode, number, version } = parts;
  if (!isTypeCode(typeCode)) throw new LicenceIdentifierError('type_code');
  if (!isIssuerCode(issuerCode)) throw new LicenceIdentifierError('issuer_code');
  if (!NUMBER.test(number)) throw new LicenceIdentifierError('number');
  if (!isVersion(version)) throw new LicenceIdentifierError('version');
  const v = versionText(version);
  return `${LICENCE_ID_PREFIX}.${typeCode}.${issuerCode}.${number}.${v}.${licenceCheckChar(typeCode + issuerCode + number + v)}`;
}

/**
 * Parses an identifier exactly as written (no trimming or case folding: callers taking typed input
 * may apply `normaliseIdentifier` first). Never throws. Checks, in order: ten non-empty
 * dot-separated segments ('shape'), the OID prefix, type code, issuer code, number, version
 * (001–999), check character.
 */
export function parseLicenceIdentifier(s: string): LicenceIdentifierResult {
  if (typeof s !== 'string') return { ok: false, reason: 'shape' };
  const segments = s.split('.');
  if (segments.length !== 10 || segments.some((x) => x.length === 0)) return { ok: false, reason: 'shape' };
  const [typeCode = '', issuerCode = '', number = '', v = '', check = ''] = segments.slice(5);
  if (segments.slice(0, 5).join('.') !== LICENCE_ID_PREFIX) return { ok: false, reason: 'prefix' };
  if (!isTypeCode(typeCode)) return { ok: false, reason: 'type_code' };
  if (!isIssuerCode(issuerCode)) return { ok: false, reason: 'issuer_code' };
  if (!NUMBER.test(number)) return { ok: false, reason: 'number' };
  if (!VERSION.test(v) || !isVersion(Number(v))) return { ok: false, reason: 'version' };
  if (check !== licenceCheckChar(typeCode + issuerCode + number + v)) return { ok: false, reason: 'check' };
  return { ok: true, parts: { typeCode, issuerCode, number, version: Number(v) } };
}

export function isValidLicenceIdentifier(s: string): boolean {
  return parseLicenceIdentifier(s).ok;
}
