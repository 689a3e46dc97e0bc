import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DocumentTitle } from '../../app/components/DocumentTitle.tsx';
import { usePrefs } from '../../app/prefs.tsx';
import { catalogKeys, searchItems } from './catalog/api.ts';
import { usePreferredAudience } from './catalog/usePreferredAudience.ts';
import { useThemeLabel } from './catalog/useThemeLabel.ts';
import { SearchBox } from './SearchBox.tsx';
import { SearchFilters } from './search/SearchFilters.tsx';
import { SearchResults } from './search/SearchResults.tsx';
import { toCatalogQuery, useSearchState } from './search/searchState.ts';

/** /portal/search?q=&theme=&audience=&flag=&dept=&page= — the catalog search; the URL is the state. */
export function SearchPage() {
  const { t } = useTranslation();
  const { elderMode } = usePrefs();
  const themeLabel = useThemeLabel();
  const [state, update] = useSearchState();
  // Elder mode: fewer items per page.
  const pageSize = elderMode ? 5 : 10;
  // Signed in: the user's own kind of items first (个人 for a citizen, 法人 for an enterprise); part of the query key.
  const { prefer, ready } = usePreferredAudience();
  const params = toCatalogQuery(state, pageSize, prefer);
  const query = useQuery({
    queryKey: catalogKeys.search(params),
    queryFn: ({ signal }) => searchItems(params, signal),
    enabled: ready,
  });
  const title = state.q
    ? t('search.resultFor', { q: state.q })
    : state.theme
      ? t('search.themeTitle', { theme: themeLabel(state.theme) })
      : state.flag
        ? t('search.flagTitle', { flag: t(`catalog.flags.${state.flag}`) })
        : t('search.allTitle');
  const departmentName = state.dept ? query.data?.items.find((i) => i.departmentId === state.dept)?.departmentName : undefined;

  return (
    <div className="tb-portal-body">
      <DocumentTitle title={title} />
      <h1>{title}</h1>
      <SearchBox key={state.q} initial={state.q} autoFocus={!state.q && !state.theme} onSearch={(q) => update({ q })} />
      <SearchFilters state={state} update={update} departmentName={departmentName} />
      <div className="tb-search-results">
        <SearchResults query={query} state={state} pageSize={pageSize} update={update} />
      </div>
    </div>
  );
}
