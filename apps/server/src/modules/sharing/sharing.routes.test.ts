import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenceDetail, LicenceFace, LicenceVerification, Page, SharingAccess } from '@tongban/contracts';
import type { Client, TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError } from '../../../test/http.ts';
import { demoEnterprise } from '../../../db/seed/demo-data.ts';
import { caseTestApp, foodForm, foodMaterials, itemByName, newKey, ok, testClock, withFiles } from '../cases/cases.testkit.ts';

describe.each(engines())('data sharing on %s', (engine) => {
  const clock = testClock('2026-03-02T09:00:00+08:00');
  let t: TestApp;
  let admin: Client;
  let enterprise: Client;
  let bizLicence: LicenceFace;
  const register = async (name: string, scopes: string[]) => {
    const res = await admin.post('/api/sharing/clients', { name, scopes, ratePerMinute: 100 });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ clientId: string; clientSecret: string }>();
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
});
