import { badResponseError, errorFromResponse, networkError } from './apiError.ts';
import { currentLanguage } from './i18n.ts';
import { csrfToken } from './queryClient.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

interface RequestOptions {
  query?: QueryParams | undefined;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/** `/api/x` plus the defined, non-empty query parameters. */
export function apiUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The one way the web app talks to the server: same-origin cookies, JSON both ways, the
 * user's language in Accept-Language and, on anything that changes data, the session's CSRF
 * token. Failures become ApiError with the server's (already translated) message.
 */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  let body: string | undefined;
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }

  const text = response.status === 204 ? '' : await response.text();
  let data: unknown = undefined;
  let parsed = true;
  if (text) {
    try {
      data = JSON.parse(text) as unknown;
    } catch {
      parsed = false;
    }
  }
  if (!response.ok) throw errorFromResponse(response.status, parsed ? data : undefined);
  if (!parsed) throw badResponseError(response.status);
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T = unknown>(path: string) => request<T>('DELETE', path),
};

/** Lists may come as a bare array or as a page: callers get the array either way. */
export function itemsOf<T>(data: T[] | { items: T[] } | undefined | null): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items;
}
