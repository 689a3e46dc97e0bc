import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenceDetail, LicenceFace, LicenceVerification, Page, SharingAccess, SharingClient, SharingDaily } from '@tongban/contracts';
import type { Client, TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, issuesOf } from '../../../test/http.ts';
import { demoEnterprise } from '../../../db/seed/demo-data.ts';
import { auditLog } from '../../platform/db/schema.ts';
import { caseTestApp, foodForm, foodMaterials, itemByName, newKey, ok, testClock, withFiles } from '../cases/cases.testkit.ts';

describe.each(engines())('data sharing on %s', (engine) => {
  const clock = testClock('2026-03-02T09:00:00+08:00');
  let t: TestApp;
  let admin: Client;
  let enterprise: Client;
  let bizLicence: LicenceFace;
  const register = async (name: string, scopes: string[], ratePerMinute = 100) => {
    const res = await admin.post('/api/sharing/clients', { name, scopes, ratePerMinute });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<SharingClient & { clientSecret: string }>();
  };
  const token = async (client: { clientId: string; clientSecret: string }, scope?: string) =>
    t.anonymous.post('/api/oauth/token', {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      ...(scope ? { scope } : {}),
    });
  const call = (url: string, accessToken: string | null, purpose: string | null = '办理食品经营许可审查') =>
    t.anonymous.request({
      method: 'GET',
      url,
      headers: { ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}), ...(purpose ? { 'x-purpose': purpose } : {}) },
    });
  const accessToken = async (client: { clientId: string; clientSecret: string }) => {
    const res = await token(client);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ access_token: string }>().access_token;
  };
  const verifyUrl = () => `/api/sharing/licences/verify/${encodeURIComponent(bizLicence.identifier)}`;
  const clientRow = async (id: string) => (await admin.get('/api/sharing/clients')).json<SharingClient[]>().find((c) => c.id === id)!;
  const audits = async (clientId: string) => (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, clientId))).map((a) => a.action);
  const log = async (query: string) => {
    const res = await admin.get(`/api/sharing/access-log?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page<SharingAccess>>();
  };
  /** A 食品经营许可 application of the demo enterprise, with or without consent to take its licences. */
  const applyForFood = async (licenceConsent: boolean) => {
    const food = await itemByName(t, '食品经营许可（新办）');
    return ok(
      enterprise,
      '/api/cases',
      {
        implCode: food.implCode,
        formData: foodForm,
        materials: await withFiles(enterprise, foodMaterials),
        delivery: { method: 'electronic' },
        licenceConsent,
        idempotencyKey: newKey(),
      },
      201,
    );
  };

  beforeAll(async () => {
    t = await caseTestApp(engine, clock);
    admin = await t.login('admin');
    enterprise = await t.login('bashufood');
    bizLicence = (await enterprise.get('/api/licenses/mine')).json<LicenceFace[]>().find((l) => l.typeName === '营业执照')!;
    expect(bizLicence).toBeDefined();
  });
  afterAll(async () => t.close());

  it('registers clients for a centre admin only, and gives tokens for granted scopes only', async () => {
    expectError(await enterprise.post('/api/sharing/clients', { name: '某系统', scopes: ['licence.verify'] }), 'FORBIDDEN');
    expectError(await admin.post('/api/sharing/clients', { name: '某系统', scopes: ['everything'] }), 'VALIDATION_FAILED');
    const client = await register('市场监管审批系统', ['licence.verify']);
    expect((await admin.get('/api/sharing/clients')).json<{ clientId: string }[]>().map((c) => c.clientId)).toContain(client.clientId);
    // The secret is never shown again.
    expect((await admin.get('/api/sharing/clients')).body).not.toContain(client.clientSecret);

    expectError(await token({ ...client, clientSecret: 'wrong-secret' }), 'INVALID_CLIENT');
    expectError(await token(client, 'licence.read:BIZ_LICENCE'), 'INSUFFICIENT_SCOPE');
    const granted = await token(client);
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'licence.verify' });
  });

  it('verifies a licence for a client with the scope; refuses others; logs every call, answered or refused', async () => {
    const verifier = await register('卫健审批系统', ['licence.verify']);
    const reader = await register('无核验权限系统', ['licence.read:FOOD_LICENCE']);
    const verifierToken = (await token(verifier)).json<{ access_token: string }>().access_token;
    const readerToken = (await token(reader)).json<{ access_token: string }>().access_token;
    const url = `/api/sharing/licences/verify/${encodeURIComponent(bizLicence.identifier)}`;

    const verified = await call(url, verifierToken);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json<LicenceVerification>()).toMatchObject({ verdict: 'valid', signatureValid: true });
    expectError(await call(url, readerToken), 'INSUFFICIENT_SCOPE');
    expectError(await call(url, null), 'INVALID_CLIENT');
    expectError(await call(url, 'not-a-real-token-but-long-enough'), 'INVALID_CLIENT');
    expectError(await call(url, verifierToken, null), 'VALIDATION_FAILED');

    const log = (await admin.get('/api/sharing/access-log?pageSize=10')).json<Page<SharingAccess>>();
    expect(log.items.slice(0, 5).map((e) => [e.clientName, e.status])).toEqual([
      ['卫健审批系统', 400],
      [null, 401],
      [null, 401],
      ['无核验权限系统', 403],
      ['卫健审批系统', 200],
    ]);
    expect(log.items[4]).toMatchObject({ method: 'GET', purpose: '办理食品经营许可审查' });
    expectError(await enterprise.get('/api/sharing/access-log'), 'FORBIDDEN');
  });

  it('shares the data sets of the subject registry: an organisation’s public base information and a yes/no identity check', async () => {
    const tax = await register('税务登记系统', ['subject.org.read', 'subject.person.verify']);
    const verifier = await register('仅证照核验系统', ['licence.verify']);
    const taxToken = await accessToken(tax);
    const orgUrl = `/api/sharing/subjects/organisations/${demoEnterprise.creditCode.toLowerCase()}`;
    const org = await call(orgUrl, taxToken, '税务登记核验');
    expect(org.statusCode, org.body).toBe(200);
    expect(org.json()).toMatchObject({ creditCode: demoEnterprise.creditCode, name: demoEnterprise.organisationName, kind: 'enterprise', status: 'active' });
    expectError(await call(orgUrl, await accessToken(verifier)), 'INSUFFICIENT_SCOPE');
    expectError(await call('/api/sharing/subjects/organisations/91350100M000100Y44', taxToken), 'VALIDATION_FAILED');
    // A person's ID number is not an organisation of the 法人库.
    expectError(await call(`/api/sharing/subjects/organisations/91350100M000100Y43`, taxToken), 'NOT_FOUND');

    const check = (body: Record<string, unknown>, accessTokenValue = taxToken) =>
      t.anonymous.request({
        method: 'POST',
        url: '/api/sharing/subjects/persons/verify',
        headers: { authorization: `Bearer ${accessTokenValue}`, 'x-purpose': encodeURIComponent('社保参保身份核验') },
        payload: body,
      });
    const same = await check({ idNumber: demoEnterprise.residentId, name: demoEnterprise.displayName });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toEqual({ consistent: true });
    expect((await check({ idNumber: demoEnterprise.residentId, name: '李四' })).json()).toEqual({ consistent: false });
    expectError(await check({ idNumber: '110105194912310021', name: '李四' }), 'VALIDATION_FAILED');
    expectError(await check({ idNumber: demoEnterprise.residentId, name: demoEnterprise.displayName }, await accessToken(verifier)), 'INSUFFICIENT_SCOPE');

    const log = (await admin.get('/api/sharing/access-log?pageSize=20')).json<Page<SharingAccess>>();
    const mine = log.items.filter((e) => e.clientName === '税务登记系统').map((e) => [e.method, e.status, e.purpose]);
    expect(mine).toEqual(
      expect.arrayContaining([
        ['GET', 200, '税务登记核验'],
        ['POST', 200, '社保参保身份核验'],
        ['POST', 400, '社保参保身份核验'],
      ]),
    );
  });

  it('gives a licence a case took with its applicant’s consent, and the holder sees who used it', async () => {
    const system = await register('食品经营许可审批系统', ['licence.read:BIZ_LICENCE']);
    const accessToken = (await token(system)).json<{ access_token: string }>().access_token;
    const consented = await applyForFood(true);
    const withheld = await applyForFood(false);

    const shared = await call(`/api/sharing/licences?caseNo=${consented.caseNo}&type=BIZ_LICENCE`, accessToken, '审查食品经营许可申请');
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json<LicenceFace>()).toMatchObject({ identifier: bizLicence.identifier, holderIdNumber: demoEnterprise.creditCode });
    expectError(await call(`/api/sharing/licences?caseNo=${withheld.caseNo}&type=BIZ_LICENCE`, accessToken), 'NOT_FOUND');
    expectError(await call(`/api/sharing/licences?caseNo=${consented.caseNo}&type=ID_CARD`, accessToken), 'INSUFFICIENT_SCOPE');

    const detail = (await enterprise.get(`/api/licenses/${encodeURIComponent(bizLicence.identifier)}`)).json<LicenceDetail>();
    expect(detail.uses.filter((u) => u.caseNo === consented.caseNo).map((u) => [u.usedByName, u.purpose])).toEqual(
      expect.arrayContaining([
        ['食品经营许可审批系统', '审查食品经营许可申请'],
        [demoEnterprise.displayName, '办理「食品经营许可（新办）」'],
      ]),
    );
    expect(detail.uses.some((u) => u.caseNo === withheld.caseNo)).toBe(false);
  });

  it('suspends a system (停用): no token, its live tokens refused at once and logged under it; restored (启用) it gets a new token', async () => {
    const system = await register('人社审批系统', ['licence.verify']);
    const live = await accessToken(system);
    expect((await call(verifyUrl(), live)).statusCode).toBe(200);

    const suspended = await admin.post(`/api/sharing/clients/${system.id}/suspend`, { reason: '系统升级期间暂停接入' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json<SharingClient>()).toMatchObject({ status: 'suspended', suspendReason: '系统升级期间暂停接入', version: 2 });
    expect(suspended.json<SharingClient>().suspendedAt).toBeTypeOf('string');
    expectError(await token(system), 'INVALID_CLIENT');
    expectError(await call(verifyUrl(), live), 'INVALID_CLIENT');
    expect((await log(`clientId=${system.clientId}&pageSize=5`)).items.map((e) => e.status)).toEqual([401, 200]);
    expectError(await admin.post(`/api/sharing/clients/${system.id}/suspend`, { reason: '再次停用' }), 'INVALID_STATE');

    const restored = await admin.post(`/api/sharing/clients/${system.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json<SharingClient>()).toMatchObject({ status: 'active', suspendedAt: null, suspendReason: null, version: 3 });
    // Tokens from before the suspension stay revoked; a new one works.
    expectError(await call(verifyUrl(), live), 'INVALID_CLIENT');
    expect((await call(verifyUrl(), await accessToken(system))).statusCode).toBe(200);
    expectError(await admin.post(`/api/sharing/clients/${system.id}/restore`), 'INVALID_STATE');
    expect(await audits(system.clientId)).toEqual(['sharing.client_create', 'sharing.client_suspend', 'sharing.client_restore']);
  });

  it('resets a secret (重置密钥): shown once; the old secret and its tokens stop working, the new one works', async () => {
    const system = await register('民政审批系统', ['licence.verify']);
    const old = await accessToken(system);
    const reset = await admin.post(`/api/sharing/clients/${system.id}/secret`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.headers['cache-control']).toBe('no-store');
    const fresh = reset.json<{ clientId: string; clientSecret: string }>();
    expect(fresh.clientId).toBe(system.clientId);
    expect(fresh.clientSecret).not.toBe(system.clientSecret);
    expect((await admin.get('/api/sharing/clients')).body).not.toContain(fresh.clientSecret);

    expectError(await token(system), 'INVALID_CLIENT');
    expectError(await call(verifyUrl(), old), 'INVALID_CLIENT');
    expect((await call(verifyUrl(), await accessToken(fresh))).statusCode).toBe(200);
    expect(await audits(system.clientId)).toEqual(['sharing.client_create', 'sharing.client_secret_reset']);
  });

  it('edits scopes and rate limit: a scope taken away stops working for tokens already issued; a stale version is refused', async () => {
    const system = await register('自然资源审批系统', ['licence.verify', 'licence.read:BIZ_LICENCE'], 50);
    const live = await accessToken(system);
    const edited = await admin.patch(`/api/sharing/clients/${system.id}`, {
      scopes: ['licence.read:BIZ_LICENCE', 'subject.org.read', 'subject.person.verify'],
      ratePerMinute: 120,
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<SharingClient>()).toMatchObject({
      scopes: ['licence.read:BIZ_LICENCE', 'subject.org.read', 'subject.person.verify'],
      ratePerMinute: 120,
      version: 2,
    });
    expectError(await call(verifyUrl(), live), 'INSUFFICIENT_SCOPE');
    expectError(await token(system, 'licence.verify'), 'INSUFFICIENT_SCOPE');

    expectError(await admin.patch(`/api/sharing/clients/${system.id}`, { scopes: ['licence.verify'], ratePerMinute: 10, version: 1 }), 'CONFLICT');
    expect(await clientRow(system.id)).toMatchObject({ scopes: ['licence.read:BIZ_LICENCE', 'subject.org.read', 'subject.person.verify'], ratePerMinute: 120 });
    expect(await audits(system.clientId)).toEqual(['sharing.client_create', 'sharing.client_update']);
  });

  it('lets only a centre admin manage systems, and refuses bad input without changing anything', async () => {
    const system = await register('税务审批系统', ['licence.verify']);
    const live = await accessToken(system);
    const routes: ['GET' | 'POST' | 'PATCH', string, Record<string, unknown> | undefined][] = [
      ['PATCH', `/api/sharing/clients/${system.id}`, { scopes: ['licence.verify'], ratePerMinute: 5, version: 1 }],
      ['POST', `/api/sharing/clients/${system.id}/suspend`, { reason: '越权停用' }],
      ['POST', `/api/sharing/clients/${system.id}/restore`, undefined],
      ['POST', `/api/sharing/clients/${system.id}/secret`, undefined],
      ['GET', '/api/sharing/clients', undefined],
      ['GET', '/api/sharing/access-log/daily', undefined],
    ];
    for (const [method, url, payload] of routes) {
      expectError(await enterprise.request({ method, url, ...(payload ? { payload } : {}) }), 'FORBIDDEN');
      expectError(await t.anonymous.request({ method, url, ...(payload ? { payload } : {}) }), 'UNAUTHENTICATED');
    }

    const noReason = issuesOf(await admin.post(`/api/sharing/clients/${system.id}/suspend`, { reason: ' ' }));
    expect(noReason.map((i) => i.path)).toEqual(['reason']);
    const badScope = issuesOf(await admin.patch(`/api/sharing/clients/${system.id}`, { scopes: ['subject.everything'], ratePerMinute: 0, version: 1 }));
    expect(badScope.map((i) => i.path).sort()).toEqual(['ratePerMinute', 'scopes.0']);
    expect(badScope.find((i) => i.path === 'scopes.0')!.message).toContain('licence.verify');
    issuesOf(await admin.patch(`/api/sharing/clients/${system.id}`, { scopes: [], ratePerMinute: 10, version: 1 }));
    expectError(await admin.post('/api/sharing/clients/not-a-uuid/suspend', { reason: '系统升级' }), 'VALIDATION_FAILED');
    expectError(await admin.post('/api/sharing/clients/00000000-0000-4000-8000-000000000000/suspend', { reason: '系统升级' }), 'NOT_FOUND');
    expectError(await admin.post('/api/sharing/clients/00000000-0000-4000-8000-000000000000/secret'), 'NOT_FOUND');

    expect(await clientRow(system.id)).toMatchObject({ status: 'active', scopes: ['licence.verify'], ratePerMinute: 100, version: 1 });
    expect((await call(verifyUrl(), live)).statusCode).toBe(200);
    expect((await token(system)).statusCode).toBe(200);
    expect(await audits(system.clientId)).toEqual(['sharing.client_create']);
  });

  it('reads a purpose sent percent-encoded or as raw UTF-8 (HTTP clients send headers as bytes)', async () => {
    const system = await register('编码测试系统', ['licence.verify']);
    const live = await accessToken(system);
    const said = '核验营业执照：食品经营许可审查';
    expect((await call(verifyUrl(), live, encodeURIComponent(said))).statusCode).toBe(200);
    expect((await call(verifyUrl(), live, Buffer.from(said, 'utf8').toString('latin1'))).statusCode).toBe(200);
    expect((await call(verifyUrl(), live, '100%')).statusCode).toBe(200);
    expect((await log(`clientId=${system.clientId}`)).items.map((e) => e.purpose)).toEqual(['100%', said, said]);
  });

  it('limits a system’s calls per minute whatever token it uses', async () => {
    const system = await register('限流测试系统', ['licence.verify'], 3);
    const other = await register('另一个系统', ['licence.verify'], 3);
    const [first, second] = [await accessToken(system), await accessToken(system)];
    expect(first).not.toBe(second);
    expect((await call(verifyUrl(), first)).statusCode).toBe(200);
    expect((await call(verifyUrl(), second)).statusCode).toBe(200);
    const third = await call(verifyUrl(), first);
    expect(third.statusCode).toBe(200);
    expect(third.headers['x-ratelimit-remaining']).toBe('0');
    const fourth = await call(verifyUrl(), second);
    expectError(fourth, 'RATE_LIMITED');
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    // Another system keeps its own allowance; the refusal is logged under the system.
    expect((await call(verifyUrl(), await accessToken(other))).statusCode).toBe(200);
    expect((await log(`clientId=${system.clientId}`)).items.map((e) => e.status)).toEqual([429, 200, 200, 200]);
  });

  it('filters the access log by system, result and China-time dates, counts calls per day and today’s per system', async () => {
    try {
      // 23:40 on 10 March and 00:20 on 11 March in China are both 10 March in UTC.
      clock.set('2026-03-10T23:40:00+08:00');
      admin = await t.login('admin');
      const system = await register('日期筛选系统', ['licence.verify']);
      const quiet = await register('从未调用的系统', ['licence.verify']);
      const live = await accessToken(system);
      expect((await call(verifyUrl(), live)).statusCode).toBe(200);
      clock.set('2026-03-11T00:20:00+08:00');
      admin = await t.login('admin');
      expect((await call(verifyUrl(), live)).statusCode).toBe(200);
      expectError(await call(verifyUrl(), live, null), 'VALIDATION_FAILED');

      const mine = `clientId=${system.clientId}`;
      expect((await log(mine)).total).toBe(3);
      expect((await log(`${mine}&result=ok`)).items.map((e) => e.status)).toEqual([200, 200]);
      expect((await log(`${mine}&result=refused`)).items.map((e) => [e.status, e.purpose])).toEqual([[400, null]]);
      expect((await log(`${mine}&from=2026-03-10&to=2026-03-10`)).items.map((e) => e.at)).toEqual(['2026-03-10T15:40:00.000Z']);
      expect((await log(`${mine}&from=2026-03-11`)).total).toBe(2);
      expect((await log(`${mine}&to=2026-03-09`)).total).toBe(0);
      const paged = await log(`${mine}&page=2&pageSize=2`);
      expect([paged.total, paged.items.length, paged.items[0]!.at]).toEqual([3, 1, '2026-03-10T15:40:00.000Z']);
      expect((await log('clientId=tb-unknown')).total).toBe(0);
      // Everybody's refusals only.
      expect((await log('result=refused&pageSize=100')).items.every((e) => e.status >= 400 && e.status < 500)).toBe(true);

      expect(issuesOf(await admin.get('/api/sharing/access-log?from=2026-03-12&to=2026-03-11'))).toEqual([
        { path: 'querystring.to', code: 'custom', message: '结束日期不能早于开始日期' },
      ]);
      expect(issuesOf(await admin.get('/api/sharing/access-log?from=2026-02-30')).map((i) => i.path)).toEqual(['querystring.from']);
      issuesOf(await admin.get('/api/sharing/access-log?result=maybe'));

      const listed = (await admin.get('/api/sharing/clients')).json<SharingClient[]>();
      expect(listed.find((c) => c.id === system.id)).toMatchObject({ callsToday: 2, lastCallAt: '2026-03-10T16:20:00.000Z' });
      expect(listed.find((c) => c.id === quiet.id)).toMatchObject({ callsToday: 0, lastCallAt: null });

      const daily = (await admin.get(`/api/sharing/access-log/daily?${mine}`)).json<SharingDaily[]>();
      expect(daily).toHaveLength(14);
      expect(daily[0]!.date).toBe('2026-02-26');
      expect(daily.slice(-2)).toEqual([
        { date: '2026-03-10', ok: 1, refused: 0 },
        { date: '2026-03-11', ok: 1, refused: 1 },
      ]);
      expect(daily.slice(0, -2).every((d) => d.ok === 0 && d.refused === 0)).toBe(true);
      issuesOf(await admin.get('/api/sharing/access-log/daily?days=0'));
    } finally {
      clock.set('2026-03-02T09:00:00+08:00');
      admin = await t.login('admin');
    }
  });
});
