import { useMutation } from '@tanstack/react-query';
import type { Staff } from '@tongban/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../../app/components/FormErrorSummary.tsx';
import { FormActions, FormModal } from '../../../app/components/FormModal.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { useFormErrors } from '../../../app/forms.ts';
import { useValidators } from '../validators.ts';
import { resetStaffPassword } from './api.ts';

interface Values {
  password: string;
  confirmPassword: string;
}

function ResetPasswordForm({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const v = useValidators();
  const [form] = Form.useForm<Values>();
  const labels: Record<string, string> = { password: t('staff.newPassword'), confirmPassword: t('staff.confirmPassword') };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);
  const reset = useMutation({
    mutationFn: (values: Values) => resetStaffPassword(staff.id, values.password),
    onSuccess: () => {
      feedback.success(t('staff.resetDone', { name: staff.displayName }));
      onClose();
    },
    onError: showError,
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(values) => {
        clearErrors();
        reset.mutate(values);
      }}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
    >
      <FormErrorSummary summary={summary} form={form} />
      <Form.Item name="password" label={labels.password} extra={t('staff.passwordHelp')} rules={[v.required(), v.password()]}>
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item name="confirmPassword" label={labels.confirmPassword} dependencies={['password']} rules={[v.required(), v.sameAs('password')]}>
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <FormActions onCancel={onClose} loading={reset.isPending} submitText={t('staff.resetPassword')} />
    </Form>
  );
}

export function ResetPasswordModal({ staff, onClose }: { staff: Staff | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal open={staff !== null} title={staff ? t('staff.resetTitle', { name: staff.displayName }) : ''} onCancel={onClose} width={480}>
      {staff && <ResetPasswordForm staff={staff} onClose={onClose} />}
    </FormModal>
  );
}
