/**
 * Date helpers for the calendar screens. Dates stay 'YYYY-MM-DD' strings (China time), as on
 * the server; arithmetic comes from @tongban/domain, so the browser's time zone never enters.
 */
import type { CalendarDay, SpecialDayInput, SpecialDayKindValue } from '@tongban/contracts';
import { addDays, dayOfWeek } from '@tongban/domain';

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export function weekdayKey(date: string): WeekdayKey {
  return WEEKDAY_KEYS[dayOfWeek(date)] ?? 'sun';
}

/** One row of the schedule form: a holiday's days off, or its make-up days, from `from` to `to`. */
export interface DayRange {
  from: string;
  to: string;
  kind: SpecialDayKindValue;
  name: string;
}

/** Consecutive days with the same kind and name, as ranges (for editing a draft). */
export function toRanges(days: readonly SpecialDayInput[]): DayRange[] {
  const ranges: DayRange[] = [];
  for (const d of [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const last = ranges[ranges.length - 1];
    if (last && last.kind === d.kind && last.name === d.name && addDays(last.to, 1) === d.date) last.to = d.date;
    else ranges.push({ from: d.date, to: d.date, kind: d.kind, name: d.name });
  }
  return ranges;
}

/** Ranges back to single days, with the row each day came from (to point server errors at the row). */
export function expandRanges(ranges: readonly DayRange[]): { days: SpecialDayInput[]; rowOf: number[] } {
  const days: SpecialDayInput[] = [];
  const rowOf: number[] = [];
  ranges.forEach((r, row) => {
    for (let d = r.from; d <= r.to; d = addDays(d, 1)) {
      days.push({ date: d, kind: r.kind, name: r.name });
      rowOf.push(row);
    }
  });
  return { days, rowOf };
}

/** The weeks of a month, Monday first; null pads the first and last week. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const lead = (dayOfWeek(first) + 6) % 7; // Monday = 0
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = first; Number(d.slice(5, 7)) === month; d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** What decides each listed date in the view: a region's effective adjustment, else the national day (also for a draft, as a preview). */
export function effectiveDays(days: readonly CalendarDay[], status: 'none' | 'draft' | 'published'): Map<string, CalendarDay> {
  const map = new Map<string, CalendarDay>();
  for (const d of days) if (d.regionCode !== null && d.effective) map.set(d.date, d);
  for (const d of days) if (d.regionCode === null && !map.has(d.date) && (d.effective || status === 'draft')) map.set(d.date, d);
  return map;
}
