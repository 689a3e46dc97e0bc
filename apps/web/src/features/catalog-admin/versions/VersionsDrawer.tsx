import { useQuery } from '@tanstack/react-query';
import { Drawer, Select, Space, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { useFormat } from '../../../app/format.ts';
import { useSession } from '../../../app/session.ts';
import { catalogAdminKeys, listVersions, type VersionEntry } from '../api.ts';
import { StatusTag } from '../StatusTag.tsx';
import { VersionDiff } from './VersionDiff.tsx';

/** Version history of an item and a readable comparison of any two versions. */
export function VersionsDrawer({
  itemId,
  name,
  publishedVersion,
  open,
  onClose,
}: {
  itemId: string;
  name: string;
  /** The version the public sees now. */
  publishedVersion: number | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession().data?.id;
  const query = useQuery({
    queryKey: [...catalogAdminKeys.item(itemId), 'versions'],
    queryFn: ({ signal }) => listVersions(itemId, signal),
    enabled: open,
  });
  const versions = query.data ?? [];
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  useEffect(() => {
    // Default: the latest version against the one before it.
    const [latest, previous] = query.data ?? [];
    if (latest && previous) setPair({ from: previous.version, to: latest.version });
  }, [query.data]);

  const who = (v: VersionEntry) =>
    v.updatedBy === null
      ? t('catalogAdmin.versions.system')
      : v.updatedBy === me
        ? t('catalogAdmin.versions.me')
        : (v.updatedByName ?? v.updatedBy.slice(0, 8));
  const columns: TableColumnsType<VersionEntry> = [
    { title: t('catalogAdmin.versions.version'), key: 'v', width: 80, render: (_v, r) => t('catalogAdmin.versions.versionN', { version: r.version }) },
    {
      title: t('catalogAdmin.list.status'),
      key: 'status',
      render: (_v, r) =>
        r.status === 'published' && r.version !== publishedVersion ? (
          <span className="tb-muted">{t('catalogAdmin.versions.superseded')}</span>
        ) : (
          <>
            <StatusTag status={r.status} />
            {r.status === 'published' && r.version === publishedVersion && <div className="tb-small">{t('catalogAdmin.versions.current')}</div>}
          </>
        ),
    },
    { title: t('catalogAdmin.versions.updatedBy'), key: 'by', render: (_v, r) => <span title={r.updatedBy ?? undefined}>{who(r)}</span> },
    { title: t('catalogAdmin.versions.updatedAt'), key: 'at', render: (_v, r) => fmt.dateTime(r.updatedAt) },
    {
      title: t('catalogAdmin.versions.publishedAt'),
      key: 'pub',
      render: (_v, r) => (r.publishedAt ? fmt.dateTime(r.publishedAt) : t('catalogAdmin.versions.never')),
    },
  ];
  const options = versions.map((v) => ({ value: v.version, label: t('catalogAdmin.versions.versionN', { version: v.version }) }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('catalogAdmin.versions.title', { name })}
      size={Math.min(880, typeof window === 'undefined' ? 880 : window.innerWidth)}
      destroyOnHidden
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<VersionEntry>
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={versions}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 600 }}
        data-testid="versions-table"
      />
      <section className="tb-mt-lg" aria-labelledby="diff-h">
        <h2 id="diff-h" className="tb-ca-h2">
          {t('catalogAdmin.diff.title')}
        </h2>
        {versions.length < 2 ? (
          <p className="tb-muted">{t('catalogAdmin.diff.onlyOne')}</p>
        ) : (
          <>
            <Space wrap className="tb-mb">
              <label className="tb-ca-inline-label">
                {t('catalogAdmin.diff.from')}
                <Select<number>
                  value={pair?.from}
                  options={options}
                  onChange={(from) => setPair((p) => ({ from, to: p?.to ?? from }))}
                  className="tb-ca-version-select"
                />
              </label>
              <label className="tb-ca-inline-label">
                {t('catalogAdmin.diff.to')}
                <Select<number>
                  value={pair?.to}
                  options={options}
                  onChange={(to) => setPair((p) => ({ from: p?.from ?? to, to }))}
                  className="tb-ca-version-select"
                />
              </label>
            </Space>
            {pair && <VersionDiff itemId={itemId} from={pair.from} to={pair.to} />}
          </>
        )}
      </section>
    </Drawer>
  );
}
