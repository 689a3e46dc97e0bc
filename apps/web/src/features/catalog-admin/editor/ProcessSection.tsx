import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRules } from './useRules.ts';

/** 办理流程: steps in order, each a short name and what happens. */
function ProcedureList() {
  const { t } = useTranslation();
  const rules = useRules();
  return (
    <fieldset className="tb-ca-fieldset" id="item_procedure" tabIndex={-1}>
      <legend>{t('catalogAdmin.fields.procedure')}</legend>
      <p className="tb-muted tb-small">{t('catalogAdmin.help.procedure')}</p>
      <Form.List name="procedure">
        {(fields, { add, remove, move }) => (
          <>
            <ol className="tb-ca-steps">
              {fields.map((field, index) => (
                <li key={field.key} className="tb-ca-step">
                  <Form.Item
                    name={[field.name, 'step']}
                    label={t('catalogAdmin.procedure.step', { n: index + 1 })}
                    rules={[rules.required(), rules.length(1, 50)]}
                    className="tb-ca-step-name"
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={t('catalogAdmin.procedure.description', { n: index + 1 })}
                    rules={[rules.max(1000)]}
                    className="tb-ca-step-text"
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                  </Form.Item>
                  <Space size={4} className="tb-ca-step-actions">
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined aria-hidden />}
                      aria-label={t('catalogAdmin.list.moveUp', { name: t('catalogAdmin.procedure.stepN', { n: index + 1 }) })}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined aria-hidden />}
                      aria-label={t('catalogAdmin.list.moveDown', { name: t('catalogAdmin.procedure.stepN', { n: index + 1 }) })}
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                    />
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('catalogAdmin.list.remove', { name: t('catalogAdmin.procedure.stepN', { n: index + 1 }) })}
                      onClick={() => remove(index)}
                    />
                  </Space>
                </li>
              ))}
            </ol>
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ step: '', description: '' })}>
              {t('catalogAdmin.procedure.add')}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

/** 受理条件与流程: conditions, steps, special procedures, intermediary services, quantity limit. */
export function ProcessSection() {
  const { t } = useTranslation();
  const rules = useRules();
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item name="acceptanceConditions" label={t('catalogAdmin.fields.acceptanceConditions')} rules={[rules.max(4000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <ProcedureList />
      </Col>
      <Col xs={24}>
        <Form.Item
          name="specialProcedures"
          label={t('catalogAdmin.fields.specialProcedures')}
          extra={t('catalogAdmin.help.specialProcedures')}
          rules={[rules.max(2000)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="intermediaryServices" label={t('catalogAdmin.fields.intermediaryServices')} rules={[rules.max(2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="quantityLimit" label={t('catalogAdmin.fields.quantityLimit')} rules={[rules.max(200)]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}
