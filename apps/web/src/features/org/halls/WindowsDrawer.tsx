import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Hall, HallWindow } from '@tongban/contracts';
import { Button, Drawer, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { deleteWindow, listWindows, orgKeys } from '../api.ts';
import { WindowFormModal, type WindowDialog } from './WindowFormModal.tsx';

/** The windows of one hall: list, add, edit, delete. */
function WindowsPanel({ hall, canManage }: { hall: Hall; canManage: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const [dialog, setDialog] = useState<WindowDialog | null>(null);
  const query = useQuery({ queryKey: orgKeys.windows(hall.id), queryFn: ({ signal }) => listWindows(hall.id, signal) });

  const remove = useMutation({
    mutationFn: (w: HallWindow) => deleteWindow(w.id),
    onSuccess: (_r, w) => {
      feedback.success(t('windows.deleted', { number: w.number, name: w.name }));
      void client.invalidateQueries({ queryKey: orgKeys.windows(hall.id) });
      void client.invalidateQueries({ queryKey: orgKeys.halls });
    },
    onError: (error, w) => feedback.failure(error, { HAS_DEPENDENTS: t('windows.hasDependents', { name: `${w.number} ${w.name}` }) }),
  });

  const columns: TableColumnsType<HallWindow> = [
    { title: t('windows.number'), dataIndex: 'number', key: 'number', render: (v: string) => <span className="tb-mono">{v}</span> },
    { title: t('windows.name'), dataIndex: 'name', key: 'name' },
    { title: t('windows.kind'), key: 'kind', render: (_v, w) => t(`windows.kinds.${w.kind}`) },
    { title: t('windows.department'), key: 'dept', render: (_v, w) => w.departmentName ?? '' },
    {
      title: t('windows.active'),
      key: 'active',
      render: (_v, w) => <Tag color={w.active ? 'green' : 'default'}>{w.active ? t('windows.activeOn') : t('windows.activeOff')}</Tag>,
    },
    { title: t('windows.staffCount'), dataIndex: 'staffCount', key: 'staff', align: 'right' },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, w: HallWindow) => (
              <Space size="small" wrap>
                <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ mode: 'edit', record: w })}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('common.confirmDelete', { name: `${w.number} ${w.name}` })}
                  description={t('common.irreversible')}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove.mutateAsync(w).catch(() => undefined)}
                >
                  <Button size="small" danger icon={<DeleteOutlined aria-hidden />}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {canManage && (
        <div className="tb-toolbar">
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ mode: 'create' })}>
            {t('windows.create')}
          </Button>
        </div>
      )}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<HallWindow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <EmptyState title={t('windows.empty')} /> }}
      />
      <WindowFormModal hall={hall} dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}

export function WindowsDrawer({ hall, canManage, onClose }: { hall: Hall | null; canManage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={hall !== null} onClose={onClose} title={hall ? t('windows.title', { hall: hall.name }) : ''} size="min(880px, 100vw)" destroyOnHidden>
      {hall && <WindowsPanel hall={hall} canManage={canManage} />}
    </Drawer>
  );
}
