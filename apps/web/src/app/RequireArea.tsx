import type { SessionUser } from '@tongban/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { canEnter, loginPath, type AreaId } from './access.ts';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { QueryError } from './components/QueryError.tsx';
import { ForbiddenResult } from './components/Results.tsx';
import { useSession } from './session.ts';

/**
 * Guards a protected area: not logged in → /login?next=…, logged in without a role for the
 * area → 403 with a way back. `children` receives the user, so nothing renders before the check.
 */
export function RequireArea({ area, children }: { area: AreaId; children: (user: SessionUser) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) {
    return (
      <main id="main" className="tb-center-page">
        <QueryError error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }
  const user = session.data;
  if (!user) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (!canEnter(area, user.roles)) return <ForbiddenResult user={user} area={area} />;
  return <>{children(user)}</>;
}
