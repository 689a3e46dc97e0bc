import type { ItemContent } from '@tongban/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { GuideSection } from './GuideSection.tsx';

/** 收费: each fee with its amount and legal basis, or 不收费. */
export function GuideFees({ content }: { content: ItemContent }) {
  const { t } = useTranslation();
  const fees = content.charged ? content.fees : [];
  return (
    <GuideSection id="fees">
      {fees.length === 0 ? (
        <p>
          <strong>{t('guide.fees.none')}</strong>
        </p>
      ) : (
        <ul className="tb-cards">
          {fees.map((f) => (
            <li key={f.name} className="tb-card-item">
              <h3>
                {f.name} {f.waivable && <Tag className="tb-tag tb-tag-green">{t('guide.fees.waivable')}</Tag>}
              </h3>
              <dl className="tb-kv">
                <div>
                  <dt>{t('guide.fees.standard')}</dt>
                  <dd>
                    <strong>{f.standard}</strong>
                  </dd>
                </div>
                <div>
                  <dt>{t('guide.fees.basis')}</dt>
                  <dd>{f.basis}</dd>
                </div>
                {f.waivable && f.waiverBasis && (
                  <div>
                    <dt>{t('guide.fees.waiverBasis')}</dt>
                    <dd>{f.waiverBasis}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </GuideSection>
  );
}
