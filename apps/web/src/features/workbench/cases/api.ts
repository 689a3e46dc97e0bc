import type { CaseDetail, CaseSummary } from '@tongban/contracts';
import type { CaseStatus } from '@tongban/domain';
import { api } from '../../../app/api.ts';

export interface InboxPage {
  items: CaseSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export const casesKeys = {
  all: ['workbench-cases'] as const,
  inbox: (page: number, pageSize: number) => ['workbench-cases', 'inbox', page, pageSize] as const,
  detail: (caseNo: string) => ['workbench-cases', 'detail', caseNo] as const,
  search: (s: CaseSearch) => ['workbench-cases', 'search', s] as const,
};

export const getInbox = (page: number, pageSize: number, signal?: AbortSignal) => api.get<InboxPage>('/api/tasks', { page, pageSize }, signal);

export interface CaseSearch {
  q: string;
  status: CaseStatus | undefined;
  page: number;
  pageSize: number;
}

/** GET /api/cases: 办件查询 within the officer's reach. */
export const searchCases = (s: CaseSearch, signal?: AbortSignal) =>
  api.get<InboxPage>('/api/cases', { q: s.q || undefined, status: s.status, page: s.page, pageSize: s.pageSize }, signal);

export const getCase = (caseNo: string, signal?: AbortSignal) => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(caseNo)}`, undefined, signal);

/** POST /api/cases/:caseNo/actions: one action (`body.action`) against the version read. */
export const postCaseAction = (caseNo: string, body: Record<string, unknown>) => api.post<CaseDetail>(`/api/cases/${encodeURIComponent(caseNo)}/actions`, body);

export const casePath = (caseNo: string) => `/workbench/cases/${encodeURIComponent(caseNo)}`;
