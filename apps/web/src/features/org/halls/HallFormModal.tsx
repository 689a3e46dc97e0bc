import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateHall, Hall, HallKind } from '@tongban/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../../app/components/FormErrorSummary.tsx';
import { FormActions, FormModal } from '../../../app/components/FormModal.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { useFormErrors } from '../../../app/forms.ts';
import { useValidators } from '../../identity/validators.ts';
import { createHall, orgKeys, updateHall } from '../api.ts';
import { hallKinds } from '../labels.ts';
import { RegionSelect } from '../RegionSelect.tsx';

interface Values {
  name: string;
  kind: HallKind;
  regionCode: string;
  address: string;
  phone?: string | null;
  openingHours: string;
}

function HallForm({ record, onClose }: { record: Hall | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const v = useValidators();
  const [form] = Form.useForm<Values>();
  const labels: Record<string, string> = {
    name: t('halls.name'),
    kind: t('halls.kind'),
    regionCode: t('halls.region'),
    address: t('halls.address'),
    phone: t('halls.phone'),
    openingHours: t('halls.openingHours'),
  };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: CreateHall = {
        name: values.name.trim(),
        kind: values.kind,
        regionCode: values.regionCode,
        address: values.address.trim(),
        phone: values.phone?.trim() ? values.phone.trim() : null,
        openingHours: values.openingHours.trim(),
      };
      return record ? updateHall(record.id, { ...body, version: record.version }) : createHall(body);
    },
    onSuccess: (_saved, values) => {
      const name = values.name.trim();
      feedback.success(record ? t('halls.updated', { name }) : t('halls.created', { name }));
      void client.invalidateQueries({ queryKey: orgKeys.halls });
      onClose();
    },
    onError: showError,
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={record ? { ...record } : { kind: 'centre' }}
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
      <Form.Item name="kind" label={labels.kind} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={hallKinds.map((k) => ({ value: k, label: t(`halls.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="regionCode" label={labels.regionCode} rules={[{ required: true, message: t('common.required') }]}>
        <RegionSelect initialLabel={record?.regionName ?? null} />
      </Form.Item>
      <Form.Item name="address" label={labels.address} rules={[v.required(), v.length(2, 200)]}>
        <Input maxLength={200} autoComplete="street-address" />
      </Form.Item>
      <Form.Item name="phone" label={labels.phone} rules={[v.length(0, 20)]}>
        <Input type="tel" maxLength={20} />
      </Form.Item>
      <Form.Item name="openingHours" label={labels.openingHours} rules={[v.required(), v.length(2, 150)]}>
        <Input maxLength={150} placeholder={t('halls.openingHoursPlaceholder')} />
      </Form.Item>
      <FormActions onCancel={onClose} loading={save.isPending} />
    </Form>
  );
}

export type HallDialog = { mode: 'create' } | { mode: 'edit'; record: Hall };

export function HallFormModal({ dialog, onClose }: { dialog: HallDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const record = dialog?.mode === 'edit' ? dialog.record : null;
  return (
    <FormModal open={dialog !== null} title={record ? t('halls.editTitle', { name: record.name }) : t('halls.createTitle')} onCancel={onClose}>
      <HallForm record={record} onClose={onClose} />
    </FormModal>
  );
}
