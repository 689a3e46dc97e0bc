import type { UseQueryResult } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../../app/apiError.ts';
import { DocumentTitle } from '../../app/components/DocumentTitle.tsx';
import { QueryError } from '../../app/components/QueryError.tsx';

const isMissing = (error: unknown) => isApiError(error) && (error.status === 404 || error.code === 'NOT_FOUND');

/**
 * The states of a portal page that shows one record (a guide, a bundle, a case): not found
 * (a malformed key or a 404), loading (a skeleton announced to screen readers), a failed
 * request with a retry, and the record itself.
 */
export function PortalQueryStates<T>({
  valid,
  query,
  loadingText,
  notFound,
  children,
}: {
  valid: boolean;
  query: UseQueryResult<T>;
  loadingText: string;
  notFound: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (!valid || (query.isError && isMissing(query.error))) return notFound;
  if (query.isPending) {
    return (
      <div className="tb-portal-body" aria-busy="true">
        <DocumentTitle title={loadingText} />
        <span className="tb-visually-hidden" role="status">
          {loadingText}
        </span>
        <Skeleton active title={{ width: '60%' }} paragraph={{ rows: 3 }} />
        <Skeleton active paragraph={{ rows: 6 }} />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="tb-portal-body">
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  return children(query.data);
}
