import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarDay, CalendarYearSummary } from '@tongban/contracts';
import { chinaToday } from '@tongban/domain';
import { Button, Card, Col, Row, Segmented, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/components/QueryError.tsx';
import { useFeedback } from '../../app/feedback.ts';
import { AreaPage } from '../../app/layout/AreaPage.tsx';
import { useAdminRoles } from '../admin/useAdminRoles.ts';
import { RegionSelect } from '../org/RegionSelect.tsx';
import { AdjustmentFormModal } from './AdjustmentFormModal.tsx';
import { calendarKeys, getCalendarYear, listCalendarYears, publishCalendarYear, removeCalendarAdjustment } from './api.ts';
import { effectiveDays } from './dates.ts';
import { DeadlineCalculator } from './DeadlineCalculator.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { SpecialDaysTable } from './SpecialDaysTable.tsx';
import { YearFormModal, type YearDialog } from './YearFormModal.tsx';
import { YearStatusBar } from './YearStatusBar.tsx';
import './calendar.css';

/** 工作日历: a year's national schedule and regional adjustments, their maintenance, and a deadline calculator. */
export function CalendarPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const { canManageOrg: canManage } = useAdminRoles();
  const thisYear = Number(chinaToday(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [region, setRegion] = useState<string | null>(null);
  const [layout, setLayout] = useState<'list' | 'grid'>('list');
  const [yearDialog, setYearDialog] = useState<YearDialog | null>(null);
  const [adjusting, setAdjusting] = useState(false);

  const years = useQuery({ queryKey: calendarKeys.years, queryFn: ({ signal }) => listCalendarYears(signal) });
  const view = useQuery({
    queryKey: calendarKeys.year(year, region),
    queryFn: ({ signal }) => getCalendarYear(year, region, signal),
    placeholderData: keepPreviousData,
  });
  const yearOptions = useMemo(() => {
    const all = new Set([thisYear - 1, thisYear, thisYear + 1, year, ...(years.data ?? []).map((y) => y.year)]);
    return [...all].sort((a, b) => a - b).map((y) => ({ value: y, label: t('calendar.yearOption', { year: y }) }));
  }, [thisYear, year, years.data, t]);
  const marks = useMemo(() => (view.data ? effectiveDays(view.data.days, view.data.status) : new Map<string, CalendarDay>()), [view.data]);

  const invalidate = () => void client.invalidateQueries({ queryKey: calendarKeys.all });
  const publish = useMutation({
    mutationFn: ({ y, version }: { y: number; version: number }) => publishCalendarYear(y, version),
    onSuccess: (saved) => {
      feedback.success(t('calendar.published', { year: saved.year }));
      invalidate();
    },
    onError: (error) => feedback.failure(error),
  });
  const remove = useMutation({
    mutationFn: (d: CalendarDay) => removeCalendarAdjustment(d.id),
    onSuccess: (_r, d) => {
      feedback.success(t('calendar.removed', { name: d.name }));
      invalidate();
    },
    onError: (error) => feedback.failure(error),
  });

  const current = view.data;
  return (
    <AreaPage
      title={t('calendar.title')}
      extra={
        canManage && (
          <Space wrap>
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdjusting(true)}>
              {t('calendar.addAdjustment')}
            </Button>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setYearDialog({ mode: 'create', year: Math.max(thisYear + 1, year) })}>
              {t('calendar.addYear')}
            </Button>
          </Space>
        )
      }
    >
      <p className="tb-muted">{t('calendar.intro')}</p>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={<h2 className="tb-card-title">{t('calendar.yearTitle', { year })}</h2>}>
            <div className="tb-toolbar">
              <Select<number> aria-label={t('calendar.year')} value={year} onChange={setYear} options={yearOptions} className="tb-toolbar-filter" />
              <RegionSelect
                aria-label={t('calendar.region')}
                placeholder={t('calendar.regionPlaceholder')}
                value={region}
                onChange={(code) => setRegion(code ?? null)}
                className="tb-toolbar-filter"
              />
              <Segmented<'list' | 'grid'>
                aria-label={t('calendar.layout')}
                value={layout}
                onChange={setLayout}
                options={[
                  { value: 'list', label: t('calendar.layoutList') },
                  { value: 'grid', label: t('calendar.layoutGrid') },
                ]}
              />
            </div>
            {view.isError && <QueryError error={view.error} onRetry={() => void view.refetch()} />}
            {current && (
              <YearStatusBar
                view={current}
                canManage={canManage}
                publishing={publish.isPending}
                onEdit={() => setYearDialog({ mode: 'edit', current })}
                onPublish={() => publish.mutateAsync({ y: current.year, version: current.version ?? 0 })}
                onAdd={() => setYearDialog({ mode: 'create', year: current.year })}
              />
            )}
            {layout === 'grid' && current ? (
              <MonthGrid year={current.year} marks={marks} />
            ) : (
              <SpecialDaysTable days={current?.days ?? []} loading={view.isFetching} onRemove={canManage ? (d) => remove.mutateAsync(d) : undefined} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} className="tb-cal-side">
            <DeadlineCalculator />
            <Card title={<h2 className="tb-card-title">{t('calendar.years')}</h2>}>
              {years.isError && <QueryError error={years.error} onRetry={() => void years.refetch()} />}
              <Table<CalendarYearSummary>
                rowKey="year"
                size="small"
                pagination={false}
                loading={years.isPending}
                dataSource={years.data ?? []}
                locale={{ emptyText: t('calendar.yearsEmpty') }}
                columns={[
                  {
                    title: t('calendar.year'),
                    key: 'year',
                    render: (_v, y) => (
                      <Button size="small" type="link" onClick={() => setYear(y.year)} aria-label={t('calendar.openYear', { year: y.year })}>
                        {t('calendar.yearOption', { year: y.year })}
                      </Button>
                    ),
                  },
                  {
                    title: t('calendar.statusLabel'),
                    key: 'status',
                    render: (_v, y) => <Tag color={y.status === 'published' ? 'green' : 'orange'}>{t(`calendar.status.${y.status}`)}</Tag>,
                  },
                  { title: t('calendar.days'), key: 'days', render: (_v, y) => t('calendar.dayCount', { off: y.dayOffCount, work: y.makeUpCount }) },
                ]}
              />
            </Card>
          </Space>
        </Col>
      </Row>
      <YearFormModal
        dialog={yearDialog}
        onCancel={() => setYearDialog(null)}
        onDone={(saved) => {
          setYearDialog(null);
          setYear(saved);
        }}
      />
      <AdjustmentFormModal open={adjusting} regionCode={region} onClose={() => setAdjusting(false)} />
    </AreaPage>
  );
}
