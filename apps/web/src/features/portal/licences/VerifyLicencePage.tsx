import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { LicenceVerification } from '@tongban/contracts';
import { Alert, Button, Form, Input, Skeleton, Space } from 'antd';
import { useEffect, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../app/apiError.ts';
import { useFormat } from '../../../app/format.ts';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { IDENTIFIER_MAX_LENGTH, licenceKeys, normaliseLicenceIdentifier, verifyLicence } from './api.ts';
import { LicenceFacts, LicenceFields } from './LicenceFacts.tsx';
import { LicenceStatusTag } from './LicenceStatusTag.tsx';
import './licences.css';

interface Values {
  identifier: string;
}

/**
 * /verify/licence?id=… — 电子证照核验, public: the page a printed face's QR code opens, and a hall
 * kiosk where an identifier is typed. Says in large words whether the licence is valid today,
 * or why not, with the face as the public may see it (the holder's ID number masked).
 */
export function VerifyLicencePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const identifier = (params.get('id') ?? '').trim();
  const [form] = Form.useForm<Values>();
  const heading = useRef<HTMLHeadingElement>(null);
  const focusResult = useRef(false);
  const query = useQuery({
    queryKey: licenceKeys.verify(identifier),
    queryFn: ({ signal }) => verifyLicence(identifier, signal),
    enabled: identifier !== '' && identifier.length <= IDENTIFIER_MAX_LENGTH,
    // A check is about today: never answer from an earlier one.
    staleTime: 0,
    gcTime: 0,
  });

  // A scanned link fills the input too, so that the kiosk can correct and check again; a change
  // the page made itself (check, clear) leaves the input alone, or it could wipe what is being typed.
  const ownChange = useRef<string | null>(null);
  useEffect(() => {
    if (ownChange.current === identifier) return;
    ownChange.current = null;
    form.setFieldValue('identifier', identifier);
  }, [form, identifier]);
  useEffect(() => {
    if (query.data && focusResult.current) {
      focusResult.current = false;
      heading.current?.focus();
    }
  }, [query.data]);

  const onFinish = ({ identifier: typed }: Values) => {
    focusResult.current = true;
    const next = normaliseLicenceIdentifier(typed);
    if (next === identifier) void query.refetch();
    else {
      ownChange.current = next;
      setParams({ id: next });
    }
  };
  const clear = () => {
    form.setFieldValue('identifier', '');
    ownChange.current = '';
    setParams({}, { replace: true });
    form.focusField('identifier');
  };

  return (
    <div className="tb-portal-body tb-verify">
      <DocumentTitle title={t('licences.verify.title')} />
      <h1>
        <SafetyCertificateOutlined className="tb-verify-title-icon" aria-hidden />
        {t('licences.verify.title')}
      </h1>
      <p className="tb-verify-intro">{t('licences.verify.intro')}</p>

      <div aria-live="polite">
        {identifier !== '' && identifier.length > IDENTIFIER_MAX_LENGTH && (
          <Alert className="tb-mt" type="error" showIcon role="alert" title={t('licences.verify.inputTooLong')} />
        )}
        {query.isFetching && !query.data && (
          <div aria-busy="true" className="tb-verify-result">
            <span role="status">{t('licences.verify.checking')}</span>
            <Skeleton active paragraph={{ rows: 3 }} />
          </div>
        )}
        {query.isError && <VerifyFailure error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && <VerifyResult result={query.data} headingRef={heading} />}
      </div>

      <div className="tb-verify-form-card">
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          size="large"
          initialValues={{ identifier }}
          onFinish={onFinish}
          data-testid="verify-form"
        >
          <Form.Item
            name="identifier"
            label={t('licences.verify.inputLabel')}
            extra={t('licences.verify.inputHelp')}
            rules={[
              { required: true, whitespace: true, message: t('licences.verify.inputRequired') },
              { max: IDENTIFIER_MAX_LENGTH, message: t('licences.verify.inputTooLong') },
            ]}
          >
            {/* A text area, so that the whole identifier shows on a phone to check against the print. */}
            <Input.TextArea
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              autoSize={{ minRows: 1, maxRows: 4 }}
              enterKeyHint="search"
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  form.submit();
                }
              }}
              className="tb-verify-input"
              data-testid="verify-input"
            />
          </Form.Item>
          <Space wrap className="tb-verify-actions">
            <Button type="primary" htmlType="submit" loading={query.isFetching} data-testid="verify-submit">
              {t('licences.verify.submit')}
            </Button>
            <Button htmlType="button" onClick={clear} data-testid="verify-clear">
              {t('licences.verify.clear')}
            </Button>
          </Space>
        </Form>
      </div>
    </div>
  );
}

/** The verdict in large words, why, the date of the check and the face the public may see. */
function VerifyResult({ result, headingRef }: { result: LicenceVerification; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ok = result.verdict === 'valid';
  const headline =
    result.verdict === 'not_in_force' ? t(`licences.verify.notInForce.${result.status ?? 'other'}`) : t(`licences.verify.verdict.${result.verdict}`);
  const explain =
    result.verdict === 'malformed' && result.malformedReason === 'check'
      ? t('licences.verify.explain.malformedCheck')
      : t(`licences.verify.explain.${result.verdict}`);
  const face = result.licence;
  return (
    <section
      className={`tb-verify-result tb-verify-${ok ? 'ok' : 'bad'}`}
      data-testid="verify-result"
      data-verdict={result.verdict}
      data-status={result.status ?? ''}
      aria-labelledby="verify-verdict"
    >
      <p className="tb-verify-label">{t('licences.verify.resultLabel')}</p>
      <h2 id="verify-verdict" className="tb-verify-verdict" ref={headingRef} tabIndex={-1} data-testid="verify-verdict">
        {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
        <span>{headline}</span>
      </h2>
      <p className="tb-verify-explain" data-testid="verify-explain">
        {explain}
      </p>
      <p className="tb-verify-checked" data-testid="verify-checked">
        {t('licences.verify.checkedOn', { date: format.date(result.checkedOn) })}
      </p>
      <dl className="tb-licence-facts">
        <div>
          <dt>{t('licences.identifier')}</dt>
          <dd className="tb-licence-identifier" data-testid="verify-identifier">
            {result.identifier}
          </dd>
        </div>
      </dl>
      {face && (
        <div className="tb-verify-face" data-testid="verify-face">
          <div className="tb-licence-face-head">
            <h3 data-testid="verify-type">{face.typeName}</h3>
            <LicenceStatusTag status={face.status} />
          </div>
          <dl className="tb-licence-facts">
            <div>
              <dt>{t('licences.number')}</dt>
              <dd>{face.number}</dd>
            </div>
          </dl>
          <LicenceFacts face={face} />
          <LicenceFields face={face} />
          <p className="tb-muted tb-small">{t('licences.verify.privacy')}</p>
        </div>
      )}
    </section>
  );
}

function VerifyFailure({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.code === 'RATE_LIMITED')
    return (
      <Alert
        className="tb-mt"
        type="warning"
        showIcon
        role="alert"
        data-testid="verify-rate-limited"
        title={t('licences.verify.rateLimitedTitle')}
        description={t('licences.verify.rateLimitedText')}
      />
    );
  return (
    <div className="tb-mt">
      <QueryError error={error} onRetry={onRetry} />
    </div>
  );
}
