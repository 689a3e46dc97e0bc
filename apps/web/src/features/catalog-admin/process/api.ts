import type { Department, ProcessDefinitionDto, ProcessRecord, ProcessVersionSummary } from '@tongban/contracts';
import { api } from '../../../app/api.ts';
import { orgKeys } from '../../org/api.ts';

/** Query keys of the process editor; a save invalidates everything under `all(itemId)`. */
export const processKeys = {
  all: (itemId: string) => ['process', itemId] as const,
  current: (itemId: string) => ['process', itemId, 'current'] as const,
  versions: (itemId: string) => ['process', itemId, 'versions'] as const,
  version: (itemId: string, version: number) => ['process', itemId, 'version', version] as const,
  /** Under the org prefix, so department edits refresh the names. */
  department: (id: string) => [...orgKeys.departments, 'one', id] as const,
};

const base = (itemId: string) => `/api/processes/${itemId}`;

/** The definition the item runs now: its latest version, or the default when none was saved. */
export const getProcess = (itemId: string, signal?: AbortSignal) => api.get<ProcessRecord>(base(itemId), undefined, signal);

/** Saved versions, newest first. */
export const listProcessVersions = async (itemId: string, signal?: AbortSignal) =>
  (await api.get<ProcessVersionSummary[]>(`${base(itemId)}/versions`, undefined, signal)).sort((a, b) => b.version - a.version);

export const getProcessVersion = (itemId: string, version: number, signal?: AbortSignal) =>
  api.get<ProcessRecord>(`${base(itemId)}/versions/${version}`, undefined, signal);

/** Saves version n+1; `baseVersion` is the version the editor started from (null: none saved). */
export const saveProcess = (itemId: string, definition: ProcessDefinitionDto, baseVersion: number | null) =>
  api.post<ProcessRecord>(`${base(itemId)}/versions`, { definition, baseVersion });

export const getDepartment = (id: string, signal?: AbortSignal) => api.get<Department>(`/api/org/departments/${id}`, undefined, signal);

export const processEditorPath = (itemId: string) => `/admin/catalog/items/${itemId}/process`;
