// 办件编号: `<实施编码>-<yyyyMMdd>-<seq6>` (STANDARDS §2.4 proposal): at most 31 + 1 + 8 + 1 + 6 = 47
// characters (GB/T 39046 allows 50), unique and never reused, readable at a window.

const CASE_NUMBER = /^([0-9A-Z]{10,31})-(\d{8})-(\d{6})$/;

/** Builds a case number from the item's implementation code, the day (YYYY-MM-DD, China time) and that day's sequence. */
export function formatCaseNumber(implCode: string, day: string, sequence: number): string {
  if (!/^[0-9A-Z]{10,31}$/.test(implCode)) throw new RangeError(`not an implementation code: ${implCode}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a day: ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`sequence out of range: ${sequence}`);
  return `${implCode}-${day.replaceAll('-', '')}-${String(sequence).padStart(6, '0')}`;
}

/** The parts of a case number, or null when it is not one. */
export function parseCaseNumber(caseNo: string): { implCode: string; day: string; sequence: number } | null {
  const m = CASE_NUMBER.exec(caseNo);
  if (!m) return null;
  const [, implCode, d, seq] = m as unknown as [string, string, string, string];
  return { implCode, day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`, sequence: Number(seq) };
}
