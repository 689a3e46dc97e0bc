import type { AccessLogQuery, AccessResult } from './api.ts';

const results: readonly AccessResult[] = ['all', 'ok', 'refused'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function positive(raw: string | null, fallback: number, max: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** The log page's filters from its URL (anything malformed falls back to "all"). */
export function readLogParams(params: URLSearchParams): AccessLogQuery {
  const result = params.get('result') as AccessResult | null;
  const date = (key: string) => {
    const v = params.get(key);
    return v && ISO_DATE.test(v) ? v : undefined;
  };
  return {
    page: positive(params.get('page'), 1, 10_000),
    pageSize: positive(params.get('pageSize'), 20, 100),
    clientId: params.get('clientId') || undefined,
    result: result && results.includes(result) ? result : 'all',
    from: date('from'),
    to: date('to'),
  };
}

/** The URL parameters of a query: defaults left out, so that links stay short. */
export function writeLogParams(q: Partial<AccessLogQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (q.clientId) params.set('clientId', q.clientId);
  if (q.result && q.result !== 'all') params.set('result', q.result);
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.page && q.page > 1) params.set('page', String(q.page));
  if (q.pageSize && q.pageSize !== 20) params.set('pageSize', String(q.pageSize));
  return params;
}

/** The log page, filtered. */
export function logPath(q: Partial<AccessLogQuery>): string {
  const qs = writeLogParams(q).toString();
  return qs ? `/admin/sharing/log?${qs}` : '/admin/sharing/log';
}
