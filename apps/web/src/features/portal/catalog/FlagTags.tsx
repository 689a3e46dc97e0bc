import type { ItemSummary } from '@tongban/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { serviceFlags } from './vocab.ts';

/** 马上办 / 网上办 / 一次办 / 跑零次 / 就近办 chips of one item (only the ones it has). */
export function FlagTags({ flags }: { flags: ItemSummary['flags'] }) {
  const { t } = useTranslation();
  const on = serviceFlags.filter((f) => flags[f]);
  if (on.length === 0) return null;
  return (
    <ul className="tb-flag-tags" aria-label={t('catalog.flagsLabel')}>
      {on.map((f) => (
        <li key={f}>
          <Tag color="blue" variant="outlined" title={t(`catalog.flagHints.${f}`)}>
            {t(`catalog.flags.${f}`)}
          </Tag>
        </li>
      ))}
    </ul>
  );
}
