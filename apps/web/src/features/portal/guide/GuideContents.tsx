import { useTranslation } from 'react-i18next';
import { sectionAnchor, type SectionKey } from './GuideSection.tsx';

/** 本页内容: jump links to the guide's sections (a long page on a phone). */
export function GuideContents({ sections }: { sections: SectionKey[] }) {
  const { t } = useTranslation();
  return (
    <nav className="tb-guide-contents" aria-labelledby="guide-contents-h">
      <h2 id="guide-contents-h">{t('guide.contents')}</h2>
      <ul>
        {sections.map((key) => (
          <li key={key}>
            <a href={`#${sectionAnchor(key)}`}>{t(`guide.sections.${key}`)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
