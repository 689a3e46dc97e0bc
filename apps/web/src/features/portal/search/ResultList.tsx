import type { ItemSummary } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { guidePath } from '../catalog/api.ts';
import { FlagTags } from '../catalog/FlagTags.tsx';

/** Where the guide's "back" link returns to: this very search. */
export interface GuideLinkState {
  from: string;
}

/** One row per item: its name (a link to the guide), the department and the service chips. */
export function ResultList({ items, from }: { items: ItemSummary[]; from: string }) {
  const { t } = useTranslation();
  const state: GuideLinkState = { from };
  return (
    <ul className="tb-results">
      {items.map((item) => (
        <li key={item.id} className="tb-result">
          <h2 className="tb-result-name">
            <Link to={guidePath(item.implCode)} state={state} data-testid="search-result">
              {item.name}
            </Link>
          </h2>
          <p className="tb-result-dept">{t('search.departmentOf', { name: item.departmentName })}</p>
          <FlagTags flags={item.flags} />
        </li>
      ))}
    </ul>
  );
}
