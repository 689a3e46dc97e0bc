import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarYear, SpecialDayKindValue } from '@tongban/contracts';
import { Button, DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../app/apiError.ts';
import { FormErrorSummary } from '../../app/components/FormErrorSummary.tsx';
import { FormActions, FormModal } from '../../app/components/FormModal.tsx';
import { useFeedback } from '../../app/feedback.ts';
import { useFormErrors } from '../../app/forms.ts';
import { calendarKeys, createCalendarYear, updateCalendarYear } from './api.ts';
import { expandRanges, toRanges, type DayRange } from './dates.ts';

export type YearDialog = { mode: 'create'; year: number } | { mode: 'edit'; current: CalendarYear };

interface Period {
  range?: [Dayjs, Dayjs] | null;
  kind: SpecialDayKindValue;
  name: string;
}
interface Values {
  year: number;
  source: string;
  periods: Period[];
}

const DATE = 'YYYY-MM-DD';

/** Server issues name single days (`days.7.kind`); point them at the form row the day came from. */
function toRowIssues(error: unknown, rowOf: number[]): unknown {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return error;
  const issues = error.issues.map((i) => {
    const m = /^days\.(\d+)\.(date|kind|name)$/.exec(i.path);
    const row = m ? rowOf[Number(m[1])] : undefined;
    if (!m || row === undefined) return i;
    return { ...i, path: `periods.${row}.${m[2] === 'date' ? 'range' : m[2]}` };
  });
  return new ApiError({ status: error.status, code: error.code, message: error.message, details: { issues }, requestId: error.requestId });
}

function YearForm({ dialog, onDone, onCancel }: { dialog: YearDialog; onDone: (year: number) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const rows = Form.useWatch('periods', form) ?? [];
  const labels: Record<string, string> = { year: t('calendar.form.year'), source: t('calendar.form.source'), periods: t('calendar.form.periods') };
  rows.forEach((_p, i) => {
    labels[`periods.${i}.range`] = t('calendar.form.rowField', { n: i + 1, field: t('calendar.form.range') });
    labels[`periods.${i}.kind`] = t('calendar.form.rowField', { n: i + 1, field: t('calendar.kind') });
    labels[`periods.${i}.name`] = t('calendar.form.rowField', { n: i + 1, field: t('calendar.name') });
  });
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);

  const initialPeriods: Period[] =
    dialog.mode === 'edit'
      ? toRanges(dialog.current.days.filter((d) => d.regionCode === null)).map((r) => ({ range: [dayjs(r.from), dayjs(r.to)], kind: r.kind, name: r.name }))
      : [{ range: null, kind: 'day_off', name: '' }];

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const ranges: DayRange[] = values.periods.map((p) => ({
        from: p.range?.[0].format(DATE) ?? '',
        to: p.range?.[1].format(DATE) ?? '',
        kind: p.kind,
        name: p.name.trim(),
      }));
      const { days, rowOf } = expandRanges(ranges);
      try {
        if (dialog.mode === 'create') return await createCalendarYear({ year: values.year, source: values.source.trim(), days });
        return await updateCalendarYear(dialog.current.year, { source: values.source.trim(), days, version: dialog.current.version ?? 0 });
      } catch (error) {
        throw toRowIssues(error, rowOf);
      }
    },
    onSuccess: (saved) => {
      feedback.success(t(dialog.mode === 'create' ? 'calendar.form.created' : 'calendar.form.saved', { year: saved.year }));
      void client.invalidateQueries({ queryKey: calendarKeys.all });
      onDone(saved.year);
    },
    onError: showError,
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        year: dialog.mode === 'create' ? dialog.year : dialog.current.year,
        source: dialog.mode === 'edit' ? (dialog.current.source ?? '') : '',
        periods: initialPeriods,
      }}
      onFinish={(values) => {
        clearErrors();
        save.mutate(values);
      }}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
    >
      <FormErrorSummary summary={summary} form={form} />
      {dialog.mode === 'create' && (
        <Form.Item name="year" label={labels.year} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={2000} max={2099} precision={0} />
        </Form.Item>
      )}
      <Form.Item
        name="source"
        label={labels.source}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: 500, message: t('validation.maxLength', { max: 500 }) },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} placeholder={t('calendar.form.sourcePlaceholder')} />
      </Form.Item>
      <fieldset className="tb-cal-fieldset">
        <legend className="tb-card-title">{labels.periods}</legend>
        <p className="tb-muted tb-small">{t('calendar.form.periodsHelp')}</p>
        <Form.List
          name="periods"
          rules={[
            {
              validator: async (_r, value: Period[] | undefined) => {
                if (!value || value.length === 0) throw new Error(t('calendar.form.periodsRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" wrap className="tb-cal-period">
                  <Form.Item name={[field.name, 'range']} label={labels[`periods.${i}.range`]} rules={[{ required: true, message: t('common.required') }]}>
                    <DatePicker.RangePicker format={DATE} allowEmpty={[false, false]} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} label={labels[`periods.${i}.kind`]} rules={[{ required: true, message: t('common.required') }]}>
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'day_off', label: t('calendar.kinds.day_off') },
                        { value: 'make_up_working_day', label: t('calendar.kinds.make_up_working_day') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={labels[`periods.${i}.name`]}
                    rules={[
                      { required: true, whitespace: true, message: t('common.required') },
                      { max: 30, message: t('validation.maxLength', { max: 30 }) },
                    ]}
                  >
                    <Input maxLength={30} placeholder={t('calendar.form.namePlaceholder')} />
                  </Form.Item>
                  <Form.Item label={<span className="tb-visually-hidden">{t('calendar.form.removePeriod')}</span>}>
                    <Button
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('calendar.form.removeRow', { n: i + 1 })}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                    />
                  </Form.Item>
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ range: null, kind: 'day_off', name: '' })}>
                {t('calendar.form.addPeriod')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>
      <p className="tb-muted tb-small tb-mt">{t('calendar.form.draftNote')}</p>
      <FormActions onCancel={onCancel} loading={save.isPending} />
    </Form>
  );
}

/** Add a year's national schedule (a draft), or edit a draft. */
export function YearFormModal({ dialog, onDone, onCancel }: { dialog: YearDialog | null; onDone: (year: number) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const title = dialog === null ? '' : dialog.mode === 'create' ? t('calendar.form.createTitle') : t('calendar.form.editTitle', { year: dialog.current.year });
  return (
    <FormModal open={dialog !== null} title={title} onCancel={onCancel} width={860}>
      {dialog && <YearForm dialog={dialog} onDone={onDone} onCancel={onCancel} />}
    </FormModal>
  );
}
