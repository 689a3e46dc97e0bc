import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SharingAccess } from '@tongban/contracts';
import { Button, DatePicker, Grid, Pagination, Select, Spin, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../app/components/ButtonLink.tsx';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { QueryError } from '../../app/components/QueryError.tsx';
import { useFormat } from '../../app/format.ts';
import { AreaPage } from '../../app/layout/AreaPage.tsx';
import { listPagination } from '../../app/pagination.ts';
import { accessLog, listClients, sharingKeys, type AccessLogQuery, type AccessResult } from './api.ts';
import { AccessStatusTag } from './AccessStatusTag.tsx';
import { CentreAdminOnly } from './CentreAdminOnly.tsx';
import { DailyChart } from './DailyChart.tsx';
import { readLogParams, writeLogParams } from './logParams.ts';
import './sharing-admin.css';

/** 共享调用记录: every data-sharing call, filtered by system, result and dates, with the last 14 days as bars. */
export function SharingAccessLogPage() {
  return (
    <CentreAdminOnly>
      <AccessLogPage />
    </CentreAdminOnly>
  );
}

function AccessLogPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const narrow = Grid.useBreakpoint().md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readLogParams(searchParams);
  const setParams = (update: (p: AccessLogQuery) => AccessLogQuery) => setSearchParams(writeLogParams(update(params)), { replace: true });
  /** A filter change starts again at page 1. */
  const filter = (change: Partial<AccessLogQuery>) => setParams((p) => ({ ...p, ...change, page: 1 }));

  const clients = useQuery({ queryKey: sharingKeys.clients, queryFn: ({ signal }) => listClients(signal) });
  const query = useQuery({ queryKey: sharingKeys.log(params), queryFn: ({ signal }) => accessLog(params, signal), placeholderData: keepPreviousData });
  const clientName = clients.data?.find((c) => c.clientId === params.clientId)?.name;
  const filtered = params.clientId !== undefined || params.result !== 'all' || params.from !== undefined || params.to !== undefined;

  const atCell = (e: SharingAccess) => (
    <span className="tb-sa-nowrap">
      {fmt.date(e.at)} {fmt.time(e.at)}
    </span>
  );
  const clientCell = (e: SharingAccess) =>
    e.clientName ? (
      <>
        <div>{e.clientName}</div>
        <div className="tb-mono tb-muted tb-sa-small">{e.clientId}</div>
      </>
    ) : (
      <span className="tb-muted">{t('sharingAdmin.log.noClient')}</span>
    );
  const requestCell = (e: SharingAccess) => (
    <span className="tb-mono tb-sa-path">
      {e.method} {e.path}
    </span>
  );
  const purposeCell = (e: SharingAccess) => e.purpose ?? <span className="tb-muted">{t('sharingAdmin.log.noPurpose')}</span>;

  const columns: TableColumnsType<SharingAccess> = [
    { title: t('sharingAdmin.log.at'), key: 'at', width: 190, render: (_v, e) => atCell(e) },
    { title: t('sharingAdmin.log.client'), key: 'client', render: (_v, e) => clientCell(e) },
    { title: t('sharingAdmin.log.request'), key: 'request', render: (_v, e) => requestCell(e) },
    { title: t('sharingAdmin.log.purpose'), key: 'purpose', render: (_v, e) => purposeCell(e) },
    { title: t('sharingAdmin.log.status'), dataIndex: 'status', key: 'status', width: 150, render: (s: number) => <AccessStatusTag status={s} /> },
  ];
  const empty = <EmptyState title={t('sharingAdmin.log.empty')} text={t('sharingAdmin.log.emptyText')} />;
  const pagination = listPagination(params, query.data?.total, setParams, t);

  const range: [Dayjs | null, Dayjs | null] | null =
    params.from || params.to ? [params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null] : null;

  return (
    <AreaPage
      title={t('sharingAdmin.log.title')}
      extra={
        <ButtonLink icon={<ArrowLeftOutlined aria-hidden />} to="/admin/sharing">
          {t('sharingAdmin.log.backToClients')}
        </ButtonLink>
      }
    >
      <p className="tb-muted tb-sa-intro">{t('sharingAdmin.log.intro')}</p>
      <DailyChart
        clientId={params.clientId}
        clientName={clientName}
        pickedDay={params.from && params.from === params.to ? params.from : undefined}
        onPickDay={(date) => filter({ from: date, to: date })}
      />
      <div className="tb-toolbar" role="search">
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('sharingAdmin.log.client')}
          placeholder={t('sharingAdmin.log.allClients')}
          className="tb-toolbar-filter"
          value={params.clientId ?? null}
          loading={clients.isPending}
          options={(clients.data ?? []).map((c) => ({ value: c.clientId, label: c.name }))}
          onChange={(clientId) => filter({ clientId: clientId ?? undefined })}
          data-testid="sharing-log-client"
        />
        <Select<AccessResult>
          aria-label={t('sharingAdmin.log.result')}
          className="tb-sa-result-filter"
          value={params.result}
          options={(['all', 'ok', 'refused'] as const).map((r) => ({ value: r, label: t(`sharingAdmin.log.results.${r}`) }))}
          onChange={(result) => filter({ result })}
          data-testid="sharing-log-result"
        />
        <DatePicker.RangePicker
          aria-label={t('sharingAdmin.log.dates')}
          placeholder={[t('sharingAdmin.log.from'), t('sharingAdmin.log.to')]}
          allowEmpty={[true, true]}
          value={range}
          format={t('format.date')}
          className="tb-sa-dates"
          onChange={(v) => filter({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        />
        {filtered && <Button onClick={() => setSearchParams(new URLSearchParams(), { replace: true })}>{t('sharingAdmin.log.clear')}</Button>}
      </div>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {narrow ? (
        // Phones: one card per call, the result first.
        <Spin spinning={query.isFetching}>
          {query.data?.items.length === 0 && empty}
          <ul className="tb-sa-cards">
            {(query.data?.items ?? []).map((e) => (
              <li key={e.id} className="tb-sa-card tb-sa-log-card">
                <div className="tb-sa-card-head">
                  <AccessStatusTag status={e.status} />
                  {atCell(e)}
                </div>
                <dl className="tb-sa-facts">
                  <dt>{t('sharingAdmin.log.client')}</dt>
                  <dd>{clientCell(e)}</dd>
                  <dt>{t('sharingAdmin.log.purpose')}</dt>
                  <dd>{purposeCell(e)}</dd>
                  <dt>{t('sharingAdmin.log.request')}</dt>
                  <dd>{requestCell(e)}</dd>
                </dl>
              </li>
            ))}
          </ul>
          {(query.data?.total ?? 0) > 0 && <Pagination {...pagination} simple align="center" />}
        </Spin>
      ) : (
        <Table<SharingAccess>
          className="tb-sa-log"
          rowKey="id"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          scroll={{ x: 900 }}
          locale={{ emptyText: empty }}
          pagination={pagination}
        />
      )}
    </AreaPage>
  );
}
