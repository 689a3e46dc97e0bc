import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginRequest } from '@tongban/contracts';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../app/access.ts';
import { isApiError, type ApiError } from '../../app/apiError.ts';
import { useFormErrors } from '../../app/forms.ts';
import { useLogin, useSession } from '../../app/session.ts';
import { AuthShell } from './AuthShell.tsx';

interface Failure {
  title: string;
  message: string;
}

function hasIdentifier(state: unknown): state is { identifier: string } {
  return typeof state === 'object' && state !== null && typeof (state as { identifier?: unknown }).identifier === 'string';
}

/** 登录: account, mobile number or resident ID number plus password. */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const session = useSession();
  const login = useLogin();
  const [form] = Form.useForm<LoginRequest>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const labels = { identifier: t('login.identifier'), password: t('login.password') };
  const { showError, clearErrors } = useFormErrors(form, labels);
  const next = params.get('next');

  if (session.data && login.isIdle) return <Navigate to={safeNext(next, session.data.roles)} replace />;

  const describe = (error: ApiError): Failure => {
    switch (error.code) {
      case 'ACCOUNT_LOCKED':
        return { title: t('login.lockedTitle'), message: error.message };
      case 'ACCOUNT_DISABLED':
        return { title: t('login.disabledTitle'), message: error.message };
      default:
        return { title: t('login.failedTitle'), message: error.message };
    }
  };

  const onFinish = (values: LoginRequest) => {
    setFailure(null);
    clearErrors();
    login.mutate(
      { identifier: values.identifier.trim(), password: values.password },
      {
        onSuccess: (user) => {
          void message.success(t('login.welcome', { name: user.displayName }));
          void navigate(safeNext(next, user.roles), { replace: true });
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'VALIDATION_FAILED') showError(error);
          setFailure(isApiError(error) ? describe(error) : { title: t('login.failedTitle'), message: t('errors.badResponse') });
        },
      },
    );
  };

  return (
    <AuthShell title={t('login.title')} heading={t('login.heading')} intro={t('login.intro')}>
      {failure && (
        <div className="tb-form-alert" data-testid="login-error">
          <Alert type="error" showIcon title={failure.title} description={failure.message} />
        </div>
      )}
      <Form<LoginRequest>
        form={form}
        layout="vertical"
        requiredMark={false}
        size="large"
        onFinish={onFinish}
        initialValues={{ identifier: hasIdentifier(location.state) ? location.state.identifier : '' }}
      >
        <Form.Item name="identifier" label={labels.identifier} rules={[{ required: true, whitespace: true, message: t('login.identifierRequired') }]}>
          <Input
            prefix={<UserOutlined aria-hidden />}
            autoComplete="username"
            placeholder={t('login.identifierPlaceholder')}
            data-testid="login-identifier"
            maxLength={64}
          />
        </Form.Item>
        <Form.Item name="password" label={labels.password} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" data-testid="login-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
      </Form>
      <p className="tb-auth-links">
        {t('login.noAccount')} <Link to="/register">{t('login.registerLink')}</Link>
      </p>
      <p className="tb-muted tb-small">{t('login.forgot')}</p>
    </AuthShell>
  );
}
