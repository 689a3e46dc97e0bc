import type { CalendarDay } from '@tongban/contracts';
import { isWeekend } from '@tongban/domain';
import { useTranslation } from 'react-i18next';
import { monthWeeks, WEEKDAY_KEYS, weekdayKey } from './dates.ts';

const MONDAY_FIRST = [...WEEKDAY_KEYS.slice(1), WEEKDAY_KEYS[0]];

/** Twelve month grids of a year; listed days are marked 休 (day off) or 班 (make-up working day) in text and colour. */
export function MonthGrid({ year, marks }: { year: number; marks: ReadonlyMap<string, CalendarDay> }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="tb-cal-legend tb-small">
        <span>
          <span className="tb-cal-legend-swatch tb-cal-off">{t('calendar.kindShort.day_off')}</span>
          {t('calendar.kinds.day_off')}
        </span>
        <span>
          <span className="tb-cal-legend-swatch tb-cal-work">{t('calendar.kindShort.make_up_working_day')}</span>
          {t('calendar.kinds.make_up_working_day')}
        </span>
        <span>
          <span className="tb-cal-legend-swatch tb-cal-weekend">6</span>
          {t('calendar.weekend')}
        </span>
      </div>
      <div className="tb-cal-months">
        {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
          <table key={month} className="tb-cal-month">
            <caption>{t('calendar.monthTitle', { year, month })}</caption>
            <thead>
              <tr>
                {MONDAY_FIRST.map((k) => (
                  <th key={k} scope="col" abbr={t(`calendar.weekdays.${k}`)}>
                    {t(`calendar.weekdayHeads.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(year, month).map((week, w) => (
                <tr key={w}>{week.map((date, i) => (date === null ? <td key={`pad-${i}`} /> : <DayCell key={date} date={date} mark={marks.get(date)} />))}</tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </>
  );
}

function DayCell({ date, mark }: { date: string; mark: CalendarDay | undefined }) {
  const { t } = useTranslation();
  const day = Number(date.slice(8));
  const weekday = t(`calendar.weekdays.${weekdayKey(date)}`);
  if (!mark) {
    const weekend = isWeekend(date);
    return (
      <td className={weekend ? 'tb-cal-weekend' : undefined} title={`${date} ${weekday}`}>
        {day}
      </td>
    );
  }
  const label = `${date} ${weekday} ${t(`calendar.kinds.${mark.kind}`)} ${mark.name}${mark.regionName ? ` (${mark.regionName})` : ''}`;
  return (
    <td className={mark.kind === 'day_off' ? 'tb-cal-off' : 'tb-cal-work'} title={label} aria-label={label}>
      {day}
      <span className="tb-cal-mark" aria-hidden>
        {t(`calendar.kindShort.${mark.kind}`)}
      </span>
    </td>
  );
}
