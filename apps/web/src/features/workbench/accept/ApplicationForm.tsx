// Loaded on demand (React.lazy): the form renderer and its validator load only once an item is picked.
import Form, { Widgets } from '@rjsf/antd';
import type { ErrorSchema, RJSFValidationError, UiSchema, WidgetProps } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export type FormData = Record<string, unknown>;
/** What the page asks of the form: validate it and show the problems at the fields. */
export interface FormHandle {
  validateForm(): boolean;
}

/** `ui:widget: "tel"`: a text box that opens the phone keypad. */
function TelWidget(props: WidgetProps) {
  const { TextWidget } = props.registry.widgets;
  if (!TextWidget) return null;
  return <TextWidget {...props} options={{ ...props.options, inputType: 'tel' }} />;
}

/** `ui:widget: "money"`: a number box. */
function MoneyWidget(props: WidgetProps) {
  const { UpDownWidget } = props.registry.widgets;
  if (!UpDownWidget) return null;
  return <UpDownWidget {...props} />;
}

const BaseSelectWidget = Widgets.SelectWidget;
/** The theme's select puts an empty first option for "nothing chosen": say so in words. */
function SelectWidget(props: WidgetProps) {
  const { t } = useTranslation();
  if (!BaseSelectWidget) return null;
  return <BaseSelectWidget {...props} placeholder={props.placeholder || t('walkIn.form.choose')} />;
}

const widgets = { tel: TelWidget, money: MoneyWidget, SelectWidget };
const formContext = { colon: false, labelAlign: 'left' };

function useTransformErrors() {
  const { t } = useTranslation();
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((e) => {
      const params = typeof e.params === 'object' && e.params !== null ? (e.params as Record<string, unknown>) : {};
      const limit = 'limit' in params ? String(params.limit) : '';
      let message: string | undefined;
      switch (e.name) {
        case 'required':
          message = t('common.required');
          break;
        case 'pattern':
        case 'format':
          message = t('walkIn.form.errors.format');
          break;
        case 'minLength':
          message = limit === '1' ? t('common.required') : t('validation.minLength', { min: limit });
          break;
        case 'maxLength':
          message = t('validation.maxLength', { max: limit });
          break;
        case 'minimum':
        case 'maximum':
        case 'type':
          message = t('walkIn.form.errors.number');
          break;
        case 'enum':
          message = t('walkIn.form.errors.enum');
          break;
        case 'minItems':
          message = t('walkIn.form.errors.minItems');
          break;
        default:
          break;
      }
      return message ? { ...e, message, stack: message } : e;
    });
}

/** ③ 申请表: the item's JSON Schema form (@rjsf/antd), without its own submit button. */
export default function ApplicationForm({
  schema,
  uiSchema,
  formData,
  onChange,
  extraErrors,
  disabled,
  live,
  formRef,
}: {
  schema: Record<string, unknown>;
  uiSchema: UiSchema;
  formData: FormData;
  onChange: (data: FormData) => void;
  extraErrors?: ErrorSchema | undefined;
  disabled?: boolean;
  /** Once the clerk has tried to go on: check again as they type, so fixed fields lose their message. */
  live?: boolean;
  formRef: Ref<FormHandle>;
}) {
  const transformErrors = useTransformErrors();
  return (
    <Form
      ref={formRef as Ref<never>}
      tagName="div"
      schema={schema}
      uiSchema={{ ...uiSchema, 'ui:submitButtonOptions': { norender: true } }}
      validator={validator}
      widgets={widgets}
      formData={formData}
      onChange={(e) => onChange((e.formData ?? {}) as FormData)}
      transformErrors={transformErrors}
      extraErrors={extraErrors}
      showErrorList={false}
      formContext={formContext}
      noHtml5Validate
      {...(live ? { liveValidate: 'onChange' as const } : {})}
      disabled={disabled}
      idPrefix="walkin-form"
    />
  );
}
