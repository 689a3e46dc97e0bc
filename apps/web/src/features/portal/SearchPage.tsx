import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../app/components/ButtonLink.tsx';
import { DocumentTitle } from '../../app/components/DocumentTitle.tsx';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { SearchBox } from './SearchBox.tsx';

/** /portal/search?q= — the catalogue search arrives in a later issue: say so honestly. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  return (
    <div className="tb-portal-body">
      <DocumentTitle title={q ? t('portal.searchResultFor', { q }) : t('portal.searchTitle')} />
      <h1>{q ? t('portal.searchResultFor', { q }) : t('portal.searchTitle')}</h1>
      <SearchBox key={q} initial={q} autoFocus={!q} />
      <div className="tb-mt-lg" aria-live="polite">
        {q ? (
          <EmptyState title={t('portal.searchEmpty')} text={t('portal.searchEmptyText', { q })} action={<ButtonLink to="/">{t('result.goHome')}</ButtonLink>} />
        ) : (
          <p className="tb-muted">{t('portal.searchPrompt')}</p>
        )}
      </div>
    </div>
  );
}
