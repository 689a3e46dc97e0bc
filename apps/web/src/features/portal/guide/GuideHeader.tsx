import { LeftOutlined } from '@ant-design/icons';
import type { ItemVersion } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFormat } from '../../../app/format.ts';
import { FlagTags } from '../catalog/FlagTags.tsx';

/** Back to the search or the 一件事 page it came from; the search otherwise. */
function backTo(state: unknown): { to: string; bundle: boolean } {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    if (state.from.startsWith('/portal/search')) return { to: state.from, bundle: false };
    if (state.from.startsWith('/portal/bundles/')) return { to: state.from, bundle: true };
  }
  return { to: '/portal/search', bundle: false };
}

/** Back to where it came from (a search or a 一件事), the item's name (h1), department, version, everyday names and service chips. */
export function GuideHeader({ guide }: { guide: ItemVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const location = useLocation();
  const { item, content } = guide;
  const back = backTo(location.state);
  return (
    <header className="tb-guide-head">
      <Link className="tb-back-link" to={back.to}>
        <LeftOutlined aria-hidden /> {back.bundle ? t('bundles.backToBundle') : t('guide.back')}
      </Link>
      <h1 data-testid="guide-title">{content.name}</h1>
      <p className="tb-guide-dept">{t('guide.departmentOf', { name: item.departmentName })}</p>
      <p className="tb-fact-note" data-testid="guide-edition">
        {t('guide.edition', { version: guide.version, date: format.date(guide.publishedAt) })}
      </p>
      {content.keywords.length > 0 && <p className="tb-fact-note">{t('guide.alsoKnownAs', { words: content.keywords.join(t('common.listSeparator')) })}</p>}
      <FlagTags flags={item.flags} />
    </header>
  );
}
