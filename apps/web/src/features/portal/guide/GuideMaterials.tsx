import type { ItemContent } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { GuideSection } from './GuideSection.tsx';
import { MaterialItem } from './MaterialItem.tsx';
import { SparedNote } from '../licences/SparedNote.tsx';
import '../licences/licences.css';

/** 申请材料: what to bring, and which materials the platform fetches from the licence library instead. */
export function GuideMaterials({ content, implCode }: { content: ItemContent; implCode: string }) {
  const { t } = useTranslation();
  const materials = content.materials;
  const fetched = materials.filter((m) => m.source === 'licence_library').length;
  return (
    <GuideSection id="materials" testId="guide-materials">
      {materials.length === 0 ? (
        <p>{t('guide.materials.none')}</p>
      ) : (
        <>
          <p>
            {t('guide.materials.summary', { total: materials.length })}
            {fetched > 0 && <strong>{t('guide.materials.fetched', { count: fetched })}</strong>}
          </p>
          {fetched > 0 && <SparedNote implCode={implCode} />}
          <ol className="tb-materials">
            {materials.map((m) => (
              <MaterialItem key={m.key} m={m} />
            ))}
          </ol>
        </>
      )}
    </GuideSection>
  );
}
