import { describe, expect, it } from 'vitest';
import { indexCalendarSource, workingCalendar } from '../calendar/working-calendar.ts';
import { OFFICIAL_NATIONAL_SCHEDULES } from '../calendar/official-schedules.ts';
import { addWorkingDays } from '../calendar/deadline.ts';
import { deadlineLight, limitWorkingDays, yellowThreshold } from './case-deadline.ts';

const cal = workingCalendar(indexCalendarSource({ schedules: OFFICIAL_NATIONAL_SCHEDULES, adjustments: [] }), null);

describe('case time limits (办结时限)', () => {
  it('counts 即办 as 0 and working days as themselves', () => {
    expect(limitWorkingDays(cal, '2026-03-02', { value: 0, unit: 'immediate' })).toBe(0);
    expect(limitWorkingDays(cal, '2026-03-02', { value: 3, unit: 'working_day' })).toBe(3);
  });

  it('counts the working days inside natural days, months and years after acceptance', () => {
    // Mon 2026-03-02 + 7 natural days = Mon 03-09: 5 working days in (03-02, 03-09].
    expect(limitWorkingDays(cal, '2026-03-02', { value: 7, unit: 'natural_day' })).toBe(5);
    // Across National Day 2025: 10-01 to 10-08 off, Sat 10-11 a make-up working day.
    const n = limitWorkingDays(cal, '2025-09-30', { value: 15, unit: 'natural_day' });
    expect(addWorkingDays(cal, '2025-09-30', n) <= '2025-10-15').toBe(true);
    expect(n).toBe(6);
    // 01-31 + 1 month is 02-28 (clamped): 10 weekdays 02-02..02-13, make-up Saturdays 02-14 and 02-28,
    // 春节 02-15..02-23 off, then 02-24..02-27.
    expect(limitWorkingDays(cal, '2026-01-31', { value: 1, unit: 'month' })).toBe(16);
    expect(limitWorkingDays(cal, '2025-03-03', { value: 1, unit: 'year' })).toBe(limitWorkingDays(cal, '2025-03-03', { value: 12, unit: 'month' }));
  });
});

describe('deadline lights (红黄绿灯)', () => {
  it('is red exactly when overdue, yellow within a fifth of the limit (at least one day), green before', () => {
    expect(yellowThreshold(0)).toBe(1);
    expect(yellowThreshold(3)).toBe(1);
    expect(yellowThreshold(20)).toBe(4);
    expect(deadlineLight(-1, 20)).toBe('red');
    expect(deadlineLight(0, 0)).toBe('yellow');
    expect(deadlineLight(1, 3)).toBe('yellow');
    expect(deadlineLight(2, 3)).toBe('green');
    expect(deadlineLight(4, 20)).toBe('yellow');
    expect(deadlineLight(5, 20)).toBe('green');
  });
});
