import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CatalogSearch } from '../catalog/api.ts';
import { isAudience, isServiceFlag, type Audience, type ServiceFlag } from '../catalog/vocab.ts';

/** The search as the URL holds it (/portal/search?q=&theme=&audience=&flag=&dept=&page=), so it can be bookmarked. */
export interface SearchState {
  q: string;
  theme: string;
  audience: Audience | null;
  flag: ServiceFlag | null;
  dept: string | null;
  page: number;
}

// The server's limits: longer values would be refused, so the URL is trimmed to them.
const MAX_Q = 50;
const MAX_THEME = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readSearch(params: URLSearchParams): SearchState {
  const audience = params.get('audience');
  const flag = params.get('flag');
  const dept = params.get('dept');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_Q),
    theme: (params.get('theme') ?? '').trim().slice(0, MAX_THEME),
    audience: isAudience(audience) ? audience : null,
    flag: isServiceFlag(flag) ? flag : null,
    dept: dept && UUID.test(dept) ? dept : null,
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The URL of a search; empty values and page 1 are left out. */
export function searchHref(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.theme) params.set('theme', state.theme);
  if (state.audience) params.set('audience', state.audience);
  if (state.flag) params.set('flag', state.flag);
  if (state.dept) params.set('dept', state.dept);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  const qs = params.toString();
  return qs ? `/portal/search?${qs}` : '/portal/search';
}

/** The search's query; `prefer` (the signed-in applicant's audience) ranks their items first without filtering. */
export function toCatalogQuery(state: SearchState, pageSize: number, prefer?: Audience): CatalogSearch {
  return {
    q: state.q || undefined,
    theme: state.theme || undefined,
    audience: state.audience ?? undefined,
    flag: state.flag ?? undefined,
    dept: state.dept ?? undefined,
    prefer,
    page: state.page,
    pageSize,
  };
}

export const hasFilters = (s: SearchState): boolean => Boolean(s.theme || s.audience || s.flag || s.dept);

/** The search in the URL and a way to change it: any change but the page starts again at page 1. */
export function useSearchState(): [SearchState, (patch: Partial<SearchState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readSearch(params), [params]);
  const update = useCallback(
    (patch: Partial<SearchState>) => {
      const next = { ...state, page: 1, ...patch };
      const href = searchHref(next);
      setParams(new URLSearchParams(href.split('?')[1] ?? ''));
    },
    [state, setParams],
  );
  return [state, update];
}
