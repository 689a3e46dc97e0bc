import type { CaseDetail, CaseStep, CaseSummary, SessionUser } from '@tongban/contracts';
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
};

export const getInbox = (page: number, pageSize: number, signal?: AbortSignal) => api.get<InboxPage>('/api/cases/inbox', { page, pageSize }, signal);

export const getCase = (caseNo: string, signal?: AbortSignal) => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(caseNo)}`, undefined, signal);

export const postCaseAction = (caseNo: string, action: string, body: Record<string, unknown>) =>
  api.post<CaseDetail>(`/api/cases/${encodeURIComponent(caseNo)}/${action}`, body);

export const casePath = (caseNo: string) => `/workbench/cases/${encodeURIComponent(caseNo)}`;

/** Roles bound to a department: they act only on steps of their own department. */
const departmentRoles = new Set(['reviewer', 'approver', 'dept_admin']);

/**
 * The open steps this user may act on, as far as the browser can tell (the server decides):
 * the step's role, and for department-bound roles the step's department. Region checks stay
 * with the server, so a window officer may still get 403/404.
 */
export function myOpenSteps(detail: CaseDetail, user: SessionUser | null | undefined): CaseStep[] {
  if (!user) return [];
  return detail.openSteps.filter((step) => {
    if (!user.roles.includes(step.role as SessionUser['roles'][number])) return false;
    if (departmentRoles.has(step.role)) return !!step.departmentName && step.departmentName === user.departmentName;
    return true;
  });
}
