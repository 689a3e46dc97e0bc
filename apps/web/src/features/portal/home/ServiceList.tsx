import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { catalogKeys, getCatalogStats } from '../catalog/api.ts';
import { serviceFlags } from '../catalog/vocab.ts';
import { searchHref } from '../search/searchState.ts';

/** 服务清单: how many items are 马上办 / 网上办 / 一次办 / 跑零次 / 就近办, each a filtered search. Numbers, no charts. */
export function ServiceList() {
  const { t } = useTranslation();
  const id = useId();
  const query = useQuery({
    queryKey: catalogKeys.stats,
    queryFn: ({ signal }) => getCatalogStats(signal),
    staleTime: 5 * 60_000,
  });
  return (
    <section className="tb-section" aria-labelledby={id}>
      <h2 id={id}>{t('portal.serviceList')}</h2>
      {query.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <p className="tb-muted">{t('portal.serviceListIntro', { total: query.data.overall.total })}</p>
          <ul className="tb-service-list">
            {serviceFlags.map((flag) => (
              <li key={flag}>
                <Link to={searchHref({ flag })} title={t(`catalog.flagHints.${flag}`)}>
                  <span className="tb-service-name">{t(`catalog.flags.${flag}`)}</span>
                  <strong className="tb-service-count">{t('portal.serviceCount', { count: query.data.overall[flag].count })}</strong>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
