import { describe, expect, it } from 'vitest';
import { isWeekend } from './iso-date.ts';
import { OFFICIAL_NATIONAL_SCHEDULES } from './official-schedules.ts';
import { checkNationalSchedule, adjustmentHasEffect } from './schedule-rules.ts';
import { createWorkingCalendar, indexCalendarSource, regionChain, workingCalendar, type RegionalAdjustment } from './working-calendar.ts';

const national = createWorkingCalendar({ schedules: OFFICIAL_NATIONAL_SCHEDULES, adjustments: [] });

describe('the official 2024–2026 schedules (STANDARDS §8)', () => {
  it('pass the schedule rules: in their year, make-up days on weekends, no date twice', () => {
    for (const s of OFFICIAL_NATIONAL_SCHEDULES) expect(checkNationalSchedule(s.year, s.days), String(s.year)).toEqual([]);
  });

  it('give each year its statutory days off and make-up days', () => {
    const count = (year: number, kind: string) => OFFICIAL_NATIONAL_SCHEDULES.find((s) => s.year === year)!.days.filter((d) => d.kind === kind).length;
    // 2024: 1 + 8 + 3 + 5 + 1 + 3 + 7 days off; 2 + 1 + 2 + 1 + 2 make-up days.
    expect([count(2024, 'day_off'), count(2024, 'make_up_working_day')]).toEqual([28, 8]);
    // 2025: 1 + 8 + 3 + 5 + 3 + 8; 2 + 1 + 2.
    expect([count(2025, 'day_off'), count(2025, 'make_up_working_day')]).toEqual([28, 5]);
    // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7; 1 + 2 + 1 + 2.
    expect([count(2026, 'day_off'), count(2026, 'make_up_working_day')]).toEqual([33, 6]);
  });

  it.each([
    ['2024-02-10', false, 'day_off', '春节'],
    ['2024-02-04', true, 'make_up_working_day', '春节'], // Sunday
    ['2024-02-18', true, 'make_up_working_day', '春节'], // Sunday
    ['2024-05-11', true, 'make_up_working_day', '劳动节'], // Saturday
    ['2024-10-07', false, 'day_off', '国庆节'], // Monday
    ['2025-01-26', true, 'make_up_working_day', '春节'], // Sunday
    ['2025-02-04', false, 'day_off', '春节'], // Tuesday
    ['2025-02-08', true, 'make_up_working_day', '春节'], // Saturday
    ['2025-09-28', true, 'make_up_working_day', '国庆节、中秋节'], // Sunday
    ['2025-10-08', false, 'day_off', '国庆节、中秋节'], // Wednesday
    ['2025-10-11', true, 'make_up_working_day', '国庆节、中秋节'], // Saturday
    ['2026-01-02', false, 'day_off', '元旦'], // Friday
    ['2026-01-04', true, 'make_up_working_day', '元旦'], // Sunday
    ['2026-02-14', true, 'make_up_working_day', '春节'], // Saturday
    ['2026-02-23', false, 'day_off', '春节'], // Monday
    ['2026-09-20', true, 'make_up_working_day', '国庆节'], // Sunday
  ] as const)('%s is %s (%s %s)', (date, working, reason, name) => {
    expect(national.dayInfo(date)).toMatchObject({ working, reason, name, source: 'national', published: true });
  });

  it('leaves ordinary days to the weekday rule', () => {
    expect(national.dayInfo('2025-10-09')).toMatchObject({ working: true, reason: 'weekday', source: 'rule', name: null });
    expect(national.dayInfo('2025-10-12')).toMatchObject({ working: false, reason: 'weekend', source: 'rule' });
  });

  it('knows which years are published, and falls back to weekdays elsewhere', () => {
    expect([2023, 2024, 2025, 2026, 2027].map((y) => national.hasPublishedSchedule(y))).toEqual([false, true, true, true, false]);
    // 2027-01-01 (Friday) will surely be 元旦, but no schedule says so yet.
    expect(national.dayInfo('2027-01-01')).toMatchObject({ working: true, reason: 'weekday', published: false });
  });
});

