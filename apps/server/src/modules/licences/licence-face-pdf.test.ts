import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenceDetail, LicenceFace, LicenceVerification } from '@tongban/contracts';
import type { LightMyRequestResponse } from 'fastify';
import type { Client, TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { readPdf, squeeze } from '../../../test/pdf.ts';
import { expectError } from '../../../test/http.ts';
import { demoCitizen, demoEnterprise } from '../../../db/seed/demo-data.ts';
import { caseTestApp, departmentId, foodForm, foodMaterials, itemByName, newKey, ok, staff, testClock, withFiles } from '../cases/cases.testkit.ts';
import { licenceFacePath, licenceVerifyPageUrl } from './licence-face-pdf.ts';

/** light-my-request sends `host: localhost:80` over plain HTTP, and no PUBLIC_URL is set here. */
const ORIGIN = 'http://localhost:80';

describe.each(engines())('printable licence face (证照照面) on %s', (engine) => {
  const clock = testClock('2026-03-02T09:00:00+08:00');
  let t: TestApp;
  let tmp: string;
  const pdfOf = (res: LightMyRequestResponse, name: string) => readPdf(res, path.join(tmp, `${name}-${engine}.pdf`), { personal: true });
  const c = {} as Record<'enterprise' | 'citizen' | 'window' | 'reviewer' | 'approver' | 'health' | 'ecology' | 'admin', Client>;
  const act = (client: Client, caseNo: string, body: Record<string, unknown>) => ok(client, `/api/cases/${caseNo}/actions`, body);
  const wallet = async (client: Client) => {
    const res = await client.get('/api/licenses/mine');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LicenceFace[]>();
  };

  beforeAll(async () => {
    t = await caseTestApp(engine, clock);
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-licence-face-'));
    c.admin = await t.login('admin');
    c.enterprise = await t.login('bashufood');
    c.citizen = await t.login('zhangsan');
  });
  afterAll(async () => {
    await t.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('prints the holder’s business licence with every field, the full credit code and a QR code of the public verify page', async () => {
    const licence = (await wallet(c.enterprise)).find((l) => l.typeName === '营业执照');
    expect(licence, 'the demo enterprise holds a business licence').toBeDefined();
    const { text, squeezed, png, qr, fileName } = await pdfOf(await c.enterprise.get(licenceFacePath(licence!.identifier)), 'business-licence');

    expect(fileName).toBe(`营业执照-${licence!.number}.pdf`);
    expect(text).toContain('营业执照');
    expect(text).toContain('扫码核验');
    expect(squeezed).toContain(licence!.identifier);
    expect(squeezed).toContain(licence!.number);
    expect(squeezed).toContain(squeeze(demoEnterprise.organisationName));
    // The holder's own copy: the credit code in full.
    expect(squeezed).toContain(`统一社会信用代码${demoEnterprise.creditCode}`);
    expect(squeezed).toContain('发证机关巴中市市场监督管理局');
    expect(squeezed).toContain('发证日期2021年6月18日');
    expect(squeezed).toContain('有效期限长期有效');
    expect(squeezed).toContain('证照状态有效');
    for (const f of licence!.fields) expect(squeezed).toContain(squeeze(`${f.label}${f.value}`));
    // The history: recorded by 证照归集.
    expect(squeezed).toContain('签发');
    expect(squeezed).toContain('证照归集');
    expect(text).toMatch(/第 1 页 \/ 共 \d+ 页/);
    // A4 at 100 dpi.
    expect(png.width).toBe(827);

    expect(qr).toBe(licenceVerifyPageUrl(ORIGIN, licence!.identifier));
    expect(qr).toBe(`${ORIGIN}/verify/licence?id=${licence!.identifier}`);
    // What a stranger's scan opens: the page reads the identifier from the query and asks the public API.
    const id = new URL(qr!).searchParams.get('id')!;
    const verified = (await t.anonymous.get(`/api/licenses/verify/${encodeURIComponent(id)}`)).json<LicenceVerification>();
    expect(verified).toMatchObject({ verdict: 'valid', statusLabel: '有效', licence: { typeName: '营业执照' } });
  });

  it('prints a person’s identity card with the citizen ID number and the validity period, and links on the host the request came to', async () => {
    const card = (await wallet(c.citizen)).find((l) => l.typeName === '居民身份证')!;
    const res = await c.citizen.request({ method: 'GET', url: licenceFacePath(card.identifier), headers: { host: 'zwfw.bazhong.example:8443' } });
    const { squeezed, qr } = await pdfOf(res, 'identity-card');
    expect(squeezed).toContain(`公民身份号码${demoCitizen.residentId}`);
    expect(squeezed).toContain(squeeze(demoCitizen.displayName));
    expect(squeezed).toContain('有效期限2016年5月10日至2036年5月9日');
    expect(qr).toBe(`http://zwfw.bazhong.example:8443/verify/licence?id=${card.identifier}`);
  });

  it('answers 404 for another holder’s licence and an unknown one, 401 without a session', async () => {
    const licence = (await wallet(c.enterprise)).find((l) => l.typeName === '营业执照')!;
    expectError(await c.citizen.get(licenceFacePath(licence.identifier)), 'NOT_FOUND');
    expectError(await c.enterprise.get(licenceFacePath('1.2.156.3005.2.not.a.licence.001.X')), 'NOT_FOUND');
    expectError(await t.anonymous.get(licenceFacePath(licence.identifier)), 'UNAUTHENTICATED');
  });

  it('prints a revoked licence as revoked, with its history from 签发 to 撤销 and the reason', async () => {
    c.health = await staff(t, c.admin, 'face_health', ['reviewer'], await departmentId(t, 'health'));
    c.ecology = await staff(t, c.admin, 'face_ecology', ['reviewer'], await departmentId(t, 'ecology'));
    c.window = await t.login('window01');
    c.reviewer = await t.login('reviewer01');
    c.approver = await t.login('approver01');
    const food = await itemByName(t, '食品经营许可（新办）');
    const { caseNo } = await ok(
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
    await act(c.window, caseNo, { action: 'accept' });
    await act(c.reviewer, caseNo, { action: 'approve', step: 'review', opinion: '通过' });
    await act(c.reviewer, caseNo, { action: 'approve', step: 'market_site', opinion: '通过' });
    await act(c.health, caseNo, { action: 'approve', step: 'health_check', opinion: '通过' });
    await act(c.ecology, caseNo, { action: 'approve', step: 'fume_check', opinion: '通过' });
    await act(c.approver, caseNo, { action: 'decide', decision: 'approve', opinion: '准予许可', resultName: '食品经营许可证', resultNo: 'JY25119020101' });
    const licence = (await wallet(c.enterprise)).find((l) => l.fields.some((f) => f.value === 'JY25119020101'))!;
    expect(licence.typeName).toBe('食品经营许可证');

    const valid = await pdfOf(await c.enterprise.get(licenceFacePath(licence.identifier)), 'food-valid');
    expect(valid.squeezed).toContain('有效期限2026年3月2日至2031年3月1日');
    expect(valid.squeezed).toContain(`办件编号${caseNo}`);
    expect(valid.squeezed).toContain('许可证编号JY25119020101');
    expect(valid.squeezed).not.toContain('不再有效');

    const reason = '以欺骗手段取得许可';
    await act(c.approver, caseNo, { action: 'revoke', reason, legalBasis: '《中华人民共和国行政许可法》第六十九条第二款' });
    const detail = (await c.enterprise.get(`/api/licenses/${encodeURIComponent(licence.identifier)}`)).json<LicenceDetail>();
    expect(detail.status).toBe('revoked');
    const revoked = await pdfOf(await c.enterprise.get(licenceFacePath(licence.identifier)), 'food-revoked');
    expect(revoked.squeezed).toContain('证照状态：撤销。本证照已被撤销，不再有效。');
    expect(revoked.squeezed).toContain('证照状态撤销');
    expect(revoked.squeezed).toMatch(/签发有效.*撤销撤销/);
    expect(revoked.squeezed).toContain(reason);
    // The same link: the verify page then says it is revoked.
    expect(revoked.qr).toBe(valid.qr);
  });
});
