/**
 * Deadline arithmetic in working days (行政许可法 art. 82: periods count working days, without
 * statutory holidays).
 *
 * Convention. An application accepted (受理) on day D has day 1 on the first working day after D,
 * whatever time of day it was accepted and whether D itself was a working day. A time limit of
 * N working days ends at the end of the Nth working day: `addWorkingDays(cal, D, N)`. N = 0
 * (即办) is due on D itself.
 *
 * Suspensions. A period [from, to] (both days included) during which the clock stands still:
 * 特别程序 (hearing, testing, expert review …, art. 45) after acceptance. The working days inside
 * a suspension are not counted, so the deadline moves by exactly the working days the
 * suspension covers before the deadline is reached. Overlapping periods count once; days up to
 * and including D count nothing. 补正 (a supplement requested before acceptance) is not a
 * suspension: the clock starts only at acceptance, so the caller passes the acceptance date.
 * An approved extension (延长审批, art. 42) adds its working days to N.
 *
 * Provisional. A deadline is provisional when any day from D+1 to the due date lies in a year
 * without a published national schedule: such years are counted as plain weekdays.
 */
import { addDays, dayNumber, fromDayNumber, yearOf, type IsoDate } from './iso-date.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** The largest count the functions accept: far beyond any legal time limit, and a bound on the work done. */
export const MAX_WORKING_DAYS = 100_000;

function requireCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_WORKING_DAYS) throw new RangeError(`${what} must be an integer from 0 to ${MAX_WORKING_DAYS}: ${n}`);
}

/** The end of the nth working day after `start` (n ≥ 0; n = 0 gives `start`). */
export function addWorkingDays(cal: WorkingCalendar, start: IsoDate, n: number): IsoDate {
  requireCount(n, 'n');
  let day = dayNumber(start);
  for (let left = n; left > 0;) {
    day++;
    if (cal.isWorkingDay(fromDayNumber(day))) left--;
  }
  return fromDayNumber(day);
}

/**
 * Working days in (from, to]: how many working days pass from the end of `from` to the end of
 * `to`. Negative when `to` is before `from`. `workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n`.
 */
export function workingDaysBetween(cal: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) return 0 - workingDaysBetween(cal, to, from); // 0 - x, not -x: never -0
  let count = 0;
  for (let n = a + 1; n <= b; n++) if (cal.isWorkingDay(fromDayNumber(n))) count++;
  return count;
}

/** Years from the year of `from` to that of `to` (both included) without a published national schedule. */
export function unpublishedYearsBetween(cal: WorkingCalendar, from: IsoDate, to: IsoDate): number[] {
  const years: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) if (!cal.hasPublishedSchedule(y)) years.push(y);
  return years;
}

/** A period during which the clock stands still, both days included. */
export interface Suspension {
  from: IsoDate;
  to: IsoDate;
}

export interface DeadlineInput {
  /** The day of acceptance (受理), D. */
  acceptedOn: IsoDate;
  /** The time limit N in working days. */
  workingDays: number;
  suspensions?: readonly Suspension[];
  /** Working days added by approved extensions (延长审批). */
  extensionWorkingDays?: number;
}

export interface Deadline {
  acceptedOn: IsoDate;
  workingDays: number;
  extensionWorkingDays: number;
  /** Day 1: the first counted working day; null for a limit of 0. */
  firstDay: IsoDate | null;
  /** The last day: the time limit ends when this day ends. */
  due: IsoDate;
  /** Working days the suspensions stopped the clock for, before the deadline was reached. */
  suspendedWorkingDays: number;
  /** Calendar days from D to the due date. */
  calendarDays: number;
  /** Some counted day lies in a year without a published national schedule. */
  provisional: boolean;
  /** Those years, ascending. */
  unpublishedYears: number[];
}

/** Suspensions as sorted, disjoint day-number intervals (overlapping or touching periods merged). */
function mergeSuspensions(suspensions: readonly Suspension[]): [number, number][] {
  const intervals = suspensions.map((s): [number, number] => {
    const from = dayNumber(s.from);
    const to = dayNumber(s.to);
    if (to < from) throw new RangeError(`suspension ends before it starts: ${s.from} – ${s.to}`);
    return [from, to];
  });
  intervals.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of intervals) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The deadline of N working days (plus extensions) from acceptance on D, with suspensions. */
export function computeDeadline(cal: WorkingCalendar, input: DeadlineInput): Deadline {
  const extension = input.extensionWorkingDays ?? 0;
  requireCount(input.workingDays, 'workingDays');
  requireCount(extension, 'extensionWorkingDays');
  const total = input.workingDays + extension;
  requireCount(total, 'workingDays + extensionWorkingDays');
  const start = dayNumber(input.acceptedOn);
  const paused = mergeSuspensions(input.suspensions ?? []);

  let day = start;
  let counted = 0;
  let suspended = 0;
  let firstDay: IsoDate | null = null;
  let next = 0; // index of the first suspension that does not end before `day`
  while (counted < total) {
    day++;
    while (next < paused.length && paused[next]![1] < day) next++;
    const date = fromDayNumber(day);
    if (!cal.isWorkingDay(date)) continue;
    const interval = paused[next];
    if (interval && interval[0] <= day) {
      suspended++;
      continue;
    }
    counted++;
    firstDay ??= date;
  }
  const due = fromDayNumber(day);
  const unpublishedYears = day > start ? unpublishedYearsBetween(cal, addDays(input.acceptedOn, 1), due) : [];
  return {
    acceptedOn: input.acceptedOn,
    workingDays: input.workingDays,
    extensionWorkingDays: extension,
    firstDay,
    due,
    suspendedWorkingDays: suspended,
    calendarDays: day - start,
    provisional: unpublishedYears.length > 0,
    unpublishedYears,
  };
}

/**
 * Working days left until the end of `due`, seen on `today`: 0 when due today, 1 when due on
 * the next working day, and negative once overdue (today after the due date). Overdue counts
 * the working days after the due date up to today, and at least 1, so that a case due on a
 * Friday reads −1 on the Saturday: negative exactly when overdue.
 */
export function remainingWorkingDays(cal: WorkingCalendar, due: IsoDate, today: IsoDate): number {
  if (dayNumber(today) <= dayNumber(due)) return workingDaysBetween(cal, today, due);
  return -Math.max(1, workingDaysBetween(cal, due, today));
}
