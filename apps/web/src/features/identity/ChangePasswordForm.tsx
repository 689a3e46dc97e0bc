import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../app/components/FormErrorSummary.tsx';
import { useFormErrors } from '../../app/forms.ts';
import { useChangePassword } from '../../app/session.ts';
import { useValidators } from './validators.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** 修改密码 → POST /api/auth/password { currentPassword, newPassword }. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const v = useValidators();
  const labels = {
    currentPassword: t('password.current'),
    newPassword: t('password.new'),
    confirmPassword: t('password.confirm'),
  };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);

  const onFinish = (values: Values) => {
    clearErrors();
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.done'));
          form.resetFields();
        },
        onError: (error) => {
          showError(error);
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
      className="tb-narrow-form"
    >
      <FormErrorSummary summary={summary} form={form} />
      <Form.Item name="currentPassword" label={labels.currentPassword} rules={[v.required()]}>
        <Input.Password autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={labels.newPassword}
        extra={t('register.passwordHelp')}
        dependencies={['currentPassword']}
        rules={[
          v.required(),
          v.password(),
          ({ getFieldValue }) => ({
            validator: async (_r, value: unknown) => {
              if (value && value === getFieldValue('currentPassword')) throw new Error(t('validation.passwordSame'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item name="confirmPassword" label={labels.confirmPassword} dependencies={['newPassword']} rules={[v.required(), v.sameAs('newPassword')]}>
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
