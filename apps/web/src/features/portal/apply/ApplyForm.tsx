// Loaded on demand (React.lazy): the form renderer and its validator stay out of the portal chunk.
import Form from '@rjsf/antd';
import type CoreForm from '@rjsf/core';
import type { ErrorSchema, RJSFValidationError, UiSchema, WidgetProps } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useImperativeHandle, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { splitUi } from './formSchema.ts';

/** `ui:widget: "tel"`: a text box that opens the phone keypad. */
function TelWidget(props: WidgetProps) {
  const { TextWidget } = props.registry.widgets;
  if (!TextWidget) return null;
  return <TextWidget {...props} options={{ ...props.options, inputType: 'tel' }} />;
}

/** `ui:widget: "money"`: a number box (yuan, two decimals). */
function MoneyWidget(props: WidgetProps) {
  const { UpDownWidget } = props.registry.widgets;
  if (!UpDownWidget) return null;
  return <UpDownWidget {...props} />;
}

const widgets = { tel: TelWidget, money: MoneyWidget };
/** Labels above the fields, without colons: as in the rest of the platform. */
const formContext = { colon: false, labelAlign: 'left' };

function useTransformErrors() {
  const { t } = useTranslation();
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((e) => {
      const limit = typeof e.params === 'object' && e.params !== null && 'limit' in e.params ? String((e.params as { limit: unknown }).limit) : '';
      let message: string | undefined;
      switch (e.name) {
        case 'required':
          message = t('apply.form.errors.required');
          break;
        case 'pattern':
        case 'format':
          message = t('apply.form.errors.format');
          break;
        case 'minLength':
          message = t('apply.form.errors.minLength', { min: limit });
          break;
        case 'maxLength':
          message = t('apply.form.errors.maxLength', { max: limit });
          break;
        case 'minItems':
          message = t('apply.form.errors.minItems');
          break;
        case 'minimum':
        case 'maximum':
        case 'type':
        case 'multipleOf':
          message = t('apply.form.errors.number');
          break;
        case 'enum':
          message = t('apply.form.errors.enum');
          break;
        default:
          break;
      }
      return message ? { ...e, message, stack: message } : e;
    });
}

export interface ApplyFormHandle {
  /** Checks every field, shows the problems beside them; true when the form may be sent. */
  validate(): boolean;
}

interface Props {
  schema: Record<string, unknown>;
  formData: Record<string, unknown>;
  onChange: (formData: Record<string, unknown>) => void;
  /** Problems the server found, by field (`formData.<field>` issues). */
  serverErrors: Record<string, string[]>;
  ref?: Ref<ApplyFormHandle>;
}

/** The item's application form (申请表), rendered from the same JSON Schema the server checks. */
export default function ApplyForm({ schema, formData, onChange, serverErrors, ref }: Props) {
  const { t } = useTranslation();
  const transformErrors = useTransformErrors();
  const form = useRef<CoreForm<Record<string, unknown>>>(null);
  useImperativeHandle(ref, () => ({ validate: () => form.current?.validateForm() ?? true }), []);
  const parts = splitUi(schema);
  const uiSchema: UiSchema = { ...parts.uiSchema, 'ui:submitButtonOptions': { norender: true } };
  const extraErrors = Object.fromEntries(Object.entries(serverErrors).map(([field, errors]) => [field, { __errors: errors }])) as ErrorSchema;
  return (
    <div className="tb-apply-form" aria-label={t('apply.form.label')}>
      <Form
        ref={form}
        schema={parts.schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={validator}
        widgets={widgets}
        transformErrors={transformErrors}
        showErrorList={false}
        formContext={formContext}
        extraErrors={extraErrors}
        noHtml5Validate
        onChange={(e) => onChange((e.formData ?? {}) as Record<string, unknown>)}
      />
    </div>
  );
}
