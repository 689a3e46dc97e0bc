import { CheckCircleOutlined, ExclamationCircleOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  dirty: boolean;
  /** Saving is offered with changes, or to store a default that was never saved. */
  canSave: boolean;
  /** How many problems the definition has now. */
  problems: number;
  saving: boolean;
  nextVersion: number;
  onSave: () => void;
  onReset: () => void;
}

/** Save as a new version, or drop the changes; always in reach at the foot of the screen. */
export function ProcessActionBar({ dirty, canSave, problems, saving, nextVersion, onSave, onReset }: Props) {
  const { t } = useTranslation();
  return (
    <div className="tb-ca-actionbar" role="region" aria-label={t('processEditor.actions.label')}>
      <div className="tb-ca-actionbar-state" aria-live="polite">
        {dirty ? (
          <span className="tb-ca-dirty" data-testid="process-unsaved">
            {t('processEditor.actions.unsaved')}
          </span>
        ) : (
          <span className="tb-muted">{t('processEditor.actions.allSaved')}</span>
        )}
        {problems === 0 ? (
          <span className="tb-ca-check-ok" data-testid="process-check">
            <CheckCircleOutlined aria-hidden /> {t('processEditor.actions.checkPassed')}
          </span>
        ) : (
          <span className="tb-pe-check-bad" data-testid="process-check">
            <ExclamationCircleOutlined aria-hidden /> {t('processEditor.actions.checkFailed', { count: problems })}
          </span>
        )}
      </div>
      <Space wrap size={[8, 8]}>
        <Popconfirm
          title={t('processEditor.actions.resetConfirm')}
          okText={t('processEditor.actions.reset')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={onReset}
          disabled={!dirty || saving}
        >
          <Button icon={<UndoOutlined aria-hidden />} disabled={!dirty || saving} data-testid="process-reset">
            {t('processEditor.actions.reset')}
          </Button>
        </Popconfirm>
        <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={saving} disabled={!canSave} onClick={onSave} data-testid="process-save">
          {t('processEditor.actions.save', { version: nextVersion })}
        </Button>
      </Space>
    </div>
  );
}
