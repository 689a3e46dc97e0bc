import type { ItemSummary } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { serviceFlags } from '../portal/catalog/vocab.ts';

/** 马上办 / 网上办 / 一次办 / 跑零次 / 就近办 of an item, as words (only the ones it has). */
export function ServiceFlags({ flags }: { flags: ItemSummary['flags'] }) {
  const { t } = useTranslation();
  const on = serviceFlags.filter((f) => flags[f]);
  if (on.length === 0) return <span className="tb-muted">{t('common.none')}</span>;
  return (
    <ul className="tb-ca-flags" aria-label={t('catalog.flagsLabel')}>
      {on.map((f) => (
        <li key={f} title={t(`catalog.flagHints.${f}`)}>
          {t(`catalog.flags.${f}`)}
        </li>
      ))}
    </ul>
  );
}
