import { useMutation } from '@tanstack/react-query';
import type { Region } from '@tongban/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../../app/components/FormErrorSummary.tsx';
import { FormActions, FormModal } from '../../../app/components/FormModal.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { useFormErrors } from '../../../app/forms.ts';
import { createRegion, renameRegion } from '../api.ts';

const CODE_RE = /^\d{6}(\d{3}|\d{6})?$/;

/** The saved region, when the server answered with one. */
function asRegion(data: unknown): Region | null {
  return typeof data === 'object' && data !== null && typeof (data as Partial<Region>).code === 'string' && typeof (data as Partial<Region>).level === 'string'
    ? (data as Region)
    : null;
}

export type RegionDialog = { mode: 'create'; parent: Region | null } | { mode: 'rename'; region: Region };

interface Values {
  code: string;
  name: string;
}

/** Add a region under `parent` (or at the top), or rename one. */
function RegionForm({ dialog, onDone, onCancel }: { dialog: RegionDialog; onDone: (saved: Region | null) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const labels: Record<string, string> = { code: t('regions.code'), name: t('regions.name') };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);

  const save = useMutation({
    mutationFn: async (values: Values): Promise<{ saved: Region | null; name: string }> => {
      switch (dialog.mode) {
        case 'create': {
          const saved = await createRegion({
            code: values.code.trim(),
            name: values.name.trim(),
            parentCode: dialog.parent?.code ?? null,
          });
          return { saved: asRegion(saved), name: values.name.trim() };
        }
        case 'rename': {
          const saved = await renameRegion(dialog.region.code, values.name.trim());
          return { saved: asRegion(saved), name: values.name.trim() };
        }
      }
    },
    onSuccess: ({ saved, name }) => {
      feedback.success(dialog.mode === 'create' ? t('regions.created', { name }) : t('regions.renamed', { old: dialog.region.name, name }));
      onDone(saved);
    },
    onError: showError,
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={
        dialog.mode === 'rename' ? { code: dialog.region.code, name: dialog.region.name } : { code: dialog.parent?.code.slice(0, 6) ?? '', name: '' }
      }
      onFinish={(values) => {
        clearErrors();
        save.mutate(values);
      }}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
    >
      <FormErrorSummary summary={summary} form={form} />
      {dialog.mode === 'create' && (
        <Form.Item
          name="code"
          label={labels.code}
          extra={t('regions.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { pattern: CODE_RE, message: t('validation.regionCode') },
          ]}
        >
          <Input inputMode="numeric" maxLength={12} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={labels.name}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: 50, message: t('validation.maxLength', { max: 50 }) },
        ]}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <FormActions onCancel={onCancel} loading={save.isPending} />
    </Form>
  );
}

export function RegionFormModal({ dialog, onDone, onCancel }: { dialog: RegionDialog | null; onDone: (saved: Region | null) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const title =
    dialog === null
      ? ''
      : dialog.mode === 'rename'
        ? t('regions.renameTitle', { name: dialog.region.name })
        : dialog.parent
          ? t('regions.createTitle', { parent: dialog.parent.name })
          : t('regions.createTopTitle');
  return (
    <FormModal open={dialog !== null} title={title} onCancel={onCancel} width={520}>
      {dialog && <RegionForm dialog={dialog} onDone={onDone} onCancel={onCancel} />}
    </FormModal>
  );
}
