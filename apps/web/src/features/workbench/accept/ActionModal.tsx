import { Alert, Descriptions, Form, Input, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useValidators } from '../../identity/validators.ts';

export type WalkInKind = 'accept' | 'supplement' | 'refuse';

export interface DialogValues {
  opinion?: string;
  reason?: string;
  legalBasis?: string;
}

/** Every action confirms what will happen and what the applicant receives; 不予受理 asks for the reason and the legal basis. */
export function ActionModal({
  kind,
  form,
  summary,
  missing,
  tongban,
  limit,
  pending,
  onConfirm,
  onCancel,
}: {
  kind: WalkInKind;
  form: FormInstance<DialogValues>;
  summary: { item: string; applicant: string };
  missing: { name: string; note: string }[];
  tongban: string | null;
  limit: string;
  pending: boolean;
  onConfirm: (values: DialogValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const v = useValidators();
  return (
    <Modal
      open
      title={t(`walkIn.confirm.${kind}Title`)}
      okText={t(`walkIn.confirm.${kind}Ok`)}
      okButtonProps={{ danger: kind === 'refuse', loading: pending, ...{ 'data-testid': 'walkin-confirm' } }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={pending ? undefined : onCancel}
      maskClosable={false}
      destroyOnHidden
      width={600}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'item', label: t('walkIn.result.item'), children: summary.item },
          { key: 'applicant', label: t('walkIn.result.applicant'), children: summary.applicant },
        ]}
      />
      {tongban && <Alert className="tb-mt" type="warning" showIcon title={tongban} />}
      <p className="tb-mt">{t(`walkIn.confirm.${kind}`, { limit })}</p>
      {kind === 'supplement' && (
        <ol className="tb-walkin-missing" data-testid="walkin-confirm-missing">
          {missing.map((m) => (
            <li key={m.name}>
              <strong>{m.name}</strong>
              {m.note ? t('walkIn.result.noteSuffix', { note: m.note }) : ''}
            </li>
          ))}
        </ol>
      )}
      <Form<DialogValues> form={form} layout="vertical" onFinish={onConfirm} disabled={pending}>
        {kind === 'refuse' ? (
          <>
            <Form.Item name="reason" label={t('walkIn.confirm.reason')} rules={[v.required(), v.length(2, 1000)]}>
              <Input.TextArea rows={3} maxLength={1000} showCount autoFocus />
            </Form.Item>
            <Form.Item name="legalBasis" label={t('walkIn.confirm.legalBasis')} rules={[v.required(), v.length(2, 1000)]}>
              <Input.TextArea rows={2} maxLength={1000} placeholder={t('walkIn.confirm.legalBasisPlaceholder')} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="opinion" label={t('walkIn.confirm.opinion')} rules={[v.length(0, 1000)]}>
            <Input.TextArea rows={2} maxLength={1000} autoFocus />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
