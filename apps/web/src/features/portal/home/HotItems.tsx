import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/EmptyState.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { catalogKeys, guidePath, searchItems } from '../catalog/api.ts';
import { usePreferredAudience } from '../catalog/usePreferredAudience.ts';

/** 热门事项: the most asked-for items (the signed-in applicant's kind first), each straight to its guide. */
export function HotItems() {
  const { t } = useTranslation();
  const id = useId();
  const { prefer, ready } = usePreferredAudience();
  const params = { page: 1, pageSize: 8, ...(prefer ? { prefer } : {}) };
  const query = useQuery({
    queryKey: catalogKeys.search(params),
    queryFn: ({ signal }) => searchItems(params, signal),
    staleTime: 5 * 60_000,
    enabled: ready,
  });
  return (
    <section className="tb-section" aria-labelledby={id}>
      <h2 id={id}>{t('portal.hotItems')}</h2>
      {query.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 4 }} />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t('portal.hotItemsEmpty')} />
      ) : (
        <>
          <ul className="tb-hot-list">
            {query.data.items.map((item) => (
              <li key={item.id}>
                <Link to={guidePath(item.implCode)}>
                  <span className="tb-hot-name">{item.name}</span>
                  <span className="tb-hot-dept">{item.departmentName}</span>
                </Link>
              </li>
            ))}
          </ul>
          <p className="tb-more-link">
            <Link to="/portal/search">
              {t('portal.allItems')} <RightOutlined aria-hidden />
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
