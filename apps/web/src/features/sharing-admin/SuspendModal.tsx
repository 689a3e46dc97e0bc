import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useValidators } from '../identity/validators.ts';

/** 停用: says what it means for the system and asks why. */
export function SuspendModal({
  name,
  loading,
  onCancel,
  onConfirm,
}: {
  name: string | null;
  loading: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const v = useValidators();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={name !== null}
      title={t('sharingAdmin.suspend.title', { name: name ?? '' })}
      onCancel={onCancel}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert className="tb-mb" type="warning" showIcon title={t('sharingAdmin.suspend.warning')} description={t('sharingAdmin.suspend.text')} />
      <Form form={form} name="suspend" layout="vertical" onFinish={(values) => onConfirm(values.reason.trim())}>
        <Form.Item name="reason" label={t('sharingAdmin.suspend.reason')} extra={t('sharingAdmin.suspend.reasonHelp')} rules={[v.required(), v.length(2, 500)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
        <div className="tb-form-actions">
          <Space>
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
            <Button type="primary" danger htmlType="submit" loading={loading}>
              {t('sharingAdmin.suspend.confirm')}
            </Button>
          </Space>
        </div>
      </Form>
    </Modal>
  );
}
