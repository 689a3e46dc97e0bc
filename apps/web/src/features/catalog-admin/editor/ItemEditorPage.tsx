import { BranchesOutlined, HistoryOutlined, LeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { NotFoundResult } from '../../../app/components/Results.tsx';
import { isApiError } from '../../../app/apiError.ts';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { useSession } from '../../../app/session.ts';
import { catalogAdminKeys, getEditableItem } from '../api.ts';
import { processEditorPath } from '../process/api.ts';
import { CatalogAdminTheme } from '../CatalogAdminTheme.tsx';
import { VersionsDrawer } from '../versions/VersionsDrawer.tsx';
import { ItemEditor } from './ItemEditor.tsx';
import { ItemHeader } from './ItemHeader.tsx';
import { emptyContent } from './values.ts';
import '../catalog-admin.css';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function BackToList() {
  const { t } = useTranslation();
  return (
    <ButtonLink to="/admin/catalog" icon={<LeftOutlined aria-hidden />}>
      {t('catalogAdmin.backToList')}
    </ButtonLink>
  );
}

/** /admin/catalog/new */
export function NewItemPage() {
  return (
    <CatalogAdminTheme>
      <NewItemBody />
    </CatalogAdminTheme>
  );
}

function NewItemBody() {
  const { t } = useTranslation();
  const user = useSession().data;
  const isCentreAdmin = user?.roles.includes('centre_admin') ?? false;
  return (
    <AreaPage title={t('catalogAdmin.newTitle')} extra={<BackToList />}>
      <ItemEditor
        item={null}
        base={emptyContent()}
        canPickDepartment={isCentreAdmin}
        departmentId={isCentreAdmin ? null : (user?.scope?.departmentId ?? null)}
        departmentName={user?.departmentName ?? null}
        onReload={() => undefined}
      />
    </AreaPage>
  );
}

/** /admin/catalog/items/:id — the latest version of an item, in the editor. */
export function ItemEditorPage() {
  return (
    <CatalogAdminTheme>
      <EditorBody />
    </CatalogAdminTheme>
  );
}

function EditorBody() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const [versionsOpen, setVersionsOpen] = useState(false);
  const valid = UUID_RE.test(id);
  const query = useQuery({
    queryKey: catalogAdminKeys.item(id),
    queryFn: ({ signal }) => getEditableItem(id, signal),
    enabled: valid,
    staleTime: 30_000,
  });

  if (!valid || (query.isError && isApiError(query.error) && query.error.status === 404)) return <NotFoundResult home="/admin/catalog" />;
  if (query.isPending) {
    return (
      <AreaPage title={t('catalogAdmin.loading')} extra={<BackToList />}>
        <Skeleton active paragraph={{ rows: 8 }} />
      </AreaPage>
    );
  }
  if (query.isError) {
    return (
      <AreaPage title={t('catalogAdmin.editTitle')} extra={<BackToList />}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </AreaPage>
    );
  }
  const item = query.data;
  const { current } = item;
  return (
    <AreaPage
      title={current.content.name}
      extra={
        <Space wrap>
          <ButtonLink to={processEditorPath(current.item.id)} icon={<BranchesOutlined aria-hidden />} data-testid="open-process">
            {t('processEditor.open')}
          </ButtonLink>
          <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setVersionsOpen(true)} data-testid="open-versions">
            {t('catalogAdmin.versions.open')}
          </Button>
          <BackToList />
        </Space>
      }
    >
      <ItemHeader current={current} />
      <ItemEditor
        item={item}
        base={current.content}
        canPickDepartment={false}
        departmentId={current.item.departmentId}
        departmentName={current.item.departmentName}
        onReload={() => void query.refetch()}
      />
      <VersionsDrawer
        itemId={current.item.id}
        name={current.content.name}
        publishedVersion={current.item.publishedVersion}
        open={versionsOpen}
        onClose={() => setVersionsOpen(false)}
      />
    </AreaPage>
  );
}
