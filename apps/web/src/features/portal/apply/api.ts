import type { CaseDetail, CaseDraft, CaseDraftSummary, DraftDelivery, FileMeta, Page, SubmitCase, UploadLimits, UploadedFile } from '@tongban/contracts';
import { api } from '../../../app/api.ts';
import { errorFromResponse, networkError } from '../../../app/apiError.ts';
import { currentLanguage } from '../../../app/i18n.ts';
import { csrfToken } from '../../../app/queryClient.ts';

export const applyKeys = {
  drafts: ['drafts'] as const,
  draftList: (page: number, pageSize: number) => ['drafts', 'list', page, pageSize] as const,
  /** The draft an application page opened with: outside `drafts`, so that saving or submitting never refetches it under the page. */
  draft: (id: string) => ['apply', 'draft', id] as const,
  limits: ['files', 'limits'] as const,
};

/** What the applicant has entered for one material. */
export interface MaterialEntry {
  provided: 'upload' | 'licence' | 'commitment' | 'deferred' | 'missing';
  files: FileMeta[];
}

/** Everything an application holds while it is being filled in (and what a draft saves). */
export interface ApplyState {
  formData: Record<string, unknown>;
  materials: Record<string, MaterialEntry>;
  delivery: DraftDelivery | null;
  step: number;
}

export const getLimits = (signal?: AbortSignal) => api.get<UploadLimits>('/api/files/limits', undefined, signal);
export const createDraft = (implCode: string) => api.post<CaseDraft>('/api/drafts', { implCode });
export const getDraft = (id: string, signal?: AbortSignal) => api.get<CaseDraft>(`/api/drafts/${encodeURIComponent(id)}`, undefined, signal);
export const listDrafts = (page: number, pageSize: number, signal?: AbortSignal) => api.get<Page<CaseDraftSummary>>('/api/drafts', { page, pageSize }, signal);
export const deleteDraft = (id: string, version?: number) =>
  api.del(`/api/drafts/${encodeURIComponent(id)}${version === undefined ? '' : `?version=${version}`}`);

/** The materials as the server takes them: every material the applicant said something about, with file ids. */
export function materialsBody(materials: Record<string, MaterialEntry>) {
  return Object.entries(materials).map(([materialKey, m]) => ({ materialKey, provided: m.provided, files: m.files.map((f) => f.id) }));
}

export const saveDraft = (id: string, version: number, state: ApplyState) =>
  api.put<CaseDraft>(`/api/drafts/${encodeURIComponent(id)}`, {
    formData: state.formData,
    materials: materialsBody(state.materials),
    delivery: state.delivery,
    step: state.step,
    version,
  });

/** The state a saved draft holds. */
export function stateOf(draft: CaseDraft): ApplyState {
  return {
    formData: draft.formData,
    materials: Object.fromEntries(draft.materials.map((m) => [m.materialKey, { provided: m.provided, files: m.files }])),
    delivery: draft.delivery,
    step: draft.step,
  };
}

/** POST /api/cases with the draft's idempotency key: a double click or a retry answers with the same case. */
export const submitCase = (body: SubmitCase, key: string) => api.post<CaseDetail>('/api/cases', { ...body, idempotencyKey: key });

/**
 * Uploads one file with progress (fetch cannot report upload progress, so XMLHttpRequest).
 * The server decides the type from the content; failures are ApiErrors in the user's language.
 */
export function uploadFile(file: File, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/files?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText) as unknown;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && data) resolve(data as UploadedFile);
      else reject(errorFromResponse(xhr.status, data));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** Where the application of an item lives; `draft` resumes a saved one. */
export const applyPath = (implCode: string, draftId?: string) =>
  `/portal/items/${encodeURIComponent(implCode)}/apply${draftId ? `?draft=${encodeURIComponent(draftId)}` : ''}`;
