import { Button, Form, Input, Space, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { useRules } from '../editor/useRules.ts';
import { ListEditor, type RowFocus, type RowFormProps } from './ListEditor.tsx';
import { useFocusField } from './useFocusField.ts';

export interface Faq {
  question: string;
  answer: string;
}

function FaqForm({ row, focusField, onSave, onCancel }: RowFormProps<Faq>) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<Faq>();
  useFocusField(form, focusField);
  return (
    <Form<Faq> form={form} name="faq" layout="vertical" initialValues={row} onFinish={(v) => onSave({ question: v.question.trim(), answer: v.answer.trim() })}>
      <Form.Item name="question" label={t('catalogAdmin.faq.question')} rules={[rules.required(), rules.length(1, 500)]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="answer" label={t('catalogAdmin.faq.answer')} extra={t('catalogAdmin.faq.answerHelp')} rules={[rules.required(), rules.length(1, 2000)]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={2000} />
      </Form.Item>
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

/** 常见问题: question and answer, in the order the guide shows them. */
export function FaqEditor({ id, value, onChange, focus }: { id?: string; value?: Faq[]; onChange?: (rows: Faq[]) => void; focus: RowFocus | null }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Faq> = [
    { title: t('catalogAdmin.faq.question'), dataIndex: 'question', key: 'question' },
    { title: t('catalogAdmin.faq.answer'), dataIndex: 'answer', key: 'answer', ellipsis: true },
  ];
  return (
    <ListEditor<Faq>
      id={id}
      value={value}
      onChange={onChange}
      columns={columns}
      rowName={(f, i) => f.question || t('catalogAdmin.list.rowN', { n: i + 1 })}
      newRow={() => ({ question: '', answer: '' })}
      renderForm={(props) => <FaqForm {...props} />}
      addText={t('catalogAdmin.faq.add')}
      addTitle={t('catalogAdmin.faq.addTitle')}
      editTitle={() => t('catalogAdmin.faq.editTitle')}
      empty={<EmptyState title={t('catalogAdmin.faq.empty')} />}
      focus={focus}
      testId="faq-editor"
    />
  );
}
