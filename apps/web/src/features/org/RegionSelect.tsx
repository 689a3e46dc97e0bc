import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Region } from '@tongban/contracts';
import { TreeSelect } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRegions, orgKeys } from './api.ts';

interface SimpleNode {
  id: string;
  pId: string;
  value: string;
  title: string;
  isLeaf: boolean;
}

const ROOT = '';

type Label = (name: string, code: string) => string;

const toNode = (r: Region, label: Label): SimpleNode => ({
  id: r.code,
  pId: r.parentCode ?? ROOT,
  value: r.code,
  title: label(r.name, r.code),
  isLeaf: r.childCount === 0,
});

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Shown for a value whose node is not loaded yet (e.g. the regionName of the record). */
  initialLabel?: string | null;
  placeholder?: string;
  allowClear?: boolean;
  className?: string;
  'aria-label'?: string;
}

/** A region picker that loads the tree level by level (GET /api/org/regions?parentCode=). */
export function RegionSelect({ id, value, onChange, initialLabel, placeholder, allowClear = true, className, ...rest }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const top = useQuery({ queryKey: orgKeys.regionChildren(null), queryFn: ({ signal }) => listRegions(null, signal), staleTime: 60_000 });
  const [loaded, setLoaded] = useState<Region[]>([]);
  const label: Label = useCallback((name, code) => t('common.nameWithCode', { name, code }), [t]);

  const loadData = useCallback(
    async (node: { value?: unknown }) => {
      const code = typeof node.value === 'string' ? node.value : null;
      if (!code) return;
      const children = await client.fetchQuery({
        queryKey: orgKeys.regionChildren(code),
        queryFn: ({ signal }) => listRegions(code, signal),
        staleTime: 60_000,
      });
      setLoaded((prev) => {
        const known = new Set(prev.map((r) => r.code));
        return [...prev, ...children.filter((r) => !known.has(r.code))];
      });
    },
    [client],
  );

  const treeData = useMemo(() => {
    const roots = (top.data ?? []).map((r) => ({ ...toNode(r, label), pId: ROOT }));
    const all = [...roots, ...loaded.filter((r) => !roots.some((n) => n.id === r.code)).map((r) => toNode(r, label))];
    if (value && !all.some((n) => n.id === value)) {
      all.unshift({ id: value, pId: ROOT, value, title: initialLabel ? label(initialLabel, value) : value, isLeaf: true });
    }
    return all;
  }, [top.data, loaded, value, initialLabel, label]);

  return (
    <TreeSelect
      id={id}
      className={className}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: ROOT }}
      treeData={treeData}
      loadData={loadData}
      loading={top.isPending}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('regions.selectPlaceholder')}
      popupMatchSelectWidth={false}
      notFoundContent={top.isError ? t('common.loadFailed') : undefined}
    />
  );
}
