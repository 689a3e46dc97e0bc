/** Application errors. Services throw `AppError` with a catalogue code; the HTTP layer renders it. */
import type { ErrorCode } from '@tongban/contracts';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export const notFound = (what?: string) => new AppError('NOT_FOUND', what ? { what } : undefined);
export const forbidden = () => new AppError('FORBIDDEN');
export const conflict = (details?: unknown) => new AppError('CONFLICT', details);

/** PostgreSQL error codes we turn into client errors. */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The table a database error names (constraint violations name theirs), or undefined. */
export function pgErrorTable(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const table = (e as { table?: unknown }).table;
    if (typeof table === 'string') return table;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a database constraint violation to a catalogue error, or returns undefined. */
export function fromDatabaseError(err: unknown): AppError | undefined {
  switch (pgErrorCode(err)) {
    case '23505':
      return new AppError('ALREADY_EXISTS');
    case '23503':
      // Deleting a row others still point at, or inserting a reference to a row that does not exist.
      return /still referenced/.test(errorText(err)) ? new AppError('HAS_DEPENDENTS') : new AppError('BAD_REQUEST', { reason: 'reference' });
    case '22001':
    case '22021':
    case '22P05':
    case '22P02':
    case '23514':
      return new AppError('BAD_REQUEST');
    default:
      return undefined;
  }
}

function errorText(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const { message, detail } = e as { message?: unknown; detail?: unknown };
    if (typeof message === 'string') parts.push(message);
    if (typeof detail === 'string') parts.push(detail);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(' ');
}
