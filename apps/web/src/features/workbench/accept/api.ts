import type { CaseDetail, ItemSummary, ItemVersion, Page, Region } from '@tongban/contracts';
import { api } from '../../../app/api.ts';
import type { SentMaterial, WalkInSubmission } from './walkIn.ts';

export const walkInKeys = {
  search: (q: string) => ['walk-in', 'items', q] as const,
  guide: (implCode: string) => ['walk-in', 'guide', implCode] as const,
  region: (code: string) => ['walk-in', 'region', code] as const,
};

/** GET /api/catalog/items: published items matching the clerk's words. */
export const searchItems = (q: string, signal?: AbortSignal) =>
  api.get<Page<ItemSummary>>('/api/catalog/items', { q: q || undefined, page: 1, pageSize: 20 }, signal);

/** GET /api/catalog/items/:implCode: the published guide (materials, limits, form). */
export const getGuide = (implCode: string, signal?: AbortSignal) =>
  api.get<ItemVersion>(`/api/catalog/items/${encodeURIComponent(implCode)}`, undefined, signal);

/** GET /api/org/regions/:code: a region's name. */
export const getRegion = (code: string, signal?: AbortSignal) => api.get<Region>(`/api/org/regions/${encodeURIComponent(code)}`, undefined, signal);

/** POST /api/cases: the application as taken at the counter (channel `window`), idempotent by its key. */
export const submitCase = (body: WalkInSubmission) => api.post<CaseDetail>('/api/cases', body);

export type WalkInAction =
  | { action: 'accept'; opinion: string; materials?: SentMaterial[] }
  | { action: 'request-supplement'; missing: { materialKey: string; note: string }[]; opinion: string }
  | { action: 'refuse'; reason: string; legalBasis: string };

/** POST /api/cases/:caseNo/actions: one action against the version the page read. */
export const caseAction = (caseNo: string, body: WalkInAction & { version: number }) =>
  api.post<CaseDetail>(`/api/cases/${encodeURIComponent(caseNo)}/actions`, body);
