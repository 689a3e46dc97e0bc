// 公民身份号码, GB 11643-1999.
import { isProvinceCode } from '../region/region-code.ts';

const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Normalises a typed identifier: trims, converts full-width digits and Latin
 * letters (０-９, Ａ-Ｚ, ａ-ｚ) to ASCII, removes inner whitespace (including
 * the ideographic space U+3000) and upper-cases.
 */
export function normaliseIdentifier(input: string): string {
  return input
    .trim()
    .replace(/[０-９Ａ-Ｚａ-ｚ]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\s+/gu, '')
    .toUpperCase();
}

export type ResidentIdFailure = 'length' | 'charset' | 'region' | 'birthDate' | 'checksum';

export interface ResidentIdInfo {
  id: string;
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'male' | 'female';
}

export type ResidentIdResult = { ok: true; value: ResidentIdInfo } | { ok: false; reason: ResidentIdFailure };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const MIN_BIRTH_YEAR = 1850;

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new Error('residentIdCheckChar: expected 17 digits');
  }
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += Number(first17[i]) * weight;
  });
  return CHECK_CHARS.charAt(sum % 11);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The calendar date of `date` in the process time zone, as YYYY-MM-DD. */
function localIsoDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** YYYY-MM-DD when `yyyymmdd` is a real date in [1850-01-01, today], else null. */
function birthDateOf(yyyymmdd: string, today: Date): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < MIN_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return iso > localIsoDate(today) ? null : iso;
}

/**
 * Parses a resident ID. Checks, in order: length (18 after normalisation),
 * charset (17 digits + digit or X), province prefix, birth date (real date,
 * year >= 1850, not after `today` in the process time zone), check char.
 */
export function parseResidentId(input: string, today: Date = new Date()): ResidentIdResult {
  const id = normaliseIdentifier(input);
  if (id.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'charset' };
  if (!isProvinceCode(id.slice(0, 2))) return { ok: false, reason: 'region' };
  const birthDate = birthDateOf(id.slice(6, 14), today);
  if (birthDate === null) return { ok: false, reason: 'birthDate' };
  if (residentIdCheckChar(id.slice(0, 17)) !== id.charAt(17)) {
    return { ok: false, reason: 'checksum' };
  }
  const gender = Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { id, regionCode: id.slice(0, 6), birthDate, gender } };
}

export function isValidResidentId(input: string): boolean {
  return parseResidentId(input).ok;
}
