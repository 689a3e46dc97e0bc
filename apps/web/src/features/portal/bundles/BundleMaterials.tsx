import { CheckCircleFilled, CloudDownloadOutlined, LinkOutlined } from '@ant-design/icons';
import type { BundleDetail, BundleMaterial } from '@tongban/contracts';
import { Tag } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MaterialItem } from '../guide/MaterialItem.tsx';
import { BundleSection } from './BundleSection.tsx';

/** One merged material: the guide's card plus which items need it (and "only once" when several do). */
function BundleMaterialItem({ m }: { m: BundleMaterial }) {
  const { t } = useTranslation();
  const shared = m.usedBy.length > 1;
  return (
    <MaterialItem
      m={m}
      level={4}
      tags={
        shared && (
          <Tag className="tb-tag tb-tag-cyan" icon={<LinkOutlined aria-hidden />}>
            {t('bundles.shared', { count: m.usedBy.length })}
          </Tag>
        )
      }
      rows={
        <div>
          <dt>{t('bundles.usedBy')}</dt>
          <dd>
            <ul className="tb-plain-list tb-used-by">
              {m.usedBy.map((u) => (
                <li key={u.implCode}>{u.name}</li>
              ))}
            </ul>
          </dd>
        </div>
      }
    />
  );
}

/** A group of materials under its own heading (h3), numbered. */
function MaterialGroup({ title, hint, materials, badge }: { title: ReactNode; hint?: string; materials: BundleMaterial[]; badge?: boolean }) {
  const id = useId();
  return (
    <div className="tb-bundle-group" role="group" aria-labelledby={id}>
      <h3 id={id} className={badge ? 'tb-bundle-group-title tb-bundle-group-library' : 'tb-bundle-group-title'}>
        {title}
      </h3>
      {hint && <p className="tb-fact-note">{hint}</p>}
      <ol className="tb-materials">
        {materials.map((m) => (
          <BundleMaterialItem key={m.key} m={m} />
        ))}
      </ol>
    </div>
  );
}

/**
 * 一次交齐的材料: every item's materials as one list (the server merges them), in two groups —
 * what the applicant prepares, and what the platform fetches from the licence library.
 */
export function BundleMaterials({ bundle }: { bundle: BundleDetail }) {
  const { t } = useTranslation();
  const { materials, sparedSubmissions } = bundle;
  const fetched = materials.filter((m) => m.source === 'licence_library');
  const prepared = materials.filter((m) => m.source !== 'licence_library');
  return (
    <BundleSection title={t('bundles.materialsTitle')} testId="bundle-materials">
      {sparedSubmissions > 0 && (
        <p className="tb-bundle-spared" data-testid="bundle-spared">
          <CheckCircleFilled aria-hidden /> {t('bundles.spared', { count: sparedSubmissions })}
        </p>
      )}
      {materials.length === 0 ? (
        <p>{t('bundles.materialsNone')}</p>
      ) : (
        <>
          <p>
            {t('bundles.materialsSummary', { total: materials.length })}
            {fetched.length > 0 && <strong>{t('guide.materials.fetched', { count: fetched.length })}</strong>}
          </p>
          {prepared.length > 0 && <MaterialGroup title={t('bundles.groupBring')} materials={prepared} />}
          {fetched.length > 0 && (
            <MaterialGroup
              badge
              title={
                <>
                  <CloudDownloadOutlined aria-hidden /> {t('bundles.groupLibrary')}
                </>
              }
              hint={t('bundles.groupLibraryHint')}
              materials={fetched}
            />
          )}
        </>
      )}
    </BundleSection>
  );
}
