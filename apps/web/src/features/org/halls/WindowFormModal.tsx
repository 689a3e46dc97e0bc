import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateHallWindow, Hall, HallWindow, WindowKind } from '@tongban/contracts';
import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../../app/components/FormErrorSummary.tsx';
import { FormActions, FormModal } from '../../../app/components/FormModal.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { useFormErrors } from '../../../app/forms.ts';
import { useValidators } from '../../identity/validators.ts';
import { createWindow, orgKeys, updateWindow } from '../api.ts';
import { DepartmentSelect } from '../DepartmentSelect.tsx';
import { windowKinds } from '../labels.ts';

const NUMBER_RE = /^[A-Z0-9-]{1,8}$/;

interface Values {
  number: string;
  name: string;
  kind: WindowKind;
  departmentId: string | null;
  active: boolean;
}

function WindowForm({ hall, record, onClose }: { hall: Hall; record: HallWindow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const v = useValidators();
  const [form] = Form.useForm<Values>();
  const labels: Record<string, string> = {
    number: t('windows.number'),
    name: t('windows.name'),
    kind: t('windows.kind'),
    departmentId: t('windows.department'),
    active: t('windows.active'),
  };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: CreateHallWindow = {
        number: values.number.trim().toUpperCase(),
        name: values.name.trim(),
        kind: values.kind,
        departmentId: values.departmentId ?? null,
        active: values.active,
      };
      return record ? updateWindow(record.id, { ...body, version: record.version }) : createWindow(hall.id, body);
    },
    onSuccess: (_saved, values) => {
      const names = { number: values.number.trim().toUpperCase(), name: values.name.trim() };
      feedback.success(record ? t('windows.updated', names) : t('windows.created', names));
      void client.invalidateQueries({ queryKey: orgKeys.windows(hall.id) });
      void client.invalidateQueries({ queryKey: orgKeys.halls });
      onClose();
    },
    onError: showError,
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={
        record
          ? { number: record.number, name: record.name, kind: record.kind, departmentId: record.departmentId, active: record.active }
          : { kind: 'comprehensive', departmentId: null, active: true }
      }
      onFinish={(values) => {
        clearErrors();
        save.mutate(values);
      }}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
    >
      <FormErrorSummary summary={summary} form={form} />
      <Form.Item
        name="number"
        label={labels.number}
        extra={t('windows.numberHelp')}
        normalize={(value: unknown) => (typeof value === 'string' ? value.toUpperCase() : value)}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { pattern: NUMBER_RE, message: t('validation.windowNumber') },
        ]}
      >
        <Input maxLength={8} autoCapitalize="characters" spellCheck={false} />
      </Form.Item>
      <Form.Item name="name" label={labels.name} rules={[v.required(), v.length(1, 50)]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="kind" label={labels.kind} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={windowKinds.map((k) => ({ value: k, label: t(`windows.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="departmentId" label={labels.departmentId}>
        <DepartmentSelect initialLabel={record?.departmentName ?? null} />
      </Form.Item>
      <Form.Item name="active" label={labels.active} valuePropName="checked">
        <Switch checkedChildren={t('windows.activeOn')} unCheckedChildren={t('windows.activeOff')} />
      </Form.Item>
      <FormActions onCancel={onClose} loading={save.isPending} />
    </Form>
  );
}

export type WindowDialog = { mode: 'create' } | { mode: 'edit'; record: HallWindow };

export function WindowFormModal({ hall, dialog, onClose }: { hall: Hall; dialog: WindowDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const record = dialog?.mode === 'edit' ? dialog.record : null;
  return (
    <FormModal
      open={dialog !== null}
      title={record ? t('windows.editTitle', { name: `${record.number} ${record.name}` }) : t('windows.createTitle', { hall: hall.name })}
      onCancel={onClose}
      width={560}
    >
      <WindowForm hall={hall} record={record} onClose={onClose} />
    </FormModal>
  );
}
