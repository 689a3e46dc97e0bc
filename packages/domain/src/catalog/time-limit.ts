// 办结时限 (time limits): converting 法定 / 承诺 limits to working days (工作日).
// STANDARDS §1.8: store the count and the unit, compare in working days.

export type TimeUnit = 'immediate' | 'working_day' | 'natural_day' | 'month' | 'year';

/** Structural time limit (法定办结时限 / 承诺办结时限); the contract `TimeLimit` fits it. */
export interface TimeLimitInput {
  value: number;
  unit: TimeUnit;
}

/**
 * Conversion assumptions (configurable; pass your own to `toWorkingDays`).
 * They approximate the calendar without a holiday table:
 * - immediate (即办): 0 working days, whatever the value;
 * - working_day (工作日): the value itself;
 * - natural_day (自然日): ceil(value × workingDaysPerWeek / 7), i.e. 5 of every 7 days;
 * - month (月): value × workingDaysPerMonth (default 21);
 * - year (年): value × workingDaysPerYear (default 250, i.e. 52 weeks × 5 minus about 10 statutory holidays).
 * Exact deadlines for a given start date need the holiday calendar (STANDARDS §8), not this.
 */
export interface WorkingDayAssumptions {
  workingDaysPerWeek: number;
  workingDaysPerMonth: number;
  workingDaysPerYear: number;
}

export const DEFAULT_WORKING_DAY_ASSUMPTIONS: Readonly<WorkingDayAssumptions> = {
  workingDaysPerWeek: 5,
  workingDaysPerMonth: 21,
  workingDaysPerYear: 250,
};

/** Approximate length of a time limit in working days (see `WorkingDayAssumptions`). */
export function toWorkingDays(limit: TimeLimitInput, assumptions: Readonly<WorkingDayAssumptions> = DEFAULT_WORKING_DAY_ASSUMPTIONS): number {
  switch (limit.unit) {
    case 'immediate':
      return 0;
    case 'working_day':
      return limit.value;
    case 'natural_day':
      return Math.ceil((limit.value * assumptions.workingDaysPerWeek) / 7);
    case 'month':
      return limit.value * assumptions.workingDaysPerMonth;
    case 'year':
      return limit.value * assumptions.workingDaysPerYear;
  }
}

/**
 * Working-day difference promised − legal (承诺 − 法定). Negative or zero means the
 * promise is within the legal limit; positive means it exceeds it.
 */
export function compareLimits(
  promised: TimeLimitInput,
  legal: TimeLimitInput,
  assumptions: Readonly<WorkingDayAssumptions> = DEFAULT_WORKING_DAY_ASSUMPTIONS,
): number {
  return toWorkingDays(promised, assumptions) - toWorkingDays(legal, assumptions);
}
