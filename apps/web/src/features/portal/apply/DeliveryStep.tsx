import { Form, Input, Radio, type FormInstance } from 'antd';
import type { DraftDelivery } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';

export type DeliveryMethod = DraftDelivery['method'];

interface Props {
  form: FormInstance<DraftDelivery>;
  delivery: DraftDelivery | null;
  methods: readonly DeliveryMethod[];
  onChange: (delivery: DraftDelivery) => void;
}

/** ③ 送达方式: pick up at the window, by post to an address, or electronically. */
export function DeliveryStep({ form, delivery, methods, onChange }: Props) {
  const { t } = useTranslation();
  const method = Form.useWatch('method', form) ?? delivery?.method;
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={delivery ?? { method: methods[0] }}
      onValuesChange={(_, all) => onChange(all)}
      className="tb-apply-delivery"
      data-testid="apply-delivery"
    >
      <Form.Item name="method" label={t('apply.delivery.methodLabel')} rules={[{ required: true, message: t('apply.delivery.methodRequired') }]}>
        <Radio.Group className="tb-apply-radios">
          {methods.map((m) => (
            <Radio key={m} value={m} data-testid={`delivery-${m}`}>
              <strong>{t(`apply.delivery.methods.${m}`)}</strong>
              <span className="tb-muted tb-apply-radio-note">{t(`apply.delivery.notes.${m}`)}</span>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {method === 'post' && (
        <fieldset className="tb-apply-address">
          <legend>{t('apply.delivery.addressTitle')}</legend>
          <Form.Item
            name={['address', 'recipient']}
            label={t('apply.delivery.recipient')}
            rules={[{ required: true, whitespace: true, message: t('apply.delivery.recipientRequired') }]}
          >
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name={['address', 'phone']}
            label={t('apply.delivery.phone')}
            rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('apply.delivery.phoneFormat') }]}
          >
            <Input maxLength={11} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Form.Item
            name={['address', 'address']}
            label={t('apply.delivery.address')}
            rules={[{ required: true, min: 5, whitespace: true, message: t('apply.delivery.addressRequired') }]}
          >
            <Input.TextArea maxLength={200} rows={2} autoComplete="street-address" />
          </Form.Item>
          <Form.Item
            name={['address', 'postcode']}
            label={t('apply.delivery.postcode')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('apply.delivery.postcodeFormat') }]}
          >
            <Input maxLength={6} inputMode="numeric" autoComplete="postal-code" />
          </Form.Item>
        </fieldset>
      )}
    </Form>
  );
}
