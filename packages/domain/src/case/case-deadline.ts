// 办结时限 of a case: the promised limit of the item in working days from the day of acceptance,
// and the red / yellow / green light (红黄绿灯) a case shows for the working days it has left.
import { addDays, parseIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { workingDaysBetween } from '../calendar/deadline.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { TimeLimitInput } from '../catalog/time-limit.ts';

/** `date` moved by whole calendar months, the day clamped to the end of a shorter month (01-31 + 1 month = 02-28). */
function addMonths(date: IsoDate, months: number): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const index = parts.year * 12 + parts.month - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(parts.day, last)).padStart(2, '0')}`;
}

/**
 * The time limit of a case accepted on `acceptedOn`, in working days of `cal`. 即办 is 0 and
 * working days are themselves; a limit in natural days, months or years counts the working
 * days that lie in that span after acceptance, so that the due date never falls after the
 * calendar end of the limit (and suspensions and extensions, which are working days, apply
 * the same way to every unit).
 */
export function limitWorkingDays(cal: WorkingCalendar, acceptedOn: IsoDate, limit: TimeLimitInput): number {
  switch (limit.unit) {
    case 'immediate':
      return 0;
    case 'working_day':
      return limit.value;
    case 'natural_day':
      return workingDaysBetween(cal, acceptedOn, addDays(acceptedOn, limit.value));
    case 'month':
      return workingDaysBetween(cal, acceptedOn, addMonths(acceptedOn, limit.value));
    case 'year':
      return workingDaysBetween(cal, acceptedOn, addMonths(acceptedOn, 12 * limit.value));
  }
}

export type DeadlineLight = 'green' | 'yellow' | 'red';

/** Working days left at or below which a case turns yellow: a fifth of its limit, at least 1. */
export function yellowThreshold(limitDays: number): number {
  return Math.max(1, Math.ceil(limitDays / 5));
}

/**
 * 红黄绿灯: red once overdue (`remaining` < 0, as `remainingWorkingDays` reports it), yellow
 * when `remaining` is at most `yellowThreshold(limitDays)` (a fifth of the limit, at least one
 * working day: due today or on the next working day is always yellow), green otherwise.
 */
export function deadlineLight(remaining: number, limitDays: number): DeadlineLight {
  if (remaining < 0) return 'red';
  return remaining <= yellowThreshold(limitDays) ? 'yellow' : 'green';
}
