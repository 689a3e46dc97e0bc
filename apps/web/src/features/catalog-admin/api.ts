import type { ItemContent, ItemStatus, ItemSummary, ItemVersion, Page } from '@tongban/contracts';
import { api } from '../../app/api.ts';

/** What the admin list sends (GET /api/catalog/admin/items). */
export interface AdminItemQuery {
  page: number;
  pageSize: number;
  q?: string | undefined;
  status?: ItemStatus | undefined;
  /** Centre admins only. */
  dept?: string | undefined;
}

/** One row of the version history (GET …/versions). */
export interface VersionEntry {
  version: number;
  status: ItemStatus;
  updatedAt: string;
  publishedAt: string | null;
  updatedBy: string | null;
  updatedByName: string | null;
  publishedByName: string | null;
}

/** One changed field between two versions (GET …/diff). A side that does not exist is absent. */
export interface DiffEntry {
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface CreateItemBody {
  departmentId: string;
  level: ItemContent['exerciseLevels'][number];
  implCode?: string;
  content: ItemContent;
}

/** An item as the editor opens it: its latest version (any status) and the history. */
export interface EditableItem {
  current: ItemVersion;
  versions: VersionEntry[];
}

const base = '/api/catalog/admin/items';

export const catalogAdminKeys = {
  all: ['catalogAdmin'] as const,
  list: (params: AdminItemQuery) => ['catalogAdmin', 'list', params] as const,
  item: (id: string) => ['catalogAdmin', 'item', id] as const,
  version: (id: string, version: number) => ['catalogAdmin', 'version', id, version] as const,
  diff: (id: string, from: number, to: number) => ['catalogAdmin', 'diff', id, from, to] as const,
};

export const listAdminItems = (params: AdminItemQuery, signal?: AbortSignal) => api.get<Page<ItemSummary>>(base, { ...params }, signal);

export const listVersions = async (id: string, signal?: AbortSignal) =>
  (await api.get<VersionEntry[]>(`${base}/${id}/versions`, undefined, signal)).sort((a, b) => b.version - a.version);

export const getVersion = (id: string, version: number, signal?: AbortSignal) => api.get<ItemVersion>(`${base}/${id}/versions/${version}`, undefined, signal);

/** The latest version (the one being edited) with the whole history; there is no single-item route. */
export async function getEditableItem(id: string, signal?: AbortSignal): Promise<EditableItem> {
  const versions = await listVersions(id, signal);
  const latest = versions[0];
  if (!latest) throw new Error(`item ${id} has no versions`);
  return { current: await getVersion(id, latest.version, signal), versions };
}

export const getDiff = (id: string, from: number, to: number, signal?: AbortSignal) => api.get<DiffEntry[]>(`${base}/${id}/diff`, { from, to }, signal);

export const createItem = (body: CreateItemBody) => api.post<ItemVersion>(base, body);
export const saveDraft = (id: string, content: ItemContent, rowVersion: number) => api.put<ItemVersion>(`${base}/${id}/draft`, { content, rowVersion });
export const submitItem = (id: string, rowVersion: number) => api.post<ItemVersion>(`${base}/${id}/submit`, { rowVersion });
export const publishItem = (id: string, rowVersion: number) => api.post<ItemVersion>(`${base}/${id}/publish`, { rowVersion });
/** The server keeps no reason yet (itemActionSchema is { rowVersion }); it is sent for when it does. */
export const retireItem = (id: string, rowVersion: number, reason: string) => api.post<ItemSummary>(`${base}/${id}/retire`, { rowVersion, reason });

/** The public guide page of an item. */
export const publicGuidePath = (implCode: string) => `/portal/items/${encodeURIComponent(implCode)}`;
export const editorPath = (id: string) => `/admin/catalog/items/${id}`;
