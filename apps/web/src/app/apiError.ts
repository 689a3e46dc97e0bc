import type { ErrorCode, FieldIssue } from '@tongban/contracts';
import { i18n } from './i18n.ts';

/** Codes from the server's catalogue, plus two the client raises itself. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

interface ApiErrorInit {
  status: number;
  code: ClientErrorCode;
  message: string;
  details?: unknown;
  requestId?: string | null;
}

/** An API failure, with the server's message already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId ?? null;
  }

  /** Field problems of a VALIDATION_FAILED answer (`details.issues`), or none. */
  get issues(): FieldIssue[] {
    return readIssues(this.details);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readIssues(details: unknown): FieldIssue[] {
  if (!isRecord(details) || !Array.isArray(details.issues)) return [];
  const issues: FieldIssue[] = [];
  for (const raw of details.issues as unknown[]) {
    if (!isRecord(raw)) continue;
    const path = Array.isArray(raw.path) ? raw.path.join('.') : raw.path;
    if (typeof raw.message !== 'string') continue;
    issues.push({
      path: typeof path === 'string' ? path : '',
      code: typeof raw.code === 'string' ? raw.code : 'invalid',
      message: raw.message,
    });
  }
  return issues;
}

/** Builds an ApiError from a failed response body (JSON or not). */
export function errorFromResponse(status: number, body: unknown): ApiError {
  if (isRecord(body) && typeof body.error === 'string' && typeof body.message === 'string') {
    return new ApiError({
      status,
      code: body.error as ErrorCode,
      message: body.message,
      details: body.details,
      requestId: typeof body.requestId === 'string' ? body.requestId : null,
    });
  }
  if (status === 502 || status === 503 || status === 504) {
    return new ApiError({ status, code: 'SERVICE_UNAVAILABLE', message: i18n.t('errors.unavailable') });
  }
  return new ApiError({ status, code: 'BAD_RESPONSE', message: i18n.t('errors.badResponse') });
}

export function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'NETWORK', message: i18n.t('errors.network') });
}

export function badResponseError(status: number): ApiError {
  return new ApiError({ status, code: 'BAD_RESPONSE', message: i18n.t('errors.badResponse') });
}

/** A user-facing message for anything thrown. */
export function errorText(error: unknown): string {
  if (isApiError(error)) return error.message;
  return i18n.t('errors.badResponse');
}
