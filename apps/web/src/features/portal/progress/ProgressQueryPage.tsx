import { PhoneOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { CreditCodeFailure, ResidentIdFailure } from '@tongban/domain';
import { Alert, Button, Form, Input, Space, type FormRule } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../../app/apiError.ts';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { FormErrorSummary } from '../../../app/components/FormErrorSummary.tsx';
import { useFormErrors } from '../../../app/forms.ts';
import { useSession } from '../../../app/session.ts';
import { idNumberProblem, isCaseNo, normaliseCaseNo, queryProgress } from './api.ts';
import { ProgressResult } from './ProgressResult.tsx';
import '../cases/cases.css';
import './progress.css';

interface Values {
  caseNo: string;
  idNumber: string;
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/** The same words as the other identifier fields (validation.*), chosen by what the user most likely typed. */
const residentIdMessages = {
  length: 'validation.residentIdLength',
  charset: 'validation.residentIdCharset',
  region: 'validation.residentIdRegion',
  birthDate: 'validation.residentIdBirthDate',
  checksum: 'validation.residentIdChecksum',
} as const satisfies Record<ResidentIdFailure, string>;
const creditCodeMessages = {
  length: 'validation.creditCodeLength',
  charset: 'validation.creditCodeCharset',
  authority: 'validation.creditCodeAuthority',
  region: 'validation.creditCodeRegion',
  orgCodeChecksum: 'validation.creditCodeOrgCodeChecksum',
  checksum: 'validation.creditCodeChecksum',
} as const satisfies Record<CreditCodeFailure, string>;

/**
 * /portal/progress — 办件进度查询 without login, for walk-in applicants, the hall kiosk and the
 * QR code on a receipt (`?caseNo=` fills in the number). The case number and the applicant's
 * ID number (or credit code) show the timeline; the ID number is sent in the body, never the URL.
 */
export function ProgressQueryPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const labels = { caseNo: t('progress.caseNo'), idNumber: t('progress.idNumber') };
  const { summary, showError, showClientErrors, clearErrors } = useFormErrors(form, labels);
  const query = useMutation({ mutationFn: queryProgress });
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // A QR code or a link brings the case number: the ID number is then all that is left to type.
  const [fromUrl] = useState(() => normaliseCaseNo(params.get('caseNo') ?? ''));

  const caseNoRules: FormRule[] = [
    { required: true, whitespace: true, message: t('progress.caseNoRequired') },
    { validator: async (_r, value: unknown) => (blank(value) || isCaseNo(String(value)) ? undefined : Promise.reject(new Error(t('progress.caseNoFormat')))) },
  ];
  const idNumberRules: FormRule[] = [
    { required: true, whitespace: true, message: t('progress.idNumberRequired') },
    {
      validator: async (_r, value: unknown) => {
        if (blank(value)) return;
        const problem = idNumberProblem(String(value));
        if (problem) throw new Error(t(problem.kind === 'residentId' ? residentIdMessages[problem.reason] : creditCodeMessages[problem.reason]));
      },
    },
  ];

  const onFinish = (values: Values) => {
    clearErrors();
    const caseNo = normaliseCaseNo(values.caseNo);
    query.mutate(
      { caseNo, idNumber: values.idNumber.trim() },
      {
        onSuccess: () => {
          setParams({ caseNo }, { replace: true });
          requestAnimationFrame(() => resultHeading.current?.focus());
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'VALIDATION_FAILED') showError(error);
        },
      },
    );
  };

  const clear = () => {
    form.resetFields(['idNumber']);
    form.setFieldValue('caseNo', '');
    clearErrors();
    query.reset();
    setParams({}, { replace: true });
    form.focusField('caseNo');
  };

  const failure = query.error && !(isApiError(query.error) && query.error.code === 'VALIDATION_FAILED') ? query.error : null;

  return (
    <div className="tb-portal-body tb-progress">
      <DocumentTitle title={t('progress.title')} />
      <h1>{t('progress.title')}</h1>
      <p className="tb-progress-intro">{t('progress.intro')}</p>

      <div className="tb-progress-form-card">
        <FormErrorSummary summary={summary} form={form} />
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          size="large"
          initialValues={{ caseNo: fromUrl, idNumber: '' }}
          onFinish={onFinish}
          onFinishFailed={({ errorFields }) => showClientErrors(errorFields)}
          onValuesChange={() => failure && query.reset()}
          className="tb-progress-form"
          data-testid="progress-form"
        >
          <Form.Item name="caseNo" label={labels.caseNo} extra={t('progress.caseNoHelp')} rules={caseNoRules} validateTrigger="onBlur">
            {/* A text area, so that the whole 47-character number shows on a phone to check against the receipt. */}
            <Input.TextArea
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={60}
              autoSize={{ minRows: 1, maxRows: 3 }}
              enterKeyHint="next"
              onKeyDown={(e) => {
                // Enter goes on to the ID number, or sends once both are there.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  if (blank(form.getFieldValue('idNumber'))) form.focusField('idNumber');
                  else form.submit();
                }
              }}
              className="tb-progress-input tb-case-no"
              data-testid="progress-case-no"
            />
          </Form.Item>
          <Form.Item name="idNumber" label={labels.idNumber} extra={t('progress.idNumberHelp')} rules={idNumberRules} validateTrigger="onBlur">
            <Input
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={30}
              enterKeyHint="search"
              autoFocus={fromUrl !== ''}
              className="tb-progress-input"
              data-testid="progress-id-number"
            />
          </Form.Item>
          <Space wrap className="tb-progress-actions">
            <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />} loading={query.isPending} data-testid="progress-submit">
              {query.isPending ? t('progress.submitting') : t('progress.submit')}
            </Button>
            <Button htmlType="button" onClick={clear} data-testid="progress-clear">
              {t('progress.clear')}
            </Button>
          </Space>
        </Form>
        <p className="tb-muted tb-small tb-progress-privacy">{t('progress.privacy')}</p>
      </div>

      <div aria-live="polite">
        {failure && <ProgressFailure error={failure} />}
        {query.data && <ProgressResult progress={query.data} headingRef={resultHeading} />}
      </div>

      {session.data ? (
        <p className="tb-progress-login">
          <Link to="/portal/cases">{t('progress.myCases')}</Link>
        </p>
      ) : (
        <p className="tb-progress-login tb-muted">{t('progress.loginHint')}</p>
      )}
    </div>
  );
}

/** Not found (a wrong pair looks the same as an unknown case), too many tries, or anything else. */
function ProgressFailure({ error }: { error: Error }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.code === 'NOT_FOUND')
    return (
      <Alert
        className="tb-progress-alert"
        type="error"
        showIcon
        role="alert"
        data-testid="progress-not-found"
        title={t('progress.notFoundTitle')}
        description={
          <>
            <p>{t('progress.notFoundText')}</p>
            <Button href="tel:12345" icon={<PhoneOutlined aria-hidden />}>
              {t('search.call12345')}
            </Button>
          </>
        }
      />
    );
  if (isApiError(error) && error.code === 'RATE_LIMITED')
    return (
      <Alert
        className="tb-progress-alert"
        type="warning"
        showIcon
        role="alert"
        data-testid="progress-rate-limited"
        title={t('progress.rateLimitedTitle')}
        description={t('progress.rateLimitedText')}
      />
    );
  return <Alert className="tb-progress-alert" type="error" showIcon role="alert" data-testid="progress-error" title={error.message} />;
}
