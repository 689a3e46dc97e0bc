import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department, Hall, HallWindow, Page, Staff } from '@tongban/contracts';
import { makeCreditCode } from '@tongban/domain';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, expectErrorShape } from '../../../test/http.ts';
import { demoPassword } from '../../../db/seed/demo-data.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  method: Method;
  path: string;
  bodyFields: string[];
}
interface GeneratedRequest {
  method: Method;
  url: string;
  payload?: unknown;
}

/** Characters that have broken servers before: NUL, quotes, LIKE wildcards, full-width forms, astral planes, newlines. */
const nastyChars = [
  '\u0000',
  "'",
  '"',
  '%',
  '_',
  '\\',
  '\u3000',
  '１',
  'Ｘ',
  'X',
  'x',
  'a',
  'Z',
  '1',
  '9',
  '0',
  '中',
  '\u{1F600}',
  '\n',
  '\t',
  ' ',
  '-',
  '.',
  '/',
  '?',
  '#',
  '&',
  '=',
  '\u202E',
  '\uFEFF',
];
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...nastyChars), maxLength: 24 }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    'undefined',
    '0',
    '-1',
    '1e309',
    'NaN',
    '511900',
    '511902101201',
    '13800000001',
    demoPassword,
    'admin',
    '11010519491231002X',
    '9'.repeat(300),
  ),
);

