import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, chinaToday, dayNumber, dayOfWeek, fromDayNumber, isIsoDate, isWeekend, parseIsoDate, yearOf } from './iso-date.ts';

describe('parseIsoDate', () => {
  it.each(['2024-02-29', '2025-10-01', '2026-12-31', '1000-01-01', '9999-12-31'])('accepts the real date %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-1', '20250101', '2025/01/01', ' 2025-01-01', '2025-01-01T00:00', '0999-12-31', ''])(
    'rejects %j',
    (s) => {
      expect(parseIsoDate(s)).toBeNull();
      expect(() => dayNumber(s)).toThrow(RangeError);
    },
  );
});

describe('day numbers', () => {
  it('count from 1970-01-01, a Thursday', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('know the weekdays of the 2025 and 2026 holidays', () => {
    expect(dayOfWeek('2025-10-01')).toBe(3); // Wednesday
    expect(dayOfWeek('2025-09-28')).toBe(0); // the make-up Sunday
    expect(dayOfWeek('2026-02-14')).toBe(6); // the make-up Saturday
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-02-16')).toBe(false);
  });

  it('cross month, leap-year and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(yearOf('2027-01-01')).toBe(2027);
  });

  it('round-trip for every date 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2200-12-31') }), (n) => {
        const date = fromDayNumber(n);
        expect(isIsoDate(date)).toBe(true);
        expect(dayNumber(date)).toBe(n);
        expect(dayOfWeek(addDays(date, 7))).toBe(dayOfWeek(date));
      }),
    );
  });
});

describe('chinaToday', () => {
  it('is the wall-calendar date in Beijing, whatever the host time zone', () => {
    // 2025-09-30 16:00 UTC is 2025-10-01 00:00 in Beijing.
    expect(chinaToday(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
    expect(chinaToday(new Date('2025-09-30T16:00:00.000Z'))).toBe('2025-10-01');
    expect(chinaToday(new Date('2026-12-31T23:00:00+08:00'))).toBe('2026-12-31');
  });
});
