import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ProcessVersionSummary, TimeLimit } from '@tongban/contracts';
import { Button, Drawer, Skeleton, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { useFormat } from '../../../app/format.ts';
import { getProcessVersion, listProcessVersions, processKeys } from './api.ts';
import type { Definition } from './model.ts';
import { ProcessDiagram } from './ProcessDiagram.tsx';

interface Props {
  itemId: string;
  /** The version new cases pin now (the latest), or null when none was saved. */
  latest: number | null;
  limit: Pick<TimeLimit, 'value' | 'unit'> | null;
  ownDepartmentName: string | null;
  /** Loads an old version into the editor (saving it makes a new version). */
  onUseAsBase: (version: number, definition: Definition) => void;
}

/** 版本记录: every saved version with who and when; any version opens read-only with its diagram. */
export function VersionHistory({ itemId, latest, limit, ownDepartmentName, onUseAsBase }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [viewing, setViewing] = useState<number | null>(null);
  const query = useQuery({ queryKey: processKeys.versions(itemId), queryFn: ({ signal }) => listProcessVersions(itemId, signal) });
  const one = useQuery({
    queryKey: processKeys.version(itemId, viewing ?? 0),
    queryFn: ({ signal }) => getProcessVersion(itemId, viewing ?? 0, signal),
    enabled: viewing !== null,
    staleTime: Infinity,
  });

  const who = (v: ProcessVersionSummary) => v.createdByName ?? t('processEditor.versions.system');
  const columns: TableColumnsType<ProcessVersionSummary> = [
    {
      title: t('processEditor.versions.version'),
      key: 'v',
      render: (_v, r) => (
        <>
          {t('processEditor.versions.versionN', { version: r.version })}
          {r.version === latest && <Tag className="tb-pe-current-tag">{t('processEditor.versions.current')}</Tag>}
        </>
      ),
    },
    { title: t('processEditor.versions.origin'), key: 'origin', render: (_v, r) => t(`processEditor.versions.origins.${r.origin}`) },
    { title: t('processEditor.versions.by'), key: 'by', render: (_v, r) => who(r) },
    { title: t('processEditor.versions.at'), key: 'at', render: (_v, r) => fmt.dateTime(r.createdAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, r) => (
        <Button
          size="small"
          icon={<EyeOutlined aria-hidden />}
          onClick={() => setViewing(r.version)}
          aria-label={t('processEditor.versions.viewLabel', { version: r.version })}
          data-testid={`view-version-${r.version}`}
        >
          {t('processEditor.versions.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<ProcessVersionSummary>
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isFetching}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('processEditor.versions.none') }}
        scroll={{ x: 560 }}
        data-testid="process-versions-table"
      />
      <Drawer
        open={viewing !== null}
        onClose={() => setViewing(null)}
        title={viewing !== null ? t('processEditor.versions.drawerTitle', { version: viewing }) : ''}
        size={Math.min(1100, typeof window === 'undefined' ? 1100 : window.innerWidth)}
        destroyOnHidden
        extra={
          one.data && viewing !== null && viewing !== latest ? (
            <Button
              icon={<EditOutlined aria-hidden />}
              onClick={() => {
                onUseAsBase(viewing, one.data.definition);
                setViewing(null);
              }}
              data-testid="use-as-base"
            >
              {t('processEditor.versions.useAsBase')}
            </Button>
          ) : undefined
        }
      >
        {one.isPending && <Skeleton active />}
        {one.isError && <QueryError error={one.error} onRetry={() => void one.refetch()} />}
        {one.data && (
          <div data-testid="version-view">
            <p className="tb-muted">
              {t('processEditor.versions.readOnly', {
                who: one.data.createdByName ?? t('processEditor.versions.system'),
                at: one.data.createdAt ? fmt.dateTime(one.data.createdAt) : '',
              })}
            </p>
            <ProcessDiagram
              definition={one.data.definition}
              limit={limit}
              ownDepartmentName={ownDepartmentName}
              label={t('processEditor.versions.diagramLabel', { version: viewing ?? 0 })}
              testId="version-diagram"
            />
            <p className="tb-muted tb-small tb-mt">{t('processEditor.versions.pinnedNote')}</p>
          </div>
        )}
      </Drawer>
    </>
  );
}
