import { ClockCircleOutlined, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Skeleton, Tag } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { QueryError } from '../../app/components/QueryError.tsx';
import { listDepartments, listHalls, orgKeys } from '../org/api.ts';
import { searchHref } from './search/searchState.ts';

/** 按部门找: every department, each a shortcut into search. */
export function DepartmentsSection() {
  const { t } = useTranslation();
  const id = useId();
  const params = { page: 1, pageSize: 100 };
  const query = useQuery({
    queryKey: orgKeys.departmentList(params),
    queryFn: ({ signal }) => listDepartments(params, signal),
    staleTime: 5 * 60_000,
  });
  return (
    <section className="tb-section" aria-labelledby={id}>
      <h2 id={id}>{t('portal.departments')}</h2>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t('portal.departmentsEmpty')} />
      ) : (
        <ul className="tb-dept-list">
          {query.data.items.map((d) => (
            <li key={d.id}>
              <Link to={searchHref({ dept: d.id })}>{d.shortName ?? d.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** 办事大厅: where to go in person, with opening hours and phone. */
export function HallsSection() {
  const { t } = useTranslation();
  const id = useId();
  const params = { page: 1, pageSize: 100 };
  const query = useQuery({
    queryKey: orgKeys.hallList(params),
    queryFn: ({ signal }) => listHalls(params, signal),
    staleTime: 5 * 60_000,
  });
  return (
    <section className="tb-section" aria-labelledby={id}>
      <h2 id={id}>{t('portal.halls')}</h2>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t('portal.hallsEmpty')} />
      ) : (
        <ul className="tb-hall-list">
          {query.data.items.map((h) => (
            <li key={h.id} className="tb-hall-card">
              <h3>
                {h.name} <Tag>{t(`halls.kinds.${h.kind}`)}</Tag>
              </h3>
              <dl>
                <div>
                  <dt>
                    <EnvironmentOutlined aria-hidden /> {t('portal.hallAddress')}
                  </dt>
                  <dd>{h.address}</dd>
                </div>
                <div>
                  <dt>
                    <ClockCircleOutlined aria-hidden /> {t('portal.hallHours')}
                  </dt>
                  <dd>{h.openingHours}</dd>
                </div>
                {h.phone && (
                  <div>
                    <dt>
                      <PhoneOutlined aria-hidden /> {t('portal.hallPhone')}
                    </dt>
                    <dd>
                      <a href={`tel:${h.phone}`}>{h.phone}</a>
                    </dd>
                  </div>
                )}
              </dl>
              <p className="tb-muted tb-small">
                {t('portal.hallWindows', { count: h.windowCount })} · <Link to={`/display/${h.id}`}>{t('portal.hallDisplay')}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
