import type { CatalogQuery, ItemSummary, ItemVersion, Page, catalogStatsReportSchema } from '@tongban/contracts';
import { api } from '../../../app/api.ts';

/** GET /api/catalog/stats: 马上办 / 网上办 / 一次办 / 跑零次 / 就近办 counts. */
export type CatalogStatsReport = ReturnType<typeof catalogStatsReportSchema.parse>;

/** What the portal sends to the search (every filter optional, page always given). */
export type CatalogSearch = Partial<Omit<CatalogQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };

export const catalogKeys = {
  all: ['catalog'] as const,
  search: (params: CatalogSearch) => ['catalog', 'search', params] as const,
  guide: (implCode: string) => ['catalog', 'guide', implCode] as const,
  stats: ['catalog', 'stats'] as const,
};

/** The server's rule for 实施编码 in the URL; anything else cannot be an item. */
export const IMPL_CODE_PATTERN = /^[0-9A-Z-]{10,50}$/;

export const searchItems = (params: CatalogSearch, signal?: AbortSignal) => api.get<Page<ItemSummary>>('/api/catalog/items', { ...params }, signal);

export const getGuide = (implCode: string, signal?: AbortSignal) =>
  api.get<ItemVersion>(`/api/catalog/items/${encodeURIComponent(implCode)}`, undefined, signal);

export const getCatalogStats = (signal?: AbortSignal) => api.get<CatalogStatsReport>('/api/catalog/stats', undefined, signal);

/** The printable guide and the one-time notice (一次性告知书), both A4 PDFs. */
export const guidePdfUrl = (implCode: string) => `/api/catalog/items/${encodeURIComponent(implCode)}/guide.pdf`;
export const noticePdfUrl = (implCode: string) => `/api/catalog/items/${encodeURIComponent(implCode)}/notice.pdf`;

/** Where an item's guide lives in the portal. */
export const guidePath = (implCode: string) => `/portal/items/${encodeURIComponent(implCode)}`;
