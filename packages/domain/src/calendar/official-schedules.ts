/**
 * The State Council's holiday schedules (国务院办公厅关于…部分节假日安排的通知) for 2024–2026,
 * as listed in the project's STANDARDS.md §8 (from NateScarlet/holiday-cn, MIT, which links each
 * notice). Weekends that merely adjoin a holiday are not listed, as in the notices.
 * The server's migration `0005_calendar.sql` inserts exactly these rows; an integration test
 * compares the two.
 */
import { addDays } from './iso-date.ts';
import type { NationalSchedule, SpecialDay } from './working-calendar.ts';

export interface OfficialSchedule extends NationalSchedule {
  /** The notice: its title and address. */
  source: string;
}

/** Days off from `from` to `to` (both included), all named `name`. */
function off(name: string, from: string, to: string = from): SpecialDay[] {
  const days: SpecialDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, kind: 'day_off', name });
  return days;
}

/** Make-up working days (调休上班), named after the holiday they make up for. */
function work(name: string, ...dates: string[]): SpecialDay[] {
  return dates.map((date) => ({ date, kind: 'make_up_working_day', name }));
}

const byDate = (a: SpecialDay, b: SpecialDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export const OFFICIAL_NATIONAL_SCHEDULES: readonly OfficialSchedule[] = [
  {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知 https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm',
    days: [
      ...off('元旦', '2024-01-01'),
      ...off('春节', '2024-02-10', '2024-02-17'),
      ...work('春节', '2024-02-04', '2024-02-18'),
      ...off('清明节', '2024-04-04', '2024-04-06'),
      ...work('清明节', '2024-04-07'),
      ...off('劳动节', '2024-05-01', '2024-05-05'),
      ...work('劳动节', '2024-04-28', '2024-05-11'),
      ...off('端午节', '2024-06-10'),
      ...off('中秋节', '2024-09-15', '2024-09-17'),
      ...work('中秋节', '2024-09-14'),
      ...off('国庆节', '2024-10-01', '2024-10-07'),
      ...work('国庆节', '2024-09-29', '2024-10-12'),
    ].sort(byDate),
  },
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知 https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    days: [
      ...off('元旦', '2025-01-01'),
      ...off('春节', '2025-01-28', '2025-02-04'),
      ...work('春节', '2025-01-26', '2025-02-08'),
      ...off('清明节', '2025-04-04', '2025-04-06'),
      ...off('劳动节', '2025-05-01', '2025-05-05'),
      ...work('劳动节', '2025-04-27'),
      ...off('端午节', '2025-05-31', '2025-06-02'),
      ...off('国庆节、中秋节', '2025-10-01', '2025-10-08'),
      ...work('国庆节、中秋节', '2025-09-28', '2025-10-11'),
    ].sort(byDate),
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知 https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    days: [
      ...off('元旦', '2026-01-01', '2026-01-03'),
      ...work('元旦', '2026-01-04'),
      ...off('春节', '2026-02-15', '2026-02-23'),
      ...work('春节', '2026-02-14', '2026-02-28'),
      ...off('清明节', '2026-04-04', '2026-04-06'),
      ...off('劳动节', '2026-05-01', '2026-05-05'),
      ...work('劳动节', '2026-05-09'),
      ...off('端午节', '2026-06-19', '2026-06-21'),
      ...off('中秋节', '2026-09-25', '2026-09-27'),
      ...off('国庆节', '2026-10-01', '2026-10-07'),
      ...work('国庆节', '2026-09-20', '2026-10-10'),
    ].sort(byDate),
  },
];
