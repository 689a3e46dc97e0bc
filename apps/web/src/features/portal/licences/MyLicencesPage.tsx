import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { LicenceFace } from '@tongban/contracts';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { RequireLogin } from '../RequireLogin.tsx';
import { licenceKeys, licencePath, listMyLicences } from './api.ts';
import { LicenceFacts } from './LicenceFacts.tsx';
import { LicenceStatusTag } from './LicenceStatusTag.tsx';
import { SparedNote } from './SparedNote.tsx';
import './licences.css';

/** /portal/licences — 我的证照: the licences the signed-in user holds, as cards. */
export function MyLicencesPage() {
  const { t } = useTranslation();
  return (
    <RequireLogin>
      {() => (
        <div className="tb-portal-body tb-licences">
          <DocumentTitle title={t('licences.title')} />
          <h1>{t('licences.title')}</h1>
          <p className="tb-muted">{t('licences.intro')}</p>
          <SparedNote />
          <LicenceList />
        </div>
      )}
    </RequireLogin>
  );
}

function LicenceList() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: licenceKeys.mine, queryFn: ({ signal }) => listMyLicences(signal) });

  if (query.isPending) {
    return (
      <div aria-busy="true">
        <span className="tb-visually-hidden" role="status">
          {t('licences.loading')}
        </span>
        <Skeleton active paragraph={{ rows: 4 }} />
      </div>
    );
  }
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) {
    return (
      <div data-testid="licences-empty">
        <EmptyState
          title={t('licences.emptyTitle')}
          text={t('licences.emptyText')}
          action={
            <ButtonLink type="primary" size="large" to="/portal/search">
              {t('licences.emptyAction')}
            </ButtonLink>
          }
        />
      </div>
    );
  }
  return (
    <>
      <p className="tb-results-total" role="status">
        {t('licences.total', { count: query.data.length })}
      </p>
      <ul className="tb-licence-cards" aria-label={t('licences.listLabel')} data-testid="licences">
        {query.data.map((l) => (
          <LicenceCard key={l.identifier} licence={l} />
        ))}
      </ul>
    </>
  );
}

function LicenceCard({ licence }: { licence: LicenceFace }) {
  const { t } = useTranslation();
  return (
    <li
      className={`tb-licence-card tb-licence-card-${licence.status}`}
      data-testid="licence-card"
      data-type={licence.typeCode}
      data-identifier={licence.identifier}
    >
      <div className="tb-licence-card-head">
        <SafetyCertificateOutlined className="tb-licence-card-icon" aria-hidden />
        <h2 className="tb-licence-card-title">
          <Link to={licencePath(licence.identifier)}>{licence.typeName}</Link>
        </h2>
        <LicenceStatusTag status={licence.status} />
      </div>
      <LicenceFacts face={licence} brief />
      <ButtonLink className="tb-licence-card-action" to={licencePath(licence.identifier)} aria-label={t('licences.viewFor', { name: licence.typeName })}>
        {t('licences.view')}
      </ButtonLink>
    </li>
  );
}
