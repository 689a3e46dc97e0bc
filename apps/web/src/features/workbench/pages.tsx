import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { NotFoundResult } from '../../app/components/Results.tsx';
import { AreaPage } from '../../app/layout/AreaPage.tsx';
import { useSession } from '../../app/session.ts';

/** 待办: the inbox is home (features/workbench/cases). */
export { InboxPage } from './cases/index.ts';

/** 办件查询 (features/workbench/cases). */
export { CaseSearchPage } from './cases/CaseSearchPage.tsx';

/** 我的窗口: the staff member's department and data scope. */
export function MyWindowPage() {
  const { t } = useTranslation();
  const user = useSession().data;
  const scope = user?.scope ?? null;
  return (
    <AreaPage title={t('workbench.windowTitle')}>
      <Card>
        <Descriptions
          column={1}
          items={[
            { key: 'dept', label: t('profile.department'), children: user?.departmentName ?? t('common.notSet') },
            {
              key: 'scope',
              label: t('workbench.scope'),
              children: scope
                ? `${t('workbench.scopeRegion', { code: scope.regionCode })}${scope.includeSubRegions ? t('workbench.scopeWithSub') : ''}`
                : t('common.notSet'),
            },
          ]}
        />
      </Card>
      <Card className="tb-mt">
        <EmptyState title={t('workbench.windowNone')} text={t('workbench.windowNoneText')} />
      </Card>
    </AreaPage>
  );
}

export function AreaNotFound() {
  return <NotFoundResult home="/workbench" />;
}
