import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOptions } from '../useOptions.ts';
import { CheckGroup } from './CheckGroup.tsx';
import { channels } from '../vocab.ts';
import { TimeLimitField } from './TimeLimitField.tsx';
import { useRules } from './useRules.ts';
import type { EditorValues } from './values.ts';

/** 时限与办理: time limits, case type, visits, online depth, 通办 scope, channels, place and hours. */
export function TimeSection({ form }: { form: FormInstance<EditorValues> }) {
  const { t } = useTranslation();
  const rules = useRules();
  const options = useOptions();
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <TimeLimitField form={form} name="legalLimit" />
      </Col>
      <Col xs={24} lg={12}>
        <TimeLimitField
          form={form}
          name="promisedLimit"
          // 即办 goes with 即办件 (rule immediate-case-type): keep the case type in step.
          onUnitChange={(unit) => {
            const caseType = form.getFieldValue('caseType') as EditorValues['caseType'];
            if (unit === 'immediate') form.setFieldValue('caseType', '1');
            else if (caseType === '1') form.setFieldValue('caseType', '2');
          }}
        />
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="caseType" label={t('catalogAdmin.fields.caseType')} extra={t('catalogAdmin.help.caseType')} rules={[rules.choose()]}>
          <Radio.Group options={options.caseTypes} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="visits" label={t('catalogAdmin.fields.visits')} extra={t('catalogAdmin.help.visits')} rules={[rules.integer(0, 10)]}>
          <InputNumber min={0} max={10} precision={0} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="visitsReason" label={t('catalogAdmin.fields.visitsReason')} extra={t('catalogAdmin.help.visitsReason')} rules={[rules.max(500)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="onlineDepth" label={t('catalogAdmin.fields.onlineDepth')} extra={t('catalogAdmin.help.onlineDepth')}>
          <CheckGroup options={options.onlineDepths} label={t('catalogAdmin.fields.onlineDepth')} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <fieldset className="tb-ca-fieldset">
          <legend>{t('catalogAdmin.fields.channels')}</legend>
          <div className="tb-ca-checks">
            {channels.map((c) => (
              <Form.Item key={c} name={['channels', c]} valuePropName="checked" noStyle>
                <Checkbox id={`item_channels_${c}`}>{t(`guide.channels.${c}`)}</Checkbox>
              </Form.Item>
            ))}
          </div>
        </fieldset>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="crossRegion" label={t('catalogAdmin.fields.crossRegion')} rules={[rules.choose()]}>
          <Select options={options.crossRegions} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="hours" label={t('catalogAdmin.fields.hours')} rules={[rules.max(150)]}>
          <Input maxLength={150} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="place" label={t('catalogAdmin.fields.place')} rules={[rules.max(200)]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}
