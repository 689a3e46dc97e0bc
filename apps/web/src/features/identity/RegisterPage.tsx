import type { RegisterRequest } from '@tongban/contracts';
import { App, Button, Form, Input, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { homePath } from '../../app/access.ts';
import { FormErrorSummary } from '../../app/components/FormErrorSummary.tsx';
import { useFormErrors } from '../../app/forms.ts';
import { useRegister } from '../../app/session.ts';
import { AuthShell } from './AuthShell.tsx';
import { normaliseIdentifier, useValidators } from './validators.ts';

type Kind = RegisterRequest['kind'];

interface RegisterValues {
  username: string;
  password: string;
  confirmPassword: string;
  displayName: string;
  residentId: string;
  phone: string;
  organisationName?: string;
  creditCode?: string;
}

function toRequest(kind: Kind, v: RegisterValues): RegisterRequest {
  const person = {
    username: v.username.trim(),
    password: v.password,
    displayName: v.displayName.trim(),
    residentId: normaliseIdentifier(v.residentId),
    phone: v.phone.trim(),
  };
  switch (kind) {
    case 'citizen':
      return { kind, ...person };
    case 'enterprise':
      return {
        kind,
        ...person,
        organisationName: (v.organisationName ?? '').trim(),
        creditCode: normaliseIdentifier(v.creditCode ?? ''),
      };
  }
}

/** 注册: individual (自然人) or enterprise (法人) account. */
export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const register = useRegister();
  const [kind, setKind] = useState<Kind>('citizen');
  const [form] = Form.useForm<RegisterValues>();
  const v = useValidators();
  const enterprise = kind === 'enterprise';
  const labels: Record<string, string> = {
    organisationName: t('register.organisationName'),
    creditCode: t('register.creditCode'),
    username: t('register.username'),
    password: t('register.password'),
    confirmPassword: t('register.confirmPassword'),
    displayName: enterprise ? t('register.agentName') : t('register.displayName'),
    residentId: enterprise ? t('register.agentResidentId') : t('register.residentId'),
    phone: t('register.phone'),
  };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);

  const onFinish = (values: RegisterValues) => {
    clearErrors();
    const body = toRequest(kind, values);
    register.mutate(body, {
      onSuccess: (user) => {
        if (user) {
          void message.success(t('register.doneLoggedIn', { name: user.displayName }));
          void navigate(homePath(user.roles), { replace: true });
        } else {
          void message.success(t('register.done'));
          void navigate('/login', { replace: true, state: { identifier: body.username } });
        }
      },
      onError: showError,
    });
  };

  const fields = (
    <Form<RegisterValues>
      form={form}
      layout="vertical"
      size="large"
      onFinish={onFinish}
      onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
      scrollToFirstError
    >
      <FormErrorSummary summary={summary} form={form} />
      {enterprise && (
        <>
          <Form.Item
            name="organisationName"
            label={labels.organisationName}
            extra={t('register.organisationNameHelp')}
            rules={[v.required(), v.length(2, 100)]}
          >
            <Input autoComplete="organization" maxLength={100} />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label={labels.creditCode}
            extra={t('register.creditCodeHelp')}
            rules={[v.required(), v.creditCode()]}
            validateDebounce={300}
          >
            <Input maxLength={20} autoCapitalize="characters" spellCheck={false} inputMode="text" />
          </Form.Item>
        </>
      )}
      <Form.Item name="username" label={labels.username} extra={t('register.usernameHelp')} rules={[v.required(), v.username()]}>
        <Input autoComplete="username" maxLength={32} spellCheck={false} />
      </Form.Item>
      <Form.Item name="password" label={labels.password} extra={t('register.passwordHelp')} rules={[v.required(), v.password()]}>
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item name="confirmPassword" label={labels.confirmPassword} dependencies={['password']} rules={[v.required(), v.sameAs('password')]}>
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item name="displayName" label={labels.displayName} rules={[v.required(), v.length(1, 50)]}>
        <Input autoComplete="name" maxLength={50} />
      </Form.Item>
      <Form.Item name="residentId" label={labels.residentId} extra={t('register.residentIdHelp')} rules={[v.required(), v.residentId()]} validateDebounce={300}>
        <Input maxLength={20} autoCapitalize="characters" spellCheck={false} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={labels.phone} rules={[v.required(), v.phone()]}>
        <Input type="tel" inputMode="numeric" autoComplete="tel-national" maxLength={11} />
      </Form.Item>
      <p className="tb-muted tb-small">{t('register.privacy')}</p>
      <Button type="primary" htmlType="submit" block loading={register.isPending} data-testid="register-submit">
        {register.isPending ? t('register.submitting') : t('register.submit')}
      </Button>
    </Form>
  );

  return (
    <AuthShell title={t('register.title')} heading={t('register.heading')} intro={t('register.intro')}>
      <Tabs
        activeKey={kind}
        onChange={(key) => {
          setKind(key === 'enterprise' ? 'enterprise' : 'citizen');
          clearErrors();
        }}
        destroyOnHidden
        items={[
          { key: 'citizen', label: t('register.citizenTab'), children: kind === 'citizen' ? fields : null },
          { key: 'enterprise', label: t('register.enterpriseTab'), children: kind === 'enterprise' ? fields : null },
        ]}
      />
      <p className="tb-auth-links">
        {t('register.haveAccount')} <Link to="/login">{t('register.loginLink')}</Link>
      </p>
    </AuthShell>
  );
}
