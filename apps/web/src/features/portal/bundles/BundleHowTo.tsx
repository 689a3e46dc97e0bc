import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { BundleSection } from './BundleSection.tsx';

/** 怎么办理: no online application yet (said plainly, no dead button); bring the materials to a hall, or call 12345. */
export function BundleHowTo() {
  const { t } = useTranslation();
  return (
    <BundleSection title={t('bundles.howTitle')} testId="bundle-how">
      <p>
        <strong>{t('bundles.applySoon')}</strong>
      </p>
      <p>{t('bundles.applyNow')}</p>
      <p className="tb-bundle-hotline">
        {t('bundles.hotline')}{' '}
        <a className="tb-tel" href="tel:12345">
          <PhoneOutlined aria-hidden /> 12345
        </a>
      </p>
    </BundleSection>
  );
}
