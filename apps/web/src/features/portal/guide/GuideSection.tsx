import type { ReactNode } from 'react';
import type { Messages } from '../../../i18n/zh-CN.ts';
import { useTranslation } from 'react-i18next';

export type SectionKey = keyof Messages['guide']['sections'];

/** Anchor of a section, for the "本页内容" links. */
export const sectionAnchor = (key: SectionKey) => `guide-${key}`;

/** One titled part of the guide (h2), reachable from the contents list. */
export function GuideSection({ id, children, testId }: { id: SectionKey; children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const anchor = sectionAnchor(id);
  return (
    <section className="tb-section tb-guide-section" id={anchor} aria-labelledby={`${anchor}-h`} data-testid={testId}>
      <h2 id={`${anchor}-h`}>{t(`guide.sections.${id}`)}</h2>
      {children}
    </section>
  );
}
