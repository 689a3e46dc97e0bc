/** Assertions and small helpers shared by the HTTP integration tests. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { errorCatalogue, errorCodes, type ErrorBody, type ErrorCode, type FieldIssue } from '@tongban/contracts';
import type { Client } from './app.ts';

/**
 * Asserts that a response is the catalogue error `code`: its status, a JSON body
 * `{ error, message, details?, requestId }` with the message in `lang`, and the request id
 * that the `x-request-id` header carries. Returns the body.
 */
export function expectError(res: LightMyRequestResponse, code: ErrorCode, lang: 'zh' | 'en' = 'zh'): ErrorBody {
  expect(res.statusCode, `${res.statusCode} ${res.body}`).toBe(errorCatalogue[code].status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json<ErrorBody>();
  expect(body.error, res.body).toBe(code);
  expect(body.message).toBe(errorCatalogue[code][lang]);
  expect(body.requestId).toBeTypeOf('string');
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

/** Asserts the catalogue shape of any error body, whatever its code. */
export function expectErrorShape(res: LightMyRequestResponse): void {
  expect(res.headers['content-type'], `${res.statusCode} ${res.body}`).toMatch(/^application\/json/);
  const body = res.json<Record<string, unknown>>();
  expect(errorCodes, res.body).toContain(body.error);
  expect(body.message, res.body).toBeTypeOf('string');
  expect(body.requestId, res.body).toBeTypeOf('string');
  expect(errorCatalogue[body.error as ErrorCode].status, res.body).toBe(res.statusCode);
}

/** The field issues of a 400 VALIDATION_FAILED response. */
export function issuesOf(res: LightMyRequestResponse): FieldIssue[] {
  const body = expectError(res, 'VALIDATION_FAILED', 'zh');
  const issues = (body.details as { issues?: FieldIssue[] } | undefined)?.issues;
  expect(Array.isArray(issues), res.body).toBe(true);
  return issues!;
}

/** The `set-cookie` headers of a response, always as an array. */
export function setCookies(res: LightMyRequestResponse): string[] {
  const raw = res.headers['set-cookie'];
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

/**
 * A client that carries the session a response (login or registration) opened: its
 * `tb_session` cookie and the CSRF token of its body.
 */
export function clientFromSession(app: FastifyInstance, res: LightMyRequestResponse): Client {
  const session = res.cookies.find((c) => c.name === 'tb_session');
  if (!session) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  const cookie = `tb_session=${session.value}`;
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  const request: Client['request'] = (opts) => app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  const withBody = (method: 'POST' | 'PUT' | 'PATCH') => (url: string, body?: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
