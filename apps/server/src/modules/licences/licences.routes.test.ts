import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemVersion, LicenceDetail, LicenceFace, LicenceSpared, LicenceType, LicenceVerification } from '@tongban/contracts';
import { parseLicenceIdentifier } from '@tongban/domain';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError } from '../../../test/http.ts';
import { demoEnterprise } from '../../../db/seed/demo-data.ts';
import { licenceKeys, licences } from '../../platform/db/schema.ts';
import {
  caseTestApp,
  departmentId,
  fillForm,
  foodForm,
  foodMaterials,
  itemByName,
  newKey,
  ok,
  read,
  staff,
  testClock,
  withFiles,
} from '../cases/cases.testkit.ts';

type Role = 'enterprise' | 'citizen' | 'window' | 'reviewer' | 'approver' | 'health' | 'ecology' | 'admin';

/** The clients of the licence tests on one app, and a 食品经营许可 carried through its case to 准予. */
async function libraryClients(t: TestApp) {
  const food = await itemByName(t, '食品经营许可（新办）');
  const c = {} as Record<Role, Client>;
  c.admin = await t.login('admin');
  c.health = await staff(t, c.admin, 'lic_health', ['reviewer'], await departmentId(t, 'health'));
  c.ecology = await staff(t, c.admin, 'lic_ecology', ['reviewer'], await departmentId(t, 'ecology'));
  c.enterprise = await t.login('bashufood');
  c.citizen = await t.login('zhangsan');
  c.window = await t.login('window01');
  c.reviewer = await t.login('reviewer01');
  c.approver = await t.login('approver01');
  const act = (client: Client, caseNo: string, body: Record<string, unknown>) => ok(client, `/api/cases/${caseNo}/actions`, body);
  const wallet = async (client: Client) => {
    const res = await client.get('/api/licenses/mine');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LicenceFace[]>();
  };

  /** A 食品经营许可 carried through its parallel block to 准予 (with the certificate number the approver gives). */
  async function grantedFood(certificateNo: string) {
    const submitted = await ok(
      c.enterprise,
      '/api/cases',
      {
        implCode: food.implCode,
        formData: foodForm,
        materials: await withFiles(c.enterprise, foodMaterials),
        delivery: { method: 'electronic' },
        idempotencyKey: newKey(),
      },
      201,
    );
    const { caseNo } = submitted;
    await act(c.window, caseNo, { action: 'accept' });
    await act(c.reviewer, caseNo, { action: 'approve', step: 'review', opinion: '通过' });
    await act(c.reviewer, caseNo, { action: 'approve', step: 'market_site', opinion: '通过' });
    await act(c.health, caseNo, { action: 'approve', step: 'health_check', opinion: '通过' });
    await act(c.ecology, caseNo, { action: 'approve', step: 'fume_check', opinion: '通过' });
    await act(c.approver, caseNo, { action: 'decide', decision: 'approve', opinion: '准予许可', resultName: '食品经营许可证', resultNo: certificateNo });
    const issued = (await wallet(c.enterprise)).find((l) => l.fields.some((f) => f.key === 'certificateNo' && f.value === certificateNo));
    expect(issued, `no licence ${certificateNo} in the wallet`).toBeDefined();
    return { caseNo, licence: issued! };
  }

  const verify = async (identifier: string) => {
    const res = await t.anonymous.get(`/api/licenses/verify/${encodeURIComponent(identifier)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LicenceVerification>();
  };
  return { c, act, wallet, grantedFood, verify };
}

describe.each(engines())('licence library on %s', (engine) => {
  const clock = testClock('2026-03-02T09:00:00+08:00');
  let t: TestApp;
  let lib: Awaited<ReturnType<typeof libraryClients>>;
  const c = {} as Record<Role, Client>;
  const act = (client: Client, caseNo: string, body: Record<string, unknown>) => lib.act(client, caseNo, body);
  const verify = (identifier: string) => lib.verify(identifier);
  const wallet = (client: Client) => lib.wallet(client);
  const grantedFood = (certificateNo: string) => lib.grantedFood(certificateNo);

  beforeAll(async () => {
    t = await caseTestApp(engine, clock);
    lib = await libraryClients(t);
    Object.assign(c, lib.c);
  });
  afterAll(async () => t.close());

  it('lists the licence types of the library with their national type codes', async () => {
    const res = await t.anonymous.get('/api/licenses/types');
    expect(res.statusCode).toBe(200);
    const types = res.json<LicenceType[]>();
    expect(types.map((x) => x.key)).toEqual(expect.arrayContaining(['BIZ_LICENCE', 'FOOD_LICENCE', 'ID_CARD', 'HUKOU', 'BIRTH_CERT', 'MARRIAGE_CERT']));
    expect(types.every((x) => /^[0-9A-Z]{18}\d{3}$/.test(x.code))).toBe(true);
  });

  it('issues a signed licence to the holder when a case is decided 准予, and verifies it from its identifier alone', async () => {
    const { caseNo, licence } = await grantedFood('JY25119020001');
    expect(parseLicenceIdentifier(licence.identifier).ok).toBe(true);
    expect(licence).toMatchObject({
      typeName: '食品经营许可证',
      version: 1,
      holderName: demoEnterprise.organisationName,
      holderIdNumber: demoEnterprise.creditCode,
      issuerName: '巴中市市场监督管理局',
      issueDate: '2026-03-02',
      validFrom: '2026-03-02',
      validUntil: '2031-03-01',
      status: 'valid',
      statusCode: '01',
      statusLabel: '有效',
    });
    expect(Object.fromEntries(licence.fields.map((f) => [f.key, f.value]))).toMatchObject({
      operator: foodForm.operatorName,
      premises: foodForm.premises,
      certificateNo: 'JY25119020001',
    });

    const detail = await c.enterprise.get(`/api/licenses/${encodeURIComponent(licence.identifier)}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<LicenceDetail>()).toMatchObject({ caseNo, history: [{ action: 'issue', toStatus: 'valid', caseNo }] });
    // Somebody else's licence is not found, not forbidden.
    expectError(await c.citizen.get(`/api/licenses/${encodeURIComponent(licence.identifier)}`), 'NOT_FOUND');
    expect(await wallet(c.citizen)).not.toContainEqual(expect.objectContaining({ identifier: licence.identifier }));

    const checked = await verify(licence.identifier);
    expect(checked).toMatchObject({ verdict: 'valid', wellFormed: true, exists: true, signatureValid: true, status: 'valid', statusLabel: '有效' });
    // The public face masks the holder's code.
    expect(checked.licence!.holderIdNumber).not.toBe(demoEnterprise.creditCode);
    expect(checked.licence!.holderIdNumber).toContain('*');
  });

  it('tells malformed, unknown, expired and tampered licences apart', async () => {
    const { licence } = await grantedFood('JY25119020002');
    expect(await verify('not-a-licence')).toMatchObject({ verdict: 'malformed', wellFormed: false, exists: false, licence: null });
    // One character changed: the check character no longer matches.
    const typo = licence.identifier.replace(/\.(\d)(\d*)\.001\./, (_m, d: string, rest: string) => `.${(Number(d) + 1) % 10}${rest}.001.`);
    expect(typo).not.toBe(licence.identifier);
    expect(await verify(typo)).toMatchObject({ verdict: 'malformed', malformedReason: 'check' });
    // Well formed, but never issued: the next number of the same issuer, with its own check character.
    const parts = parseLicenceIdentifier(licence.identifier);
    if (!parts.ok) throw new Error('issued identifier does not parse');
    const { formatLicenceIdentifier } = await import('@tongban/domain');
    const unknown = formatLicenceIdentifier({ ...parts.parts, number: `${parts.parts.number.slice(0, -1)}9` });
    expect(await verify(unknown)).toMatchObject({ verdict: 'unknown', wellFormed: true, exists: false });

    // One byte of the stored data changed behind the library's back: the signature no longer checks.
    const { db } = t.database;
    const [row] = await db.select().from(licences).where(eq(licences.identifier, licence.identifier));
    await db
      .update(licences)
      .set({ data: { ...row!.data, premises: row!.data.premises!.replace('88', '89') } })
      .where(eq(licences.id, row!.id));
    expect(await verify(licence.identifier)).toMatchObject({ verdict: 'signature_invalid', signatureValid: false, licence: null });
    await db.update(licences).set({ data: row!.data }).where(eq(licences.id, row!.id));
    expect((await verify(licence.identifier)).verdict).toBe('valid');
    await db.update(licences).set({ holderName: '巴蜀美食有限公司' }).where(eq(licences.id, row!.id));
    expect((await verify(licence.identifier)).verdict).toBe('signature_invalid');
    await db.update(licences).set({ holderName: row!.holderName }).where(eq(licences.id, row!.id));

    // Five years later it has expired, though nobody acted on it.
    clock.set('2031-03-02T09:00:00+08:00');
    expect(await verify(licence.identifier)).toMatchObject({ verdict: 'not_in_force', signatureValid: true, status: 'expired', statusLabel: '失效' });
    clock.set('2026-03-02T09:00:00+08:00');
  });

  it('revokes the licence with the case result, and the same identifier then verifies as revoked', async () => {
    const { caseNo, licence } = await grantedFood('JY25119020003');
    const body = { action: 'revoke', reason: '以欺骗手段取得许可', legalBasis: '《中华人民共和国行政许可法》第六十九条第二款' };
    await act(c.approver, caseNo, body);
    expect(await verify(licence.identifier)).toMatchObject({ verdict: 'not_in_force', signatureValid: true, status: 'revoked', statusLabel: '撤销' });
    const detail = (await c.enterprise.get(`/api/licenses/${encodeURIComponent(licence.identifier)}`)).json<LicenceDetail>();
    expect(detail.history.map((h) => [h.action, h.toStatus, h.reason])).toEqual([
      ['issue', 'valid', null],
      ['revoke', 'revoked', body.reason],
    ]);
  });

  it('rotates the signing key: new licences are signed with the new key, earlier ones still verify', async () => {
    const before = await grantedFood('JY25119020004');
    expectError(await c.approver.post('/api/licenses/keys/rotate'), 'FORBIDDEN');
    const centre = await t.login('admin');
    const rotated = await centre.post('/api/licenses/keys/rotate');
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { keyId } = rotated.json<{ keyId: string }>();
    const after = await grantedFood('JY25119020005');
    const keyOf = async (identifier: string) => (await t.database.db.select().from(licences).where(eq(licences.identifier, identifier)))[0]!.signature.keyId;
    expect(await keyOf(after.licence.identifier)).toBe(keyId);
    expect(await keyOf(before.licence.identifier)).not.toBe(keyId);
    expect((await verify(before.licence.identifier)).verdict).toBe('valid');
    expect((await verify(after.licence.identifier)).verdict).toBe('valid');
  });

  it('takes licences from the library with the applicant’s consent: no upload, the use logged, the reviewer sees them verified', async () => {
    const { caseNo: foodCase, licence: foodLicence } = await grantedFood('JY25119020006');
    const renewal = await itemByName(t, '食品经营许可（延续）');
    const guide = (await t.anonymous.get(`/api/catalog/items/${renewal.implCode}`)).json<ItemVersion>();
    const fromLibrary = guide.content.materials.filter((m) => m.source === 'licence_library');
    expect(fromLibrary.map((m) => m.licenceType).sort()).toEqual(['BIZ_LICENCE', 'FOOD_LICENCE']);
    const others = guide.content.materials.filter((m) => m.source === 'applicant' && m.necessity === 'required');
    const submit = async (licenceConsent: boolean) =>
      ok(
        c.enterprise,
        '/api/cases',
        {
          implCode: renewal.implCode,
          formData: fillForm(guide.content.formSchema, {}),
          materials: await withFiles(c.enterprise, [
            ...fromLibrary.map((m) => ({ materialKey: m.key, provided: 'licence' as const })),
            ...others.map((m) => ({ materialKey: m.key, provided: 'upload' as const })),
          ]),
          delivery: { method: 'electronic' },
          licenceConsent,
          idempotencyKey: newKey(),
        },
        201,
      );
    const spared = async () => (await t.anonymous.get('/api/licenses/spared')).json<LicenceSpared>();
    const before = await spared();

    // Without consent nothing is taken: the window checks the originals.
    const refused = await submit(false);
    expect(refused.materials.filter((m) => m.provided === 'licence').map((m) => m.licence)).toEqual([null, null]);

    const made = await submit(true);
    const taken = new Map(made.materials.filter((m) => m.licence).map((m) => [m.licence!.typeName, m.licence!]));
    expect([...taken.keys()].sort()).toEqual(['营业执照', '食品经营许可证']);
    expect(taken.get('食品经营许可证')).toMatchObject({ identifier: foodLicence.identifier, verdict: 'valid', statusLabel: '有效' });
    expect(made.materials.filter((m) => m.licence).every((m) => m.files.length === 0)).toBe(true);
    // The reviewer sees the same, checked as of now; the consent is on the record.
    await act(c.window, made.caseNo, { action: 'accept' });
    const seen = await read(c.reviewer, made.caseNo);
    expect(seen.materials.filter((m) => m.licence?.verdict === 'valid')).toHaveLength(2);
    expect(seen.timeline[0]!.details).toMatchObject({ licenceConsent: true, licences: expect.arrayContaining([foodLicence.identifier]) });

    // The holder sees who used the licence, when and for what; the count of spared submissions grows by two.
    const detail = (await c.enterprise.get(`/api/licenses/${encodeURIComponent(foodLicence.identifier)}`)).json<LicenceDetail>();
    expect(detail.uses).toMatchObject([{ caseNo: made.caseNo, itemName: '食品经营许可（延续）', usedByName: demoEnterprise.displayName }]);
    const after = await spared();
    expect(after.total).toBe(before.total + 2);
    expect(after.byItem.find((r) => r.implCode === renewal.implCode)?.count).toBe((before.byItem.find((r) => r.implCode === renewal.implCode)?.count ?? 0) + 2);

    // Once revoked, the licence is no longer taken (another one in force may be); the business licence still is.
    await act(c.approver, foodCase, { action: 'revoke', reason: '以欺骗手段取得许可', legalBasis: '《中华人民共和国行政许可法》第六十九条第二款' });
    const again = await submit(true);
    expect(again.materials.map((m) => m.licence?.identifier)).not.toContain(foodLicence.identifier);
    expect(again.materials.map((m) => m.licence?.typeName)).toContain('营业执照');
    expect((await read(c.reviewer, made.caseNo)).materials.find((m) => m.licence?.identifier === foodLicence.identifier)?.licence).toMatchObject({
      verdict: 'not_in_force',
      statusLabel: '撤销',
    });
  });

  it('renews (延续): a granted renewal that took the licence issues the next version under the same number, and the previous one stops being in force', async () => {
    const { licence: first } = await grantedFood('JY25119020009');
    const renewal = await itemByName(t, '食品经营许可（延续）');
    const guide = (await t.anonymous.get(`/api/catalog/items/${renewal.implCode}`)).json<ItemVersion>();
    const made = await ok(
      c.enterprise,
      '/api/cases',
      {
        implCode: renewal.implCode,
        formData: fillForm(guide.content.formSchema, {}),
        materials: await withFiles(c.enterprise, [
          ...guide.content.materials.filter((m) => m.source === 'licence_library').map((m) => ({ materialKey: m.key, provided: 'licence' as const })),
          ...guide.content.materials
            .filter((m) => m.source === 'applicant' && m.necessity === 'required')
            .map((m) => ({ materialKey: m.key, provided: 'upload' as const })),
        ]),
        delivery: { method: 'electronic' },
        licenceConsent: true,
        idempotencyKey: newKey(),
      },
      201,
    );
    // The newest food licence in force is the one taken; the application form itself is filled online, not missing.
    expect(made.materials.find((m) => m.licence?.typeName === '食品经营许可证')?.licence?.identifier).toBe(first.identifier);
    expect(made.materials.find((m) => m.materialKey === 'application')).toMatchObject({ source: 'online_form', files: [] });
    expect(made.materials.find((m) => m.licence)?.source).toBe('licence_library');
    await act(c.window, made.caseNo, { action: 'accept' });
    await act(c.window, made.caseNo, { action: 'decide', decision: 'approve', opinion: '准予延续', resultName: '食品经营许可证' });

    const next = (await wallet(c.enterprise)).find((l) => l.previousIdentifier === first.identifier);
    expect(next, 'no renewed licence in the wallet').toBeDefined();
    expect(next).toMatchObject({ number: first.number, version: 2, statusLabel: '有效' });
    expect(next!.identifier).toBe(`${first.identifier.split('.').slice(0, 7).join('.')}.${first.number}.002.${next!.identifier.slice(-1)}`);
    // The licence face keeps what the renewal form does not say (premises, business type …) and the certificate number.
    expect(next!.fields.find((f) => f.key === 'certificateNo')?.value).toBe('JY25119020009');
    expect(next!.fields.filter((f) => f.value !== '').length).toBe(first.fields.filter((f) => f.value !== '').length);
    // The validity runs on from the previous end: no day is lost.
    expect(next!.validUntil! > first.validUntil!).toBe(true);
    expect(await verify(next!.identifier)).toMatchObject({ verdict: 'valid', signatureValid: true });
    expect(await verify(first.identifier)).toMatchObject({ verdict: 'not_in_force', signatureValid: true, status: 'superseded', statusLabel: '失效' });
    const history = (await c.enterprise.get(`/api/licenses/${encodeURIComponent(first.identifier)}`)).json<LicenceDetail>().history;
    expect(history.map((h) => [h.action, h.toStatus])).toEqual([
      ['issue', 'valid'],
      ['renew', 'superseded'],
    ]);
    expect(history[1]!.reason).toContain(next!.identifier);
  });

  it('lets the issuing department suspend, restore and cancel a licence, one change at a time, each recorded', async () => {
    const { licence } = await grantedFood('JY25119020010');
    const url = `/api/licenses/${encodeURIComponent(licence.identifier)}/actions`;
    const suspend = { action: 'suspend', reason: '责令停业整顿期间', legalBasis: '《中华人民共和国食品安全法》第一百二十六条' };
    // Suspension needs its legal basis; a reviewer may not; another department does not find it.
    expectError(await c.approver.post(url, { action: 'suspend', reason: '责令停业整顿期间' }), 'VALIDATION_FAILED');
    expectError(await c.reviewer.post(url, suspend), 'FORBIDDEN');
    const healthApprover = await staff(t, c.admin, 'lic_health_approver', ['approver'], await departmentId(t, 'health'));
    expectError(await healthApprover.post(url, suspend), 'NOT_FOUND');
    expect((await verify(licence.identifier)).verdict).toBe('valid');

    const suspended = await c.approver.post(url, suspend);
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json<LicenceFace>()).toMatchObject({ status: 'suspended', statusLabel: '暂扣' });
    expect(await verify(licence.identifier)).toMatchObject({ verdict: 'not_in_force', status: 'suspended', signatureValid: true });

    // Two restores at once: one wins, the other finds the licence already restored.
    const restores = await Promise.all([0, 1].map(() => c.approver.post(url, { action: 'restore', reason: '整顿完毕，发还' })));
    expect(restores.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await verify(licence.identifier)).verdict).toBe('valid');

    const cancelled = await c.approver.post(url, { action: 'cancel', reason: '经营者申请注销' });
    expect(cancelled.json<LicenceFace>()).toMatchObject({ status: 'cancelled', statusLabel: '注销' });
    expectError(await c.approver.post(url, { action: 'restore', reason: '误操作' }), 'INVALID_STATE');
    const history = (await c.enterprise.get(`/api/licenses/${encodeURIComponent(licence.identifier)}`)).json<LicenceDetail>().history;
    expect(history.map((h) => [h.action, h.toStatus])).toEqual([
      ['issue', 'valid'],
      ['suspend', 'suspended'],
      ['restore', 'valid'],
      ['cancel', 'cancelled'],
    ]);
    expect(history[1]!.reason).toContain('食品安全法');
  });

  it('answers 400 for an identifier that is too long and 401 for the wallet without a session', async () => {
    expectError(await t.anonymous.get(`/api/licenses/verify/${'1'.repeat(201)}`), 'BAD_REQUEST');
    expectError(await t.anonymous.get('/api/licenses/mine'), 'UNAUTHENTICATED');
  });
});

