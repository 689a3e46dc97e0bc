// Loaded on demand (React.lazy): the form renderer and its validator stay out of the admin chunk.
import Form from '@rjsf/antd';
import type { RJSFValidationError, UiSchema, WidgetProps } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { Alert } from 'antd';
import { Component, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { splitUi, type JsonObject } from './parseSchema.ts';

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

class PreviewBoundary extends Component<{ fallback: (error: Error) => ReactNode; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

function useTransformErrors() {
  const { t } = useTranslation();
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((e) => {
      const limit = typeof e.params === 'object' && e.params !== null && 'limit' in e.params ? String((e.params as { limit: unknown }).limit) : '';
      let message: string | undefined;
      switch (e.name) {
        case 'required':
          message = t('common.required');
          break;
        case 'pattern':
        case 'format':
          message = t('catalogAdmin.form.previewErrors.format');
          break;
        case 'minLength':
          message = t('validation.minLength', { min: limit });
          break;
        case 'maxLength':
          message = t('validation.maxLength', { max: limit });
          break;
        case 'minimum':
        case 'maximum':
        case 'type':
          message = t('catalogAdmin.form.previewErrors.number');
          break;
        case 'enum':
          message = t('catalogAdmin.form.previewErrors.enum');
          break;
        default:
          break;
      }
      return message ? { ...e, message, stack: message } : e;
    });
}

function PreviewForm({ schema }: { schema: JsonObject }) {
  const { t } = useTranslation();
  const transformErrors = useTransformErrors();
  const [checked, setChecked] = useState(false);
  const parts = splitUi(schema);
  // The theme's button asks antd for type "submit", which antd does not have: ask for its default look.
  const uiSchema: UiSchema = { ...parts.uiSchema, 'ui:submitButtonOptions': { submitText: t('catalogAdmin.form.previewSubmit'), props: { type: 'default' } } };
  return (
    <>
      <Form
        schema={parts.schema}
        uiSchema={uiSchema}
        validator={validator}
        widgets={widgets}
        transformErrors={transformErrors}
        showErrorList={false}
        formContext={formContext}
        noHtml5Validate
        onChange={() => setChecked(false)}
        onSubmit={() => setChecked(true)}
      />
      {checked && <Alert className="tb-mt" type="success" showIcon title={t('catalogAdmin.form.previewValid')} />}
    </>
  );
}

/** The application form as the applicant will see it, rendered from the schema being edited. */
export default function FormPreview({ schema, version }: { schema: JsonObject; version: number }) {
  const { t } = useTranslation();
  return (
    <PreviewBoundary
      key={version}
      fallback={(error) => <Alert type="warning" showIcon title={t('catalogAdmin.form.previewFailed')} description={error.message} />}
    >
      <PreviewForm schema={schema} />
    </PreviewBoundary>
  );
}
