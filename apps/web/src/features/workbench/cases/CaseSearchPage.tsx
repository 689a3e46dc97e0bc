import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseSummary } from '@tongban/contracts';
import { CASE_STATUSES, type CaseStatus } from '@tongban/domain';
import { Card, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { SearchButton } from '../../../app/components/SearchButton.tsx';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { useFormat } from '../../../app/format.ts';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { listPagination } from '../../../app/pagination.ts';
import { casePath, casesKeys, searchCases, type CaseSearch } from './api.ts';
import { CaseLight } from './CaseLight.tsx';
import '../subjects/subjects.css';

/** The search in the address, so a result list can be bookmarked, shared and returned to. */
function useSearch(): [CaseSearch, (update: (s: CaseSearch) => CaseSearch) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const search: CaseSearch = {
    q: params.get('q') ?? '',
    status: CASE_STATUSES.includes(status as CaseStatus) ? (status as CaseStatus) : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(100, Math.max(10, Number(params.get('pageSize')) || 20)),
  };
  const update = (fn: (s: CaseSearch) => CaseSearch) => {
    const next = fn(search);
    const out: Record<string, string> = { page: String(next.page), pageSize: String(next.pageSize) };
    if (next.q) out.q = next.q;
    if (next.status) out.status = next.status;
    setParams(out);
  };
  return [search, update];
}

/** 办件查询: every case the officer may read (their department's; for window, centre admin and supervisor their region's). */
export function CaseSearchPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useSearch();
  const query = useQuery({ queryKey: casesKeys.search(search), queryFn: ({ signal }) => searchCases(search, signal), placeholderData: keepPreviousData });
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('workbenchCases.caseNo'),
      key: 'caseNo',
      render: (_v, row) => (
        <Link to={casePath(row.caseNo)} className="tb-mono">
          {row.caseNo}
        </Link>
      ),
    },
    { title: t('workbenchCases.item'), key: 'item', render: (_v, row) => row.itemName },
    { title: t('workbenchCases.applicant'), key: 'applicant', responsive: ['md'], render: (_v, row) => row.applicantName },
    { title: t('workbench.status'), key: 'status', render: (_v, row) => <Tag>{row.statusName}</Tag> },
    {
      title: t('workbenchCases.light.title'),
      key: 'light',
      responsive: ['sm'],
      render: (_v, row) => (row.light ? <CaseLight light={row.light} remaining={row.remainingWorkingDays} /> : null),
    },
    { title: t('workbenchCases.submittedAt'), key: 'submitted', responsive: ['lg'], render: (_v, row) => fmt.dateTime(row.submittedAt) },
  ];
  return (
    <AreaPage title={t('workbench.casesTitle')}>
      <Card>
        <Form
          name="caseSearch"
          layout="inline"
          role="search"
          className="tb-filter-form"
          initialValues={{ q: search.q, status: search.status }}
          onFinish={(v: { q?: string; status?: CaseStatus }) => setSearch((s) => ({ ...s, q: v.q?.trim() ?? '', status: v.status, page: 1 }))}
        >
          <Form.Item name="q" label={t('workbench.searchText')}>
            <Input allowClear maxLength={60} placeholder={t('workbench.searchPlaceholder')} />
          </Form.Item>
          <Form.Item name="status" label={t('workbench.status')}>
            <Select<CaseStatus>
              allowClear
              className="tb-case-status-filter"
              placeholder={t('workbench.anyStatus')}
              options={CASE_STATUSES.map((s) => ({ value: s, label: t(`walkIn.result.statuses.${s}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <SearchButton loading={query.isFetching} />
          </Form.Item>
        </Form>
      </Card>
      <Card className="tb-mt" aria-live="polite">
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<CaseSummary>
            rowKey="caseNo"
            size="middle"
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState title={t('workbench.casesEmpty')} text={t('workbench.casesEmptyText')} /> }}
            pagination={listPagination(search, query.data?.total, setSearch, t)}
          />
        )}
      </Card>
    </AreaPage>
  );
}