describe('regional adjustments', () => {
  const adjustments: RegionalAdjustment[] = [
    { regionCode: '511902', date: '2025-10-09', kind: 'day_off', name: '区庆' }, // a Thursday, 巴州区 only
    { regionCode: '510000', date: '2025-10-10', kind: 'day_off', name: '省内假日' }, // the whole province
    { regionCode: '511902101000', date: '2025-10-10', kind: 'make_up_working_day', name: '镇内补班' }, // a township overrides the province
  ];
  const index = indexCalendarSource({ schedules: OFFICIAL_NATIONAL_SCHEDULES, adjustments });

  it('walks from the region up to the province', () => {
    expect(regionChain('511902101201')).toEqual(['511902101201', '511902101000', '511902', '511900', '510000']);
    expect(regionChain('511902101')).toEqual(['511902101000', '511902', '511900', '510000']);
    expect(() => regionChain('999999')).toThrow(RangeError);
  });

  it('apply to their region and every region below it, not beside or above it', () => {
    const at = (region: string | null, date: string) => workingCalendar(index, region).isWorkingDay(date);
    expect(at(null, '2025-10-09')).toBe(true);
    expect(at('511900', '2025-10-09')).toBe(true); // the city above 巴州区
    expect(at('511903', '2025-10-09')).toBe(true); // the county beside it
    expect(at('511902', '2025-10-09')).toBe(false);
    expect(at('511902101201', '2025-10-09')).toBe(false); // a village inside it
    expect(at('511902101', '2025-10-09')).toBe(false); // the same township written with 9 digits
  });

  it('let the nearest region decide', () => {
    const cal = workingCalendar(index, '511902101201');
    expect(cal.dayInfo('2025-10-10')).toMatchObject({ working: true, source: 'regional', regionCode: '511902101000', name: '镇内补班' });
    expect(workingCalendar(index, '511903').dayInfo('2025-10-10')).toMatchObject({ working: false, source: 'regional', regionCode: '510000' });
    expect(workingCalendar(index, null).isWorkingDay('2025-10-10')).toBe(true);
  });

  it('may override the national schedule', () => {
    const cal = createWorkingCalendar(
      { schedules: OFFICIAL_NATIONAL_SCHEDULES, adjustments: [{ regionCode: '540000', date: '2025-10-08', kind: 'make_up_working_day', name: '值班' }] },
      '540100',
    );
    expect(cal.dayInfo('2025-10-08')).toMatchObject({ working: true, source: 'regional' });
  });

  it('are refused when they would change nothing', () => {
    const cal = workingCalendar(index, '511902');
    expect(adjustmentHasEffect(cal, { date: '2025-10-13', kind: 'day_off', name: 'x' })).toBe(true);
    expect(adjustmentHasEffect(cal, { date: '2025-10-12', kind: 'day_off', name: 'x' })).toBe(false); // a Sunday
    expect(adjustmentHasEffect(cal, { date: '2025-10-09', kind: 'day_off', name: 'x' })).toBe(false); // already off here
    expect(adjustmentHasEffect(cal, { date: '2025-10-04', kind: 'make_up_working_day', name: 'x' })).toBe(true);
  });
});

describe('checkNationalSchedule', () => {
  it('names every problem by position and field', () => {
    const issues = checkNationalSchedule(2027, [
      { date: '2027-02-06', kind: 'day_off', name: '春节' },
      { date: '2027-02-08', kind: 'make_up_working_day', name: '春节' }, // a Monday
      { date: '2028-01-01', kind: 'day_off', name: '元旦' },
      { date: '2027-02-06', kind: 'day_off', name: '春节' },
      { date: '2027-02-30', kind: 'day_off', name: '春节' },
      { date: '2026-12-31', kind: 'day_off', name: '元旦' }, // December of the year before: allowed
      { date: '2026-11-30', kind: 'day_off', name: '元旦' },
    ]);
    expect(issues).toEqual([
      { index: 1, field: 'kind', reason: 'makeUpOnWeekday' },
      { index: 2, field: 'date', reason: 'outsideYear' },
      { index: 3, field: 'date', reason: 'duplicateDate' },
      { index: 4, field: 'date', reason: 'invalidDate' },
      { index: 6, field: 'date', reason: 'outsideYear' },
    ]);
  });

  it('agrees with the official make-up days: all on weekends', () => {
    for (const s of OFFICIAL_NATIONAL_SCHEDULES) for (const d of s.days) if (d.kind === 'make_up_working_day') expect(isWeekend(d.date), d.date).toBe(true);
  });
});
