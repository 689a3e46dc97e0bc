import { PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CaseDetail } from '@tongban/contracts';
import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format.ts';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { PortalQueryStates } from '../PortalQueryStates.tsx';
import { RequireLogin } from '../RequireLogin.tsx';
import { CASE_NO_PATTERN, canWithdraw, getCase, myCaseKeys } from './api.ts';
import { CaseClockLines, MissingMaterials } from './CaseClock.tsx';
import { CaseStatusTag } from './CaseStatusTag.tsx';
import { CaseDocuments } from './CaseDocuments.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { WithdrawCase } from './WithdrawCase.tsx';
import { SupplementAnswer } from './SupplementAnswer.tsx';
import './cases.css';

/** /portal/cases/:caseNo — 办件进度: where the case is, what happens next, what is missing, and 撤回. */
export function CaseProgressPage() {
  return <RequireLogin>{() => <CaseProgress />}</RequireLogin>;
}

function CaseProgress() {
  const { t } = useTranslation();
  const caseNo = useParams().caseNo ?? '';
  const valid = CASE_NO_PATTERN.test(caseNo);
  const query = useQuery({
    queryKey: myCaseKeys.detail(caseNo),
    queryFn: ({ signal }) => getCase(caseNo, signal),
    enabled: valid,
  });

  return (
    <PortalQueryStates valid={valid} query={query} loadingText={t('myCases.progress.loading')} notFound={<CaseNotFound />}>
      {(detail) => <CaseProgressView detail={detail} />}
    </PortalQueryStates>
  );
}

function CaseProgressView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <article className="tb-portal-body tb-case-progress">
      <DocumentTitle title={t('myCases.progress.title', { name: detail.itemName })} />
      <Link to="/portal/cases" className="tb-back-link">
        {t('myCases.progress.back')}
      </Link>
      <h1 data-testid="case-title">{detail.itemName}</h1>
      <div className="tb-case-summary" data-testid="case-summary">
        <CaseStatusTag status={detail.status} />
        <dl className="tb-case-facts">
          <div>
            <dt>{t('myCases.caseNo')}</dt>
            <dd className="tb-case-no">{detail.caseNo}</dd>
          </div>
          <div>
            <dt>{t('myCases.department')}</dt>
            <dd>{detail.departmentName}</dd>
          </div>
          <div>
            <dt>{t('myCases.submittedOn')}</dt>
            <dd>{format.date(detail.submittedAt)}</dd>
          </div>
          {detail.dueDate && (
            <div>
              <dt>{detail.dueProvisional ? t('myCases.dueProvisional') : t('myCases.dueOn')}</dt>
              <dd>{format.date(detail.dueDate)}</dd>
            </div>
          )}
        </dl>
        <CaseClockLines clock={detail} />
      </div>

      {detail.status === 'supplementing' && detail.supplementRequested.length > 0 && (
        <MissingMaterials items={detail.supplementRequested} text={t('myCases.progress.missingText')} />
      )}
      {detail.status === 'supplementing' && detail.supplementRequested.length > 0 && <SupplementAnswer detail={detail} />}

      <section className="tb-section" aria-labelledby="case-timeline-h">
        <h2 id="case-timeline-h">{t('myCases.progress.timeline')}</h2>
        <CaseTimeline detail={detail} />
      </section>
      <CaseDocuments detail={detail} />

      {canWithdraw(detail.status) && <WithdrawCase detail={detail} />}
    </article>
  );
}

/** A case that does not exist, or is not this user's: say so kindly. */
function CaseNotFound() {
  const { t } = useTranslation();
  return (
    <div className="tb-portal-body" data-testid="case-not-found">
      <DocumentTitle title={t('myCases.notFound.title')} />
      <Result
        status="404"
        title={<h1 className="tb-result-title">{t('myCases.notFound.title')}</h1>}
        subTitle={t('myCases.notFound.text')}
        extra={
          <Space wrap>
            <ButtonLink type="primary" to="/portal/cases">
              {t('myCases.notFound.action')}
            </ButtonLink>
            <Button href="tel:12345" icon={<PhoneOutlined aria-hidden />}>
              {t('search.call12345')}
            </Button>
          </Space>
        }
      />
    </div>
  );
}
