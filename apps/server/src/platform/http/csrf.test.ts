import { count, eq } from 'drizzle-orm';
import { makeCreditCode } from '@tongban/domain';
import type { Department, HallWindow, Page } from '@tongban/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { clientFromSession, expectError } from '../../../test/http.ts';
import { demoPassword } from '../../../db/seed/demo-data.ts';
import { departments, hallWindows, regions, sessions } from '../db/schema.ts';

describe.each(engines())('CSRF protection on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  /** The admin's session cookie, to send requests with any CSRF header (or none). */
  let cookie: string;
  const raw = (opts: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: Record<string, unknown> }, csrf: Record<string, string>) =>
    t.app.inject({ ...opts, headers: { cookie, ...csrf } });
  let market: Department;
  let window: HallWindow;
  const departmentCount = async () => (await t.database.db.select({ n: count() }).from(departments))[0]!.n;
  const newDepartment = { name: '巴中市测试局', creditCode: makeCreditCode('1', '1', '511900', '00870999'), regionCode: '511900' };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: 'admin', password: demoPassword } });
    admin = clientFromSession(t.app, res);
    cookie = `tb_session=${res.cookies.find((c) => c.name === 'tb_session')!.value}`;
    market = (await admin.get(`/api/org/departments?q=${encodeURIComponent('市场监督')}&regionCode=511900`))
      .json<Page<Department>>()
      .items.find((d) => d.regionCode === '511900')!;
    const hallId = (await admin.get('/api/org/halls?kind=centre')).json<Page<{ id: string }>>().items[0]!.id;
    window = (await admin.get(`/api/org/halls/${hallId}/windows`)).json<HallWindow[]>().find((w) => w.number === 'Z01')!;
  });
  afterAll(async () => t.close());

  const variants: { label: string; headers: Record<string, string> }[] = [
    { label: 'without a token', headers: {} },
    { label: 'with a wrong token', headers: { 'x-csrf-token': 'wrong' } },
    { label: 'with an empty token', headers: { 'x-csrf-token': '' } },
  ];

  it.each(variants)('refuses POST $label with 403 CSRF_FAILED and creates nothing', async ({ headers }) => {
    const before = await departmentCount();
    const res = await raw({ method: 'POST', url: '/api/org/departments', payload: newDepartment }, headers);
    expectError(res, 'CSRF_FAILED');
    expect(await departmentCount()).toBe(before);
  });

  it.each(variants)('refuses PUT $label with 403 CSRF_FAILED and changes nothing', async ({ headers }) => {
    const payload = {
      name: '被篡改的名称',
      shortName: market.shortName,
      creditCode: market.creditCode,
      regionCode: market.regionCode,
      phone: market.phone,
      version: market.version,
    };
    const res = await raw({ method: 'PUT', url: `/api/org/departments/${market.id}`, payload }, headers);
    expectError(res, 'CSRF_FAILED');
    const row = (await t.database.db.select().from(departments).where(eq(departments.id, market.id)))[0]!;
    expect(row).toMatchObject({ name: market.name, version: market.version });
  });

  it.each(variants)('refuses PATCH and DELETE $label with 403 CSRF_FAILED and changes nothing', async ({ headers }) => {
    expectError(await raw({ method: 'PATCH', url: '/api/org/regions/511923', payload: { name: '改名县' } }, headers), 'CSRF_FAILED');
    expect((await t.database.db.select().from(regions).where(eq(regions.code, '511923')))[0]!.name).toBe('平昌县');
    expectError(await raw({ method: 'DELETE', url: `/api/org/windows/${window.id}` }, headers), 'CSRF_FAILED');
    expect(await t.database.db.select().from(hallWindows).where(eq(hallWindows.id, window.id))).toHaveLength(1);
  });

  it("refuses another session's token", async () => {
    const other = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: 'admin', password: demoPassword } });
    const otherToken = other.json<{ csrfToken: string }>().csrfToken;
    const res = await admin.request({ method: 'POST', url: '/api/org/departments', payload: newDepartment, headers: { 'x-csrf-token': otherToken } });
    expectError(res, 'CSRF_FAILED');
  });

  it('refuses to log out without the token: the session survives', async () => {
    const me = (await admin.get('/api/auth/me')).json<{ id: string }>();
    const before = (await t.database.db.select({ n: count() }).from(sessions).where(eq(sessions.accountId, me.id)))[0]!.n;
    expectError(await admin.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'wrong' } }), 'CSRF_FAILED');
    expect((await t.database.db.select({ n: count() }).from(sessions).where(eq(sessions.accountId, me.id)))[0]!.n).toBe(before);
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('answers the CSRF failure in English on request', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/org/departments',
      payload: newDepartment,
      headers: { 'x-csrf-token': 'wrong', 'accept-language': 'en' },
    });
    expectError(res, 'CSRF_FAILED', 'en');
  });

  it('lets GETs through without a token', async () => {
    for (const url of ['/api/auth/me', '/api/staff', '/api/org/departments', `/api/org/departments/${market.id}`]) {
      const res = await raw({ method: 'GET', url }, {});
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    }
  });

  it('accepts the right token', async () => {
    const before = await departmentCount();
    const res = await admin.post('/api/org/departments', newDepartment);
    expect(res.statusCode, res.body).toBe(201);
    expect(await departmentCount()).toBe(before + 1);
  });

  it('does not apply to callers without a session (login needs no token)', async () => {
    const res = await t.anonymous.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: 'window01', password: demoPassword },
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expectError(await t.anonymous.post('/api/org/departments', newDepartment), 'UNAUTHENTICATED');
  });
});
