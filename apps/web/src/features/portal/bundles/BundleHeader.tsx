import { LeftOutlined } from '@ant-design/icons';
import type { BundleDetail } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useThemeLabel } from '../catalog/useThemeLabel.ts';

/** Back home, the bundle's name (h1), what it does, its theme and how many items it joins. */
export function BundleHeader({ bundle }: { bundle: BundleDetail }) {
  const { t } = useTranslation();
  const themeLabel = useThemeLabel();
  return (
    <header className="tb-guide-head">
      <Link className="tb-back-link" to="/">
        <LeftOutlined aria-hidden /> {t('bundles.back')}
      </Link>
      <h1 data-testid="bundle-title">{bundle.name}</h1>
      <p className="tb-bundle-lead">{bundle.description}</p>
      <p className="tb-bundle-meta">
        <span>{t('bundles.theme', { theme: themeLabel(bundle.lifeEvent) })}</span>
        <span>{t('bundles.itemCount', { count: bundle.items.length })}</span>
      </p>
    </header>
  );
}
