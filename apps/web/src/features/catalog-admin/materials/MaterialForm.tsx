import type { Material } from '@tongban/contracts';
import { Button, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRules } from '../editor/useRules.ts';
import type { RowFormProps } from '../lists/ListEditor.tsx';
import { useFocusField } from '../lists/useFocusField.ts';
import { useOptions } from '../useOptions.ts';

/** The drawer form holds '' where the contract holds null. */
type Values = Omit<Material, 'licenceType' | 'blankForm' | 'sample'> & { licenceType: string; blankForm: string; sample: string };

const orNull = (s: string | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);

function toMaterial(v: Values): Material {
  return {
    key: v.key.trim(),
    name: v.name.trim(),
    kind: v.kind,
    form: v.form,
    originalCopies: v.originalCopies ?? 0,
    copyCopies: v.copyCopies ?? 0,
    necessity: v.necessity,
    source: v.source,
    sourceNote: v.sourceNote ?? '',
    licenceType: v.source === 'licence_library' ? orNull(v.licenceType) : null,
    commitmentAllowed: Boolean(v.commitmentAllowed),
    blankForm: orNull(v.blankForm),
    sample: orNull(v.sample),
    fillingNotes: v.fillingNotes ?? '',
    acceptanceStandard: v.acceptanceStandard ?? '',
    legalBasis: v.legalBasis ?? '',
  };
}

/** A material not yet described, with a key no other material has. */
export function newMaterial(rows: Material[]): Material {
  let n = rows.length + 1;
  while (rows.some((r) => r.key === `material_${n}`)) n += 1;
  return {
    key: `material_${n}`,
    name: '',
    kind: 'original',
    form: 'paper',
    originalCopies: 1,
    copyCopies: 0,
    necessity: 'required',
    source: 'applicant',
    sourceNote: '',
    licenceType: null,
    commitmentAllowed: false,
    blankForm: null,
    sample: null,
    fillingNotes: '',
    acceptanceStandard: '',
    legalBasis: '',
  };
}

/** Every element of one material (STANDARDS §1.5 up_task_general_material). */
export function MaterialForm({ row, focusField, onSave, onCancel, otherKeys }: RowFormProps<Material> & { otherKeys: string[] }) {
  const { t } = useTranslation();
  const rules = useRules();
  const options = useOptions();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? row.kind;
  const source = Form.useWatch('source', form) ?? row.source;
  const initial: Values = { ...row, licenceType: row.licenceType ?? '', blankForm: row.blankForm ?? '', sample: row.sample ?? '' };

  useFocusField(form, focusField);

  const original = kind !== 'copy';
  const copy = kind !== 'original';
  return (
    <Form<Values> form={form} name="material" layout="vertical" initialValues={initial} onFinish={(v) => onSave(toMaterial({ ...initial, ...v }))}>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={t('catalogAdmin.material.name')} rules={[rules.required(), rules.length(1, 200)]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="key"
            label={t('catalogAdmin.material.key')}
            extra={t('catalogAdmin.material.keyHelp')}
            rules={[
              rules.required(),
              rules.materialKey(),
              {
                validator: async (_r, value: unknown) => {
                  if (typeof value === 'string' && otherKeys.includes(value.trim())) throw new Error(t('catalogAdmin.validation.materialKeyTaken'));
                },
              },
            ]}
          >
            <Input maxLength={40} spellCheck={false} className="tb-mono" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('catalogAdmin.material.kind')} rules={[rules.choose()]}>
            <Select options={options.materialKinds} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalogAdmin.material.copies')} required>
            <Space wrap>
              <Form.Item name="originalCopies" noStyle rules={[rules.integer(0, 99)]} hidden={!original}>
                <InputNumber
                  min={0}
                  max={99}
                  precision={0}
                  aria-label={t('catalogAdmin.material.originalCopies')}
                  prefix={t('catalogAdmin.material.originalShort')}
                />
              </Form.Item>
              <Form.Item name="copyCopies" noStyle rules={[rules.integer(0, 99)]} hidden={!copy}>
                <InputNumber min={0} max={99} precision={0} aria-label={t('catalogAdmin.material.copyCopies')} prefix={t('catalogAdmin.material.copyShort')} />
              </Form.Item>
            </Space>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="form" label={t('catalogAdmin.material.form')} rules={[rules.choose()]}>
            <Radio.Group options={options.materialForms} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="necessity" label={t('catalogAdmin.material.necessity')} extra={t('catalogAdmin.material.necessityHelp')} rules={[rules.choose()]}>
            <Radio.Group options={options.necessities} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="source" label={t('catalogAdmin.material.source')} rules={[rules.choose()]}>
            <Select options={options.materialSources} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {source === 'licence_library' && (
            <Form.Item
              name="licenceType"
              label={t('catalogAdmin.material.licenceType')}
              extra={t('catalogAdmin.material.licenceTypeHelp')}
              rules={[rules.required(), rules.max(40)]}
            >
              <Input maxLength={40} spellCheck={false} />
            </Form.Item>
          )}
        </Col>
        <Col xs={24}>
          <Form.Item name="sourceNote" label={t('catalogAdmin.material.sourceNote')} rules={[rules.max(500)]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="commitmentAllowed"
            label={t('catalogAdmin.material.commitmentAllowed')}
            valuePropName="checked"
            extra={t('catalogAdmin.material.commitmentHelp')}
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="blankForm" label={t('catalogAdmin.material.blankForm')} extra={t('catalogAdmin.material.fileHelp')} rules={[rules.max(500)]}>
            <Input maxLength={500} spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sample" label={t('catalogAdmin.material.sample')} extra={t('catalogAdmin.material.fileHelp')} rules={[rules.max(500)]}>
            <Input maxLength={500} spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="fillingNotes" label={t('catalogAdmin.material.fillingNotes')} rules={[rules.max(1000)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="acceptanceStandard" label={t('catalogAdmin.material.acceptanceStandard')} rules={[rules.max(1000)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="legalBasis" label={t('catalogAdmin.material.legalBasis')} rules={[rules.max(1000)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
      <div className="tb-form-actions">
        <Space>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit">
            {t('catalogAdmin.list.done')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}
