import type { CaseDetail, CaseStatusCode, CaseSummary, Page } from '@tongban/contracts';
import { api } from '../../../app/api.ts';

export const myCaseKeys = {
  all: ['cases', 'mine'] as const,
  list: (page: number, pageSize: number) => ['cases', 'mine', 'list', page, pageSize] as const,
  detail: (caseNo: string) => ['cases', 'mine', 'detail', caseNo] as const,
};

/** The server's rule for a case number (办件编号) in the URL; anything else cannot be a case. */
export const CASE_NO_PATTERN = /^[0-9A-Z]{10,31}-\d{8}-\d{6}$/;

/** The cases a list page shows: few per page, so a phone scrolls little. */
export const MY_CASES_PAGE_SIZE = 10;

/** GET /api/cases/mine: the signed-in applicant's own cases, newest first. */
export const listMyCases = (page: number, pageSize: number, signal?: AbortSignal) => api.get<Page<CaseSummary>>('/api/cases/mine', { page, pageSize }, signal);

/** GET /api/cases/:caseNo: the case with its timeline. */
export const getCase = (caseNo: string, signal?: AbortSignal) => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(caseNo)}`, undefined, signal);

/** 撤回 through POST /api/cases/:caseNo/actions, against the version the applicant saw. */
export const withdrawCase = (caseNo: string, body: { reason: string; version: number }) =>
  api.post<CaseDetail>(`/api/cases/${encodeURIComponent(caseNo)}/actions`, { action: 'withdraw', ...body });

/** Where a case's progress lives in the portal. */
export const casePath = (caseNo: string) => `/portal/cases/${encodeURIComponent(caseNo)}`;

/** The statuses in which the server accepts a withdrawal (docs/cases.md: every status before the decision). */
const WITHDRAWABLE: ReadonlySet<CaseStatusCode> = new Set(['submitted', 'supplementing', 'processing', 'suspended']);
export const canWithdraw = (status: CaseStatusCode) => WITHDRAWABLE.has(status);

/** Closed cases: nothing more will happen. */
const CLOSED: ReadonlySet<CaseStatusCode> = new Set(['withdrawn', 'refused', 'revoked', 'delivered']);
export const isClosed = (status: CaseStatusCode) => CLOSED.has(status);

/** The colour of a status tag (the words always say it too). */
export function statusColor(status: CaseStatusCode): string {
  switch (status) {
    case 'supplementing':
      return 'warning';
    case 'decided':
    case 'delivered':
      return 'success';
    case 'refused':
    case 'revoked':
      return 'error';
    case 'withdrawn':
      return 'default';
    default:
      return 'processing';
  }
}
