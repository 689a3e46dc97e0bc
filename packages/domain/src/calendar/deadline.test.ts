import { describe, expect, it } from 'vitest';
import { addWorkingDays, computeDeadline, remainingWorkingDays, unpublishedYearsBetween, workingDaysBetween } from './deadline.ts';
import { OFFICIAL_NATIONAL_SCHEDULES } from './official-schedules.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const cal = createWorkingCalendar({ schedules: OFFICIAL_NATIONAL_SCHEDULES, adjustments: [] });

describe('addWorkingDays over the official holidays', () => {
  it.each([
    // accepted on, N, due: why
    ['2025-09-30', 5, '2025-10-14', '国庆节、中秋节 10-01–10-08 skipped; make-up Saturday 10-11 counted'],
    ['2025-09-26', 1, '2025-09-28', 'the make-up Sunday 09-28 is day 1'],
    ['2025-09-26', 2, '2025-09-29', 'Saturday 09-27 is off, the make-up Sunday counts'],
    ['2025-09-15', 20, '2025-10-17', 'the statutory 20 days (行政许可法 art. 42) across National Day'],
    ['2026-02-13', 1, '2026-02-14', '春节 2026: the make-up Saturday 02-14 is day 1'],
    ['2026-02-13', 3, '2026-02-25', '春节 2026: 02-15–02-23 off'],
    ['2026-09-30', 3, '2026-10-10', '国庆节 2026: 10-01–10-07 off, make-up Saturday 10-10 is day 3'],
    ['2026-09-18', 2, '2026-09-21', '国庆节 2026: the make-up Sunday 09-20 is day 1'],
    ['2026-09-24', 1, '2026-09-28', '中秋节 2026: 09-25–09-27 off'],
    ['2026-09-15', 20, '2026-10-19', 'the statutory 20 days across 中秋 and 国庆 2026, both make-up days counted'],
    ['2024-02-08', 2, '2024-02-18', '春节 2024: 02-10–02-17 off, make-up Sunday 02-18'],
    ['2025-01-24', 2, '2025-01-27', '春节 2025: make-up Sunday 01-26 is day 1'],
    ['2025-12-30', 3, '2026-01-05', '元旦 2026: 01-01–01-03 off, make-up Sunday 01-04'],
    ['2025-10-03', 1, '2025-10-09', 'accepted during a holiday: day 1 is the first working day after it'],
    ['2025-10-11', 1, '2025-10-13', 'accepted on a make-up Saturday'],
    ['2025-10-01', 0, '2025-10-01', '即办: a limit of 0 is due on the day of acceptance'],
  ])('%s + %i working days → %s (%s)', (from, n, due) => {
    expect(addWorkingDays(cal, from, n)).toBe(due);
    expect(workingDaysBetween(cal, from, due)).toBe(n);
  });

  it('refuses negative, fractional and absurd counts and malformed dates', () => {
    expect(() => addWorkingDays(cal, '2025-10-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-10-01', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-10-01', 1e9)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts (from, to] and is antisymmetric', () => {
    expect(workingDaysBetween(cal, '2025-09-30', '2025-10-14')).toBe(5);
    expect(workingDaysBetween(cal, '2025-10-14', '2025-09-30')).toBe(-5);
    expect(workingDaysBetween(cal, '2025-10-01', '2025-10-08')).toBe(0);
    expect(workingDaysBetween(cal, '2025-10-14', '2025-10-14')).toBe(0);
  });
});

describe('computeDeadline', () => {
  const base = { acceptedOn: '2025-09-15', workingDays: 20 };

  it('matches addWorkingDays without suspensions, and reports day 1', () => {
    expect(computeDeadline(cal, base)).toEqual({
      acceptedOn: '2025-09-15',
      workingDays: 20,
      extensionWorkingDays: 0,
      firstDay: '2025-09-16',
      due: '2025-10-17',
      suspendedWorkingDays: 0,
      calendarDays: 32,
      provisional: false,
      unpublishedYears: [],
    });
  });

  it('moves the deadline by the working days a suspension (特别程序) lasts', () => {
    const d = computeDeadline(cal, { ...base, suspensions: [{ from: '2025-09-22', to: '2025-09-24' }] });
    expect(d.suspendedWorkingDays).toBe(3);
    expect(d.due).toBe('2025-10-22');
    expect(d.due).toBe(addWorkingDays(cal, '2025-10-17', 3));
  });

  it('counts overlapping suspensions once', () => {
    const d = computeDeadline(cal, {
      ...base,
      suspensions: [
        { from: '2025-09-23', to: '2025-09-24' },
        { from: '2025-09-22', to: '2025-09-23' },
        { from: '2025-09-22', to: '2025-09-22' },
      ],
    });
    expect([d.suspendedWorkingDays, d.due]).toEqual([3, '2025-10-22']);
  });

  it('ignores suspensions over holidays, before acceptance or after the deadline', () => {
    for (const s of [
      { from: '2025-10-01', to: '2025-10-08' },
      { from: '2025-09-01', to: '2025-09-15' },
      { from: '2025-10-20', to: '2025-10-31' },
    ]) {
      expect(computeDeadline(cal, { ...base, suspensions: [s] }).due, JSON.stringify(s)).toBe('2025-10-17');
    }
  });

  it('adds approved extensions (延长审批) in working days', () => {
    expect(computeDeadline(cal, { ...base, extensionWorkingDays: 10 }).due).toBe('2025-10-31');
  });

  it('refuses a suspension that ends before it starts', () => {
    expect(() => computeDeadline(cal, { ...base, suspensions: [{ from: '2025-09-24', to: '2025-09-22' }] })).toThrow(RangeError);
  });

  it('flags a deadline in 2027, which has no published schedule, as provisional: weekdays only', () => {
    const d = computeDeadline(cal, { acceptedOn: '2026-12-28', workingDays: 10 });
    // 12-29, 12-30, 12-31, then 2027-01-01 (a Friday, counted: no schedule says it is 元旦 yet) …
    expect(d).toMatchObject({ due: '2027-01-11', provisional: true, unpublishedYears: [2027] });
    expect(unpublishedYearsBetween(cal, '2023-12-31', '2028-01-01')).toEqual([2023, 2027, 2028]);
  });

  it('is not provisional when only the day of acceptance lies in an unpublished year', () => {
    expect(computeDeadline(cal, { acceptedOn: '2023-12-31', workingDays: 1 })).toMatchObject({ due: '2024-01-02', provisional: false });
    expect(computeDeadline(cal, { acceptedOn: '2023-12-29', workingDays: 0 })).toMatchObject({ due: '2023-12-29', provisional: false });
  });
});

describe('remainingWorkingDays (for the red/yellow/green lights)', () => {
  it.each([
    ['2025-09-30', '2025-10-14', 5],
    ['2025-10-08', '2025-10-09', 1], // on a holiday, due on the next working day
    ['2025-10-13', '2025-10-14', 1],
    ['2025-10-14', '2025-10-14', 0], // due today
    ['2025-10-15', '2025-10-14', -1],
    ['2025-10-18', '2025-10-17', -1], // the Saturday after a Friday deadline: overdue
    ['2025-10-20', '2025-10-17', -1],
    ['2025-10-21', '2025-10-17', -2],
  ])('on %s, due %s: %i', (today, due, remaining) => {
    expect(remainingWorkingDays(cal, due, today)).toBe(remaining);
  });
});
