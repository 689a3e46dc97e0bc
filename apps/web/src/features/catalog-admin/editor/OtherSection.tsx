import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRules } from './useRules.ts';

/** 其他: the result, its sample and licence type; consultation and supervision phones. */
export function OtherSection() {
  const { t } = useTranslation();
  const rules = useRules();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="resultName" label={t('catalogAdmin.fields.resultName')} rules={[rules.max(100)]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="resultSample" label={t('catalogAdmin.fields.resultSample')} extra={t('catalogAdmin.material.fileHelp')} rules={[rules.max(500)]}>
          <Input maxLength={500} spellCheck={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="resultLicenceType"
          label={t('catalogAdmin.fields.resultLicenceType')}
          extra={t('catalogAdmin.material.licenceTypeHelp')}
          rules={[rules.max(40)]}
        >
          <Input maxLength={40} spellCheck={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} />
      <Col xs={24} md={12}>
        <Form.Item name="consultationPhone" label={t('catalogAdmin.fields.consultationPhone')} extra={t('catalogAdmin.help.phone')} rules={rules.phone()}>
          <Input type="tel" maxLength={18} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="supervisionPhone"
          label={t('catalogAdmin.fields.supervisionPhone')}
          extra={t('catalogAdmin.help.supervisionPhone')}
          rules={rules.phone()}
        >
          <Input type="tel" maxLength={18} autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}
