import { AppstoreOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Hall, HallKind } from '@tongban/contracts';
import { Button, Input, Popconfirm, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { listPagination } from '../../../app/pagination.ts';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { useAdminRoles } from '../../admin/useAdminRoles.ts';
import { deleteHall, listHalls, orgKeys, type HallQuery } from '../api.ts';
import { hallKinds } from '../labels.ts';
import { RegionSelect } from '../RegionSelect.tsx';
import { HallFormModal, type HallDialog } from './HallFormModal.tsx';
import { WindowsDrawer } from './WindowsDrawer.tsx';

/** 大厅与窗口: halls table; a hall's windows open in a drawer. */
export function HallsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const { canManageOrg } = useAdminRoles();
  const [params, setParams] = useState<HallQuery>({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<HallDialog | null>(null);
  const [windowsOf, setWindowsOf] = useState<Hall | null>(null);
  const query = useQuery({
    queryKey: orgKeys.hallList(params),
    queryFn: ({ signal }) => listHalls(params, signal),
    placeholderData: keepPreviousData,
  });

  const remove = useMutation({
    mutationFn: (h: Hall) => deleteHall(h.id),
    onSuccess: (_r, h) => {
      feedback.success(t('halls.deleted', { name: h.name }));
      void client.invalidateQueries({ queryKey: orgKeys.halls });
    },
    onError: (error, h) => feedback.failure(error, { HAS_DEPENDENTS: t('halls.hasDependents', { name: h.name }) }),
  });

  const columns: TableColumnsType<Hall> = [
    { title: t('halls.name'), dataIndex: 'name', key: 'name' },
    { title: t('halls.kind'), key: 'kind', render: (_v, h) => t(`halls.kinds.${h.kind}`) },
    { title: t('halls.region'), key: 'region', render: (_v, h) => h.regionName ?? h.regionCode },
    { title: t('halls.address'), dataIndex: 'address', key: 'address' },
    { title: t('halls.openingHours'), dataIndex: 'openingHours', key: 'hours' },
    { title: t('halls.windowCount'), dataIndex: 'windowCount', key: 'windows', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 270,
      render: (_v, h) => (
        <Space size="small" wrap>
          <Button size="small" icon={<AppstoreOutlined aria-hidden />} onClick={() => setWindowsOf(h)}>
            {t('halls.manageWindows')}
          </Button>
          {canManageOrg && (
            <>
              <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ mode: 'edit', record: h })}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('common.confirmDelete', { name: h.name })}
                description={t('common.irreversible')}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutateAsync(h).catch(() => undefined)}
              >
                <Button size="small" danger icon={<DeleteOutlined aria-hidden />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <AreaPage
      title={t('halls.title')}
      extra={
        canManageOrg && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ mode: 'create' })}>
            {t('halls.create')}
          </Button>
        )
      }
    >
      <div className="tb-toolbar" role="search">
        <Input.Search
          allowClear
          aria-label={t('halls.searchPlaceholder')}
          placeholder={t('halls.searchPlaceholder')}
          onSearch={(q) => setParams((p) => ({ ...p, page: 1, q: q.trim() || undefined }))}
          className="tb-toolbar-search"
          maxLength={100}
        />
        <Select<HallKind>
          allowClear
          aria-label={t('halls.kindFilter')}
          placeholder={t('halls.kindFilter')}
          className="tb-toolbar-filter"
          value={params.kind}
          onChange={(kind) => setParams((p) => ({ ...p, page: 1, kind }))}
          options={hallKinds.map((k) => ({ value: k, label: t(`halls.kinds.${k}`) }))}
        />
        <RegionSelect
          aria-label={t('departments.regionFilter')}
          placeholder={t('departments.regionFilter')}
          value={params.regionCode ?? null}
          onChange={(regionCode) => setParams((p) => ({ ...p, page: 1, regionCode }))}
          className="tb-toolbar-filter"
        />
      </div>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<Hall>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <EmptyState title={t('halls.empty')} /> }}
        pagination={listPagination(params, query.data?.total, setParams, t)}
      />
      <HallFormModal dialog={dialog} onClose={() => setDialog(null)} />
      <WindowsDrawer hall={windowsOf} canManage={canManageOrg} onClose={() => setWindowsOf(null)} />
    </AreaPage>
  );
}
