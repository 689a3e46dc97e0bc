// 办件编号: `<实施编码>-<yyyyMMdd>-<seq6>` (STANDARDS §2.4 proposal): at most 31 + 1 + 8 + 1 + 6 = 47
// characters (GB/T 39046 allows 50), unique and never reused, readable at a window.

const CASE_NUMBER = /^([0-9A-Z]{10,31})-(\d{8})-(\d{6})$/;

/**
 * The part of a case number taken from the implementation code: the code itself, or for an
 * imported code kept as given (up to 50 characters, with hyphens) its first 31 letters and
 * digits. Sequences are counted per prefix and day, so numbers stay unique either way.
 */
export function caseNumberPrefix(implCode: string): string {
  const prefix = implCode
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 31);
  if (prefix.length < 10) throw new RangeError(`not an implementation code: ${implCode}`);
  return prefix;
}

/** Builds a case number from the case-number prefix of the item's code, the day (YYYY-MM-DD, China time) and that day's sequence. */
export function formatCaseNumber(prefix: string, day: string, sequence: number): string {
  if (!/^[0-9A-Z]{10,31}$/.test(prefix)) throw new RangeError(`not a case-number prefix: ${prefix}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a day: ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`sequence out of range: ${sequence}`);
  return `${prefix}-${day.replaceAll('-', '')}-${String(sequence).padStart(6, '0')}`;
}

/** The parts of a case number, or null when it is not one. */
export function parseCaseNumber(caseNo: string): { implCode: string; day: string; sequence: number } | null {
  const m = CASE_NUMBER.exec(caseNo);
  if (!m) return null;
  const [, implCode, d, seq] = m as unknown as [string, string, string, string];
  return { implCode, day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`, sequence: Number(seq) };
}
