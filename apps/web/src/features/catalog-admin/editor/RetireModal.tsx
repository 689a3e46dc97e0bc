import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRules } from './useRules.ts';

/** 停用: says what it means for the public and asks why. */
export function RetireModal({
  open,
  name,
  loading,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  name: string;
  loading: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open={open} title={t('catalogAdmin.retire.title', { name })} onCancel={onCancel} footer={null} destroyOnHidden mask={{ closable: false }}>
      <Alert className="tb-mb" type="warning" showIcon title={t('catalogAdmin.retire.warning')} description={t('catalogAdmin.retire.text')} />
      <Form form={form} name="retire" layout="vertical" onFinish={(v) => onConfirm(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('catalogAdmin.retire.reason')}
          extra={t('catalogAdmin.retire.reasonHelp')}
          rules={[rules.required(), rules.length(2, 500)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
        <div className="tb-form-actions">
          <Space>
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
            <Button type="primary" danger htmlType="submit" loading={loading}>
              {t('catalogAdmin.retire.confirm')}
            </Button>
          </Space>
        </div>
      </Form>
    </Modal>
  );
}
