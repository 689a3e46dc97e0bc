import type { Page, Subject, SubjectCheck, SubjectCheckResult, SubjectCounts, SubjectLookup, UpsertSubject } from '@tongban/contracts';
import type { SubjectKind } from '@tongban/domain';
import { api } from '../../../app/api.ts';

export interface SubjectSearch {
  q: string;
  kind?: SubjectKind | undefined;
  purpose: string;
  page: number;
  pageSize: number;
}

export const subjectKeys = {
  all: ['subjects'] as const,
  search: (s: SubjectSearch) => ['subjects', 'search', s] as const,
  counts: ['subjects', 'counts'] as const,
  lookups: (id: string) => ['subjects', 'lookups', id] as const,
};

export const searchSubjects = (s: SubjectSearch, signal?: AbortSignal) =>
  api.get<Page<Subject>>('/api/subjects', { q: s.q, kind: s.kind, purpose: s.purpose, page: s.page, pageSize: s.pageSize }, signal);
export const subjectCounts = (signal?: AbortSignal) => api.get<SubjectCounts>('/api/subjects/counts', undefined, signal);
export const revealSubject = (id: string, purpose: string) => api.post<Subject>(`/api/subjects/${id}/reveal`, { purpose });
export const subjectLookups = (id: string, signal?: AbortSignal) => api.get<SubjectLookup[]>(`/api/subjects/${id}/lookups`, undefined, signal);
export const saveSubject = (body: UpsertSubject) => api.post<Subject>('/api/subjects', body);
export const checkSubject = (body: SubjectCheck) => api.post<SubjectCheckResult>('/api/subjects/check', body);
