import type { BundleDetail } from '@tongban/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { PortalQueryStates } from '../PortalQueryStates.tsx';
import { HallsSection } from '../HomeSections.tsx';
import { BUNDLE_KEY_PATTERN, bundleKeys, bundlePath, getBundle } from './api.ts';
import { BundleHeader } from './BundleHeader.tsx';
import { BundleHowTo } from './BundleHowTo.tsx';
import { BundleItems } from './BundleItems.tsx';
import { BundleMaterials } from './BundleMaterials.tsx';
import { BundleNotFound } from './BundleNotFound.tsx';
import './bundles.css';

/** /portal/bundles/:key — 一件事: what gets done at once, the materials handed in once, and how to apply. */
export function BundlePage() {
  const { t } = useTranslation();
  const key = useParams().key ?? '';
  const valid = BUNDLE_KEY_PATTERN.test(key);
  const query = useQuery({
    queryKey: bundleKeys.detail(key),
    queryFn: ({ signal }) => getBundle(key, signal),
    enabled: valid,
    staleTime: 5 * 60_000,
  });

  return (
    <PortalQueryStates valid={valid} query={query} loadingText={t('bundles.loading')} notFound={<BundleNotFound />}>
      {(bundle) => <BundleView bundle={bundle} />}
    </PortalQueryStates>
  );
}

function BundleView({ bundle }: { bundle: BundleDetail }) {
  return (
    <article className="tb-portal-body tb-bundle">
      <DocumentTitle title={bundle.name} />
      <BundleHeader bundle={bundle} />
      <BundleItems items={bundle.items} from={bundlePath(bundle.key)} />
      <BundleMaterials bundle={bundle} />
      <BundleHowTo />
      <HallsSection />
    </article>
  );
}
