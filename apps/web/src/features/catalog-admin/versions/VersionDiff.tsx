import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { catalogAdminKeys, getDiff, getVersion, type DiffEntry } from '../api.ts';
import { groupChanges, type Change, type ChangeGroup } from './groupChanges.ts';
import { useDiffText } from './useDiffText.ts';

function BeforeAfter({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  return (
    <span className="tb-ca-change">
      <span className="tb-ca-before">
        <span className="tb-ca-change-label">{t('catalogAdmin.diff.before')}</span>
        <del>{before}</del>
      </span>
      <span className="tb-ca-after">
        <span className="tb-ca-change-label">{t('catalogAdmin.diff.after')}</span>
        <ins>{after}</ins>
      </span>
    </span>
  );
}

function ChangeLine({ change, group }: { change: Change; group: ChangeGroup }) {
  const { t } = useTranslation();
  const text = useDiffText();
  const field = change.part ?? group.field;
  let label: ReactNode = null;
  if (change.row !== undefined) {
    label = group.field === 'materials' ? t('catalogAdmin.diff.material', { name: change.row }) : t('catalogAdmin.diff.row', { n: Number(change.row) + 1 });
    if (change.part) label = t('common.labelValue', { label, value: text.partLabel(group.field, change.part) });
  } else if (change.part) {
    label = group.field === 'formSchema' ? <code>{change.part}</code> : text.partLabel(group.field, change.part);
  }
  switch (change.kind) {
    case 'added':
      return (
        <li className="tb-ca-added">
          {t('catalogAdmin.diff.added', { what: change.row !== undefined && group.field !== 'materials' ? label : text.value(field, change.after) })}
          {change.row !== undefined && group.field !== 'materials' && <>：{text.value(field, change.after)}</>}
        </li>
      );
    case 'removed':
      return (
        <li className="tb-ca-removed">
          {t('catalogAdmin.diff.removed', { what: change.row !== undefined && group.field !== 'materials' ? label : text.value(field, change.before) })}
          {change.row !== undefined && group.field !== 'materials' && <>：{text.value(field, change.before)}</>}
        </li>
      );
    case 'order':
      return <li>{t('catalogAdmin.diff.reordered')}</li>;
    case 'changed':
      return (
        <li>
          {label && <span className="tb-ca-change-part">{label}</span>}
          <BeforeAfter before={text.value(field, change.before)} after={text.value(field, change.after)} />
        </li>
      );
  }
}

/** The readable difference between two versions: each changed element with before and after. */
export function VersionDiff({ itemId, from, to }: { itemId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const text = useDiffText();
  const diff = useQuery({
    queryKey: catalogAdminKeys.diff(itemId, from, to),
    queryFn: ({ signal }) => getDiff(itemId, from, to, signal),
    enabled: from !== to,
  });
  const before = useQuery({ queryKey: catalogAdminKeys.version(itemId, from), queryFn: ({ signal }) => getVersion(itemId, from, signal) });
  const after = useQuery({ queryKey: catalogAdminKeys.version(itemId, to), queryFn: ({ signal }) => getVersion(itemId, to, signal) });

  if (from === to) return <p className="tb-muted">{t('catalogAdmin.diff.same')}</p>;
  if (diff.isError) return <QueryError error={diff.error} onRetry={() => void diff.refetch()} />;
  if (diff.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  const entries: DiffEntry[] = diff.data;
  if (entries.length === 0) return <p data-testid="version-diff">{t('catalogAdmin.diff.none', { from, to })}</p>;
  const groups = groupChanges(entries, before.data?.content, after.data?.content);
  return (
    <div data-testid="version-diff">
      <p className="tb-muted">{t('catalogAdmin.diff.summary', { from, to, count: groups.length })}</p>
      <dl className="tb-ca-diff">
        {groups.map((g) => (
          <div key={g.field}>
            <dt>{text.fieldLabel(g.field)}</dt>
            <dd>
              <ul>
                {g.changes.map((c, i) => (
                  <ChangeLine key={`${g.field}-${i}`} change={c} group={g} />
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
