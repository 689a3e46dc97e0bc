import { DeleteOutlined } from '@ant-design/icons';
import type { CalendarDay } from '@tongban/contracts';
import { Button, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { DayKindTag } from './DayKindTag.tsx';
import { weekdayKey } from './dates.ts';

interface Props {
  days: CalendarDay[];
  loading: boolean;
  /** Offered on regional adjustments when the user may remove them. */
  onRemove?: ((day: CalendarDay) => Promise<unknown>) | undefined;
}

/** The year's listed days: national and regional, with what decides each. */
export function SpecialDaysTable({ days, loading, onRemove }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CalendarDay> = [
    { title: t('calendar.date'), dataIndex: 'date', key: 'date', width: 120 },
    { title: t('calendar.weekday'), key: 'weekday', width: 80, render: (_v, d) => t(`calendar.weekdays.${weekdayKey(d.date)}`) },
    { title: t('calendar.kind'), key: 'kind', width: 130, render: (_v, d) => <DayKindTag kind={d.kind} /> },
    { title: t('calendar.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('calendar.scope'),
      key: 'scope',
      render: (_v, d) =>
        d.regionCode === null ? t('calendar.national') : t('common.nameWithCode', { name: d.regionName ?? d.regionCode, code: d.regionCode }),
    },
    {
      title: t('calendar.state'),
      key: 'effective',
      width: 110,
      render: (_v, d) => (d.effective ? t('calendar.effective') : <Tag>{t('calendar.notEffective')}</Tag>),
    },
    ...(onRemove
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_v: unknown, d: CalendarDay) =>
              d.regionCode !== null && (
                <Popconfirm
                  title={t('calendar.removeConfirm', { name: d.name, date: d.date, region: d.regionName ?? d.regionCode })}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onRemove(d).catch(() => undefined)}
                >
                  <Button size="small" danger icon={<DeleteOutlined aria-hidden />}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];
  return (
    <Table<CalendarDay>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={days}
      loading={loading}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: <EmptyState title={t('calendar.noDays')} /> }}
    />
  );
}
