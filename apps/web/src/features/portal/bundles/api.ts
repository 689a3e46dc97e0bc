import type { BundleDetail, BundleSummary } from '@tongban/contracts';
import { api } from '../../../app/api.ts';

export const bundleKeys = {
  all: ['catalog', 'bundles'] as const,
  list: ['catalog', 'bundles', 'list'] as const,
  detail: (key: string) => ['catalog', 'bundles', 'detail', key] as const,
};

/** The server's rule for a bundle key in the URL; anything else cannot be a bundle. */
export const BUNDLE_KEY_PATTERN = /^[a-z0-9-]{1,40}$/;

/** GET /api/catalog/bundles: every 一件事 offered. */
export const listBundles = (signal?: AbortSignal) => api.get<BundleSummary[]>('/api/catalog/bundles', undefined, signal);

/** GET /api/catalog/bundles/:key: the bundle, its items in handling order and its merged materials. */
export const getBundle = (key: string, signal?: AbortSignal) => api.get<BundleDetail>(`/api/catalog/bundles/${encodeURIComponent(key)}`, undefined, signal);

/** Where a bundle lives in the portal. */
export const bundlePath = (key: string) => `/portal/bundles/${encodeURIComponent(key)}`;
