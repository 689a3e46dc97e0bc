import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDepartment, Department } from '@tongban/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../../app/components/FormErrorSummary.tsx';
import { FormActions, FormModal } from '../../../app/components/FormModal.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { useFormErrors } from '../../../app/forms.ts';
import { normaliseIdentifier, useValidators } from '../../identity/validators.ts';
import { createDepartment, orgKeys, updateDepartment } from '../api.ts';
import { RegionSelect } from '../RegionSelect.tsx';

interface Values {
  name: string;
  shortName?: string | null;
  creditCode: string;
  regionCode: string;
  phone?: string | null;
}

const blankToNull = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

function DepartmentForm({ record, onClose }: { record: Department | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const v = useValidators();
  const [form] = Form.useForm<Values>();
  const labels: Record<string, string> = {
    name: t('departments.name'),
    shortName: t('departments.shortName'),
    creditCode: t('departments.creditCode'),
    regionCode: t('departments.region'),
    phone: t('departments.phone'),
  };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: CreateDepartment = {
        name: values.name.trim(),
        shortName: blankToNull(values.shortName),
        creditCode: normaliseIdentifier(values.creditCode),
        regionCode: values.regionCode,
        phone: blankToNull(values.phone),
      };
      return record ? updateDepartment(record.id, { ...body, version: record.version }) : createDepartment(body);
    },
    onSuccess: (_saved, values) => {
      const name = values.name.trim();
      feedback.success(record ? t('departments.updated', { name }) : t('departments.created', { name }));
      void client.invalidateQueries({ queryKey: orgKeys.departments });
      onClose();
    },
    onError: showError,
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={
        record ? { name: record.name, shortName: record.shortName, creditCode: record.creditCode, regionCode: record.regionCode, phone: record.phone } : {}
      }
      onFinish={(values) => {
        clearErrors();
        save.mutate(values);
      }}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
    >
      <FormErrorSummary summary={summary} form={form} />
      <Form.Item name="name" label={labels.name} rules={[v.required(), v.length(2, 100)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="shortName" label={labels.shortName} rules={[v.length(0, 30)]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="creditCode" label={labels.creditCode} rules={[v.required(), v.creditCode()]} validateDebounce={300}>
        <Input maxLength={20} spellCheck={false} autoCapitalize="characters" />
      </Form.Item>
      <Form.Item name="regionCode" label={labels.regionCode} rules={[{ required: true, message: t('common.required') }]}>
        <RegionSelect initialLabel={record?.regionName ?? null} />
      </Form.Item>
      <Form.Item name="phone" label={labels.phone} rules={[v.length(0, 20)]}>
        <Input type="tel" maxLength={20} />
      </Form.Item>
      <FormActions onCancel={onClose} loading={save.isPending} />
    </Form>
  );
}

export type DepartmentDialog = { mode: 'create' } | { mode: 'edit'; record: Department };

export function DepartmentFormModal({ dialog, onClose }: { dialog: DepartmentDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const record = dialog?.mode === 'edit' ? dialog.record : null;
  return (
    <FormModal open={dialog !== null} title={record ? t('departments.editTitle', { name: record.name }) : t('departments.createTitle')} onCancel={onClose}>
      <DepartmentForm record={record} onClose={onClose} />
    </FormModal>
  );
}
