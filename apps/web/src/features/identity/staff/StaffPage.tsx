import { EditOutlined, KeyOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Staff } from '@tongban/contracts';
import { Button, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { useFormat } from '../../../app/format.ts';
import { listPagination } from '../../../app/pagination.ts';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { useAdminRoles } from '../../admin/useAdminRoles.ts';
import { DepartmentSelect } from '../../org/DepartmentSelect.tsx';
import { isLocked, listStaff, staffKeys, staffRoles, unlockStaff, type StaffQuery, type StaffRole } from './api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { StaffFormModal, type StaffDialog } from './StaffFormModal.tsx';

/** 工作人员: accounts, roles, window and data scope; unlock and reset password. */
export function StaffPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const feedback = useFeedback();
  const { canManageStaff } = useAdminRoles();
  const [params, setParams] = useState<StaffQuery>({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<StaffDialog | null>(null);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const query = useQuery({
    queryKey: staffKeys.list(params),
    queryFn: ({ signal }) => listStaff(params, signal),
    placeholderData: keepPreviousData,
  });

  const unlock = useMutation({
    mutationFn: (s: Staff) => unlockStaff(s.id),
    onSuccess: (_r, s) => {
      feedback.success(t('staff.unlocked', { name: s.displayName }));
      void client.invalidateQueries({ queryKey: staffKeys.all });
    },
    onError: (error) => feedback.failure(error),
  });

  const columns: TableColumnsType<Staff> = [
    { title: t('staff.username'), dataIndex: 'username', key: 'username', render: (v: string) => <span className="tb-mono">{v}</span> },
    { title: t('staff.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('staff.phone'), key: 'phone', render: (_v, s) => s.phoneMasked ?? '' },
    {
      title: t('staff.roles'),
      key: 'roles',
      render: (_v, s) => (
        <Space size={[4, 4]} wrap>
          {s.roles.map((r) => (
            <Tag key={r}>{t(`roles.${r}`)}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('staff.department'), key: 'dept', render: (_v, s) => s.departmentName ?? '' },
    {
      title: t('staff.region'),
      key: 'region',
      render: (_v, s) => `${s.regionName ?? s.regionCode}${s.includeSubRegions ? t('workbench.scopeWithSub') : ''}`,
    },
    { title: t('staff.window'), key: 'window', render: (_v, s) => s.windowName ?? '' },
    {
      title: t('staff.status'),
      key: 'status',
      render: (_v, s) => (
        <Space size={[4, 4]} wrap>
          <Tag color={s.status === 'active' ? 'green' : 'default'}>{t(`staff.statuses.${s.status}`)}</Tag>
          {isLocked(s) && (
            <Tooltip title={t('staff.lockedUntil', { time: fmt.dateTime(s.lockedUntil) })}>
              <Tag color="orange" icon={<KeyOutlined aria-hidden />}>
                {t('staff.lockedUntil', { time: fmt.dateTime(s.lockedUntil) })}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    ...(canManageStaff
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: 230,
            render: (_v: unknown, s: Staff) => (
              <Space size="small" wrap>
                <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ mode: 'edit', record: s })}>
                  {t('common.edit')}
                </Button>
                {isLocked(s) && (
                  <Popconfirm
                    title={t('staff.unlockConfirm', { name: s.displayName })}
                    okText={t('staff.unlock')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => unlock.mutateAsync(s).catch(() => undefined)}
                  >
                    <Button size="small" icon={<UnlockOutlined aria-hidden />}>
                      {t('staff.unlock')}
                    </Button>
                  </Popconfirm>
                )}
                <Button size="small" icon={<KeyOutlined aria-hidden />} onClick={() => setResetting(s)}>
                  {t('staff.resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <AreaPage
      title={t('staff.title')}
      extra={
        canManageStaff && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ mode: 'create' })}>
            {t('staff.create')}
          </Button>
        )
      }
    >
      <div className="tb-toolbar" role="search">
        <Input.Search
          allowClear
          aria-label={t('staff.searchPlaceholder')}
          placeholder={t('staff.searchPlaceholder')}
          onSearch={(q) => setParams((p) => ({ ...p, page: 1, q: q.trim() || undefined }))}
          className="tb-toolbar-search"
          maxLength={100}
        />
        <DepartmentSelect
          aria-label={t('staff.departmentFilter')}
          placeholder={t('staff.departmentFilter')}
          value={params.departmentId ?? null}
          onChange={(departmentId) => setParams((p) => ({ ...p, page: 1, departmentId: departmentId ?? undefined }))}
          className="tb-toolbar-filter"
        />
        <Select<StaffRole>
          allowClear
          aria-label={t('staff.roleFilter')}
          placeholder={t('staff.roleFilter')}
          className="tb-toolbar-filter"
          value={params.role}
          onChange={(role) => setParams((p) => ({ ...p, page: 1, role }))}
          options={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
      </div>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<Staff>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 1200 }}
        locale={{ emptyText: <EmptyState title={t('staff.empty')} /> }}
        pagination={listPagination(params, query.data?.total, setParams, t)}
      />
      <StaffFormModal dialog={dialog} onClose={() => setDialog(null)} />
      <ResetPasswordModal staff={resetting} onClose={() => setResetting(null)} />
    </AreaPage>
  );
}
