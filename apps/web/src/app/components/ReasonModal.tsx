import { Alert, Button, Form, Input, Modal, Space, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';

/** The words of one reason-and-confirm dialog (停用, 暂停 …), already translated. */
export interface ReasonModalText {
  title: string;
  /** What the action means, above the form. */
  warning: string;
  text: string;
  reason: string;
  reasonHelp: string;
  confirm: string;
}

/**
 * A dangerous action that must say why: what it means, a reason (trimmed), cancel or confirm.
 * `name` is the antd form's name (unique on the page).
 */
export function ReasonModal({
  open,
  name,
  text,
  rules,
  loading,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  name: string;
  text: ReasonModalText;
  rules: FormRule[];
  loading: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open={open} title={text.title} onCancel={onCancel} footer={null} destroyOnHidden mask={{ closable: false }}>
      <Alert className="tb-mb" type="warning" showIcon title={text.warning} description={text.text} />
      <Form form={form} name={name} layout="vertical" onFinish={(values) => onConfirm(values.reason.trim())}>
        <Form.Item name="reason" label={text.reason} extra={text.reasonHelp} rules={rules}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
        <div className="tb-form-actions">
          <Space>
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
            <Button type="primary" danger htmlType="submit" loading={loading}>
              {text.confirm}
            </Button>
          </Space>
        </div>
      </Form>
    </Modal>
  );
}
