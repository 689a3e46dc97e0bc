/** Working-day calendar use cases: national schedules, regional adjustments, deadlines (工作日历). */
import type {
  CalendarAdjustment,
  CalendarDay,
  CalendarYear,
  CalendarYearSummary,
  CreateCalendarAdjustment,
  CreateCalendarYear,
  DeadlineQuery,
  DeadlineResult,
  SpecialDayInput,
  UpdateCalendarYear,
} from '@tongban/contracts';
import {
  adjustmentHasEffect,
  canonicalRegionCode,
  checkNationalSchedule,
  computeDeadline,
  indexCalendarSource,
  isValidRegionCode,
  regionChain,
  workingCalendar,
  type Deadline,
  type DeadlineInput,
  type NationalSchedule,
  type WorkingCalendar,
} from '@tongban/domain';
import type { Db } from '../../platform/db/client.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError, conflict, forbidden, notFound, pgErrorCode } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { createCalendarCache } from './calendar-cache.ts';
import { canAdjustRegion, canManageNationalSchedule } from './calendar.policy.ts';
import { calendarRepository as repo, type CalendarYearRow } from './calendar.repository.ts';

type Meta = { requestId?: string; ip?: string };
type Issue = { path: string; message: string };
const invalid = (...issues: Issue[]) => new AppError('VALIDATION_FAILED', { issues: issues.map((i) => ({ ...i, code: 'custom' })) });

export interface CalendarServiceDeps {
  db: Db;
  /** From the org module: does a region with this (canonical) code exist? */
  regionExists: (code: string) => Promise<boolean>;
  /** How long another instance's change may take to show here. */
  cacheSeconds?: number;
}

/** Runs `work`, turning a unique-constraint violation into `code`. */
async function uniquely<T>(code: 'CALENDAR_YEAR_EXISTS' | 'CALENDAR_ADJUSTMENT_EXISTS', work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError(code);
    throw err;
  }
}

function scheduleIssues(year: number, days: SpecialDayInput[]): Issue[] {
  return checkNationalSchedule(year, days).map((i) => ({ path: `days.${i.index}.${i.field}`, message: `calendar.${i.reason}` }));
}

function toSummary(r: { year: CalendarYearRow; dayOffCount: number; makeUpCount: number }): CalendarYearSummary {
  return {
    year: r.year.year,
    status: r.year.status,
    source: r.year.source,
    publishedAt: r.year.publishedAt?.toISOString() ?? null,
    dayOffCount: r.dayOffCount,
    makeUpCount: r.makeUpCount,
    version: r.year.version,
  };
}

