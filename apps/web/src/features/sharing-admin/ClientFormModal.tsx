import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SharingClient } from '@tongban/contracts';
import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/apiError.ts';
import { FormErrorSummary } from '../../app/components/FormErrorSummary.tsx';
import { FormActions, FormModal } from '../../app/components/FormModal.tsx';
import { useFeedback } from '../../app/feedback.ts';
import { useFormErrors } from '../../app/forms.ts';
import { useValidators } from '../identity/validators.ts';
import { createClient, sharingKeys, updateClient } from './api.ts';
import { ScopePicker } from './ScopePicker.tsx';

interface Values {
  name: string;
  scopes: string[];
  ratePerMinute: number;
}

export type ClientDialog = { mode: 'create' } | { mode: 'edit'; record: SharingClient };

/** Register a system (name, scopes, rate) or edit one's scopes and rate; a new system's secret goes to `onCreated`. */
function ClientForm({
  record,
  onClose,
  onCreated,
}: {
  record: SharingClient | null;
  onClose: () => void;
  onCreated: (created: { name: string; clientId: string; clientSecret: string }) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const v = useValidators();
  const [form] = Form.useForm<Values>();
  const labels: Record<string, string> = {
    name: t('sharingAdmin.form.name'),
    scopes: t('sharingAdmin.form.scopes'),
    ratePerMinute: t('sharingAdmin.form.rate'),
  };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);

  const save = useMutation({
    mutationFn: async (values: Values) => {
      if (record) {
        await updateClient(record.id, { scopes: values.scopes, ratePerMinute: values.ratePerMinute, version: record.version });
        return null;
      }
      return createClient({ name: values.name.trim(), scopes: values.scopes, ratePerMinute: values.ratePerMinute });
    },
    onSuccess: (created, values) => {
      void client.invalidateQueries({ queryKey: sharingKeys.clients });
      if (created) {
        feedback.success(t('sharingAdmin.clients.registered', { name: created.name }));
        onCreated({ name: created.name, clientId: created.clientId, clientSecret: created.clientSecret });
      } else {
        feedback.success(t('sharingAdmin.clients.updated', { name: record?.name ?? values.name }));
      }
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) {
        void client.invalidateQueries({ queryKey: sharingKeys.clients });
        feedback.failure(error, { CONFLICT: t('sharingAdmin.clients.stale'), NOT_FOUND: t('sharingAdmin.clients.gone') });
        onClose();
        return;
      }
      showError(error);
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={record ? { name: record.name, scopes: record.scopes, ratePerMinute: record.ratePerMinute } : { scopes: [], ratePerMinute: 60 }}
      onFinish={(values) => {
        clearErrors();
        save.mutate(values);
      }}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
    >
      <FormErrorSummary summary={summary} form={form} />
      {!record && (
        <Form.Item name="name" label={labels.name} extra={t('sharingAdmin.form.nameHelp')} rules={[v.required(), v.length(2, 100)]}>
          <Input maxLength={100} autoComplete="off" data-testid="sharing-client-name" />
        </Form.Item>
      )}
      <Form.Item
        name="scopes"
        label={labels.scopes}
        extra={t('sharingAdmin.form.scopesHelp')}
        rules={[
          {
            validator: async (_r, value: unknown) =>
              Array.isArray(value) && value.length > 0 ? undefined : Promise.reject(new Error(t('sharingAdmin.form.scopesRequired'))),
          },
        ]}
      >
        <ScopePicker />
      </Form.Item>
      <Form.Item
        name="ratePerMinute"
        label={labels.ratePerMinute}
        extra={t('sharingAdmin.form.rateHelp')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={1} max={10_000} precision={0} suffix={t('sharingAdmin.form.rateUnit')} className="tb-sa-rate" />
      </Form.Item>
      <FormActions onCancel={onClose} loading={save.isPending} {...(record ? {} : { submitText: t('sharingAdmin.form.registerSubmit') })} />
    </Form>
  );
}

export function ClientFormModal({
  dialog,
  onClose,
  onCreated,
}: {
  dialog: ClientDialog | null;
  onClose: () => void;
  onCreated: (created: { name: string; clientId: string; clientSecret: string }) => void;
}) {
  const { t } = useTranslation();
  const record = dialog?.mode === 'edit' ? dialog.record : null;
  return (
    <FormModal
      open={dialog !== null}
      title={record ? t('sharingAdmin.form.editTitle', { name: record.name }) : t('sharingAdmin.form.registerTitle')}
      onCancel={onClose}
      width={720}
    >
      <ClientForm record={record} onClose={onClose} onCreated={onCreated} />
    </FormModal>
  );
}
