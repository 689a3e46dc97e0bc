import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ItemStatus, ItemSummary } from '@tongban/contracts';
import { Button, Grid, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ButtonLink } from '../../app/components/ButtonLink.tsx';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { QueryError } from '../../app/components/QueryError.tsx';
import { AreaPage } from '../../app/layout/AreaPage.tsx';
import { listPagination } from '../../app/pagination.ts';
import { useSession } from '../../app/session.ts';
import { DepartmentSelect } from '../org/DepartmentSelect.tsx';
import { catalogAdminKeys, editorPath, listAdminItems, type AdminItemQuery } from './api.ts';
import { CatalogAdminTheme } from './CatalogAdminTheme.tsx';
import { ServiceFlags } from './ServiceFlags.tsx';
import { StatusTag, useVersionText } from './StatusTag.tsx';
import { useOptions } from './useOptions.ts';
import { VersionsDrawer } from './versions/VersionsDrawer.tsx';
import { isItemStatus } from './vocab.ts';
import './catalog-admin.css';

/** The list's filters live in the address, so "back" from the editor returns to the same list. */
function useListParams(): [AdminItemQuery, (update: (p: AdminItemQuery) => AdminItemQuery) => void] {
  const [search, setSearch] = useSearchParams();
  const status = search.get('status');
  const params: AdminItemQuery = {
    page: Math.max(1, Number(search.get('page')) || 1),
    pageSize: Math.min(100, Math.max(1, Number(search.get('pageSize')) || 20)),
    q: search.get('q') || undefined,
    status: isItemStatus(status) ? status : undefined,
    dept: search.get('dept') || undefined,
  };
  const set = (update: (p: AdminItemQuery) => AdminItemQuery) => {
    const next = update(params);
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next))
      if (v !== undefined && v !== '' && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === 20)) out.set(k, String(v));
    setSearch(out, { replace: true });
  };
  return [params, set];
}

/** 事项管理: the items this admin maintains, every status, with filters. */
export function ItemsPage() {
  return (
    <CatalogAdminTheme>
      <ItemsList />
    </CatalogAdminTheme>
  );
}

function ItemsList() {
  const { t } = useTranslation();
  const options = useOptions();
  const versionText = useVersionText();
  const isCentreAdmin = useSession().data?.roles.includes('centre_admin') ?? false;
  const [params, setParams] = useListParams();
  const [versionsOf, setVersionsOf] = useState<ItemSummary | null>(null);
  const screens = Grid.useBreakpoint();
  const query = useQuery({
    queryKey: catalogAdminKeys.list(params),
    queryFn: ({ signal }) => listAdminItems(params, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ItemSummary> = [
    {
      title: t('catalogAdmin.list.name'),
      key: 'name',
      render: (_v, item) => (
        <>
          <Link to={editorPath(item.id)} className="tb-ca-item-name">
            {item.name}
          </Link>
          <div className="tb-muted tb-small tb-mono tb-ca-code-cell">{item.implCode}</div>
        </>
      ),
    },
    ...(isCentreAdmin
      ? [
          {
            title: t('catalogAdmin.fields.departmentId'),
            key: 'dept',
            responsive: ['md' as const],
            render: (_v: unknown, item: ItemSummary) => item.departmentName,
          },
        ]
      : []),
    { title: t('catalogAdmin.list.status'), key: 'status', width: 110, render: (_v, item) => <StatusTag status={item.status} /> },
    {
      title: t('catalogAdmin.list.flags'),
      key: 'flags',
      responsive: ['lg'],
      render: (_v, item) => <ServiceFlags flags={item.flags} />,
    },
    {
      title: t('catalogAdmin.list.versions'),
      key: 'versions',
      responsive: ['sm'],
      render: (_v, item) => {
        const v = versionText(item.publishedVersion, item.latestVersion);
        return (
          <>
            <div>{v.public}</div>
            {v.latest && <div className="tb-small tb-ca-pending">{v.latest}</div>}
          </>
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      // On a phone the item's name is the link to the editor.
      responsive: ['sm'],
      render: (_v, item) => (
        <Space size={[4, 4]} wrap className="tb-ca-row-actions">
          <ButtonLink
            size="small"
            to={editorPath(item.id)}
            icon={<EditOutlined aria-hidden />}
            aria-label={t('catalogAdmin.list.editItem', { name: item.name })}
          >
            {t('common.edit')}
          </ButtonLink>
          <Button
            size="small"
            icon={<HistoryOutlined aria-hidden />}
            onClick={() => setVersionsOf(item)}
            aria-label={t('catalogAdmin.list.versionsOf', { name: item.name })}
          >
            {t('catalogAdmin.versions.open')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <AreaPage
      title={t('catalogAdmin.title')}
      extra={
        <ButtonLink type="primary" to="/admin/catalog/new" icon={<PlusOutlined aria-hidden />}>
          {t('catalogAdmin.create')}
        </ButtonLink>
      }
    >
      <div className="tb-toolbar" role="search">
        <Input.Search
          allowClear
          defaultValue={params.q}
          aria-label={t('catalogAdmin.list.searchPlaceholder')}
          placeholder={t('catalogAdmin.list.searchPlaceholder')}
          onSearch={(q) => setParams((p) => ({ ...p, page: 1, q: q.trim() || undefined }))}
          className="tb-toolbar-search"
          maxLength={100}
          data-testid="catalog-admin-search"
        />
        <Select<ItemStatus>
          allowClear
          aria-label={t('catalogAdmin.list.statusFilter')}
          placeholder={t('catalogAdmin.list.statusFilter')}
          className="tb-toolbar-filter"
          value={params.status}
          onChange={(status) => setParams((p) => ({ ...p, page: 1, status }))}
          options={options.statuses}
        />
        {isCentreAdmin && (
          <DepartmentSelect
            aria-label={t('catalogAdmin.list.departmentFilter')}
            placeholder={t('catalogAdmin.list.departmentFilter')}
            value={params.dept ?? null}
            onChange={(dept) => setParams((p) => ({ ...p, page: 1, dept: dept ?? undefined }))}
            className="tb-toolbar-filter"
          />
        )}
      </div>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<ItemSummary>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        // On a phone the two columns left fit the screen and the code wraps; wider, the table may scroll.
        scroll={screens.sm ? { x: 'max-content' } : undefined}
        locale={{ emptyText: <EmptyState title={t('catalogAdmin.list.empty')} text={t('catalogAdmin.list.emptyText')} /> }}
        pagination={listPagination(params, query.data?.total, setParams, t)}
        data-testid="catalog-admin-table"
      />
      {versionsOf && (
        <VersionsDrawer itemId={versionsOf.id} name={versionsOf.name} publishedVersion={versionsOf.publishedVersion} open onClose={() => setVersionsOf(null)} />
      )}
    </AreaPage>
  );
}
