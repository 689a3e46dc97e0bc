/**
 * Calendar dates as plain `YYYY-MM-DD` strings: the date on a wall calendar in China
 * (Asia/Shanghai, UTC+8 all year; China has not used daylight saving time since 1991).
 *
 * Why strings and not `Date`: a `Date` is an instant, and which calendar day it falls on depends
 * on the time zone of whoever reads it. `new Date('2025-10-01')` is midnight UTC, which
 * `getDate()` on a host west of Greenwich reports as 30 September; midnight in Beijing is the
 * previous day in UTC. So dates stay strings end to end (database `date` columns, JSON, URLs),
 * and arithmetic runs on day numbers (days since 1970-01-01) computed with `Date.UTC`, where no
 * time zone can enter. The one place an instant becomes a date is `chinaToday(now)`.
 */

/** A calendar date `YYYY-MM-DD` (years 1000–9999). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Year, month (1–12) and day of a real calendar date, or null when `s` is not one (2025-02-29 is not). */
export function parseIsoDate(s: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { year, month, day };
}

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

function requireDate(s: IsoDate): { year: number; month: number; day: number } {
  const parts = parseIsoDate(s);
  if (!parts) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(s)}`);
  return parts;
}

/** Days since 1970-01-01 (negative before it). Throws RangeError for anything but a real date. */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = requireDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The date of a day number. */
export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` moved by `n` calendar days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** The year of a date. */
export function yearOf(date: IsoDate): number {
  return requireDate(date).year;
}

/** Today's date in China for an instant (the server's clock), whatever the host's time zone. */
export function chinaToday(now: Date): IsoDate {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
