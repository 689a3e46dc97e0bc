import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SpecialDayKindValue } from '@tongban/contracts';
import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { isRegionWithin } from '@tongban/domain';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../app/components/FormErrorSummary.tsx';
import { FormActions, FormModal } from '../../app/components/FormModal.tsx';
import { useFeedback } from '../../app/feedback.ts';
import { useFormErrors } from '../../app/forms.ts';
import { useSession } from '../../app/session.ts';
import { RegionSelect } from '../org/RegionSelect.tsx';
import { addCalendarAdjustment, calendarKeys } from './api.ts';

interface Values {
  regionCode: string;
  date: Dayjs;
  kind: SpecialDayKindValue;
  name: string;
}

function AdjustmentForm({ regionCode, onDone, onCancel }: { regionCode: string | null; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const scope = useSession().data?.scope ?? null;
  /** The server decides; this only says early that a region lies outside the admin's own. */
  const inScope = (code: string) => scope !== null && (scope.includeSubRegions ? isRegionWithin(code, scope.regionCode) : code === scope.regionCode);
  const labels: Record<string, string> = {
    regionCode: t('calendar.form.adjustmentRegion'),
    date: t('calendar.date'),
    kind: t('calendar.kind'),
    name: t('calendar.form.adjustmentName'),
  };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);

  const save = useMutation({
    mutationFn: (v: Values) => addCalendarAdjustment({ regionCode: v.regionCode, date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name.trim() }),
    onSuccess: (saved) => {
      feedback.success(t('calendar.form.adjustmentAdded', { name: saved.name }));
      void client.invalidateQueries({ queryKey: calendarKeys.all });
      onDone();
    },
    onError: showError,
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ regionCode: regionCode ?? undefined, kind: 'day_off', name: '' }}
      onFinish={(values) => {
        clearErrors();
        save.mutate(values);
      }}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
    >
      <FormErrorSummary summary={summary} form={form} />
      <Form.Item
        name="regionCode"
        label={labels.regionCode}
        extra={t('calendar.form.adjustmentHelp')}
        rules={[
          { required: true, message: t('common.required') },
          {
            validator: async (_r, value: string | undefined) => {
              if (value && !inScope(value)) throw new Error(t('calendar.form.outsideScope', { region: scope?.regionCode ?? '' }));
            },
          },
        ]}
      >
        <RegionSelect allowClear={false} />
      </Form.Item>
      <Form.Item name="date" label={labels.date} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="kind" label={labels.kind} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'day_off', label: t('calendar.kinds.day_off') },
            { value: 'make_up_working_day', label: t('calendar.kinds.make_up_working_day') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={labels.name}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: 30, message: t('validation.maxLength', { max: 30 }) },
        ]}
      >
        <Input maxLength={30} />
      </Form.Item>
      <FormActions onCancel={onCancel} loading={save.isPending} />
    </Form>
  );
}

/** Add a regional day off or working day; it holds in the region and every region below it. */
export function AdjustmentFormModal({ open, regionCode, onClose }: { open: boolean; regionCode: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal open={open} title={t('calendar.form.adjustmentTitle')} onCancel={onClose} width={520}>
      <AdjustmentForm regionCode={regionCode} onDone={onClose} onCancel={onClose} />
    </FormModal>
  );
}
