import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseSummary } from '@tongban/contracts';
import { Grid, Pagination, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '../../../app/format.ts';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { RequireLogin } from '../RequireLogin.tsx';
import { MyDrafts } from '../apply/MyDrafts.tsx';
import { MY_CASES_PAGE_SIZE, casePath, listMyCases, myCaseKeys } from './api.ts';
import { CaseStatusTag, useRemainingText } from './CaseStatusTag.tsx';
import './cases.css';

/** /portal/cases — 我的办件: the signed-in applicant's cases as cards, newest first. */
export function MyCasesPage() {
  const { t } = useTranslation();
  return (
    <RequireLogin>
      {() => (
        <div className="tb-portal-body tb-my-cases">
          <DocumentTitle title={t('myCases.title')} />
          <h1>{t('myCases.title')}</h1>
          <p className="tb-muted">{t('myCases.intro')}</p>
          <MyDrafts />
          <MyCasesList />
        </div>
      )}
    </RequireLogin>
  );
}

function MyCasesList() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const query = useQuery({
    queryKey: myCaseKeys.list(page, MY_CASES_PAGE_SIZE),
    queryFn: ({ signal }) => listMyCases(page, MY_CASES_PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });

  if (query.isPending) {
    return (
      <div aria-busy="true">
        <span className="tb-visually-hidden" role="status">
          {t('myCases.loading')}
        </span>
        <Skeleton active paragraph={{ rows: 4 }} />
      </div>
    );
  }
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  const { items, total } = query.data;
  if (total === 0) {
    return (
      <div data-testid="my-cases-empty">
        <EmptyState
          title={t('myCases.emptyTitle')}
          text={t('myCases.emptyText')}
          action={
            <ButtonLink type="primary" size="large" to="/portal/search">
              {t('myCases.emptyAction')}
            </ButtonLink>
          }
        />
      </div>
    );
  }
  return (
    <>
      <p className="tb-results-total" role="status">
        {t('myCases.total', { total })}
      </p>
      <ul className="tb-case-cards" data-testid="my-cases">
        {items.map((c) => (
          <CaseCard key={c.caseNo} item={c} />
        ))}
      </ul>
      {total > MY_CASES_PAGE_SIZE && (
        <nav className="tb-pager" aria-label={t('myCases.pagesLabel')}>
          <Pagination
            current={page}
            pageSize={MY_CASES_PAGE_SIZE}
            total={total}
            showSizeChanger={false}
            showLessItems={!screens.sm}
            size={screens.sm ? 'medium' : 'small'}
            onChange={(next) => {
              setParams(next === 1 ? {} : { page: String(next) });
              window.scrollTo({ top: 0 });
            }}
          />
        </nav>
      )}
    </>
  );
}

function CaseCard({ item }: { item: CaseSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const remaining = useRemainingText();
  const left = item.dueDate ? remaining(item.remainingWorkingDays) : null;
  return (
    <li className="tb-case-card" data-testid="my-case" data-case-no={item.caseNo}>
      <h2 className="tb-case-card-title">
        <Link to={casePath(item.caseNo)}>{item.itemName}</Link>
      </h2>
      <CaseStatusTag status={item.status} />
      <dl className="tb-case-facts">
        <div>
          <dt>{t('myCases.caseNo')}</dt>
          <dd className="tb-case-no">{item.caseNo}</dd>
        </div>
        <div>
          <dt>{t('myCases.submittedOn')}</dt>
          <dd>{format.date(item.submittedAt)}</dd>
        </div>
        {item.dueDate && (
          <div>
            <dt>{t('myCases.dueOn')}</dt>
            <dd>
              {format.date(item.dueDate)}
              {left && <span className={`tb-case-left tb-case-left-${item.light ?? 'green'}`}>{left}</span>}
            </dd>
          </div>
        )}
      </dl>
      <ButtonLink className="tb-case-card-action" to={casePath(item.caseNo)} aria-label={t('myCases.viewFor', { name: item.itemName })}>
        {t('myCases.view')}
      </ButtonLink>
    </li>
  );
}