export function createCalendarService({ db, regionExists, cacheSeconds = 60 }: CalendarServiceDeps) {
  const cache = createCalendarCache(async () => {
    const { national, regional } = await repo.calendarSource(db);
    const byYear = new Map<number, NationalSchedule & { days: NationalSchedule['days'][number][] }>();
    for (const r of national) {
      const schedule = byYear.get(r.year) ?? { year: r.year, days: [] };
      if (r.date && r.kind && r.name) schedule.days.push({ date: r.date, kind: r.kind, name: r.name });
      byYear.set(r.year, schedule);
    }
    const adjustments = regional.flatMap((r) => (r.regionCode && isValidRegionCode(r.regionCode) ? [{ ...r, regionCode: r.regionCode }] : []));
    return indexCalendarSource({ schedules: [...byYear.values()], adjustments });
  }, cacheSeconds);

  const audit = (actor: Actor, action: string, targetType: string, targetId: string, meta: Meta, details: Record<string, unknown>) => ({
    actorId: actor.id,
    action,
    targetType,
    targetId,
    ...meta,
    details,
  });

  /** A region given by a caller: well formed and known, in its stored (canonical) form. */
  async function knownRegion(code: string | undefined, path: string): Promise<string | null> {
    if (code === undefined) return null;
    if (!isValidRegionCode(code)) throw invalid({ path, message: 'region.code' });
    const canonical = canonicalRegionCode(code);
    if (!(await regionExists(canonical))) throw invalid({ path, message: 'ref.notFound' });
    return canonical;
  }

  async function draftYear(actor: Actor, year: number): Promise<CalendarYearRow> {
    if (!canManageNationalSchedule(actor)) throw forbidden();
    const row = await repo.findYear(db, year);
    if (!row) throw notFound('calendar year');
    if (row.status === 'published') throw new AppError('CALENDAR_YEAR_PUBLISHED');
    return row;
  }

  const service = {
    /** The calendar of a region (null: national). For other modules; the code must be valid. */
    async workingCalendar(regionCode: string | null): Promise<WorkingCalendar> {
      return workingCalendar(await cache.get(), regionCode);
    },
    /** A deadline with suspensions and extensions, for the case engine. */
    async computeDeadline(regionCode: string | null, input: DeadlineInput): Promise<Deadline> {
      return computeDeadline(await service.workingCalendar(regionCode), input);
    },

    async deadline(q: DeadlineQuery): Promise<DeadlineResult> {
      const region = await knownRegion(q.region, 'querystring.region');
      const d = await service.computeDeadline(region, { acceptedOn: q.from, workingDays: q.days });
      return {
        from: q.from,
        workingDays: q.days,
        region,
        firstDay: d.firstDay,
        due: d.due,
        calendarDays: d.calendarDays,
        provisional: d.provisional,
        unpublishedYears: d.unpublishedYears,
      };
    },

    async listYears(): Promise<CalendarYearSummary[]> {
      return (await repo.listYears(db)).map(toSummary);
    },

    /** A year's national schedule and the adjustments of `region` and the regions above it. */
    async getYear(year: number, regionCode?: string): Promise<CalendarYear> {
      const region = await knownRegion(regionCode, 'querystring.region');
      const [row, national, regional, cal] = await Promise.all([
        repo.findYear(db, year),
        repo.scheduleDays(db, year),
        repo.adjustments(db, region ? regionChain(region) : [], `${year}-01-01`, `${year}-12-31`),
        service.workingCalendar(region),
      ]);
      const published = row?.status === 'published';
      const days: CalendarDay[] = [
        ...national.map((d) => ({
          id: d.id,
          date: d.date,
          kind: d.kind,
          name: d.name,
          regionCode: null,
          regionName: null,
          effective: published && cal.dayInfo(d.date).source === 'national',
        })),
        ...regional.map(({ day, regionName }) => {
          const info = cal.dayInfo(day.date);
          return {
            id: day.id,
            date: day.date,
            kind: day.kind,
            name: day.name,
            regionCode: day.regionCode,
            regionName,
            effective: info.source === 'regional' && info.regionCode === day.regionCode,
          };
        }),
      ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.regionCode ?? '').localeCompare(b.regionCode ?? '')));
      return {
        year,
        status: row?.status ?? 'none',
        source: row?.source ?? null,
        publishedAt: row?.publishedAt?.toISOString() ?? null,
        version: row?.version ?? null,
        region,
        days,
      };
    },

    /** Adds a year's national schedule as a draft: it counts only once published. */
    async createYear(actor: Actor, input: CreateCalendarYear, meta: Meta): Promise<CalendarYear> {
      if (!canManageNationalSchedule(actor)) throw forbidden();
      if (await repo.findYear(db, input.year)) throw new AppError('CALENDAR_YEAR_EXISTS');
      const issues = scheduleIssues(input.year, input.days);
      if (issues.length > 0) throw invalid(...issues);
      await uniquely('CALENDAR_YEAR_EXISTS', () =>
        db.transaction(async (tx) => {
          await repo.insertYear(tx, { year: input.year, source: input.source });
          await repo.insertScheduleDays(tx, input.year, input.days);
          await appendAudit(
            tx,
            audit(actor, 'calendar.year.create', 'calendar_year', String(input.year), meta, { source: input.source, days: input.days.length }),
          );
        }),
      );
      return service.getYear(input.year);
    },

    /** Replaces a draft's source and days. A published schedule is final. */
    async updateYear(actor: Actor, year: number, input: UpdateCalendarYear, meta: Meta): Promise<CalendarYear> {
      await draftYear(actor, year);
      const issues = scheduleIssues(year, input.days);
      if (issues.length > 0) throw invalid(...issues);
      await db.transaction(async (tx) => {
        if (!(await repo.updateDraft(tx, year, input.version, { source: input.source }))) throw conflict();
        await repo.deleteScheduleDays(tx, year);
        await repo.insertScheduleDays(tx, year, input.days);
        await appendAudit(tx, audit(actor, 'calendar.year.update', 'calendar_year', String(year), meta, { source: input.source, days: input.days.length }));
      });
      return service.getYear(year);
    },

    /** Publishes a draft: from now on its days count and deadlines in that year are no longer provisional. */
    async publishYear(actor: Actor, year: number, version: number, meta: Meta): Promise<CalendarYear> {
      await draftYear(actor, year);
      await db.transaction(async (tx) => {
        if (!(await repo.publish(tx, year, version))) throw conflict();
        await appendAudit(tx, audit(actor, 'calendar.year.publish', 'calendar_year', String(year), meta, { version }));
      });
      cache.invalidate();
      return service.getYear(year);
    },

    /** Adds a local day off or working day to a region (and every region below it). */
    async addAdjustment(actor: Actor, input: CreateCalendarAdjustment, meta: Meta): Promise<CalendarAdjustment> {
      const regionCode = (await knownRegion(input.regionCode, 'regionCode'))!;
      if (!canAdjustRegion(actor, regionCode)) throw forbidden();
      if (await repo.findAdjustmentAt(db, regionCode, input.date)) throw new AppError('CALENDAR_ADJUSTMENT_EXISTS');
      if (!adjustmentHasEffect(await service.workingCalendar(regionCode), input)) throw invalid({ path: 'kind', message: 'calendar.noEffect' });
      const id = await uniquely('CALENDAR_ADJUSTMENT_EXISTS', () =>
        db.transaction(async (tx) => {
          const newId = await repo.insertAdjustment(tx, { regionCode, date: input.date, kind: input.kind, name: input.name });
          await appendAudit(
            tx,
            audit(actor, 'calendar.adjustment.create', 'calendar_adjustment', newId, meta, {
              regionCode,
              date: input.date,
              kind: input.kind,
              name: input.name,
            }),
          );
          return newId;
        }),
      );
      cache.invalidate();
      const row = await repo.findAdjustment(db, id);
      if (!row) throw notFound('calendar adjustment');
      return toAdjustment(row);
    },

    async removeAdjustment(actor: Actor, id: string, meta: Meta): Promise<void> {
      const row = await repo.findAdjustment(db, id);
      if (!row) throw notFound('calendar adjustment');
      const { day } = row;
      if (!day.regionCode || !canAdjustRegion(actor, day.regionCode)) throw forbidden();
      await db.transaction(async (tx) => {
        await repo.deleteAdjustment(tx, id);
        await appendAudit(
          tx,
          audit(actor, 'calendar.adjustment.delete', 'calendar_adjustment', id, meta, {
            regionCode: day.regionCode,
            date: day.date,
            kind: day.kind,
            name: day.name,
          }),
        );
      });
      cache.invalidate();
    },
  };
  return service;
}

export type CalendarService = ReturnType<typeof createCalendarService>;

type AdjustmentRow = NonNullable<Awaited<ReturnType<typeof repo.findAdjustment>>>;
const toAdjustment = ({ day, regionName }: AdjustmentRow): CalendarAdjustment => ({
  id: day.id,
  regionCode: day.regionCode ?? '',
  regionName,
  date: day.date,
  kind: day.kind,
  name: day.name,
});
