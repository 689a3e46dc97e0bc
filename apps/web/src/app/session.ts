import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, RegisterRequest, SessionUser } from '@tongban/contracts';
import { api } from './api.ts';
import { badResponseError, isApiError } from './apiError.ts';
import { SESSION_KEY } from './queryClient.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Accepts a SessionUser, or `{ user: SessionUser | null }`. */
export function readSessionUser(data: unknown): SessionUser | null {
  if (!isRecord(data)) return null;
  if (typeof data.csrfToken === 'string' && Array.isArray(data.roles) && typeof data.id === 'string') {
    return data as SessionUser;
  }
  if ('user' in data) return readSessionUser(data.user);
  return null;
}

async function fetchSession(signal: AbortSignal): Promise<SessionUser | null> {
  try {
    return readSessionUser(await api.get<unknown>('/api/auth/me', undefined, signal));
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The logged-in user, or null. Public pages treat an error as "not logged in". */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginRequest) => {
      const user = readSessionUser(await api.post<unknown>('/api/auth/login', body));
      if (!user) throw badResponseError(200);
      return user;
    },
    onSuccess: (user) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      client.setQueryData(SESSION_KEY, user);
    },
  });
}

/** Registration; the server may log the new user in at once (answering a SessionUser) or not. */
export function useRegister() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: RegisterRequest) => readSessionUser(await api.post<unknown>('/api/auth/register', body)),
    onSuccess: (user) => {
      if (user) client.setQueryData(SESSION_KEY, user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/auth/logout'),
    onSuccess: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<unknown>('/api/auth/password', body),
  });
}
