import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Grid, Skeleton } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { usePrefs } from '../../../app/prefs.tsx';
import { useThemeLabel } from '../catalog/useThemeLabel.ts';
import { bundleKeys, bundlePath, listBundles } from './api.ts';
import { sortBundles } from './order.ts';
import './bundles.css';

/** 一件事一次办 on the home page: one card per bundle (name, what it does, theme, how many items). */
export function BundlesSection() {
  const { t } = useTranslation();
  const { elderMode } = usePrefs();
  const themeLabel = useThemeLabel();
  const id = useId();
  const listId = useId();
  // Phones and elder mode: fewer cards at first, the rest one tap away.
  const short = elderMode || Grid.useBreakpoint().sm === false;
  const [showAll, setShowAll] = useState(false);
  const query = useQuery({
    queryKey: bundleKeys.list,
    queryFn: ({ signal }) => listBundles(signal),
    staleTime: 5 * 60_000,
  });
  // Nothing offered: no section at all (the home page stays short).
  if (query.isSuccess && query.data.length === 0) return null;

  const limit = short ? 3 : 6;
  const bundles = query.isSuccess ? sortBundles(query.data) : [];
  const shown = showAll ? bundles : bundles.slice(0, limit);
  return (
    <section className="tb-section" aria-labelledby={id} data-testid="home-bundles">
      <h2 id={id}>{t('bundles.homeTitle')}</h2>
      {query.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 3 }} />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <p className="tb-muted tb-bundle-intro">{t('bundles.homeIntro')}</p>
          <ul className="tb-bundle-cards" id={listId}>
            {shown.map((b) => (
              <li key={b.key} className="tb-bundle-card">
                <h3>
                  <Link to={bundlePath(b.key)} data-testid="home-bundle">
                    {b.name}
                  </Link>
                </h3>
                <p className="tb-bundle-desc">{b.description}</p>
                <p className="tb-bundle-meta">
                  <span>{themeLabel(b.lifeEvent)}</span>
                  <span>{t('bundles.itemCount', { count: b.itemCount })}</span>
                </p>
              </li>
            ))}
          </ul>
          {bundles.length > limit && (
            <p className="tb-more-link">
              <Button
                className="tb-bundle-more"
                type="link"
                aria-expanded={showAll}
                aria-controls={listId}
                icon={showAll ? <UpOutlined aria-hidden /> : <DownOutlined aria-hidden />}
                iconPlacement="end"
                onClick={() => setShowAll((s) => !s)}
              >
                {showAll ? t('bundles.showFewer') : t('bundles.showAll', { count: bundles.length })}
              </Button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
