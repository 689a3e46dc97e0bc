import type {
  CalendarAdjustment,
  CalendarYear,
  CalendarYearSummary,
  CreateCalendarAdjustment,
  CreateCalendarYear,
  DeadlineResult,
  UpdateCalendarYear,
} from '@tongban/contracts';
import { api } from '../../app/api.ts';

/** Query keys of the calendar module; every change invalidates `all`. */
export const calendarKeys = {
  all: ['calendar'] as const,
  years: ['calendar', 'years'] as const,
  year: (year: number, region: string | null) => ['calendar', 'year', year, region ?? ''] as const,
  deadline: (from: string, days: number, region: string | null) => ['calendar', 'deadline', from, days, region ?? ''] as const,
};

export const listCalendarYears = (signal?: AbortSignal) => api.get<CalendarYearSummary[]>('/api/calendar/years', undefined, signal);
export const getCalendarYear = (year: number, region: string | null, signal?: AbortSignal) =>
  api.get<CalendarYear>(`/api/calendar/years/${year}`, { region }, signal);
export const createCalendarYear = (body: CreateCalendarYear) => api.post<CalendarYear>('/api/calendar/years', body);
export const updateCalendarYear = (year: number, body: UpdateCalendarYear) => api.put<CalendarYear>(`/api/calendar/years/${year}`, body);
export const publishCalendarYear = (year: number, version: number) => api.post<CalendarYear>(`/api/calendar/years/${year}/publish`, { version });
export const addCalendarAdjustment = (body: CreateCalendarAdjustment) => api.post<CalendarAdjustment>('/api/calendar/adjustments', body);
export const removeCalendarAdjustment = (id: string) => api.del(`/api/calendar/adjustments/${encodeURIComponent(id)}`);
export const computeDeadline = (from: string, days: number, region: string | null, signal?: AbortSignal) =>
  api.get<DeadlineResult>('/api/calendar/deadline', { from, days, region }, signal);