describe.each(engines())('licence library with LICENCE_SIGNING_ALGORITHM=sm2 on %s', (engine) => {
  const clock = testClock('2026-03-02T09:00:00+08:00');
  let t: TestApp;
  let lib: Awaited<ReturnType<typeof libraryClients>>;

  beforeAll(async () => {
    t = await createTestApp(engine, { LOGIN_RATE_LIMIT_PER_MINUTE: '10000', LICENCE_SIGNING_ALGORITHM: 'sm2' }, { now: clock.now });
    lib = await libraryClients(t);
  });
  afterAll(async () => t.close());

  it('rotates to an SM2 key, signs new licences with SM2 and still verifies those of the retired Ed25519 key', async () => {
    const { db } = t.database;
    const signatureOf = async (identifier: string) => (await db.select().from(licences).where(eq(licences.identifier, identifier)))[0]!.signature;
    // The demo's 营业执照 was imported (证照归集) with the template's Ed25519 key.
    const bizLicence = (await lib.wallet(lib.c.enterprise)).find((l) => l.typeName === '营业执照')!;
    expect((await signatureOf(bizLicence.identifier)).algorithm).toBe('ed25519');

    const rotated = await lib.c.admin.post('/api/licenses/keys/rotate');
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { keyId } = rotated.json<{ keyId: string }>();
    const [key] = await db.select().from(licenceKeys).where(eq(licenceKeys.id, keyId));
    expect(key).toMatchObject({ algorithm: 'sm2', status: 'active' });
    expect(key!.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);

    const { licence } = await lib.grantedFood('JY25119029001');
    expect(await signatureOf(licence.identifier)).toMatchObject({ keyId, algorithm: 'sm2' });
    expect(await lib.verify(licence.identifier)).toMatchObject({ verdict: 'valid', signatureValid: true });
    expect(await lib.verify(bizLicence.identifier)).toMatchObject({ verdict: 'valid', signatureValid: true });

    // The SM2 signature covers the stored columns like the Ed25519 one does.
    const [row] = await db.select().from(licences).where(eq(licences.identifier, licence.identifier));
    await db.update(licences).set({ holderName: '巴蜀美食有限公司' }).where(eq(licences.id, row!.id));
    expect((await lib.verify(licence.identifier)).verdict).toBe('signature_invalid');
    await db.update(licences).set({ holderName: row!.holderName }).where(eq(licences.id, row!.id));
    expect((await lib.verify(licence.identifier)).verdict).toBe('valid');
  });
});
