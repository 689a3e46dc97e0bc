import { Button, Modal, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal holding one form. Its content mounts only while open, so each opening starts from
 * the record's current values; the mask does not close it, so nothing typed is lost by a stray click.
 */
export function FormModal({
  open,
  title,
  onCancel,
  children,
  width = 640,
}: {
  open: boolean;
  title: string;
  onCancel: () => void;
  children: ReactNode;
  width?: number;
}) {
  return (
    <Modal open={open} title={title} onCancel={onCancel} footer={null} destroyOnHidden mask={{ closable: false }} width={width}>
      {open && children}
    </Modal>
  );
}

/** Cancel + submit at the foot of a modal form. */
export function FormActions({ onCancel, loading, submitText }: { onCancel: () => void; loading: boolean; submitText?: string }) {
  const { t } = useTranslation();
  return (
    <div className="tb-form-actions">
      <Space>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={loading}>
          {submitText ?? t('common.save')}
        </Button>
      </Space>
    </div>
  );
}
