import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { copyText } from './copy.ts';

export interface ShownSecret {
  kind: 'created' | 'reset';
  name: string;
  clientId: string;
  clientSecret: string;
}

/** The client id and secret, this once: a copy button for each and a plain warning that the secret will not be shown again. */
export function SecretModal({ secret, onClose }: { secret: ShownSecret | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async (text: string, done: string) => {
    if (await copyText(text)) void message.success(done);
    else void message.warning(t('sharingAdmin.secret.copyFailed'));
  };
  return (
    <Modal
      open={secret !== null}
      title={secret && t(secret.kind === 'created' ? 'sharingAdmin.secret.createdTitle' : 'sharingAdmin.secret.resetTitle', { name: secret.name })}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      width={640}
      footer={
        <Button type="primary" onClick={onClose} data-testid="sharing-secret-done">
          {t('sharingAdmin.secret.done')}
        </Button>
      }
    >
      {secret && (
        <div data-testid="sharing-secret">
          <Alert className="tb-mb" type="warning" showIcon title={t('sharingAdmin.secret.warning')} description={t('sharingAdmin.secret.warningText')} />
          <dl className="tb-sa-secret">
            <dt>{t('sharingAdmin.secret.clientId')}</dt>
            <dd>
              <code className="tb-mono tb-sa-secret-value" data-testid="sharing-secret-client-id">
                {secret.clientId}
              </code>
              <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy(secret.clientId, t('sharingAdmin.secret.copiedId'))}>
                {t('sharingAdmin.secret.copy')}
              </Button>
            </dd>
            <dt>{t('sharingAdmin.secret.clientSecret')}</dt>
            <dd>
              <code className="tb-mono tb-sa-secret-value" data-testid="sharing-secret-value">
                {secret.clientSecret}
              </code>
              <Button type="primary" icon={<CopyOutlined aria-hidden />} onClick={() => void copy(secret.clientSecret, t('sharingAdmin.secret.copiedSecret'))}>
                {t('sharingAdmin.secret.copy')}
              </Button>
            </dd>
          </dl>
          <p className="tb-muted tb-sa-token-hint">{t('sharingAdmin.secret.tokenHint')}</p>
        </div>
      )}
    </Modal>
  );
}
