/** The only file of the calendar module that touches the database. */
import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { regions } from '../org/org.schema.ts';
import { calendarDays, calendarYears } from './calendar.schema.ts';

export type CalendarYearRow = typeof calendarYears.$inferSelect;
export type CalendarDayRow = typeof calendarDays.$inferSelect;
type DayValues = Pick<CalendarDayRow, 'date' | 'kind' | 'name'>;

const countOf = (kind: CalendarDayRow['kind']) =>
  sql<number>`(select count(*)::int from ${calendarDays} d where d.schedule_year = ${calendarYears.year} and d.region_code is null and d.kind = ${kind})`;

export const calendarRepository = {
  /** What a calendar is built from: the published schedules' days and every regional adjustment. */
  async calendarSource(db: Executor) {
    const [national, regional] = await Promise.all([
      db
        .select({ year: calendarYears.year, date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
        .from(calendarYears)
        .leftJoin(calendarDays, and(eq(calendarDays.scheduleYear, calendarYears.year), isNull(calendarDays.regionCode)))
        .where(eq(calendarYears.status, 'published')),
      db
        .select({ regionCode: calendarDays.regionCode, date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
        .from(calendarDays)
        .where(sql`${calendarDays.regionCode} is not null`),
    ]);
    return { national, regional };
  },

  async listYears(db: Executor) {
    return db
      .select({ year: calendarYears, dayOffCount: countOf('day_off'), makeUpCount: countOf('make_up_working_day') })
      .from(calendarYears)
      .orderBy(asc(calendarYears.year));
  },
  async findYear(db: Executor, year: number) {
    const rows = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
    return rows[0];
  },
  async scheduleDays(db: Executor, year: number) {
    return db
      .select()
      .from(calendarDays)
      .where(and(eq(calendarDays.scheduleYear, year), isNull(calendarDays.regionCode)))
      .orderBy(asc(calendarDays.date));
  },
  /** Adjustments of the given regions with dates from `from` to `to`, with the region's name. */
  async adjustments(db: Executor, regionCodes: string[], from: string, to: string) {
    if (regionCodes.length === 0) return [];
    return db
      .select({ day: calendarDays, regionName: regions.name })
      .from(calendarDays)
      .leftJoin(regions, eq(regions.code, calendarDays.regionCode))
      .where(and(inArray(calendarDays.regionCode, regionCodes), gte(calendarDays.date, from), lte(calendarDays.date, to)))
      .orderBy(asc(calendarDays.date), asc(calendarDays.regionCode));
  },
  async insertYear(db: Executor, row: { year: number; source: string }) {
    await db.insert(calendarYears).values(row);
  },
  async insertScheduleDays(db: Executor, year: number, days: DayValues[]) {
    await db.insert(calendarDays).values(days.map((d) => ({ ...d, scheduleYear: year, regionCode: null })));
  },
  async deleteScheduleDays(db: Executor, year: number) {
    await db.delete(calendarDays).where(and(eq(calendarDays.scheduleYear, year), isNull(calendarDays.regionCode)));
  },
  /** Updates a draft at the version read; false when the version or the status no longer match. */
  async updateDraft(db: Executor, year: number, version: number, patch: { source: string }) {
    const rows = await db
      .update(calendarYears)
      .set({ ...patch, version: sql`${calendarYears.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(calendarYears.year, year), eq(calendarYears.version, version), eq(calendarYears.status, 'draft')))
      .returning({ year: calendarYears.year });
    return rows.length === 1;
  },
  async publish(db: Executor, year: number, version: number) {
    const rows = await db
      .update(calendarYears)
      .set({ status: 'published', publishedAt: sql`now()`, version: sql`${calendarYears.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(calendarYears.year, year), eq(calendarYears.version, version), eq(calendarYears.status, 'draft')))
      .returning({ year: calendarYears.year });
    return rows.length === 1;
  },

  async insertAdjustment(db: Executor, row: DayValues & { regionCode: string }) {
    const rows = await db
      .insert(calendarDays)
      .values({ ...row, scheduleYear: null })
      .returning({ id: calendarDays.id });
    return rows[0]!.id;
  },
  async findAdjustment(db: Executor, id: string) {
    const rows = await db
      .select({ day: calendarDays, regionName: regions.name })
      .from(calendarDays)
      .leftJoin(regions, eq(regions.code, calendarDays.regionCode))
      .where(and(eq(calendarDays.id, id), sql`${calendarDays.regionCode} is not null`));
    return rows[0];
  },
  async findAdjustmentAt(db: Executor, regionCode: string, date: string) {
    const rows = await db
      .select({ id: calendarDays.id })
      .from(calendarDays)
      .where(and(eq(calendarDays.regionCode, regionCode), eq(calendarDays.date, date)));
    return rows[0];
  },
  async deleteAdjustment(db: Executor, id: string) {
    await db.delete(calendarDays).where(eq(calendarDays.id, id));
  },
};
