import type {
  CreateDepartment,
  CreateHall,
  CreateHallWindow,
  Department,
  Hall,
  HallKind,
  HallWindow,
  Page,
  Region,
  UpdateDepartment,
} from '@tongban/contracts';
import { api, itemsOf } from '../../app/api.ts';

/** Query keys of the org module; mutations invalidate by prefix. */
export const orgKeys = {
  regions: ['org', 'regions'] as const,
  regionChildren: (parentCode: string | null) => ['org', 'regions', 'children', parentCode ?? ''] as const,
  regionSearch: (q: string) => ['org', 'regions', 'search', q] as const,
  departments: ['org', 'departments'] as const,
  departmentList: (params: DepartmentQuery) => ['org', 'departments', 'list', params] as const,
  halls: ['org', 'halls'] as const,
  hallList: (params: HallQuery) => ['org', 'halls', 'list', params] as const,
  hall: (id: string) => ['org', 'halls', 'one', id] as const,
  windows: (hallId: string) => ['org', 'windows', hallId] as const,
};

export interface DepartmentQuery {
  page: number;
  pageSize: number;
  q?: string | undefined;
  regionCode?: string | undefined;
}

export interface HallQuery {
  page: number;
  pageSize: number;
  q?: string | undefined;
  kind?: HallKind | undefined;
  regionCode?: string | undefined;
}

export type UpdateHall = CreateHall & { version: number };
export type UpdateHallWindow = CreateHallWindow & { version: number };

// 行政区划
export async function listRegions(parentCode: string | null, signal?: AbortSignal): Promise<Region[]> {
  return itemsOf(await api.get<Region[] | Page<Region>>('/api/org/regions', { parentCode }, signal));
}
export async function searchRegions(q: string, signal?: AbortSignal): Promise<Region[]> {
  return itemsOf(await api.get<Region[] | Page<Region>>('/api/org/regions', { q }, signal));
}
export const createRegion = (body: { code: string; name: string; parentCode: string | null }) => api.post<Region>('/api/org/regions', body);
export const renameRegion = (code: string, name: string) => api.patch<Region>(`/api/org/regions/${encodeURIComponent(code)}`, { name });
export const deleteRegion = (code: string) => api.del(`/api/org/regions/${encodeURIComponent(code)}`);

// 部门
export const listDepartments = (params: DepartmentQuery, signal?: AbortSignal) => api.get<Page<Department>>('/api/org/departments', { ...params }, signal);
export const createDepartment = (body: CreateDepartment) => api.post<Department>('/api/org/departments', body);
export const updateDepartment = (id: string, body: UpdateDepartment) => api.put<Department>(`/api/org/departments/${id}`, body);
export const deleteDepartment = (id: string) => api.del(`/api/org/departments/${id}`);

// 大厅与窗口
export const listHalls = (params: HallQuery, signal?: AbortSignal) => api.get<Page<Hall>>('/api/org/halls', { ...params }, signal);
export const getHall = (id: string, signal?: AbortSignal) => api.get<Hall>(`/api/org/halls/${encodeURIComponent(id)}`, undefined, signal);
export const createHall = (body: CreateHall) => api.post<Hall>('/api/org/halls', body);
export const updateHall = (id: string, body: UpdateHall) => api.put<Hall>(`/api/org/halls/${id}`, body);
export const deleteHall = (id: string) => api.del(`/api/org/halls/${id}`);

export async function listWindows(hallId: string, signal?: AbortSignal): Promise<HallWindow[]> {
  return itemsOf(await api.get<HallWindow[] | Page<HallWindow>>(`/api/org/halls/${encodeURIComponent(hallId)}/windows`, undefined, signal));
}
export const createWindow = (hallId: string, body: CreateHallWindow) => api.post<HallWindow>(`/api/org/halls/${hallId}/windows`, body);
export const updateWindow = (id: string, body: UpdateHallWindow) => api.put<HallWindow>(`/api/org/windows/${id}`, body);
export const deleteWindow = (id: string) => api.del(`/api/org/windows/${id}`);
