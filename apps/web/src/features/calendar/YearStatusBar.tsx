import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import type { CalendarYear } from '@tongban/contracts';
import { Alert, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  view: CalendarYear;
  canManage: boolean;
  publishing: boolean;
  onEdit: () => void;
  onPublish: () => Promise<unknown>;
  onAdd: () => void;
}

/** Whether the year's national schedule counts: published, a draft (not yet), or none (weekdays only, provisional). */
export function YearStatusBar({ view, canManage, publishing, onEdit, onPublish, onAdd }: Props) {
  const { t } = useTranslation();
  switch (view.status) {
    case 'published':
      return <Alert className="tb-mb" type="success" showIcon title={t('calendar.statusPublished', { year: view.year })} description={view.source} />;
    case 'draft':
      return (
        <Alert
          className="tb-mb"
          type="warning"
          showIcon
          title={t('calendar.statusDraft', { year: view.year })}
          description={view.source}
          action={
            canManage && (
              <Space orientation="vertical">
                <Button size="small" icon={<EditOutlined aria-hidden />} onClick={onEdit}>
                  {t('calendar.editDraft')}
                </Button>
                <Popconfirm
                  title={t('calendar.publishConfirm', { year: view.year })}
                  description={t('calendar.publishHint')}
                  okText={t('calendar.publish')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onPublish().catch(() => undefined)}
                >
                  <Button size="small" type="primary" icon={<CheckOutlined aria-hidden />} loading={publishing}>
                    {t('calendar.publish')}
                  </Button>
                </Popconfirm>
              </Space>
            )
          }
        />
      );
    case 'none':
      return (
        <Alert
          className="tb-mb"
          type="warning"
          showIcon
          title={t('calendar.statusNone', { year: view.year })}
          action={
            canManage && (
              <Button size="small" onClick={onAdd}>
                {t('calendar.addYear')}
              </Button>
            )
          }
        />
      );
  }
}
