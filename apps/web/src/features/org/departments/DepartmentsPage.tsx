import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Department } from '@tongban/contracts';
import { Button, Input, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { listPagination } from '../../../app/pagination.ts';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { useAdminRoles } from '../../admin/useAdminRoles.ts';
import { deleteDepartment, listDepartments, orgKeys, type DepartmentQuery } from '../api.ts';
import { RegionSelect } from '../RegionSelect.tsx';
import { DepartmentFormModal, type DepartmentDialog } from './DepartmentFormModal.tsx';

/** 部门: searchable, filterable, paginated; create/edit in a modal; delete after confirming. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const { canManageOrg, canEditDepartments } = useAdminRoles();
  const [params, setParams] = useState<DepartmentQuery>({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<DepartmentDialog | null>(null);
  const query = useQuery({
    queryKey: orgKeys.departmentList(params),
    queryFn: ({ signal }) => listDepartments(params, signal),
    placeholderData: keepPreviousData,
  });

  const remove = useMutation({
    mutationFn: (d: Department) => deleteDepartment(d.id),
    onSuccess: (_r, d) => {
      feedback.success(t('departments.deleted', { name: d.name }));
      void client.invalidateQueries({ queryKey: orgKeys.departments });
    },
    onError: (error, d) => feedback.failure(error, { HAS_DEPENDENTS: t('departments.hasDependents', { name: d.name }) }),
  });

  const columns: TableColumnsType<Department> = [
    { title: t('departments.name'), dataIndex: 'name', key: 'name' },
    { title: t('departments.shortName'), dataIndex: 'shortName', key: 'shortName', render: (v: string | null) => v ?? '' },
    { title: t('departments.creditCode'), dataIndex: 'creditCode', key: 'creditCode', render: (v: string) => <span className="tb-mono">{v}</span> },
    { title: t('departments.region'), key: 'region', render: (_v, d) => d.regionName ?? d.regionCode },
    { title: t('departments.phone'), dataIndex: 'phone', key: 'phone', render: (v: string | null) => v ?? '' },
    { title: t('departments.staffCount'), dataIndex: 'staffCount', key: 'staffCount', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 190,
      render: (_v, d) => (
        <Space size="small" wrap>
          {canEditDepartments && (
            <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ mode: 'edit', record: d })}>
              {t('common.edit')}
            </Button>
          )}
          {canManageOrg && (
            <Popconfirm
              title={t('common.confirmDelete', { name: d.name })}
              description={t('common.irreversible')}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync(d).catch(() => undefined)}
            >
              <Button size="small" danger icon={<DeleteOutlined aria-hidden />}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <AreaPage
      title={t('departments.title')}
      extra={
        canManageOrg && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ mode: 'create' })}>
            {t('departments.create')}
          </Button>
        )
      }
    >
      <div className="tb-toolbar" role="search">
        <Input.Search
          allowClear
          aria-label={t('departments.searchPlaceholder')}
          placeholder={t('departments.searchPlaceholder')}
          onSearch={(q) => setParams((p) => ({ ...p, page: 1, q: q.trim() || undefined }))}
          className="tb-toolbar-search"
          maxLength={100}
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
      <Table<Department>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 960 }}
        locale={{ emptyText: <EmptyState title={t('departments.empty')} /> }}
        pagination={listPagination(params, query.data?.total, setParams, t)}
      />
      <DepartmentFormModal dialog={dialog} onClose={() => setDialog(null)} />
    </AreaPage>
  );
}