describe.each(engines())('error handling on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let operations: Operation[];
  let knownIds: string[];

  beforeAll(async () => {
    t = await createTestApp(engine, { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    admin = await t.login('admin');
    const doc = (await t.anonymous.get('/api/openapi.json')).json<{
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
    }>();
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ method: method.toUpperCase() as Method, path, bodyFields: fieldsOf(op.requestBody?.content?.['application/json']?.schema) })),
    );
    const departments = (await admin.get('/api/org/departments?pageSize=100')).json<Page<Department>>().items;
    const halls = (await admin.get('/api/org/halls')).json<Page<Hall>>().items;
    const windows = (await admin.get(`/api/org/halls/${halls[0]!.id}/windows`)).json<HallWindow[]>();
    const staff = (await admin.get('/api/staff?pageSize=100')).json<Page<Staff>>().items.filter((s) => s.username !== 'admin');
    knownIds = [...departments.slice(0, 3), ...halls, ...windows.slice(0, 3), ...staff.slice(0, 3)].map((x) => x.id);
  });
  afterAll(async () => t.close());

  describe('the error catalogue on the wire', () => {
    it('answers an unknown API route with 404 ROUTE_NOT_FOUND JSON carrying the request id', async () => {
      for (const [method, url] of [
        ['GET', '/api/nope'],
        ['GET', '/api'],
        ['POST', '/api/staff/unknown/deeper'],
        ['DELETE', '/api/org'],
        ['GET', '/api/nope?x=1'],
      ] as const) {
        const res = await t.anonymous.request({ method, url });
        const body = expectError(res, 'ROUTE_NOT_FOUND');
        expect(body.message).toBe('接口不存在');
        expect(body.requestId.length).toBeGreaterThanOrEqual(8);
      }
      expectError(await t.anonymous.request({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en' } }), 'ROUTE_NOT_FOUND', 'en');
      expectError(await t.anonymous.request({ method: 'GET', url: '/api/nope', headers: { cookie: 'tb_lang=en' } }), 'ROUTE_NOT_FOUND', 'en');
    });

    it('answers a known route with an unsupported method as a missing route, not a 500', async () => {
      const res = await t.anonymous.request({ method: 'PATCH', url: '/api/health' });
      expect(res.statusCode).toBe(404);
      expectErrorShape(res);
    });

    it('answers a missing asset outside the API with 404 NOT_FOUND', async () => {
      expectError(await t.anonymous.get('/favicon.ico'), 'NOT_FOUND');
      expectError(await t.anonymous.request({ method: 'POST', url: '/some/page' }), 'NOT_FOUND');
    });

    it('answers a malformed JSON body with 400 BAD_REQUEST in the catalogue shape, not 500', async () => {
      for (const payload of ['{bad', '{"identifier": "admin",', '[1, 2', '"unterminated', 'nul']) {
        const res = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': 'application/json' } });
        expectError(res, 'BAD_REQUEST');
      }
      const asAdmin = await admin.request({
        method: 'POST',
        url: '/api/org/departments',
        payload: '{"name": ',
        headers: { 'content-type': 'application/json' },
      });
      expectError(asAdmin, 'BAD_REQUEST');
    });

    it('answers a JSON body of the wrong shape with 400 VALIDATION_FAILED', async () => {
      for (const payload of ['null', '[]', '42', '"admin"', '{}']) {
        const res = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': 'application/json' } });
        expectError(res, 'VALIDATION_FAILED');
      }
    });

    it('answers text/plain and other body types with 415 or 400, never 500', async () => {
      const text = await t.anonymous.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: 'identifier=admin',
        headers: { 'content-type': 'text/plain' },
      });
      expect([400, 415]).toContain(text.statusCode);
      expectErrorShape(text);
      for (const type of ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream']) {
        const res = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', payload: '<a/>', headers: { 'content-type': type } });
        expectError(res, 'UNSUPPORTED_MEDIA_TYPE');
      }
    });

    it('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
      const huge = JSON.stringify({ identifier: 'admin', password: 'x'.repeat(1024 * 1024 + 16) });
      const res = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', payload: huge, headers: { 'content-type': 'application/json' } });
      expectError(res, 'PAYLOAD_TOO_LARGE');
      const asAdmin = await admin.request({ method: 'POST', url: '/api/org/departments', payload: huge, headers: { 'content-type': 'application/json' } });
      expectError(asAdmin, 'PAYLOAD_TOO_LARGE');
    });

    it('echoes a well-formed x-request-id and replaces a malformed one', async () => {
      const given = 'trace-0123456789.abc_DEF';
      const ok = await t.anonymous.request({ method: 'GET', url: '/api/health', headers: { 'x-request-id': given } });
      expect(ok.headers['x-request-id']).toBe(given);
      const failed = await t.anonymous.request({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': given } });
      expect(failed.headers['x-request-id']).toBe(given);
      expect(failed.json().requestId).toBe(given);

      for (const bad of ['short', 'has space inside it', 'x'.repeat(65), '<script>alert(1)</script>', 'ünïcödé-request-id']) {
        const res = await t.anonymous.request({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': bad } });
        expect(res.headers['x-request-id']).not.toBe(bad);
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        expect(res.json().requestId).toBe(res.headers['x-request-id']);
      }
      const generated = await t.anonymous.get('/api/health');
      expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers a badly encoded URL and an over-long path parameter in the catalogue shape too', async () => {
      for (const url of [
        '/api/org/departments/%E0%A4%A',
        '/api/org/regions/%zz',
        `/api/org/regions/${'9'.repeat(300)}`,
        `/api/staff/${'a'.repeat(150)}/unlock`,
      ]) {
        const res = await admin.request({ method: url.includes('unlock') ? 'POST' : 'GET', url });
        expect(res.statusCode, `${url} ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500);
        expectErrorShape(res);
        expect(res.json().requestId, url).toBe(res.headers['x-request-id']);
      }
    });

    it('names the query field that is wrong', async () => {
      const res = await admin.get('/api/staff?pageSize=abc');
      const body = expectError(res, 'VALIDATION_FAILED');
      expect(body.details).toEqual({ issues: [expect.objectContaining({ path: 'querystring.pageSize' })] });
    });

    it('answers strings with a NUL character with a 4xx, not a 500', async () => {
      const login = await t.anonymous.post('/api/auth/login', { identifier: 'admin\u0000', password: demoPassword });
      expect(login.statusCode, login.body).toBeGreaterThanOrEqual(400);
      expect(login.statusCode, login.body).toBeLessThan(500);
      expectErrorShape(login);
      const search = await t.anonymous.get('/api/org/departments?q=%00');
      expect(search.statusCode, search.body).toBeLessThan(500);
      const create = await admin.post('/api/org/departments', {
        name: '巴中市\u0000局',
        creditCode: makeCreditCode('1', '1', '511900', '00875555'),
        regionCode: '511900',
      });
      expect(create.statusCode, create.body).toBeGreaterThanOrEqual(400);
      expect(create.statusCode, create.body).toBeLessThan(500);
    });
  });

  describe('robustness', () => {
    it('no request makes a 500: random bodies, path parameters and query strings on every documented route (as admin, with CSRF)', async () => {
      // Logging out would end the session the rest of the run needs.
      const sample = operations.filter((op) => !(op.method === 'POST' && op.path === '/api/auth/logout'));
      expect(sample.length).toBeGreaterThan(20);

      const uuidLike = fc.oneof(fc.uuid(), fc.constantFrom(...knownIds));
      const regionCode = fc.oneof(
        fc.constantFrom('510000', '511900', '511902', '511902101000', '511902101201', '511902101209', '511999'),
        fc.stringMatching(/^\d{6}(\d{3}|\d{6})?$/),
      );
      const pathValue = (name: string) => fc.oneof({ weight: 3, arbitrary: name === 'code' ? regionCode : uuidLike }, { weight: 1, arbitrary: nastyString });
      const fieldValue = fc.oneof(
        nastyString,
        uuidLike,
        regionCode,
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.constantFrom('window', 'reviewer', 'centre_admin', 'applicant', 'nobody'), { maxLength: 3 }),
        fc.constantFrom(
          'citizen',
          'enterprise',
          'staff',
          'centre',
          'village_point',
          'comprehensive',
          'active',
          'disabled',
          makeCreditCode('1', '1', '511900', '00876666'),
          'Abcdef123456',
        ),
        fc.jsonValue({ maxDepth: 2 }),
      );
      const query = fc.array(
        fc.tuple(
          fc.constantFrom('page', 'pageSize', 'q', 'parentCode', 'regionCode', 'kind', 'departmentId', 'role', 'unknown'),
          fc.oneof(nastyString, regionCode, fc.integer().map(String)),
        ),
        { maxLength: 4 },
      );

      const request: fc.Arbitrary<GeneratedRequest> = fc
        .constantFrom(...sample)
        .chain((op) => {
          const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
          const body =
            op.bodyFields.length === 0
              ? fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })
              : fc.oneof(
                  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...op.bodyFields, 'extra'), fieldValue, { maxKeys: op.bodyFields.length + 1 }) },
                  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
                );
          return fc.record({ op: fc.constant(op), params: fc.tuple(...names.map(pathValue)), query, body });
        })
        .map(({ op, params, query: q, body }) => {
          let i = 0;
          const path = op.path.replace(/\{\w+\}/g, () => encodeURIComponent(String(params[i++])));
          const search = new URLSearchParams(q).toString();
          const withBody = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH';
          return { method: op.method, url: search ? `${path}?${search}` : path, ...(withBody && body !== undefined ? { payload: body } : {}) };
        });

      const seen = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(request, async (req) => {
          const res = await admin.request({
            method: req.method,
            url: req.url,
            ...(req.payload === undefined ? {} : { payload: JSON.stringify(req.payload), headers: { 'content-type': 'application/json' } }),
          });
          seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
          expect(res.statusCode, `${req.method} ${req.url} ${JSON.stringify(req.payload)} → ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) expectErrorShape(res);
        }),
        { numRuns: 150 },
      );
      // The run reached past validation, not only into 400s.
      expect([...seen.keys()].some((s) => s < 300 || s === 404 || s === 409)).toBe(true);
    });
  });
});

/** The top-level property names of a request body's JSON schema (object, or any of a union). */
function fieldsOf(schema: unknown): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as { properties?: Record<string, unknown>; oneOf?: unknown[]; anyOf?: unknown[] };
  const own = Object.keys(s.properties ?? {});
  const union = [...(s.oneOf ?? []), ...(s.anyOf ?? [])].flatMap(fieldsOf);
  return [...new Set([...own, ...union])];
}

describe.each(engines())('unexpected failures on %s', (engine) => {
  it('answer a generic 500 INTERNAL in the catalogue shape and never leak what went wrong', async () => {
    const t = await createTestApp(engine);
    await t.database.close(); // the database vanishes under a running server
    const res = await t.anonymous.get('/api/org/departments');
    expectError(res, 'INTERNAL');
    const body = res.json<{ message: string; requestId: string }>();
    expect(body.message).toContain('请求编号');
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(res.body).not.toMatch(/pool|closed|PGlite|select|stack|Error:/i);
    await t.app.close();
  });
});
