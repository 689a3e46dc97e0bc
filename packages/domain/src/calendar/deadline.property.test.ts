/** Properties of the deadline arithmetic on random calendars (published years, special days, regional adjustments). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addWorkingDays, computeDeadline, remainingWorkingDays, workingDaysBetween, type Suspension } from './deadline.ts';
import { addDays, dayNumber, fromDayNumber, yearOf, type IsoDate } from './iso-date.ts';
import { OFFICIAL_NATIONAL_SCHEDULES } from './official-schedules.ts';
import { SPECIAL_DAY_KINDS, createWorkingCalendar, type NationalSchedule, type RegionalAdjustment, type WorkingCalendar } from './working-calendar.ts';

const FIRST = dayNumber('2023-06-01');
const LAST = dayNumber('2028-12-31');
const REGIONS = ['510000', '511900', '511902', '511902101000', '511902101201'] as const;

const dateIn = (from: number, to: number) => fc.integer({ min: from, max: to }).map(fromDayNumber);
const yearRange = (y: number) => [dayNumber(`${y}-01-01`), dayNumber(`${y}-12-31`)] as const;
const specialDay = (from: number, to: number) =>
  fc.record({ date: dateIn(from, to), kind: fc.constantFrom(...SPECIAL_DAY_KINDS), name: fc.constantFrom('节', '假') });

/** Some of 2024–2028 published, each with random days off and make-up days (plus the real 2024–2026 ones, sometimes). */
const schedules: fc.Arbitrary<NationalSchedule[]> = fc.tuple(fc.subarray([2024, 2025, 2026, 2027, 2028]), fc.boolean()).chain(([years, official]) =>
  fc.tuple(
    ...years.map((year) => {
      const real = OFFICIAL_NATIONAL_SCHEDULES.find((s) => s.year === year);
      if (official && real) return fc.constant<NationalSchedule>(real);
      return fc.array(specialDay(...yearRange(year)), { maxLength: 40 }).map((days): NationalSchedule => ({ year, days }));
    }),
  ),
);

const adjustments: fc.Arbitrary<RegionalAdjustment[]> = fc.array(
  fc.record({ regionCode: fc.constantFrom(...REGIONS), date: dateIn(FIRST, LAST), kind: fc.constantFrom(...SPECIAL_DAY_KINDS), name: fc.constant('地方') }),
  { maxLength: 30 },
);

interface World {
  cal: WorkingCalendar;
  published: ReadonlySet<number>;
}

const world: fc.Arbitrary<World> = fc
  .record({ schedules, adjustments, region: fc.constantFrom<string | null>(null, ...REGIONS) })
  .map(({ schedules: s, adjustments: a, region }) => ({
    cal: createWorkingCalendar({ schedules: s, adjustments: a }, region),
    published: new Set(s.map((x) => x.year)),
  }));

const start = dateIn(FIRST, dayNumber('2028-03-31'));
const count = fc.integer({ min: 0, max: 120 });
const suspension = (around: IsoDate) =>
  fc
    .tuple(fc.integer({ min: -20, max: 200 }), fc.integer({ min: 0, max: 40 }))
    .map(([offset, length]): Suspension => ({ from: addDays(around, offset), to: addDays(around, offset + length) }));

/** The deadline by brute force: walk day by day, skipping days inside any suspension. */
function naiveDue(cal: WorkingCalendar, from: IsoDate, n: number, paused: readonly Suspension[]): IsoDate {
  let d = from;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    const inPause = paused.some((s) => s.from <= d && d <= s.to);
    if (cal.isWorkingDay(d) && !inPause) left--;
  }
  return d;
}

