import { Form, Input, InputNumber, Select, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOptions } from '../useOptions.ts';
import type { TimeUnit } from '../vocab.ts';
import { useRules } from './useRules.ts';
import type { EditorValues } from './values.ts';

/** A time limit: a whole number and its unit (即办 is 0), and a note. */
export function TimeLimitField({
  form,
  name,
  onUnitChange,
}: {
  form: FormInstance<EditorValues>;
  name: 'legalLimit' | 'promisedLimit';
  onUnitChange?: (unit: TimeUnit) => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const options = useOptions();
  const unit = Form.useWatch([name, 'unit'], form);
  const label = t(`catalogAdmin.fields.${name}`);
  return (
    <fieldset className="tb-ca-fieldset">
      <legend>{label}</legend>
      <Form.Item
        label={t('catalogAdmin.limit.value')}
        htmlFor={`item_${name}_value`}
        required
        extra={unit === 'immediate' ? t('catalogAdmin.limit.immediateHelp') : undefined}
      >
        <Space.Compact>
          <Form.Item name={[name, 'value']} noStyle rules={[rules.integer(0, 3650)]}>
            <InputNumber min={0} max={3650} precision={0} disabled={unit === 'immediate'} aria-label={t('catalogAdmin.limit.valueOf', { name: label })} />
          </Form.Item>
          <Form.Item name={[name, 'unit']} noStyle rules={[rules.choose()]}>
            <Select
              className="tb-ca-unit"
              options={options.timeUnits}
              aria-label={t('catalogAdmin.limit.unitOf', { name: label })}
              onChange={(next: TimeUnit) => {
                if (next === 'immediate') form.setFieldValue([name, 'value'], 0);
                onUnitChange?.(next);
              }}
            />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name={[name, 'note']} label={t('catalogAdmin.limit.note')} rules={[rules.max(1000)]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
    </fieldset>
  );
}
