import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The routes Fastify really serves, read from `printRoutes({ commonPrefix: false })`: a tree
 * whose lines are `<indent>├── <segment> (<METHODS>)`, each indent level 4 characters wide.
 * Returns `METHOD /openapi/{style}` strings.
 */
function servedRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    if (!m[3]) continue;
    const url = stack.join('');
    for (const method of m[3].split(',').map((s) => s.trim())) routes.push(`${method} ${url}`);
  }
  return routes;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every `$ref` anywhere in the document, with where it was found. */
function refsOf(node: Json, where = '#'): { ref: string; where: string }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => refsOf(n, `${where}/${i}`));
  if (!isObject(node)) return [];
  return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [{ ref: v, where }] : refsOf(v, `${where}/${k}`)));
}

/** Resolves a local JSON pointer (`#/a/b~1c`). */
function resolvePointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: Json | undefined = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = Object.hasOwn(node, key) ? node[key] : undefined;
    else return undefined;
  }
  return node;
}

/** Structural checks of an OpenAPI 3.x document: the problems found, none when it is valid. */
function openApiProblems(doc: JsonObject): string[] {
  const problems: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.\d+\.\d+$/.test(doc.openapi)) problems.push(`openapi: ${JSON.stringify(doc.openapi)}`);
  if (!isObject(doc.info) || typeof doc.info.title !== 'string' || typeof doc.info.version !== 'string') problems.push('info needs title and version');
  if (!isObject(doc.paths)) return [...problems, 'paths is not an object'];
  if (doc.components !== undefined && !isObject(doc.components)) problems.push('components is not an object');

  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) problems.push(`path ${path} does not start with /`);
    if (/:\w/.test(path)) problems.push(`path ${path} uses :param instead of {param}`);
    if (!isObject(item)) {
      problems.push(`path ${path} is not an object`);
      continue;
    }
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const key of Object.keys(item)) {
      if (
        !(httpMethods as readonly string[]).includes(key) &&
        !['summary', 'description', 'parameters', 'servers', '$ref'].includes(key) &&
        !key.startsWith('x-')
      ) {
        problems.push(`path ${path} has unknown key ${key}`);
      }
    }
    for (const method of httpMethods) {
      const op = item[method];
      if (op === undefined) continue;
      const at = `${method.toUpperCase()} ${path}`;
      if (!isObject(op)) {
        problems.push(`${at} is not an object`);
        continue;
      }
      if (typeof op.operationId === 'string') {
        if (operationIds.has(op.operationId)) problems.push(`${at}: duplicate operationId ${op.operationId}`);
        operationIds.add(op.operationId);
      }
      if (!isObject(op.responses) || Object.keys(op.responses).length === 0) {
        problems.push(`${at} has no responses`);
      } else {
        const codes = Object.keys(op.responses);
        if (!codes.some((c) => /^2\d\d$/.test(c))) problems.push(`${at} documents no 2xx response`);
        for (const [code, response] of Object.entries(op.responses)) {
          if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(code)) problems.push(`${at}: bad response code ${code}`);
          if (!isObject(response)) problems.push(`${at} ${code}: response is not an object`);
          else if (typeof response.$ref !== 'string' && typeof response.description !== 'string') problems.push(`${at} ${code}: response without description`);
          else if (isObject(response.content)) {
            for (const [type, media] of Object.entries(response.content)) {
              if (!isObject(media) || (media.schema !== undefined && !isObject(media.schema))) problems.push(`${at} ${code} ${type}: bad media type object`);
            }
          }
        }
      }
      const parameters = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(op.parameters) ? op.parameters : [])];
      if (op.parameters !== undefined && !Array.isArray(op.parameters)) problems.push(`${at}: parameters is not an array`);
      const seen = new Set<string>();
      for (const p of parameters) {
        if (!isObject(p)) {
          problems.push(`${at}: parameter is not an object`);
          continue;
        }
        if (typeof p.$ref === 'string') continue;
        if (typeof p.name !== 'string' || !['query', 'header', 'path', 'cookie'].includes(p.in as string)) {
          problems.push(`${at}: parameter ${JSON.stringify(p)} needs a name and a valid "in"`);
          continue;
        }
        const key = `${p.in as string}:${p.name}`;
        if (seen.has(key)) problems.push(`${at}: duplicate parameter ${key}`);
        seen.add(key);
        if (p.in === 'path' && p.required !== true) problems.push(`${at}: path parameter ${p.name} must be required`);
        if (p.in === 'path' && !templated.includes(p.name)) problems.push(`${at}: path parameter ${p.name} is not in the path`);
        if (p.schema === undefined && p.content === undefined) problems.push(`${at}: parameter ${p.name} has neither schema nor content`);
      }
      for (const name of templated) {
        if (!seen.has(`path:${name}`)) problems.push(`${at}: path parameter {${name}} is not declared`);
      }
      if (op.requestBody !== undefined) {
        const body = op.requestBody;
        if (!isObject(body) || (typeof body.$ref !== 'string' && !isObject(body.content))) problems.push(`${at}: requestBody needs content`);
      }
    }
  }
  for (const { ref, where } of refsOf(doc)) {
    if (resolvePointer(doc, ref) === undefined) problems.push(`${where}: $ref ${ref} does not resolve`);
  }
  return problems;
}

