import type { Fee } from '@tongban/contracts';
import { Button, Form, Input, Space, Switch, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { useRules } from '../editor/useRules.ts';
import { ListEditor, type RowFocus, type RowFormProps } from './ListEditor.tsx';
import { useFocusField } from './useFocusField.ts';

const newFee = (): Fee => ({ name: '', standard: '', basis: '', waivable: false, waiverBasis: '' });

function FeeForm({ row, focusField, onSave, onCancel }: RowFormProps<Fee>) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<Fee>();
  const waivable = Form.useWatch('waivable', form) ?? row.waivable;
  useFocusField(form, focusField);
  return (
    <Form<Fee>
      form={form}
      name="fee"
      layout="vertical"
      initialValues={row}
      onFinish={(v) =>
        onSave({
          name: v.name.trim(),
          standard: v.standard.trim(),
          basis: v.basis.trim(),
          waivable: Boolean(v.waivable),
          waiverBasis: v.waivable ? (v.waiverBasis ?? '') : '',
        })
      }
    >
      <Form.Item name="name" label={t('catalogAdmin.fee.name')} rules={[rules.required(), rules.length(1, 200)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="standard"
        label={t('catalogAdmin.fee.standard')}
        extra={t('catalogAdmin.fee.standardHelp')}
        rules={[rules.required(), rules.length(1, 500)]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="basis" label={t('catalogAdmin.fee.basis')} rules={[rules.required(), rules.length(1, 1000)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="waivable" label={t('catalogAdmin.fee.waivable')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {waivable && (
        <Form.Item name="waiverBasis" label={t('catalogAdmin.fee.waiverBasis')} rules={[rules.max(1000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      )}
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

/** 收费项目: name, standard, basis, whether it can be waived and on what basis. */
export function FeesEditor({ id, value, onChange, focus }: { id?: string; value?: Fee[]; onChange?: (rows: Fee[]) => void; focus: RowFocus | null }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Fee> = [
    { title: t('catalogAdmin.fee.name'), dataIndex: 'name', key: 'name' },
    { title: t('catalogAdmin.fee.standard'), dataIndex: 'standard', key: 'standard' },
    { title: t('catalogAdmin.fee.basis'), dataIndex: 'basis', key: 'basis', ellipsis: true },
    { title: t('catalogAdmin.fee.waivable'), key: 'waivable', width: 90, render: (_v, f) => (f.waivable ? t('common.yes') : t('common.no')) },
  ];
  return (
    <ListEditor<Fee>
      id={id}
      value={value}
      onChange={onChange}
      columns={columns}
      rowName={(f, i) => f.name || t('catalogAdmin.list.rowN', { n: i + 1 })}
      newRow={newFee}
      renderForm={(props) => <FeeForm {...props} />}
      addText={t('catalogAdmin.fee.add')}
      addTitle={t('catalogAdmin.fee.addTitle')}
      editTitle={(f) => t('catalogAdmin.fee.editTitle', { name: f.name })}
      empty={<EmptyState title={t('catalogAdmin.fee.empty')} />}
      focus={focus}
      testId="fees-editor"
    />
  );
}
