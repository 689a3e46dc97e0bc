import { useQuery } from '@tanstack/react-query';
import { CALENDAR_MAX_WORKING_DAYS } from '@tongban/contracts';
import { Alert, Button, Card, DatePicker, Descriptions, Form, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/components/QueryError.tsx';
import { RegionSelect } from '../org/RegionSelect.tsx';
import { calendarKeys, computeDeadline } from './api.ts';
import { weekdayKey } from './dates.ts';

interface Values {
  from: Dayjs;
  days: number;
  region?: string | undefined;
}
interface Params {
  from: string;
  days: number;
  region: string | null;
}

/** From date + N working days (+ region) → due date, with a warning when it is provisional. */
export function DeadlineCalculator() {
  const { t } = useTranslation();
  const [params, setParams] = useState<Params | null>(null);
  const result = useQuery({
    queryKey: params ? calendarKeys.deadline(params.from, params.days, params.region) : ['calendar', 'deadline', 'none'],
    queryFn: ({ signal }) => (params ? computeDeadline(params.from, params.days, params.region, signal) : Promise.reject(new Error('no input'))),
    enabled: params !== null,
  });
  const withWeekday = (date: string) => t('calendar.deadline.dateWithWeekday', { date, weekday: t(`calendar.weekdays.${weekdayKey(date)}`) });

  return (
    <Card title={<h2 className="tb-card-title">{t('calendar.deadline.title')}</h2>}>
      <p className="tb-muted tb-small">{t('calendar.deadline.help')}</p>
      <Form<Values>
        layout="vertical"
        initialValues={{ days: 20 }}
        onFinish={(v) => setParams({ from: v.from.format('YYYY-MM-DD'), days: v.days, region: v.region ?? null })}
      >
        <Form.Item name="from" label={t('calendar.deadline.from')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="days" label={t('calendar.deadline.days')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0} max={CALENDAR_MAX_WORKING_DAYS} precision={0} />
        </Form.Item>
        <Form.Item name="region" label={t('calendar.deadline.region')}>
          <RegionSelect placeholder={t('calendar.regionPlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={result.isFetching}>
          {t('calendar.deadline.compute')}
        </Button>
      </Form>
      {result.isError && (
        <div className="tb-mt">
          <QueryError error={result.error} onRetry={() => void result.refetch()} />
        </div>
      )}
      {result.data && (
        <div className="tb-mt" aria-live="polite">
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'due', label: t('calendar.deadline.due'), children: <span className="tb-cal-due">{withWeekday(result.data.due)}</span> },
              {
                key: 'first',
                label: t('calendar.deadline.firstDay'),
                children: result.data.firstDay ? withWeekday(result.data.firstDay) : t('calendar.deadline.zeroDays'),
              },
              { key: 'span', label: t('calendar.deadline.span'), children: t('calendar.deadline.calendarDays', { count: result.data.calendarDays }) },
            ]}
          />
          {result.data.provisional ? (
            <Alert
              type="warning"
              showIcon
              title={t('calendar.deadline.provisionalTitle')}
              description={t('calendar.deadline.provisional', { years: result.data.unpublishedYears.join(t('common.listSeparator')) })}
            />
          ) : (
            <Alert type="success" showIcon title={t('calendar.deadline.final')} />
          )}
        </div>
      )}
    </Card>
  );
}