describe('addWorkingDays', () => {
  it('lands on a working day after the start, for N ≥ 1', () => {
    fc.assert(
      fc.property(world, start, fc.integer({ min: 1, max: 120 }), ({ cal }, d, n) => {
        const due = addWorkingDays(cal, d, n);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(due > d).toBe(true);
      }),
    );
  });

  it('is strictly increasing in N', () => {
    fc.assert(
      fc.property(world, start, count, count, ({ cal }, d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(cal, d, lo) < addWorkingDays(cal, d, hi)).toBe(true);
      }),
    );
  });

  it('composes: addWorkingDays(d, a + b) = addWorkingDays(addWorkingDays(d, a), b)', () => {
    fc.assert(
      fc.property(world, start, count, count, ({ cal }, d, a, b) => {
        expect(addWorkingDays(cal, d, a + b)).toBe(addWorkingDays(cal, addWorkingDays(cal, d, a), b));
      }),
    );
  });

  it('is undone by workingDaysBetween', () => {
    fc.assert(
      fc.property(world, start, count, ({ cal }, d, n) => {
        const due = addWorkingDays(cal, d, n);
        expect(workingDaysBetween(cal, d, due)).toBe(n);
        expect(workingDaysBetween(cal, due, d)).toBe(0 - n);
      }),
    );
  });

  it('never lands on a Saturday or Sunday in a year with no schedule and no adjustment', () => {
    const bare = createWorkingCalendar({ schedules: [], adjustments: [] });
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 120 }), (d, n) => {
        const weekday = (dayNumber(addWorkingDays(bare, d, n)) + 4) % 7;
        expect([0, 6]).not.toContain(weekday);
      }),
    );
  });
});

describe('computeDeadline with suspensions', () => {
  it('agrees with a day-by-day walk that skips every suspended day (overlaps count once)', () => {
    fc.assert(
      fc.property(
        world,
        start,
        count,
        start.chain((d) => fc.array(suspension(d), { maxLength: 4 })),
        ({ cal }, d, n, paused) => {
          expect(computeDeadline(cal, { acceptedOn: d, workingDays: n, suspensions: paused }).due).toBe(naiveDue(cal, d, n, paused));
        },
      ),
    );
  });

  it('never shortens the deadline, and repeating a suspension changes nothing', () => {
    fc.assert(
      fc.property(
        world,
        start.chain((d) => fc.tuple(fc.constant(d), fc.array(suspension(d), { maxLength: 4 }))),
        count,
        ({ cal }, [d, paused], n) => {
          const plain = computeDeadline(cal, { acceptedOn: d, workingDays: n });
          const held = computeDeadline(cal, { acceptedOn: d, workingDays: n, suspensions: paused });
          expect(held.due >= plain.due).toBe(true);
          expect(workingDaysBetween(cal, plain.due, held.due)).toBe(held.suspendedWorkingDays);
          expect(computeDeadline(cal, { acceptedOn: d, workingDays: n, suspensions: [...paused, ...paused] })).toEqual(held);
        },
      ),
    );
  });

  it('moves the deadline by exactly the k working days of a suspension that starts before it', () => {
    fc.assert(
      fc.property(world, start, fc.integer({ min: 1, max: 120 }), fc.nat(), fc.integer({ min: 0, max: 40 }), ({ cal }, d, n, pick, length) => {
        const plain = addWorkingDays(cal, d, n);
        const span = dayNumber(plain) - dayNumber(d);
        const from = addDays(d, 1 + (pick % span)); // any day in (D, due]
        const to = addDays(from, length);
        const k = workingDaysBetween(cal, addDays(from, -1), to);
        const held = computeDeadline(cal, { acceptedOn: d, workingDays: n, suspensions: [{ from, to }] });
        expect(held.suspendedWorkingDays).toBe(k);
        expect(held.due).toBe(addWorkingDays(cal, plain, k));
      }),
    );
  });

  it('is provisional exactly when a counted day lies in a year without a published schedule', () => {
    fc.assert(
      fc.property(world, start, count, ({ cal, published }, d, n) => {
        const result = computeDeadline(cal, { acceptedOn: d, workingDays: n });
        const crossed = new Set<number>();
        for (let day = addDays(d, 1); day <= result.due; day = addDays(day, 1)) if (!published.has(yearOf(day))) crossed.add(yearOf(day));
        expect(result.provisional).toBe(crossed.size > 0);
        expect(result.unpublishedYears).toEqual([...crossed].sort((a, b) => a - b));
      }),
    );
  });
});

describe('remainingWorkingDays', () => {
  it('is negative exactly when overdue, 0 on the due day, and leads back to a working due date', () => {
    fc.assert(
      fc.property(world, start, start, ({ cal }, due, today) => {
        const left = remainingWorkingDays(cal, due, today);
        expect(left < 0).toBe(today > due);
        if (today === due) expect(left).toBe(0);
        if (today <= due && cal.isWorkingDay(due)) expect(addWorkingDays(cal, today, left)).toBe(due);
      }),
    );
  });
});