describe('servedRoutes', () => {
  it('reads nested routes from the printed tree', () => {
    const tree = [
      '├── /api/staff (GET, HEAD, POST)',
      '│   └── /:id (GET, HEAD, PUT)',
      '│       └── /unlock (POST)',
      '└── /api/org/windows/:id (PUT, DELETE)',
    ].join('\n');
    expect(servedRoutes(tree)).toEqual([
      'GET /api/staff',
      'HEAD /api/staff',
      'POST /api/staff',
      'GET /api/staff/:id',
      'HEAD /api/staff/:id',
      'PUT /api/staff/:id',
      'POST /api/staff/:id/unlock',
      'PUT /api/org/windows/:id',
      'DELETE /api/org/windows/:id',
    ]);
  });
});

describe.each(engines())('OpenAPI document on %s', (engine) => {
  let t: TestApp;
  let doc: JsonObject;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const res = await t.anonymous.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.json<JsonObject>();
  });
  afterAll(async () => t.close());

  it('is a structurally valid OpenAPI 3.x document', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(doc.paths as JsonObject).length).toBeGreaterThan(10);
    expect(openApiProblems(doc)).toEqual([]);
  });

  it('finds problems in a broken document (the checker itself works)', () => {
    const broken = structuredClone(doc);
    const paths = broken.paths as JsonObject;
    const [first] = Object.keys(paths);
    (paths[first!] as JsonObject).get = { summary: 'no responses' };
    paths['/api/things/{id}'] = {
      get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } } } },
    };
    const problems = openApiProblems(broken);
    expect(problems).toContain(`GET ${first} has no responses`);
    expect(problems).toContain('GET /api/things/{id}: path parameter {id} is not declared');
    expect(problems.some((p) => p.includes('#/components/schemas/Nope does not resolve'))).toBe(true);
  });

  it('documents every API route the app serves, with its method', () => {
    const served = servedRoutes(t.app.printRoutes({ commonPrefix: false }))
      .filter((r) => !r.startsWith('HEAD '))
      .filter((r) => / \/api(\/|$)/.test(r))
      .filter((r) => !/ \/api\/docs([/*]|$)/.test(r) && !r.endsWith(' /api/openapi.json'))
      .map((r) => r.replace(/:(\w+)/g, '{$1}'));
    expect(served.length).toBeGreaterThanOrEqual(25);
    // A sanity check of the parsing, with routes at several depths.
    expect(served).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/login',
        'POST /api/staff/{id}/unlock',
        'GET /api/org/halls/{id}/windows',
        'DELETE /api/org/windows/{id}',
      ]),
    );

    const paths = doc.paths as Record<string, JsonObject>;
    const documented = Object.entries(paths).flatMap(([path, item]) =>
      httpMethods.filter((m) => item[m] !== undefined).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const missing = served.filter((r) => !documented.includes(r));
    expect(missing, 'routes served but not documented').toEqual([]);
    const phantom = documented.filter((r) => !served.includes(r));
    expect(phantom, 'routes documented but not served').toEqual([]);
  });

  it('describes request bodies, parameters and error responses', () => {
    const paths = doc.paths as Record<string, Record<string, JsonObject>>;
    const login = paths['/api/auth/login']!.post!;
    expect(login.requestBody).toMatchObject({
      content: { 'application/json': { schema: { type: 'object', required: expect.arrayContaining(['identifier', 'password']) } } },
    });
    expect(Object.keys(login.responses as JsonObject)).toEqual(expect.arrayContaining(['200', '401', '423', '429']));
    const staff = paths['/api/staff']!.get!;
    expect((staff.parameters as JsonObject[]).map((p) => `${p.in as string}:${p.name as string}`)).toEqual(
      expect.arrayContaining(['query:page', 'query:pageSize', 'query:q', 'query:departmentId', 'query:role']),
    );
    const schemas = (doc.components as { schemas: Record<string, JsonObject> }).schemas;
    expect(schemas.Error).toMatchObject({ type: 'object', required: expect.arrayContaining(['error', 'message', 'requestId']) });
    expect(((schemas.Error!.properties as JsonObject).error as JsonObject).enum).toEqual(
      expect.arrayContaining(['VALIDATION_FAILED', 'CSRF_FAILED', 'INTERNAL']),
    );
    // Nothing documents the hidden document route itself.
    expect(paths['/api/openapi.json']).toBeUndefined();
  });

  it('serves the interactive documentation at /api/docs', async () => {
    const res = await t.anonymous.get('/api/docs');
    if (res.statusCode === 302) {
      expect(res.headers.location).toMatch(/^(\.\/)?(\/api\/)?docs\/?/);
    } else {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toMatch(/swagger/i);
    }
    const json = await t.anonymous.get('/api/docs/json');
    expect(json.statusCode).toBe(200);
    expect(json.json<JsonObject>().paths).toEqual(doc.paths);
  });
});
