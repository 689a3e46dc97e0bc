import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Subject } from '@tongban/contracts';
import { SUBJECT_KINDS, type SubjectKind } from '@tongban/domain';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../../app/components/FormErrorSummary.tsx';
import { FormActions, FormModal } from '../../../app/components/FormModal.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { useFormErrors } from '../../../app/forms.ts';
import { normaliseIdentifier, useValidators } from '../../identity/validators.ts';
import { saveSubject, subjectKeys } from './api.ts';

const PERSON_FIELDS = ['ethnicity', 'address', 'phone'] as const;
const ORG_FIELDS = ['legalRepresentative', 'address', 'registrationAuthority', 'scope', 'phone'] as const;

interface Values {
  kind: SubjectKind;
  identifier: string;
  name: string;
  status: 'active' | 'cancelled';
  source: string;
  details?: Partial<Record<(typeof PERSON_FIELDS | typeof ORG_FIELDS)[number], string>> & { establishedOn?: Dayjs | null };
}

function SubjectForm({ record, onClose, onSaved }: { record: Subject | undefined; onClose: () => void; onSaved: ((s: Subject) => void) | undefined }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const v = useValidators();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? record?.kind ?? 'person';
  const labels: Record<string, string> = {
    kind: t('subjects.kind'),
    identifier: t(kind === 'person' ? 'subjects.residentId' : 'subjects.creditCode'),
    name: t('subjects.name'),
    status: t('subjects.status'),
    source: t('subjects.source'),
    ...Object.fromEntries([...PERSON_FIELDS, ...ORG_FIELDS, 'establishedOn' as const].map((f) => [`details.${f}`, t(`subjects.fields.${f}`)])),
  };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);
  const save = useMutation({
    mutationFn: (values: Values) => {
      const person = values.kind === 'person';
      const keys: readonly string[] = person ? PERSON_FIELDS : ORG_FIELDS;
      const details: Record<string, string> = {};
      const given = (values.details ?? {}) as Record<string, string | undefined>;
      for (const k of keys) {
        const value = given[k]?.trim();
        if (value) details[k] = value;
      }
      const established = values.details?.establishedOn;
      if (!person && established) details.establishedOn = established.format('YYYY-MM-DD');
      const body = {
        kind: values.kind,
        identifier: normaliseIdentifier(values.identifier),
        name: values.name.trim(),
        status: values.status,
        source: values.source.trim(),
        details,
      };
      return saveSubject(body);
    },
    onSuccess: (saved) => {
      feedback.success(t(record ? 'subjects.updated' : 'subjects.saved', { name: saved.name }));
      void client.invalidateQueries({ queryKey: subjectKeys.all });
      onSaved?.(saved);
      onClose();
    },
    onError: showError,
  });
  const fields = kind === 'person' ? PERSON_FIELDS : ORG_FIELDS;
  return (
    <Form<Values>
      form={form}
      name="subject"
      layout="vertical"
      initialValues={
        record
          ? {
              kind: record.kind,
              identifier: record.identifier,
              name: record.name,
              status: record.status,
              source: record.source,
              details: { ...record.details, establishedOn: record.details.establishedOn ? dayjs(record.details.establishedOn) : null },
            }
          : { kind: 'person', status: 'active' }
      }
      onFinish={(values) => {
        clearErrors();
        save.mutate(values);
      }}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
    >
      <FormErrorSummary summary={summary} form={form} />
      <Form.Item name="kind" label={labels.kind} rules={[{ required: true, message: t('common.required') }]}>
        <Select disabled={!!record} options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`subjects.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="identifier"
        label={labels.identifier}
        rules={[v.required(), kind === 'person' ? v.residentId() : v.creditCode()]}
        validateDebounce={300}
        dependencies={['kind']}
      >
        <Input maxLength={20} spellCheck={false} autoCapitalize="characters" disabled={!!record} className="tb-mono" />
      </Form.Item>
      <Form.Item name="name" label={labels.name} rules={[v.required(), v.length(1, 200)]}>
        <Input maxLength={200} />
      </Form.Item>
      {fields.map((f) => (
        <Form.Item
          key={f}
          name={['details', f]}
          label={t(`subjects.fields.${f}`)}
          rules={f === 'phone' && kind === 'person' ? [v.phone()] : [v.length(0, f === 'scope' ? 1000 : 200)]}
        >
          {f === 'scope' ? <Input.TextArea rows={2} maxLength={1000} /> : <Input maxLength={200} />}
        </Form.Item>
      ))}
      {kind !== 'person' && (
        <Form.Item name={['details', 'establishedOn']} label={t('subjects.fields.establishedOn')}>
          <DatePicker className="tb-subject-detail" disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
      )}
      <Form.Item name="status" label={labels.status}>
        <Select options={(['active', 'cancelled'] as const).map((s) => ({ value: s, label: t(`subjects.statuses.${s}`) }))} />
      </Form.Item>
      <Form.Item name="source" label={labels.source} rules={[v.required(), v.length(1, 100)]} extra={t('subjects.sourceHint')}>
        <Input maxLength={100} />
      </Form.Item>
      <FormActions onCancel={onClose} loading={save.isPending} />
    </Form>
  );
}

/** 新增 / 修改主体 (centre admin): the identifier is checked against the kind here and again on the server. */
export function SubjectFormModal({ open, record, onClose, onSaved }: { open: boolean; record?: Subject; onClose: () => void; onSaved?: (s: Subject) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal open={open} title={record ? t('subjects.editTitle', { name: record.name }) : t('subjects.addTitle')} onCancel={onClose}>
      <SubjectForm record={record} onClose={onClose} onSaved={onSaved} />
    </FormModal>
  );
}
