import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Region } from '@tongban/contracts';
import { Alert, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Spin, Tree, type TreeDataNode } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { useAdminRoles } from '../../admin/useAdminRoles.ts';
import { deleteRegion, listRegions, orgKeys } from '../api.ts';
import { RegionFormModal, type RegionDialog } from './RegionFormModal.tsx';

const TOP = '';

/** 行政区划: a tree loaded level by level; centre admins add, rename and delete. */
export function RegionsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const { canManageOrg } = useAdminRoles();
  const top = useQuery({ queryKey: orgKeys.regionChildren(null), queryFn: ({ signal }) => listRegions(null, signal) });
  /** Children lists by parent code (top level: TOP), as last loaded. */
  const [children, setChildren] = useState<Record<string, Region[]>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<Region | null>(null);
  const [dialog, setDialog] = useState<RegionDialog | null>(null);

  const lists: Record<string, Region[]> = { ...children, [TOP]: top.data ?? [] };

  /** (Re)loads the children of `parent` (null: the top level). */
  const reload = useCallback(
    async (parent: string | null): Promise<Region[]> => {
      if (parent === null) {
        const result = await top.refetch();
        return result.data ?? [];
      }
      const list = await client.fetchQuery({
        queryKey: orgKeys.regionChildren(parent),
        queryFn: ({ signal }) => listRegions(parent, signal),
        staleTime: 0,
      });
      setChildren((prev) => ({ ...prev, [parent]: list }));
      return list;
    },
    [client, top],
  );

  const remove = useMutation({
    mutationFn: (region: Region) => deleteRegion(region.code),
    onSuccess: async (_data, region) => {
      feedback.success(t('regions.deleted', { name: region.name }));
      setSelected(null);
      void client.invalidateQueries({ queryKey: orgKeys.regions });
      await reload(region.parentCode);
      const parent = region.parentCode;
      if (parent !== null) await reload(findParentOf(parent));
    },
    onError: (error, region) => feedback.failure(error, { HAS_DEPENDENTS: t('regions.hasDependents', { name: region.name }) }),
  });

  /** Code of the parent of `code`, from what is loaded. */
  const findParentOf = (code: string): string | null => {
    for (const list of Object.values(lists)) {
      const hit = list.find((r) => r.code === code);
      if (hit) return hit.parentCode;
    }
    return null;
  };

  const build = (list: Region[]): TreeDataNode[] =>
    list.map((r) => {
      const kids = children[r.code];
      return {
        key: r.code,
        title: (
          <span>
            {r.name} <span className="tb-muted tb-small">{r.code}</span>
          </span>
        ),
        isLeaf: r.childCount === 0 && (kids === undefined || kids.length === 0),
        ...(kids ? { children: build(kids) } : {}),
      };
    });

  const regionByCode = (code: string): Region | null => {
    for (const list of Object.values(lists)) {
      const hit = list.find((r) => r.code === code);
      if (hit) return hit;
    }
    return null;
  };

  const onSaved = async (saved: Region | null) => {
    const current = dialog;
    setDialog(null);
    void client.invalidateQueries({ queryKey: orgKeys.regions });
    if (!current) return;
    if (current.mode === 'create') {
      const parent = current.parent;
      await reload(parent?.code ?? null);
      if (parent) {
        await reload(parent.parentCode);
        setExpanded((prev) => (prev.includes(parent.code) ? prev : [...prev, parent.code]));
      }
      if (saved) setSelected(saved);
    } else {
      const list = await reload(current.region.parentCode);
      setSelected(saved ?? list.find((r) => r.code === current.region.code) ?? null);
    }
  };

  const current = selected ? (regionByCode(selected.code) ?? selected) : null;
  const parentName = current?.parentCode ? (regionByCode(current.parentCode)?.name ?? current.parentCode) : t('regions.topLevel');

  return (
    <AreaPage
      title={t('regions.title')}
      extra={
        canManageOrg && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ mode: 'create', parent: null })}>
            {t('regions.addTop')}
          </Button>
        )
      }
    >
      {!canManageOrg && <Alert className="tb-mb" type="info" showIcon title={t('regions.readOnly')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="tb-card-title">{t('regions.tree')}</h2>}>
            {top.isPending ? (
              <Spin />
            ) : top.isError ? (
              <QueryError error={top.error} onRetry={() => void top.refetch()} />
            ) : top.data.length === 0 ? (
              <EmptyState title={t('regions.empty')} text={canManageOrg ? t('regions.emptyAdmin') : undefined} />
            ) : (
              <Tree
                showLine
                blockNode
                treeData={build(top.data)}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={current ? [current.code] : []}
                onSelect={(keys) => {
                  const code = keys[0];
                  setSelected(code === undefined ? null : regionByCode(String(code)));
                }}
                loadData={async (node) => {
                  await reload(String(node.key));
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="tb-card-title">{current ? current.name : t('common.details')}</h2>}>
            {!current ? (
              <p className="tb-muted">{t('regions.selectHint')}</p>
            ) : (
              <>
                <Descriptions
                  column={1}
                  items={[
                    { key: 'name', label: t('regions.name'), children: current.name },
                    { key: 'code', label: t('regions.code'), children: current.code },
                    { key: 'level', label: t('regions.level'), children: t(`regions.levels.${current.level}`) },
                    { key: 'parent', label: t('regions.parent'), children: parentName },
                    { key: 'children', label: t('regions.childCount'), children: current.childCount },
                  ]}
                />
                {canManageOrg && (
                  <Space wrap className="tb-mt">
                    <Button
                      icon={<PlusOutlined aria-hidden />}
                      disabled={current.level === 'village'}
                      onClick={() => setDialog({ mode: 'create', parent: current })}
                    >
                      {t('regions.addChild')}
                    </Button>
                    <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ mode: 'rename', region: current })}>
                      {t('regions.rename')}
                    </Button>
                    <Popconfirm
                      title={t('regions.deleteConfirm', { name: current.name, code: current.code })}
                      description={t('common.irreversible')}
                      okText={t('common.delete')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutateAsync(current).catch(() => undefined)}
                    >
                      <Button danger icon={<DeleteOutlined aria-hidden />} loading={remove.isPending}>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>
      <RegionFormModal dialog={dialog} onDone={(saved) => void onSaved(saved)} onCancel={() => setDialog(null)} />
    </AreaPage>
  );
}
