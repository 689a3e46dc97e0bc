import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useThemeLabel } from '../../portal/catalog/useThemeLabel.ts';
import { themeWords, type EventKey } from '../../portal/catalog/vocab.ts';
import { DepartmentSelect } from '../../org/DepartmentSelect.tsx';
import { useOptions } from '../useOptions.ts';
import { TAG_SEPARATORS } from '../vocab.ts';
import { CheckGroup } from './CheckGroup.tsx';
import { useRules } from './useRules.ts';

const personEvents: EventKey[] = ['birth', 'school', 'employment', 'marriage', 'housing', 'socialSecurity', 'medical', 'retirement'];
const businessEvents: EventKey[] = ['startBusiness', 'construction', 'permits', 'tax', 'talent', 'closeBusiness'];

/** Who creates the item: asked only when it is new. */
function NewItemFields({ canPickDepartment, departmentName }: { canPickDepartment: boolean; departmentName: string | null }) {
  const { t } = useTranslation();
  const rules = useRules();
  const options = useOptions();
  return (
    <>
      <Col xs={24} md={12}>
        {canPickDepartment ? (
          <Form.Item name="departmentId" label={t('catalogAdmin.fields.departmentId')} rules={[rules.choose()]}>
            <DepartmentSelect />
          </Form.Item>
        ) : (
          <Form.Item label={t('catalogAdmin.fields.departmentId')}>
            <Input value={departmentName ?? ''} disabled aria-label={t('catalogAdmin.fields.departmentId')} />
          </Form.Item>
        )}
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="level" label={t('catalogAdmin.fields.level')} extra={t('catalogAdmin.help.level')} rules={[rules.choose()]}>
          <Select options={options.exerciseLevels} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="implCode" label={t('catalogAdmin.fields.implCode')} extra={t('catalogAdmin.help.implCode')} rules={[rules.implCode()]}>
          <Input maxLength={50} spellCheck={false} className="tb-mono" />
        </Form.Item>
      </Col>
    </>
  );
}

/** 基本信息: name, codes, type, levels, legal basis, power source, body, audiences, themes, everyday names. */
export function BasicSection({ isNew, canPickDepartment, departmentName }: { isNew: boolean; canPickDepartment: boolean; departmentName: string | null }) {
  const { t } = useTranslation();
  const rules = useRules();
  const options = useOptions();
  const themeLabel = useThemeLabel();
  // The theme words are data (the catalog files items under them); the label is in the user's language.
  const themeOptions = (events: EventKey[]) => events.map((e) => ({ value: themeWords[e], label: themeLabel(themeWords[e]) }));
  return (
    <Row gutter={16}>
      {isNew && <NewItemFields canPickDepartment={canPickDepartment} departmentName={departmentName} />}
      <Col xs={24} md={16}>
        <Form.Item name="name" label={t('catalogAdmin.fields.name')} rules={[rules.required(), rules.length(2, 200)]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="baseCode"
          label={t('catalogAdmin.fields.baseCode')}
          extra={t('catalogAdmin.help.baseCode')}
          rules={[rules.required(), rules.baseCode()]}
        >
          <Input maxLength={12} spellCheck={false} className="tb-mono" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="itemType" label={t('catalogAdmin.fields.itemType')} rules={[rules.choose()]}>
          <Select options={options.itemTypes} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="powerSource" label={t('catalogAdmin.fields.powerSource')} rules={[rules.choose()]}>
          <Select options={options.powerSources} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="exerciseLevels" label={t('catalogAdmin.fields.exerciseLevels')} rules={[rules.chooseSome()]}>
          <CheckGroup options={options.exerciseLevels} label={t('catalogAdmin.fields.exerciseLevels')} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name="legalBasis"
          label={t('catalogAdmin.fields.legalBasis')}
          extra={t('catalogAdmin.help.legalBasis')}
          rules={[rules.required(), rules.length(1, 4000)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="bodyNature" label={t('catalogAdmin.fields.bodyNature')} rules={[rules.choose()]}>
          <Select options={options.bodyNatures} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="jointDepartments" label={t('catalogAdmin.fields.jointDepartments')} extra={t('catalogAdmin.help.tags')} rules={[rules.tags(100)]}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={TAG_SEPARATORS} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="serviceObjects" label={t('catalogAdmin.fields.serviceObjects')} rules={[rules.chooseSome()]}>
          <CheckGroup options={options.serviceObjects} label={t('catalogAdmin.fields.serviceObjects')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="personThemes" label={t('catalogAdmin.fields.personThemes')} extra={t('catalogAdmin.help.personThemes')} rules={[rules.tags(20)]}>
          <Select mode="tags" options={themeOptions(personEvents)} tokenSeparators={TAG_SEPARATORS} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="businessThemes" label={t('catalogAdmin.fields.businessThemes')} extra={t('catalogAdmin.help.businessThemes')} rules={[rules.tags(20)]}>
          <Select mode="tags" options={themeOptions(businessEvents)} tokenSeparators={TAG_SEPARATORS} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="keywords" label={t('catalogAdmin.fields.keywords')} extra={t('catalogAdmin.help.keywords')} rules={[rules.tags(30)]}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={TAG_SEPARATORS} />
        </Form.Item>
      </Col>
    </Row>
  );
}
