import { PhoneOutlined } from '@ant-design/icons';
import type { ItemSummary, Page } from '@tongban/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Grid, Pagination, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { ResultList } from './ResultList.tsx';
import { hasFilters, searchHref, type SearchState } from './searchState.ts';

interface Props {
  query: UseQueryResult<Page<ItemSummary>>;
  state: SearchState;
  pageSize: number;
  update: (patch: Partial<SearchState>) => void;
}

/** The count, the results and the pages; or a skeleton, the error, or an honest empty state. */
export function SearchResults({ query, state, pageSize, update }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  if (query.isPending) {
    return (
      <div className="tb-results-loading" aria-busy="true">
        <span className="tb-visually-hidden" role="status">
          {t('app.loading')}
        </span>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} active title={{ width: '70%' }} paragraph={{ rows: 2, width: ['45%', '60%'] }} />
        ))}
      </div>
    );
  }
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  const { items, total } = query.data;
  if (total > 0 && items.length === 0) {
    // A bookmarked page beyond the last one.
    return <EmptyState title={t('search.pageEmpty')} action={<Button onClick={() => update({ page: 1 })}>{t('search.firstPage')}</Button>} />;
  }
  if (total === 0) {
    return (
      <div role="status">
        <EmptyState
          title={t('search.emptyTitle')}
          text={t('search.emptyText')}
          action={
            <div className="tb-empty-actions">
              <Button type="primary" href="tel:12345" icon={<PhoneOutlined aria-hidden />}>
                {t('search.call12345')}
              </Button>
              {(state.q || hasFilters(state)) && <ButtonLink to="/portal/search">{t('portal.allItems')}</ButtonLink>}
              {hasFilters(state) && <Button onClick={() => update({ theme: '', audience: null, flag: null, dept: null })}>{t('search.clearFilters')}</Button>}
            </div>
          }
        />
      </div>
    );
  }
  return (
    <>
      <p className="tb-results-total" role="status">
        {t('search.total', { total })}
      </p>
      <ResultList items={items} from={searchHref(state)} />
      {total > pageSize && (
        <nav className="tb-pager" aria-label={t('search.pagesLabel')}>
          <Pagination
            current={state.page}
            pageSize={pageSize}
            total={total}
            showSizeChanger={false}
            showLessItems={!screens.sm}
            size={screens.sm ? 'medium' : 'small'}
            onChange={(page) => {
              update({ page });
              window.scrollTo({ top: 0 });
            }}
          />
        </nav>
      )}
    </>
  );
}
