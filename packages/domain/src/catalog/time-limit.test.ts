import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compareLimits, toWorkingDays, type TimeLimitInput, type TimeUnit } from './time-limit.ts';

const UNITS: TimeUnit[] = ['immediate', 'working_day', 'natural_day', 'month', 'year'];

describe('toWorkingDays', () => {
  it('applies the documented approximations', () => {
    expect(toWorkingDays({ value: 0, unit: 'immediate' })).toBe(0);
    expect(toWorkingDays({ value: 5, unit: 'immediate' })).toBe(0);
    expect(toWorkingDays({ value: 20, unit: 'working_day' })).toBe(20);
    expect(toWorkingDays({ value: 7, unit: 'natural_day' })).toBe(5);
    expect(toWorkingDays({ value: 30, unit: 'natural_day' })).toBe(22);
    expect(toWorkingDays({ value: 1, unit: 'natural_day' })).toBe(1);
    expect(toWorkingDays({ value: 2, unit: 'month' })).toBe(42);
    expect(toWorkingDays({ value: 1, unit: 'year' })).toBe(250);
  });

  it('accepts other assumptions', () => {
    const sixDayWeek = { workingDaysPerWeek: 6, workingDaysPerMonth: 25, workingDaysPerYear: 300 };
    expect(toWorkingDays({ value: 7, unit: 'natural_day' }, sixDayWeek)).toBe(6);
    expect(toWorkingDays({ value: 1, unit: 'month' }, sixDayWeek)).toBe(25);
    expect(toWorkingDays({ value: 1, unit: 'year' }, sixDayWeek)).toBe(300);
  });

  it('is monotone in the value for every unit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 3650 }), (unit, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(toWorkingDays({ value: lo, unit })).toBeLessThanOrEqual(toWorkingDays({ value: hi, unit }));
      }),
    );
  });
});

describe('compareLimits', () => {
  it('returns promised minus legal in working days', () => {
    const legal: TimeLimitInput = { value: 20, unit: 'working_day' };
    expect(compareLimits({ value: 5, unit: 'working_day' }, legal)).toBe(-15);
    expect(compareLimits({ value: 0, unit: 'immediate' }, legal)).toBe(-20);
    expect(compareLimits({ value: 1, unit: 'month' }, legal)).toBe(1);
    expect(compareLimits({ value: 28, unit: 'natural_day' }, legal)).toBe(0);
  });
});
