import { CATALOG_IMPORT_MAX_BYTES, XLSX_MIME, type ExportSource, type ImportError, type ImportJob, type Page } from '@tongban/contracts';
import { api } from '../../../app/api.ts';
import { errorFromResponse, networkError } from '../../../app/apiError.ts';
import { currentLanguage } from '../../../app/i18n.ts';
import { csrfToken } from '../../../app/queryClient.ts';

export { CATALOG_IMPORT_MAX_BYTES, XLSX_MIME };

const base = '/api/catalog/admin';

export const excelKeys = {
  job: (id: string) => ['catalog-excel', 'job', id] as const,
  errors: (id: string, page: number, pageSize: number) => ['catalog-excel', 'errors', id, page, pageSize] as const,
};

export const templateUrl = `${base}/template.xlsx`;
export const exportUrl = (source: ExportSource) => `${base}/export.xlsx?source=${source}`;
export const reportUrl = (id: string) => `${base}/imports/${encodeURIComponent(id)}/report.xlsx`;

export const getImportJob = (id: string, signal?: AbortSignal) => api.get<ImportJob>(`${base}/imports/${encodeURIComponent(id)}`, undefined, signal);
export const listImportErrors = (id: string, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<Page<ImportError>>(`${base}/imports/${encodeURIComponent(id)}/errors`, { page, pageSize }, signal);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Sends the workbook as the raw request body (XMLHttpRequest, for upload progress) and resolves
 * with the import job's id. Failures become ApiError, as with every other call.
 */
export function uploadWorkbook(file: File, publish: boolean, onProgress: (percent: number) => void): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base}/imports?publish=${publish ? 'true' : 'false'}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', XLSX_MIME);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status === 202 && typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string') resolve({ id: body.id });
      else reject(errorFromResponse(xhr.status, body));
    };
    xhr.send(file);
  });
}

/**
 * Downloads a workbook (template, export, error report) in the user's language and saves it
 * under the name the server gives.
 */
export async function downloadWorkbook(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': currentLanguage() } });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw errorFromResponse(response.status, parseJson(await response.text()));
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The UTF-8 file name of a `content-disposition` header (filename*=UTF-8''…). */
function fileNameOf(header: string | null): string | null {
  const match = header ? /filename\*=UTF-8''([^;]+)/i.exec(header) : null;
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Client-side check before sending: an .xlsx, not empty, within the size limit. */
export function checkFile(file: File): 'type' | 'size' | 'empty' | null {
  // By name only: browsers and WPS report various MIME types for the same file; the server sniffs the content.
  if (!file.name.toLowerCase().endsWith('.xlsx')) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > CATALOG_IMPORT_MAX_BYTES) return 'size';
  return null;
}
