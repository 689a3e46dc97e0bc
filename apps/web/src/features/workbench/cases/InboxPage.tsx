import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseSummary } from '@tongban/contracts';
import { Card, Col, Row, Segmented, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { useFormat } from '../../../app/format.ts';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { listPagination } from '../../../app/pagination.ts';
import { LightLegend } from '../Lights.tsx';
import { casePath, casesKeys, getInbox } from './api.ts';
import { CaseLight } from './CaseLight.tsx';

type LightFilter = 'all' | 'red' | 'yellow' | 'green';
const lightFilters: LightFilter[] = ['all', 'red', 'yellow', 'green'];
interface Params {
  page: number;
  pageSize: number;
  light: LightFilter;
}

/** The list's page and filter live in the address, so "back" from a case returns to the same list. */
function useParams(): [Params, (update: (p: Params) => Params) => void] {
  const [search, setSearch] = useSearchParams();
  const light = search.get('light') as LightFilter | null;
  const params: Params = {
    page: Math.max(1, Number(search.get('page')) || 1),
    pageSize: Math.min(100, Math.max(1, Number(search.get('pageSize')) || 20)),
    light: light && lightFilters.includes(light) ? light : 'all',
  };
  const set = (update: (p: Params) => Params) => {
    const next = update(params);
    const out = new URLSearchParams();
    if (next.page !== 1) out.set('page', String(next.page));
    if (next.pageSize !== 20) out.set('pageSize', String(next.pageSize));
    if (next.light !== 'all') out.set('light', next.light);
    setSearch(out, { replace: true });
  };
  return [params, set];
}

/** 待办: the open steps this officer may act on, green channel first, then the nearest due date. */
export function InboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useParams();
  const query = useQuery({
    queryKey: casesKeys.inbox(params.page, params.pageSize),
    queryFn: ({ signal }) => getInbox(params.page, params.pageSize, signal),
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.items ?? [];
  // The inbox API takes no filters: the light filter applies to the page shown.
  const shown = params.light === 'all' ? rows : rows.filter((r) => r.light === params.light);
  const countOf = (light: string) => rows.filter((r) => r.light === light).length;

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('workbenchCases.light.title'),
      key: 'light',
      width: 160,
      render: (_v, row) => <CaseLight light={row.light} remaining={row.remainingWorkingDays} />,
    },
    {
      title: t('workbenchCases.caseNo'),
      key: 'caseNo',
      render: (_v, row) => (
        <>
          <Link to={casePath(row.caseNo)} className="tb-mono">
            {row.caseNo}
          </Link>
          {row.greenChannel && (
            <Tag color="green" style={{ marginInlineStart: 8 }}>
              {t('workbenchCases.greenChannel')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('workbenchCases.item'), key: 'item', render: (_v, row) => row.itemName },
    { title: t('workbenchCases.applicant'), key: 'applicant', responsive: ['md'], render: (_v, row) => row.applicantName },
    {
      title: t('workbenchCases.step'),
      key: 'step',
      render: (_v, row) => (
        <>
          <div>{row.openSteps.map((s) => s.name).join(t('common.listSeparator')) || row.statusName}</div>
          <div className="tb-muted tb-small">{row.statusName}</div>
        </>
      ),
    },
    {
      title: t('workbenchCases.dueDate'),
      key: 'due',
      responsive: ['sm'],
      render: (_v, row) => (row.dueDate ? fmt.date(row.dueDate) : <span className="tb-muted">{t('workbenchCases.notAccepted')}</span>),
    },
    { title: t('workbenchCases.submittedAt'), key: 'submitted', responsive: ['lg'], render: (_v, row) => fmt.dateTime(row.submittedAt) },
  ];

  return (
    <AreaPage title={t('workbench.inbox')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('workbench.countMine')} value={query.data?.total ?? 0} />
          </Card>
        </Col>
        <Col xs={12} sm={8}>
          <Card>
            <Statistic title={t('workbenchCases.countYellowPage')} value={countOf('yellow')} />
          </Card>
        </Col>
        <Col xs={12} sm={8}>
          <Card>
            <Statistic title={t('workbenchCases.countRedPage')} value={countOf('red')} />
          </Card>
        </Col>
      </Row>
      <LightLegend />
      <div className="tb-toolbar tb-mt" role="search">
        <span id="tb-inbox-light-filter">{t('workbenchCases.filterLight')}</span>
        <Segmented<LightFilter>
          aria-labelledby="tb-inbox-light-filter"
          data-testid="inbox-light-filter"
          value={params.light}
          options={lightFilters.map((l) => ({ value: l, label: t(`workbenchCases.filter.${l}`) }))}
          onChange={(light) => setParams((p) => ({ ...p, light }))}
        />
      </div>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card className="tb-mt">
          <Table<CaseSummary>
            data-testid="inbox-table"
            rowKey="caseNo"
            size="middle"
            loading={query.isFetching}
            columns={columns}
            dataSource={shown}
            pagination={listPagination(params, query.data?.total, setParams, t)}
            locale={{
              emptyText: (
                <EmptyState
                  title={params.light === 'all' ? t('workbench.inboxEmpty') : t('workbenchCases.filterEmpty')}
                  text={params.light === 'all' ? t('workbench.inboxEmptyText') : undefined}
                />
              ),
            }}
          />
        </Card>
      )}
    </AreaPage>
  );
}
