import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../../app/apiError.ts';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { HallsSection } from '../HomeSections.tsx';
import { BUNDLE_KEY_PATTERN, bundleKeys, bundlePath, getBundle } from './api.ts';
import { BundleHeader } from './BundleHeader.tsx';
import { BundleHowTo } from './BundleHowTo.tsx';
import { BundleItems } from './BundleItems.tsx';
import { BundleMaterials } from './BundleMaterials.tsx';
import { BundleNotFound } from './BundleNotFound.tsx';
import './bundles.css';

const isMissing = (error: unknown) => isApiError(error) && (error.status === 404 || error.code === 'NOT_FOUND');

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

  if (!valid || (query.isError && isMissing(query.error))) return <BundleNotFound />;
  if (query.isPending) {
    return (
      <div className="tb-portal-body" aria-busy="true">
        <DocumentTitle title={t('bundles.loading')} />
        <span className="tb-visually-hidden" role="status">
          {t('bundles.loading')}
        </span>
        <Skeleton active title={{ width: '60%' }} paragraph={{ rows: 3 }} />
        <Skeleton active paragraph={{ rows: 6 }} />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="tb-portal-body">
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }

  const bundle = query.data;
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
