import { LeftOutlined } from '@ant-design/icons';
import type { ItemVersion } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { FlagTags } from '../catalog/FlagTags.tsx';

function backTo(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string' && state.from.startsWith('/portal/search')) {
    return state.from;
  }
  return '/portal/search';
}

/** Back to the search it came from, the item's name (h1), department, everyday names and service chips. */
export function GuideHeader({ guide }: { guide: ItemVersion }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { item, content } = guide;
  return (
    <header className="tb-guide-head">
      <Link className="tb-back-link" to={backTo(location.state)}>
        <LeftOutlined aria-hidden /> {t('guide.back')}
      </Link>
      <h1 data-testid="guide-title">{content.name}</h1>
      <p className="tb-guide-dept">{t('guide.departmentOf', { name: item.departmentName })}</p>
      {content.keywords.length > 0 && <p className="tb-fact-note">{t('guide.alsoKnownAs', { words: content.keywords.join(t('common.listSeparator')) })}</p>}
      <FlagTags flags={item.flags} />
    </header>
  );
}
