import type { ItemSummary } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { guidePath } from '../catalog/api.ts';
import { FlagTags } from '../catalog/FlagTags.tsx';
import type { GuideLinkState } from '../search/ResultList.tsx';
import { BundleSection } from './BundleSection.tsx';

/** 一次办好这些事: the items in handling order, each a link to its guide (which links back here). */
export function BundleItems({ items, from }: { items: ItemSummary[]; from: string }) {
  const { t } = useTranslation();
  const state: GuideLinkState = { from };
  return (
    <BundleSection title={t('bundles.itemsTitle')} testId="bundle-items">
      {items.length === 0 ? (
        <p>{t('bundles.itemsNone')}</p>
      ) : (
        <>
          <p className="tb-fact-note">{t('bundles.itemsIntro')}</p>
          <ol className="tb-bundle-steps">
            {items.map((item, i) => (
              <li key={item.id} className="tb-bundle-step">
                <span className="tb-bundle-step-no">{t('bundles.step', { n: i + 1 })}</span>
                <h3 className="tb-result-name">
                  <Link to={guidePath(item.implCode)} state={state} data-testid="bundle-item">
                    {item.name}
                  </Link>
                </h3>
                <p className="tb-result-dept">{t('search.departmentOf', { name: item.departmentName })}</p>
                <FlagTags flags={item.flags} />
              </li>
            ))}
          </ol>
        </>
      )}
    </BundleSection>
  );
}
