import { EditOutlined, KeyOutlined, PauseCircleOutlined, PlayCircleOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SharingClient } from '@tongban/contracts';
import { Button, Grid, Popconfirm, Space, Spin, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/apiError.ts';
import { ButtonLink } from '../../app/components/ButtonLink.tsx';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { ReasonModal } from '../../app/components/ReasonModal.tsx';
import { QueryError } from '../../app/components/QueryError.tsx';
import { useFeedback } from '../../app/feedback.ts';
import { useFormat } from '../../app/format.ts';
import { AreaPage } from '../../app/layout/AreaPage.tsx';
import { listClients, resetSecret, restoreClient, sharingKeys, suspendClient } from './api.ts';
import { useValidators } from '../identity/validators.ts';
import { CentreAdminOnly } from './CentreAdminOnly.tsx';
import { ClientFormModal, type ClientDialog } from './ClientFormModal.tsx';
import { ClientStatusTag } from './ClientStatusTag.tsx';
import { ScopeTags } from './ScopeTags.tsx';
import { SecretModal, type ShownSecret } from './SecretModal.tsx';
import { logPath } from './logParams.ts';
import './sharing-admin.css';

/** 接入系统管理: the department systems that call the data-sharing API, and what a centre admin does with them. */
export function SharingClientsPage() {
  return (
    <CentreAdminOnly>
      <ClientsPage />
    </CentreAdminOnly>
  );
}

function ClientsPage() {
  const { t } = useTranslation();
  const v = useValidators();
  const client = useQueryClient();
  const feedback = useFeedback();
  const fmt = useFormat();
  const narrow = Grid.useBreakpoint().md === false;
  const [dialog, setDialog] = useState<ClientDialog | null>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const [suspending, setSuspending] = useState<SharingClient | null>(null);
  const query = useQuery({ queryKey: sharingKeys.clients, queryFn: ({ signal }) => listClients(signal) });

  const refresh = () => void client.invalidateQueries({ queryKey: sharingKeys.all });
  /** A refusal because the list was stale: reload it, and say so. */
  const failure = (error: unknown) => {
    if (isApiError(error) && ['INVALID_STATE', 'NOT_FOUND', 'CONFLICT'].includes(error.code)) refresh();
    feedback.failure(error, {
      INVALID_STATE: t('sharingAdmin.clients.stateChanged'),
      NOT_FOUND: t('sharingAdmin.clients.gone'),
      CONFLICT: t('sharingAdmin.clients.stale'),
    });
  };

  const suspend = useMutation({
    mutationFn: ({ c, reason }: { c: SharingClient; reason: string }) => suspendClient(c.id, reason),
    onSuccess: (_r, { c }) => {
      feedback.success(t('sharingAdmin.clients.suspendedDone', { name: c.name }));
      setSuspending(null);
      refresh();
    },
    onError: (error) => {
      setSuspending(null);
      failure(error);
    },
  });
  const restore = useMutation({
    mutationFn: (c: SharingClient) => restoreClient(c.id),
    onSuccess: (_r, c) => {
      feedback.success(t('sharingAdmin.clients.restored', { name: c.name }));
      refresh();
    },
    onError: failure,
  });
  const reset = useMutation({
    mutationFn: (c: SharingClient) => resetSecret(c.id),
    onSuccess: (s, c) => {
      feedback.success(t('sharingAdmin.clients.secretReset', { name: c.name }));
      setSecret({ kind: 'reset', name: c.name, clientId: s.clientId, clientSecret: s.clientSecret });
      refresh();
    },
    onError: failure,
  });

  const nameCell = (c: SharingClient) => (
    <>
      <div className="tb-sa-name">{c.name}</div>
      <div className="tb-mono tb-muted tb-sa-small tb-sa-nowrap">{c.clientId}</div>
    </>
  );
  const rateCell = (c: SharingClient) => <span className="tb-sa-nowrap">{t('sharingAdmin.clients.perMinute', { n: c.ratePerMinute })}</span>;
  const statusCell = (c: SharingClient) => (
    <>
      <ClientStatusTag status={c.status} />
      {c.status === 'suspended' && (
        <div className="tb-muted tb-sa-note">{t('sharingAdmin.clients.suspendedNote', { at: fmt.dateTime(c.suspendedAt), reason: c.suspendReason ?? '' })}</div>
      )}
    </>
  );
  const lastCallCell = (c: SharingClient) =>
    c.lastCallAt ? <span className="tb-sa-nowrap">{fmt.dateTime(c.lastCallAt)}</span> : <span className="tb-muted">{t('sharingAdmin.clients.never')}</span>;
  const actionsCell = (c: SharingClient) => (
    <Space size={[4, 4]} wrap>
      <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ mode: 'edit', record: c })}>
        {t('sharingAdmin.clients.edit')}
      </Button>
      {c.status === 'active' ? (
        <Button size="small" danger icon={<PauseCircleOutlined aria-hidden />} onClick={() => setSuspending(c)}>
          {t('sharingAdmin.clients.suspend')}
        </Button>
      ) : (
        <Popconfirm
          title={t('sharingAdmin.clients.restoreConfirm', { name: c.name })}
          description={<div className="tb-sa-confirm-text">{t('sharingAdmin.clients.restoreText')}</div>}
          okText={t('sharingAdmin.clients.restore')}
          cancelText={t('common.cancel')}
          onConfirm={() => restore.mutateAsync(c).catch(() => undefined)}
        >
          <Button size="small" icon={<PlayCircleOutlined aria-hidden />}>
            {t('sharingAdmin.clients.restore')}
          </Button>
        </Popconfirm>
      )}
      <Popconfirm
        title={t('sharingAdmin.clients.resetConfirm', { name: c.name })}
        description={<div className="tb-sa-confirm-text">{t('sharingAdmin.clients.resetText')}</div>}
        okText={t('sharingAdmin.clients.resetSecret')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() => reset.mutateAsync(c).catch(() => undefined)}
      >
        <Button size="small" icon={<KeyOutlined aria-hidden />}>
          {t('sharingAdmin.clients.resetSecret')}
        </Button>
      </Popconfirm>
      <ButtonLink size="small" type="link" icon={<UnorderedListOutlined aria-hidden />} to={logPath({ clientId: c.clientId })}>
        {t('sharingAdmin.clients.log')}
      </ButtonLink>
    </Space>
  );

  const columns: TableColumnsType<SharingClient> = [
    { title: `${t('sharingAdmin.clients.name')} / ${t('sharingAdmin.clients.clientId')}`, key: 'name', render: (_v, c) => nameCell(c) },
    { title: t('sharingAdmin.clients.scopes'), key: 'scopes', render: (_v, c) => <ScopeTags scopes={c.scopes} /> },
    { title: t('sharingAdmin.clients.rate'), key: 'rate', render: (_v, c) => rateCell(c) },
    { title: t('sharingAdmin.clients.status'), key: 'status', render: (_v, c) => statusCell(c) },
    { title: <span className="tb-sa-nowrap">{t('sharingAdmin.clients.callsToday')}</span>, dataIndex: 'callsToday', key: 'callsToday', align: 'right' },
    { title: <span className="tb-sa-nowrap">{t('sharingAdmin.clients.lastCall')}</span>, key: 'lastCallAt', render: (_v, c) => lastCallCell(c) },
    { title: t('common.actions'), key: 'actions', width: 210, render: (_v, c) => actionsCell(c) },
  ];
  const empty = <EmptyState title={t('sharingAdmin.clients.empty')} text={t('sharingAdmin.clients.emptyText')} />;

  return (
    <AreaPage
      title={t('sharingAdmin.clients.title')}
      extra={
        <Space wrap>
          <ButtonLink icon={<UnorderedListOutlined aria-hidden />} to={logPath({})}>
            {t('sharingAdmin.clients.viewLog')}
          </ButtonLink>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ mode: 'create' })} data-testid="sharing-register">
            {t('sharingAdmin.clients.register')}
          </Button>
        </Space>
      }
    >
      <p className="tb-muted tb-sa-intro">{t('sharingAdmin.clients.intro')}</p>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {narrow ? (
        // Phones: one card per system, every fact labelled, the actions at its foot.
        <Spin spinning={query.isFetching}>
          {query.data?.length === 0 && empty}
          <ul className="tb-sa-cards">
            {(query.data ?? []).map((c) => (
              <li key={c.id} className="tb-sa-card" data-testid="sharing-client-card">
                <div className="tb-sa-card-head">
                  <div>{nameCell(c)}</div>
                  <ClientStatusTag status={c.status} />
                </div>
                <dl className="tb-sa-facts">
                  <dt>{t('sharingAdmin.clients.scopes')}</dt>
                  <dd>
                    <ScopeTags scopes={c.scopes} />
                  </dd>
                  <dt>{t('sharingAdmin.clients.rate')}</dt>
                  <dd>{rateCell(c)}</dd>
                  <dt>{t('sharingAdmin.clients.callsToday')}</dt>
                  <dd>{c.callsToday}</dd>
                  <dt>{t('sharingAdmin.clients.lastCall')}</dt>
                  <dd>{lastCallCell(c)}</dd>
                  {c.status === 'suspended' && (
                    <>
                      <dt>{t('sharingAdmin.clients.status')}</dt>
                      <dd>{t('sharingAdmin.clients.suspendedNote', { at: fmt.dateTime(c.suspendedAt), reason: c.suspendReason ?? '' })}</dd>
                    </>
                  )}
                </dl>
                {actionsCell(c)}
              </li>
            ))}
          </ul>
        </Spin>
      ) : (
        <Table<SharingClient>
          className="tb-sa-clients"
          rowKey="id"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isFetching}
          scroll={{ x: 1040 }}
          pagination={false}
          locale={{ emptyText: empty }}
        />
      )}
      <ClientFormModal dialog={dialog} onClose={() => setDialog(null)} onCreated={(c) => setSecret({ kind: 'created', ...c })} />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
      <ReasonModal
        open={suspending !== null}
        name="suspend"
        text={{
          title: t('sharingAdmin.suspend.title', { name: suspending?.name ?? '' }),
          warning: t('sharingAdmin.suspend.warning'),
          text: t('sharingAdmin.suspend.text'),
          reason: t('sharingAdmin.suspend.reason'),
          reasonHelp: t('sharingAdmin.suspend.reasonHelp'),
          confirm: t('sharingAdmin.suspend.confirm'),
        }}
        rules={[v.required(), v.length(2, 500)]}
        loading={suspend.isPending}
        onCancel={() => setSuspending(null)}
        onConfirm={(reason) => suspending && suspend.mutate({ c: suspending, reason })}
      />
    </AreaPage>
  );
}
