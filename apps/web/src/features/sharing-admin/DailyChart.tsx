import { useQuery } from '@tanstack/react-query';
import type { SharingDaily } from '@tongban/contracts';
import { Alert, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { dailyCalls, sharingKeys } from './api.ts';

/**
 * Calls per day over the last 14 days, answered and refused stacked, as plain bars (no chart
 * library): each day is a button that says its numbers in words and filters the log to that day.
 */
export function DailyChart({
  clientId,
  clientName,
  pickedDay,
  onPickDay,
}: {
  clientId: string | undefined;
  clientName: string | undefined;
  pickedDay: string | undefined;
  onPickDay: (date: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleId = useId();
  const query = useQuery({ queryKey: sharingKeys.daily(clientId), queryFn: ({ signal }) => dailyCalls(clientId, signal) });
  const days: SharingDaily[] = query.data ?? [];
  const max = Math.max(1, ...days.map((d) => d.ok + d.refused));
  const totals = days.reduce((s, d) => ({ ok: s.ok + d.ok, refused: s.refused + d.refused }), { ok: 0, refused: 0 });

  return (
    <section className="tb-sa-chart" aria-labelledby={titleId} data-testid="sharing-daily-chart">
      <div className="tb-sa-chart-head">
        <h2 id={titleId}>{clientName ? t('sharingAdmin.chart.forClient', { name: clientName }) : t('sharingAdmin.chart.title')}</h2>
        <ul className="tb-sa-legend">
          <li>
            <span className="tb-sa-swatch tb-sa-swatch-ok" aria-hidden />
            {t('sharingAdmin.chart.ok')}
          </li>
          <li>
            <span className="tb-sa-swatch tb-sa-swatch-refused" aria-hidden />
            {t('sharingAdmin.chart.refused')}
          </li>
        </ul>
      </div>
      {query.isError && <Alert type="error" showIcon title={t('sharingAdmin.chart.loadFailed')} />}
      {query.isPending && <Skeleton active paragraph={{ rows: 3 }} title={false} />}
      {query.isSuccess && (
        <>
          <p className="tb-sa-chart-total">
            {days.length > 0 && t('sharingAdmin.chart.range', { from: fmt.date(days[0]!.date), to: fmt.date(days[days.length - 1]!.date) })}
            {t('sharingAdmin.chart.total', totals)} <span className="tb-muted">{t('sharingAdmin.chart.pick')}</span>
          </p>
          <ol className="tb-sa-bars">
            {days.map((d, i) => {
              const total = d.ok + d.refused;
              const label = t('sharingAdmin.chart.day', { date: fmt.date(d.date), ok: d.ok, refused: d.refused });
              return (
                <li key={d.date}>
                  <button type="button" className="tb-sa-bar" title={label} aria-pressed={pickedDay === d.date} onClick={() => onPickDay(d.date)}>
                    {/* The name a screen reader says; the drawing beside it is for the eyes. */}
                    <span className="tb-visually-hidden">{label}</span>
                    <span className="tb-sa-bar-count" aria-hidden>
                      {total}
                    </span>
                    <span className="tb-sa-bar-track" aria-hidden>
                      <span className="tb-sa-bar-refused" style={{ height: `${(d.refused / max) * 100}%` }} />
                      <span className="tb-sa-bar-ok" style={{ height: `${(d.ok / max) * 100}%` }} />
                    </span>
                    <span className="tb-sa-bar-day" aria-hidden>
                      {/* The month only where it starts (and on the first bar); phones show the day alone. */}
                      {(i === 0 || d.date.endsWith('-01')) && (
                        <span className="tb-sa-bar-month">{dayjs(d.date).format(t('sharingAdmin.chart.monthFormat'))}</span>
                      )}
                      {dayjs(d.date).format('D')}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
