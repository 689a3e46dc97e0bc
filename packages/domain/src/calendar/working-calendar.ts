/**
 * The working-day calendar (工作日历): the national schedules published by the State Council
 * (放假安排: days off and make-up working days, 调休上班) plus regional adjustments.
 *
 * A date is a working day when, looking in this order and stopping at the first hit:
 * 1. the region itself, then each region above it (village → township → county → city →
 *    province) lists the date: a `make_up_working_day` is a working day, a `day_off` is not;
 * 2. a published national schedule lists it, with the same meaning;
 * 3. otherwise Monday to Friday are working days and Saturday and Sunday are not.
 * A year without a published national schedule therefore falls back to weekdays: every answer
 * that depends on such a year is provisional, and the deadline functions say so.
 */
import { isValidRegionCode, parentRegionCode } from '../region/region-code.ts';
import { isWeekend, parseIsoDate, yearOf, type IsoDate } from './iso-date.ts';

export const SPECIAL_DAY_KINDS = ['day_off', 'make_up_working_day'] as const;
/** `day_off`: 放假 (not a working day). `make_up_working_day`: 调休上班 (a working day, usually a Saturday or Sunday). */
export type SpecialDayKind = (typeof SPECIAL_DAY_KINDS)[number];

/** One listed day: 2025-10-01 day_off 国庆节. */
export interface SpecialDay {
  date: IsoDate;
  kind: SpecialDayKind;
  /** The holiday it belongs to, as the notice names it: 春节, 国庆节 … */
  name: string;
}

/** A national schedule for one year. Only published schedules go into a calendar. */
export interface NationalSchedule {
  year: number;
  days: readonly SpecialDay[];
}

/** A local adjustment, valid in `regionCode` and every region below it. */
export interface RegionalAdjustment extends SpecialDay {
  regionCode: string;
}

/** Everything a calendar is built from. */
export interface CalendarSource {
  /** Published national schedules. Where two list the same date, the later year's wins. */
  schedules: readonly NationalSchedule[];
  adjustments: readonly RegionalAdjustment[];
}

export type DayReason = 'weekday' | 'weekend' | SpecialDayKind;

/** Why a date is or is not a working day. */
export interface DayInfo {
  date: IsoDate;
  working: boolean;
  reason: DayReason;
  /** The holiday's name for a listed day, otherwise null. */
  name: string | null;
  /** Where the answer came from: the weekday rule, a national schedule or a region's adjustment. */
  source: 'rule' | 'national' | 'regional';
  /** The region whose adjustment decided, for `source: 'regional'`. */
  regionCode: string | null;
  /** The date's year has a published national schedule (otherwise the answer is provisional). */
  published: boolean;
}

/** The calendar as seen from one region (or nationally, for `regionCode: null`). */
export interface WorkingCalendar {
  readonly regionCode: string | null;
  isWorkingDay(date: IsoDate): boolean;
  dayInfo(date: IsoDate): DayInfo;
  /** True when the year has a published national schedule. */
  hasPublishedSchedule(year: number): boolean;
}

/** A source indexed for lookups; build it once and derive a calendar per region from it. */
export interface CalendarIndex {
  readonly national: ReadonlyMap<IsoDate, SpecialDay>;
  readonly publishedYears: ReadonlySet<number>;
  /** Adjustments by canonical region code, then by date. */
  readonly regional: ReadonlyMap<string, ReadonlyMap<IsoDate, SpecialDay>>;
}

/** A 9-digit township code in its stored 12-digit form (`511902001` → `511902001000`). */
export function canonicalRegionCode(code: string): string {
  return code.length === 9 ? `${code}000` : code;
}

/** A region and every region above it, nearest first, in canonical form. Throws for an invalid code. */
export function regionChain(code: string): string[] {
  if (!isValidRegionCode(code)) throw new RangeError(`not a region code: ${JSON.stringify(code)}`);
  const chain = [canonicalRegionCode(code)];
  for (let parent = parentRegionCode(chain[0]!); parent; parent = parentRegionCode(parent)) chain.push(parent);
  return chain;
}

function requireDay(day: SpecialDay): SpecialDay {
  if (!parseIsoDate(day.date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(day.date)}`);
  return { date: day.date, kind: day.kind, name: day.name };
}

/** Indexes a source. Throws RangeError for a malformed date or region code. */
export function indexCalendarSource(source: CalendarSource): CalendarIndex {
  const national = new Map<IsoDate, SpecialDay>();
  const publishedYears = new Set<number>();
  for (const schedule of [...source.schedules].sort((a, b) => a.year - b.year)) {
    publishedYears.add(schedule.year);
    for (const day of schedule.days) national.set(day.date, requireDay(day));
  }
  const regional = new Map<string, Map<IsoDate, SpecialDay>>();
  for (const adj of source.adjustments) {
    if (!isValidRegionCode(adj.regionCode)) throw new RangeError(`not a region code: ${JSON.stringify(adj.regionCode)}`);
    const code = canonicalRegionCode(adj.regionCode);
    const byDate = regional.get(code) ?? new Map<IsoDate, SpecialDay>();
    byDate.set(adj.date, requireDay(adj));
    regional.set(code, byDate);
  }
  return { national, publishedYears, regional };
}

/** The calendar of one region (null: the national calendar, without any regional adjustment). */
export function workingCalendar(index: CalendarIndex, regionCode: string | null): WorkingCalendar {
  const chain = regionCode === null ? [] : regionChain(regionCode);
  const layers = chain.flatMap((code) => {
    const byDate = index.regional.get(code);
    return byDate ? [{ code, byDate }] : [];
  });

  const dayInfo = (date: IsoDate): DayInfo => {
    const published = index.publishedYears.has(yearOf(date));
    for (const layer of layers) {
      const day = layer.byDate.get(date);
      if (day)
        return { date, working: day.kind === 'make_up_working_day', reason: day.kind, name: day.name, source: 'regional', regionCode: layer.code, published };
    }
    const day = index.national.get(date);
    if (day) return { date, working: day.kind === 'make_up_working_day', reason: day.kind, name: day.name, source: 'national', regionCode: null, published };
    const weekend = isWeekend(date);
    return { date, working: !weekend, reason: weekend ? 'weekend' : 'weekday', name: null, source: 'rule', regionCode: null, published };
  };

  return {
    regionCode: chain[0] ?? null,
    dayInfo,
    isWorkingDay: (date) => dayInfo(date).working,
    hasPublishedSchedule: (year) => index.publishedYears.has(year),
  };
}

/** Shorthand: index `source` and take the calendar of `regionCode`. */
export function createWorkingCalendar(source: CalendarSource, regionCode: string | null = null): WorkingCalendar {
  return workingCalendar(indexCalendarSource(source), regionCode);
}
