import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import type { SessionUser } from '@tongban/contracts';
import { isApiError } from './apiError.ts';

/** The current session user (null: logged out). Holds the CSRF token the API client sends. */
export const SESSION_KEY = ['session'] as const;

function onApiError(error: unknown, key?: QueryKey): void {
  if (!isApiError(error)) return;
  // Only a lost session logs the user out in the UI: a wrong *current* password does not.
  if (error.code === 'UNAUTHENTICATED' && key?.[0] !== SESSION_KEY[0]) {
    queryClient.setQueryData<SessionUser | null>(SESSION_KEY, null);
  }
  if (error.code === 'CSRF_FAILED') {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onApiError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onApiError(error) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors will not fix themselves; network and server errors get two more tries.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

export function csrfToken(): string | null {
  return queryClient.getQueryData<SessionUser | null>(SESSION_KEY)?.csrfToken ?? null;
}
