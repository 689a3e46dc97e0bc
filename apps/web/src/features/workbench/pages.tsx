import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { NotFoundResult } from '../../app/components/Results.tsx';
import { AreaPage } from '../../app/layout/AreaPage.tsx';
import { useSession } from '../../app/session.ts';

/** 待办: the inbox is home (features/workbench/cases). */
export { InboxPage } from './cases/index.ts';

/** 办件查询 */
export function CaseSearchPage() {
  const { t } = useTranslation();
  const [searched, setSearched] = useState(false);
  return (
    <AreaPage title={t('workbench.casesTitle')}>
      <Card>
        <Form layout="inline" onFinish={() => setSearched(true)} className="tb-filter-form">
          <Form.Item name="caseNumber" label={t('workbench.caseNumber')}>
            <Input allowClear maxLength={40} />
          </Form.Item>
          <Form.Item name="applicant" label={t('workbench.applicantName')}>
            <Input allowClear maxLength={50} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
              {t('common.search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card className="tb-mt" aria-live="polite">
        <EmptyState title={t('workbench.casesEmpty')} text={searched ? t('workbench.casesEmptyText') : undefined} />
      </Card>
    </AreaPage>
  );
}

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
