import { DownloadOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { LicenceDetail } from '@tongban/contracts';
import { Alert, Button, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '../../../app/format.ts';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { PortalQueryStates } from '../PortalQueryStates.tsx';
import { RequireLogin } from '../RequireLogin.tsx';
import { IDENTIFIER_MAX_LENGTH, getLicence, licenceFacePdfUrl, licenceKeys, verifyPath } from './api.ts';
import { LicenceFacts, LicenceFields } from './LicenceFacts.tsx';
import { LicenceStatusTag } from './LicenceStatusTag.tsx';
import './licences.css';

/** /portal/licences/view?id=… — one of my licences: its face, the printable PDF and its history. */
export function LicencePage() {
  return <RequireLogin>{() => <Licence />}</RequireLogin>;
}

function Licence() {
  const { t } = useTranslation();
  const identifier = useSearchParams()[0].get('id') ?? '';
  const valid = identifier !== '' && identifier.length <= IDENTIFIER_MAX_LENGTH;
  const query = useQuery({ queryKey: licenceKeys.detail(identifier), queryFn: ({ signal }) => getLicence(identifier, signal), enabled: valid });
  return (
    <PortalQueryStates valid={valid} query={query} loadingText={t('licences.loading')} notFound={<LicenceNotFound />}>
      {(licence) => <LicenceView licence={licence} />}
    </PortalQueryStates>
  );
}

function LicenceView({ licence }: { licence: LicenceDetail }) {
  const { t } = useTranslation();
  const pdf = licenceFacePdfUrl(licence.identifier);
  return (
    <article className="tb-portal-body tb-licence-page">
      <DocumentTitle title={licence.typeName} />
      <Link to="/portal/licences" className="tb-back-link">
        {t('licences.detail.back')}
      </Link>

      {licence.status !== 'valid' && (
        <Alert
          className="tb-licence-alert"
          type="error"
          showIcon
          data-testid="licence-not-in-force"
          title={t('licences.detail.notInForce', { status: t(`licences.status.${licence.status}`) })}
        />
      )}

      <section
        className={`tb-licence-face tb-licence-face-${licence.status === 'valid' ? 'valid' : 'void'}`}
        data-testid="licence-face"
        aria-labelledby="licence-title"
      >
        <div className="tb-licence-face-head">
          <SafetyCertificateOutlined className="tb-licence-face-icon" aria-hidden />
          <h1 id="licence-title" data-testid="licence-title">
            {licence.typeName}
          </h1>
          <LicenceStatusTag status={licence.status} />
        </div>
        <dl className="tb-licence-facts tb-licence-ids">
          <div>
            <dt>{t('licences.number')}</dt>
            <dd data-testid="licence-number">{licence.number}</dd>
          </div>
          <div>
            <dt>{t('licences.identifier')}</dt>
            <dd className="tb-licence-identifier" data-testid="licence-identifier">
              {licence.identifier}
            </dd>
          </div>
          {licence.version > 1 && (
            <div>
              <dt>{t('licences.version')}</dt>
              <dd>{t('licences.versionValue', { version: licence.version })}</dd>
            </div>
          )}
          {licence.caseNo && (
            <div>
              <dt>{t('licences.caseNo')}</dt>
              <dd className="tb-case-no">{licence.caseNo}</dd>
            </div>
          )}
        </dl>
        <h2 className="tb-licence-face-sub">{t('licences.detail.basics')}</h2>
        <LicenceFacts face={licence} />
        <h2 className="tb-licence-face-sub">{t('licences.detail.face')}</h2>
        <LicenceFields face={licence} />
      </section>

      <section className="tb-section" aria-labelledby="licence-pdf-h">
        <h2 id="licence-pdf-h">{t('licences.detail.pdfTitle')}</h2>
        <p className="tb-muted">{t('licences.detail.pdfIntro')}</p>
        <Flex wrap gap="small" className="tb-licence-pdf-actions">
          <Button
            size="large"
            type="primary"
            href={pdf}
            download
            icon={<DownloadOutlined aria-hidden />}
            aria-label={t('licences.detail.downloadLabel', { name: licence.typeName })}
            data-testid="licence-pdf-download"
          >
            {t('licences.detail.download')}
          </Button>
          <Button
            size="large"
            href={pdf}
            target="_blank"
            rel="noopener"
            icon={<PrinterOutlined aria-hidden />}
            aria-label={t('licences.detail.printLabel', { name: licence.typeName })}
            data-testid="licence-pdf-print"
          >
            {t('licences.detail.print')}
          </Button>
        </Flex>
        <p className="tb-licence-verify-link">
          <Link to={verifyPath(licence.identifier)} data-testid="licence-verify-link">
            {t('licences.detail.verifyLink')}
          </Link>
          <span className="tb-muted tb-small">{t('licences.detail.verifyHint')}</span>
        </p>
      </section>

      <section className="tb-section" aria-labelledby="licence-history-h">
        <h2 id="licence-history-h">{t('licences.detail.history')}</h2>
        <LicenceHistory licence={licence} />
      </section>

      <section className="tb-section" aria-labelledby="licence-uses-h">
        <h2 id="licence-uses-h">{t('licences.detail.uses')}</h2>
        <LicenceUses licence={licence} />
      </section>
    </article>
  );
}

/** 证照记录: 签发, 撤销 … each with its date, the status it led to, the reason and the case. */
function LicenceHistory({ licence }: { licence: LicenceDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (licence.history.length === 0) return <p className="tb-muted">{t('licences.detail.historyEmpty')}</p>;
  return (
    <ol className="tb-case-timeline" data-testid="licence-history">
      {licence.history.map((h, i) => (
        <li key={i} className="tb-case-event tb-case-event-done" data-testid="licence-event" data-action={h.action}>
          <span className="tb-case-dot" aria-hidden />
          <div className="tb-case-event-body">
            <p className="tb-case-event-title">
              <strong>{t(`licences.detail.actions.${h.action}`, { defaultValue: h.action })}</strong>
            </p>
            <p className="tb-case-event-when">
              <time dateTime={h.at}>{format.dateTime(h.at)}</time>
              <span className="tb-licence-event-status">{t('licences.detail.becomes', { status: t(`licences.status.${h.toStatus}`) })}</span>
            </p>
            {h.reason && <p className="tb-case-event-note">{t('licences.detail.reason', { reason: h.reason })}</p>}
            {h.caseNo && <p className="tb-case-event-note tb-muted">{t('licences.detail.fromCase', { caseNo: h.caseNo })}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** 用证记录: who used the licence, when and for what (newest first). */
function LicenceUses({ licence }: { licence: LicenceDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (licence.uses.length === 0) return <p className="tb-muted">{t('licences.detail.usesEmpty')}</p>;
  return (
    <ul className="tb-licence-uses" data-testid="licence-uses">
      {licence.uses.map((u, i) => (
        <li key={i} data-testid="licence-use">
          <time dateTime={u.at}>{format.dateTime(u.at)}</time> {t('licences.detail.usedBy', { who: u.usedByName, purpose: u.purpose })}
          {u.caseNo && <span className="tb-muted"> {t('licences.detail.fromCase', { caseNo: u.caseNo })}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Not one of mine (or no such licence): say so kindly. */
function LicenceNotFound() {
  const { t } = useTranslation();
  return (
    <div className="tb-portal-body" data-testid="licence-not-found">
      <DocumentTitle title={t('licences.detail.notFoundTitle')} />
      <Result
        status="404"
        title={<h1 className="tb-result-title">{t('licences.detail.notFoundTitle')}</h1>}
        subTitle={t('licences.detail.notFoundText')}
        extra={
          <ButtonLink type="primary" to="/portal/licences">
            {t('licences.detail.back')}
          </ButtonLink>
        }
      />
    </div>
  );
}
