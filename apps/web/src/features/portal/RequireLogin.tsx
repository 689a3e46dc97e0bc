import type { SessionUser } from '@tongban/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { loginPath } from '../../app/access.ts';
import { FullPageSpin } from '../../app/components/FullPageSpin.tsx';
import { QueryError } from '../../app/components/QueryError.tsx';
import { useSession } from '../../app/session.ts';

/** Personal portal pages: any logged-in user; otherwise off to /login?next=… */
export function RequireLogin({ children }: { children: (user: SessionUser) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return <>{children(session.data)}</>;
}
