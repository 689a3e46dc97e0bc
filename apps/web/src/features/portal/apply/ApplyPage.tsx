import { useQuery } from '@tanstack/react-query';
import type { CaseDraft, ItemVersion, SessionUser } from '@tongban/contracts';
import { Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { PortalQueryStates } from '../PortalQueryStates.tsx';
import { RequireLogin } from '../RequireLogin.tsx';
import { catalogKeys, getGuide, guidePath, IMPL_CODE_PATTERN } from '../catalog/api.ts';
import { GuideNotFound } from '../guide/GuideNotFound.tsx';
import { applyKeys, getDraft, getLimits } from './api.ts';
import { ApplyWizard } from './ApplyWizard.tsx';
import './apply.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /portal/items/:implCode/apply — 在线办理 (resume a draft with `?draft=<id>`). */
export function ApplyPage() {
  return <RequireLogin>{(user) => <ApplyFor user={user} />}</RequireLogin>;
}

function ApplyFor({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const implCode = useParams().implCode ?? '';
  const [params] = useSearchParams();
  // The draft the page opened with; a draft made here later only updates the address.
  const [draftId] = useState(() => params.get('draft'));
  const valid = IMPL_CODE_PATTERN.test(implCode);
  const guide = useQuery({ queryKey: catalogKeys.guide(implCode), queryFn: ({ signal }) => getGuide(implCode, signal), enabled: valid, staleTime: 5 * 60_000 });
  // Agents apply for someone else, with an authorisation: not on this page (yet).
  if (!user.roles.includes('applicant')) {
    return (
      <div className="tb-portal-body" data-testid="apply-not-applicant">
        <DocumentTitle title={t('apply.title')} />
        <Result status="info" title={<h1 className="tb-result-title">{t('apply.notApplicant.title')}</h1>} subTitle={t('apply.notApplicant.text')} />
      </div>
    );
  }
  return (
    <PortalQueryStates valid={valid} query={guide} loadingText={t('apply.loading')} notFound={<GuideNotFound />}>
      {(g) => (g.content.channels.online ? <WithDraft guide={g} draftId={draftId} /> : <NotOnline guide={g} />)}
    </PortalQueryStates>
  );
}

function WithDraft({ guide, draftId }: { guide: ItemVersion; draftId: string | null }) {
  const { t } = useTranslation();
  const valid = draftId !== null && UUID.test(draftId);
  const draft = useQuery({
    queryKey: applyKeys.draft(draftId ?? ''),
    queryFn: ({ signal }) => getDraft(draftId ?? '', signal),
    enabled: valid,
    staleTime: 0,
    gcTime: 0,
  });
  const limits = useQuery({ queryKey: applyKeys.limits, queryFn: ({ signal }) => getLimits(signal), staleTime: 60 * 60_000 });
  if (draftId === null) return <ApplyWizard guide={guide} draft={null} limits={limits.data} />;
  return (
    <PortalQueryStates valid={valid} query={draft} loadingText={t('apply.loadingDraft')} notFound={<DraftNotFound implCode={guide.item.implCode} />}>
      {(d: CaseDraft) =>
        d.implCode === guide.item.implCode ? <ApplyWizard guide={guide} draft={d} limits={limits.data} /> : <DraftNotFound implCode={guide.item.implCode} />
      }
    </PortalQueryStates>
  );
}

/** A draft that is gone (submitted, deleted, or another account's). */
function DraftNotFound({ implCode }: { implCode: string }) {
  const { t } = useTranslation();
  return (
    <div className="tb-portal-body" data-testid="draft-not-found">
      <DocumentTitle title={t('apply.draftNotFound.title')} />
      <Result
        status="warning"
        title={<h1 className="tb-result-title">{t('apply.draftNotFound.title')}</h1>}
        subTitle={t('apply.draftNotFound.text')}
        extra={
          <div className="tb-apply-result-actions">
            <ButtonLink type="primary" size="large" to={`/portal/items/${encodeURIComponent(implCode)}/apply`}>
              {t('apply.draftNotFound.restart')}
            </ButtonLink>
            <ButtonLink size="large" to="/portal/cases">
              {t('apply.success.myCases')}
            </ButtonLink>
          </div>
        }
      />
    </div>
  );
}

function NotOnline({ guide }: { guide: ItemVersion }) {
  const { t } = useTranslation();
  return (
    <div className="tb-portal-body" data-testid="apply-not-online">
      <DocumentTitle title={guide.content.name} />
      <Result
        status="info"
        title={<h1 className="tb-result-title">{t('apply.notOnline.title')}</h1>}
        subTitle={t('apply.notOnline.text')}
        extra={<Link to={guidePath(guide.item.implCode)}>{t('apply.backToGuide')}</Link>}
      />
    </div>
  );
}
