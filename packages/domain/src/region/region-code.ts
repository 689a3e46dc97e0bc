// Administrative division codes: GB/T 2260 (6 digits) and the 12-digit
// statistical division codes (6-digit county + 3-digit township + 3-digit village).
// A 9-digit code is the county code followed by a township part.

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

/** First two digits of every GB/T 2260 province-level code. */
export const PROVINCE_CODES: readonly string[] = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
];

const provinceSet: ReadonlySet<string> = new Set(PROVINCE_CODES);

/** True when `prefix` is a two-digit GB/T 2260 province code. */
export function isProvinceCode(prefix: string): boolean {
  return provinceSet.has(prefix);
}

function sixDigitLevel(code: string): 'province' | 'city' | 'county' {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/**
 * Level of a 6-, 9- or 12-digit division code, or null when the code is not
 * well formed. Township and village codes must sit below a city or county
 * (their first six digits are not a province code) and a zero township part
 * (`000`) is rejected, so padded forms such as `511902000000` are invalid.
 */
export function regionLevel(code: string): RegionLevel | null {
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(code)) return null;
  if (!isProvinceCode(code.slice(0, 2))) return null;
  const county = code.slice(0, 6);
  if (code.length === 6) return sixDigitLevel(county);
  if (sixDigitLevel(county) === 'province') return null;
  if (code.slice(6, 9) === '000') return null;
  if (code.length === 9) return 'township';
  return code.endsWith('000') ? 'township' : 'village';
}

/** True when `code` is a well-formed 6-, 9- or 12-digit division code. */
export function isValidRegionCode(code: string): boolean {
  return regionLevel(code) !== null;
}

/**
 * Code of the enclosing division, or null for a province or an invalid code.
 * Village `511902001001` → township `511902001000` → county `511902`
 * → city `511900` → province `510000`.
 */
export function parentRegionCode(code: string): string | null {
  const level = regionLevel(code);
  switch (level) {
    case null:
    case 'province':
      return null;
    case 'city':
      return `${code.slice(0, 2)}0000`;
    case 'county':
      return `${code.slice(0, 4)}00`;
    case 'township':
      return code.slice(0, 6);
    case 'village':
      return `${code.slice(0, 9)}000`;
  }
}

/** A 9-digit township code is compared in its 12-digit form. */
function canonical(code: string): string {
  return code.length === 9 ? `${code}000` : code;
}

/** True when `code` equals `ancestor` or `ancestor` is on its parent chain. */
export function isRegionWithin(code: string, ancestor: string): boolean {
  if (!isValidRegionCode(code) || !isValidRegionCode(ancestor)) return false;
  const target = canonical(ancestor);
  let current: string | null = canonical(code);
  while (current !== null) {
    if (current === target) return true;
    current = parentRegionCode(current);
  }
  return false;
}

/**
 * The leading digits that every code inside this division shares (province 2, city 4,
 * county 6, township 9, village 12), or null for an invalid code. Used for subtree queries.
 */
export function regionPrefix(code: string): string | null {
  const level = regionLevel(code);
  switch (level) {
    case null:
      return null;
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'county':
      return code.slice(0, 6);
    case 'township':
      return code.slice(0, 9);
    case 'village':
      return code;
  }
}
