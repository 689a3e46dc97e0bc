import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { regions } from '../org/org.schema.ts';

/** National holiday schedules (放假安排), one per year: a draft until published. */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    status: varchar('status', { length: 16 }).notNull().default('draft').$type<'draft' | 'published'>(),
    /** The State Council notice: title and address. */
    source: varchar('source', { length: 500 }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('calendar_years_status_ck', sql`${t.status} in ('draft', 'published')`), check('calendar_years_year_ck', sql`${t.year} between 2000 and 2099`)],
);

/**
 * Listed days: a national schedule's days (schedule_year set, region_code null) and regional
 * adjustments (region_code set, schedule_year null), which hold in the region and below it.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleYear: integer('schedule_year').references(() => calendarYears.year, { onDelete: 'cascade' }),
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    date: date('date', { mode: 'string' }).notNull(),
    kind: varchar('kind', { length: 24 }).notNull().$type<'day_off' | 'make_up_working_day'>(),
    name: varchar('name', { length: 30 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('calendar_days_kind_ck', sql`${t.kind} in ('day_off', 'make_up_working_day')`),
    check('calendar_days_owner_ck', sql`(${t.scheduleYear} is null) <> (${t.regionCode} is null)`),
    uniqueIndex('calendar_days_national_uq')
      .on(t.scheduleYear, t.date)
      .where(sql`${t.regionCode} is null`),
    uniqueIndex('calendar_days_regional_uq')
      .on(t.regionCode, t.date)
      .where(sql`${t.regionCode} is not null`),
    index('calendar_days_date_idx').on(t.date),
  ],
);
