import { CheckCircleOutlined, CloudUploadOutlined, ExclamationCircleOutlined, SaveOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Popover, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditableItem } from '../api.ts';
import { ProblemList } from './ProblemList.tsx';
import type { Problem } from './problems.ts';

interface Props {
  item: EditableItem | null;
  dirty: boolean;
  busy: 'save' | 'submit' | 'publish' | 'retire' | null;
  /** Publishing rules the current text breaks (checked in the browser; the server decides). */
  live: Problem[];
  onGo: (p: Problem) => void;
  onSave: () => void;
  onSubmit: () => void;
  onPublish: () => void;
  onRetire: () => void;
}

/** The editor's actions, always in reach at the foot of the screen, with the publishing check. */
export function ActionBar({ item, dirty, busy, live, onGo, onSave, onSubmit, onPublish, onRetire }: Props) {
  const { t } = useTranslation();
  const status = item?.current.status;
  const open = status === 'draft' || status === 'submitted';
  const canSubmit = item !== null && (dirty || status === 'draft');
  const canPublish = item !== null && (dirty || open);
  const canRetire = item !== null && item.current.item.status !== 'retired';
  return (
    <div className="tb-ca-actionbar" role="region" aria-label={t('catalogAdmin.actions.label')}>
      <div className="tb-ca-actionbar-state">
        {item === null ? (
          <span className="tb-muted">{t('catalogAdmin.actions.notCreated')}</span>
        ) : dirty ? (
          <span className="tb-ca-dirty" data-testid="unsaved">
            {t('catalogAdmin.actions.unsaved')}
          </span>
        ) : (
          <span className="tb-muted">{t('catalogAdmin.actions.allSaved')}</span>
        )}
        {live.length === 0 ? (
          <span className="tb-ca-check-ok" data-testid="live-check">
            <CheckCircleOutlined aria-hidden /> {t('catalogAdmin.actions.checkPassed')}
          </span>
        ) : (
          <Popover
            trigger="click"
            title={t('catalogAdmin.actions.checkTitle')}
            content={
              <div className="tb-ca-check-pop">
                <ProblemList problems={live} onGo={onGo} variant="rules" />
              </div>
            }
          >
            <Button type="link" size="small" className="tb-ca-check-warn" data-testid="live-check" icon={<ExclamationCircleOutlined aria-hidden />}>
              {t('catalogAdmin.actions.checkFailed', { count: live.length })}
            </Button>
          </Popover>
        )}
      </div>
      <Space wrap size={[8, 8]}>
        <Button
          icon={<SaveOutlined aria-hidden />}
          loading={busy === 'save'}
          disabled={busy !== null && busy !== 'save'}
          onClick={onSave}
          data-testid="action-save"
        >
          {item ? t('catalogAdmin.actions.save') : t('catalogAdmin.actions.create')}
        </Button>
        {item && (
          <>
            <Button
              icon={<SendOutlined aria-hidden />}
              loading={busy === 'submit'}
              disabled={!canSubmit || (busy !== null && busy !== 'submit')}
              onClick={onSubmit}
              data-testid="action-submit"
            >
              {t('catalogAdmin.actions.submit')}
            </Button>
            <Button
              type="primary"
              icon={<CloudUploadOutlined aria-hidden />}
              loading={busy === 'publish'}
              disabled={!canPublish || (busy !== null && busy !== 'publish')}
              onClick={onPublish}
              data-testid="action-publish"
            >
              {dirty ? t('catalogAdmin.actions.saveAndPublish') : t('catalogAdmin.actions.publish')}
            </Button>
            <Button danger icon={<StopOutlined aria-hidden />} disabled={!canRetire || busy !== null} onClick={onRetire} data-testid="action-retire">
              {t('catalogAdmin.actions.retire')}
            </Button>
          </>
        )}
      </Space>
    </div>
  );
}
