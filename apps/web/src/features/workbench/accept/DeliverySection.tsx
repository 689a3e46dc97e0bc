import { Col, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useValidators } from '../../identity/validators.ts';
import type { DeliveryValues } from './walkIn.ts';

const POSTCODE = /^\d{6}$/;

/** ⑤ 送达方式: pick up at the window, by post (address), or electronic. */
export function DeliverySection({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const v = useValidators();
  const method = Form.useWatch(['delivery', 'method']) as DeliveryValues['method'] | undefined;
  return (
    <>
      <Form.Item name={['delivery', 'method']} label={t('walkIn.delivery.method')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group
          optionType="button"
          disabled={disabled}
          data-testid="walkin-delivery"
          options={(['window', 'post', 'electronic'] as const).map((m) => ({ value: m, label: t(`walkIn.delivery.${m}`) }))}
        />
      </Form.Item>
      {method === 'post' && (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['delivery', 'recipient']} label={t('walkIn.delivery.recipient')} rules={[v.required(), v.length(1, 50)]}>
              <Input maxLength={50} disabled={disabled} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['delivery', 'phone']} label={t('walkIn.delivery.phone')} rules={[v.required(), v.phone()]}>
              <Input type="tel" inputMode="numeric" maxLength={11} disabled={disabled} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['delivery', 'postcode']}
              label={t('walkIn.delivery.postcode')}
              rules={[
                v.required(),
                {
                  validator: async (_r, value: unknown) => {
                    if (typeof value === 'string' && value.trim() && !POSTCODE.test(value.trim())) throw new Error(t('walkIn.delivery.postcodeFormat'));
                  },
                },
              ]}
            >
              <Input inputMode="numeric" maxLength={6} disabled={disabled} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name={['delivery', 'address']} label={t('walkIn.delivery.address')} rules={[v.required(), v.length(5, 200)]}>
              <Input maxLength={200} disabled={disabled} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
