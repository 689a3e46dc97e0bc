/** What makes a national schedule or a regional adjustment acceptable, before it is stored. */
import { isWeekend, parseIsoDate } from './iso-date.ts';
import type { SpecialDay, WorkingCalendar } from './working-calendar.ts';

export type ScheduleIssueReason =
  /** Not a real YYYY-MM-DD date. */
  | 'invalidDate'
  /** Outside the schedule's year (and not in December of the year before, which a notice may also arrange). */
  | 'outsideYear'
  /** A make-up working day (调休上班) on Monday–Friday: it already is a working day. */
  | 'makeUpOnWeekday'
  /** The same date listed twice. */
  | 'duplicateDate';

export interface ScheduleIssue {
  /** Position of the day in the list. */
  index: number;
  field: 'date' | 'kind';
  reason: ScheduleIssueReason;
}

/**
 * Checks the days of a national schedule for `year`. A notice may also arrange the last days
 * of December of the year before (for a New Year's Day bridge), so those are allowed too.
 */
export function checkNationalSchedule(year: number, days: readonly SpecialDay[]): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const seen = new Set<string>();
  days.forEach((day, index) => {
    const parts = parseIsoDate(day.date);
    if (!parts) {
      issues.push({ index, field: 'date', reason: 'invalidDate' });
      return;
    }
    if (parts.year !== year && !(parts.year === year - 1 && parts.month === 12)) issues.push({ index, field: 'date', reason: 'outsideYear' });
    if (seen.has(day.date)) issues.push({ index, field: 'date', reason: 'duplicateDate' });
    seen.add(day.date);
    if (day.kind === 'make_up_working_day' && !isWeekend(day.date)) issues.push({ index, field: 'kind', reason: 'makeUpOnWeekday' });
  });
  return issues;
}

/**
 * True when an adjustment would change the calendar it is added to (`inherited`: the calendar
 * of its region as it stands): a day off on a working day, or a working day on a day off.
 */
export function adjustmentHasEffect(inherited: WorkingCalendar, day: SpecialDay): boolean {
  return inherited.isWorkingDay(day.date) !== (day.kind === 'make_up_working_day');
}
