/** 工作日历: the working-day calendar and deadline arithmetic. Dates are 'YYYY-MM-DD' in China time. */
import { z } from 'zod';
import { isIsoDate, isValidRegionCode, SPECIAL_DAY_KINDS, yearOf } from '@tongban/domain';
import { regionCodeSchema } from './org.ts';

/** Calendar years the platform accepts: schedules, adjustments and deadline starts. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2099;
/** The largest time limit the deadline calculator accepts, in working days. */
export const CALENDAR_MAX_WORKING_DAYS = 1000;

/** A real calendar date written YYYY-MM-DD, between 2000 and 2099. */
export const calendarDateSchema = z
  .string()
  .trim()
  .refine(isIsoDate, { message: 'date.format' })
  .refine((s) => !isIsoDate(s) || (yearOf(s) >= CALENDAR_MIN_YEAR && yearOf(s) <= CALENDAR_MAX_YEAR), { message: 'calendar.dateRange' });

/** A well-formed 6-, 9- or 12-digit region code under a real province (GB/T 2260). */
export const calendarRegionCodeSchema = regionCodeSchema.refine(isValidRegionCode, { message: 'region.code' });

export const calendarYearNumberSchema = z
  .number()
  .int()
  .min(CALENDAR_MIN_YEAR, { message: 'calendar.year' })
  .max(CALENDAR_MAX_YEAR, { message: 'calendar.year' });
export const calendarYearParamsSchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, { message: 'calendar.year' })
    .transform(Number)
    .pipe(calendarYearNumberSchema),
});

/** `day_off` 放假; `make_up_working_day` 调休上班. */
export const specialDayKindSchema = z.enum(SPECIAL_DAY_KINDS);
export type SpecialDayKindValue = z.infer<typeof specialDayKindSchema>;

export const specialDayInputSchema = z.object({
  date: calendarDateSchema,
  kind: specialDayKindSchema,
  /** The holiday's name as the notice gives it: 春节, 国庆节 … */
  name: z.string().trim().min(1).max(30),
});
export type SpecialDayInput = z.infer<typeof specialDayInputSchema>;

const scheduleSourceSchema = z.string().trim().min(1).max(500);
const scheduleDaysSchema = z.array(specialDayInputSchema).min(1).max(120);

/** A national schedule for a year, added as a draft. */
export const createCalendarYearSchema = z.object({
  year: calendarYearNumberSchema,
  /** The notice: title and address. */
  source: scheduleSourceSchema,
  days: scheduleDaysSchema,
});
export type CreateCalendarYear = z.infer<typeof createCalendarYearSchema>;

/** Replaces a draft's source and days (send the version you read). */
export const updateCalendarYearSchema = z.object({ source: scheduleSourceSchema, days: scheduleDaysSchema, version: z.number().int() });
export type UpdateCalendarYear = z.infer<typeof updateCalendarYearSchema>;

export const publishCalendarYearSchema = z.object({ version: z.number().int() });

export const calendarYearStatuses = ['draft', 'published'] as const;
export const calendarYearStatusSchema = z.enum(calendarYearStatuses);
export type CalendarYearStatus = z.infer<typeof calendarYearStatusSchema>;

export const calendarYearSummarySchema = z
  .object({
    year: z.number().int(),
    status: calendarYearStatusSchema,
    source: z.string(),
    publishedAt: z.string().nullable(),
    dayOffCount: z.number().int(),
    makeUpCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'CalendarYearSummary' });
export type CalendarYearSummary = z.infer<typeof calendarYearSummarySchema>;

/** One listed day: national (regionCode null) or a region's adjustment. */
export const calendarDaySchema = z
  .object({
    id: z.uuid(),
    date: z.string(),
    kind: specialDayKindSchema,
    name: z.string(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    /** False when a nearer region's adjustment overrides it, or for a day of an unpublished draft. */
    effective: z.boolean(),
  })
  .meta({ id: 'CalendarDay' });
export type CalendarDay = z.infer<typeof calendarDaySchema>;

/** A year as seen from a region: its national schedule (if any) and the adjustments of the region and the regions above it. */
export const calendarYearSchema = z
  .object({
    year: z.number().int(),
    /** `none`: no national schedule yet; days count as plain weekdays and deadlines there are provisional. */
    status: z.enum(['none', ...calendarYearStatuses]),
    source: z.string().nullable(),
    publishedAt: z.string().nullable(),
    version: z.number().int().nullable(),
    region: z.string().nullable(),
    days: z.array(calendarDaySchema),
  })
  .meta({ id: 'CalendarYear' });
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarRegionQuerySchema = z.object({ region: calendarRegionCodeSchema.optional() });

/** A local adjustment: valid in the region and every region below it. */
export const createCalendarAdjustmentSchema = specialDayInputSchema.extend({ regionCode: calendarRegionCodeSchema });
export type CreateCalendarAdjustment = z.infer<typeof createCalendarAdjustmentSchema>;

export const calendarAdjustmentSchema = z
  .object({
    id: z.uuid(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    date: z.string(),
    kind: specialDayKindSchema,
    name: z.string(),
  })
  .meta({ id: 'CalendarAdjustment' });
export type CalendarAdjustment = z.infer<typeof calendarAdjustmentSchema>;

/** `GET /api/calendar/deadline?from=2025-09-30&days=5&region=511902` */
export const deadlineQuerySchema = z.object({
  /** The day of acceptance (受理). Day 1 is the first working day after it. */
  from: calendarDateSchema,
  days: z
    .string()
    .regex(/^\d{1,4}$/, { message: 'calendar.workingDays' })
    .transform(Number)
    .refine((n) => n <= CALENDAR_MAX_WORKING_DAYS, { message: 'calendar.workingDays' }),
  region: calendarRegionCodeSchema.optional(),
});
export type DeadlineQuery = z.infer<typeof deadlineQuerySchema>;

export const deadlineSchema = z
  .object({
    from: z.string(),
    workingDays: z.number().int(),
    region: z.string().nullable(),
    /** Day 1, the first counted working day; null for 0 days. */
    firstDay: z.string().nullable(),
    /** The time limit ends at the end of this day. */
    due: z.string(),
    calendarDays: z.number().int(),
    /** A counted day lies in a year without a published national schedule (counted as weekdays). */
    provisional: z.boolean(),
    unpublishedYears: z.array(z.number().int()),
  })
  .meta({ id: 'Deadline' });
export type DeadlineResult = z.infer<typeof deadlineSchema>;
