// 工作日历 (working-day calendar) and deadline arithmetic. Dates are plain 'YYYY-MM-DD' strings in China time.
export { parseIsoDate, isIsoDate, dayNumber, fromDayNumber, addDays, dayOfWeek, isWeekend, yearOf, chinaToday } from './iso-date.ts';
export type { IsoDate } from './iso-date.ts';
export { SPECIAL_DAY_KINDS, canonicalRegionCode, regionChain, indexCalendarSource, workingCalendar, createWorkingCalendar } from './working-calendar.ts';
export type {
  SpecialDayKind,
  SpecialDay,
  NationalSchedule,
  RegionalAdjustment,
  CalendarSource,
  CalendarIndex,
  DayReason,
  DayInfo,
  WorkingCalendar,
} from './working-calendar.ts';
export { MAX_WORKING_DAYS, addWorkingDays, workingDaysBetween, unpublishedYearsBetween, computeDeadline, remainingWorkingDays } from './deadline.ts';
export type { Suspension, DeadlineInput, Deadline } from './deadline.ts';
export { checkNationalSchedule, adjustmentHasEffect } from './schedule-rules.ts';
export type { ScheduleIssue, ScheduleIssueReason } from './schedule-rules.ts';
export { OFFICIAL_NATIONAL_SCHEDULES } from './official-schedules.ts';
export type { OfficialSchedule } from './official-schedules.ts';
