import type {
  CreateSharingClient,
  LicenceType,
  Page,
  SharingAccess,
  SharingClient,
  SharingDaily,
  SharingSecret,
  UpdateSharingClient,
} from '@tongban/contracts';
import { api } from '../../app/api.ts';

export type AccessResult = 'all' | 'ok' | 'refused';

/** The access log's filters and page, as the URL carries them. */
export interface AccessLogQuery {
  page: number;
  pageSize: number;
  clientId?: string | undefined;
  result: AccessResult;
  from?: string | undefined;
  to?: string | undefined;
}

/** Query keys of data sharing; mutations invalidate by prefix. */
export const sharingKeys = {
  all: ['sharing'] as const,
  clients: ['sharing', 'clients'] as const,
  log: (q: AccessLogQuery) => ['sharing', 'log', q] as const,
  daily: (clientId: string | undefined) => ['sharing', 'daily', clientId ?? ''] as const,
  licenceTypes: ['licences', 'types'] as const,
};

export const listClients = (signal?: AbortSignal) => api.get<SharingClient[]>('/api/sharing/clients', undefined, signal);
export const createClient = (body: CreateSharingClient) => api.post<SharingClient & { clientSecret: string }>('/api/sharing/clients', body);
export const updateClient = (id: string, body: UpdateSharingClient) => api.patch<SharingClient>(`/api/sharing/clients/${id}`, body);
export const suspendClient = (id: string, reason: string) => api.post<SharingClient>(`/api/sharing/clients/${id}/suspend`, { reason });
export const restoreClient = (id: string) => api.post<SharingClient>(`/api/sharing/clients/${id}/restore`);
export const resetSecret = (id: string) => api.post<SharingSecret>(`/api/sharing/clients/${id}/secret`);

export const accessLog = (q: AccessLogQuery, signal?: AbortSignal) => api.get<Page<SharingAccess>>('/api/sharing/access-log', { ...q }, signal);
export const dailyCalls = (clientId: string | undefined, signal?: AbortSignal) =>
  api.get<SharingDaily[]>('/api/sharing/access-log/daily', { days: 14, clientId }, signal);

/** 证照目录: the licence types, to name `licence.read:<TYPE>` scopes. */
export const listLicenceTypes = (signal?: AbortSignal) => api.get<LicenceType[]>('/api/licenses/types', undefined, signal);
