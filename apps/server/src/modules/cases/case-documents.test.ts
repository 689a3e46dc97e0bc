import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseDocumentList, SubmittedMaterialInput } from '@tongban/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { readPdf } from '../../../test/pdf.ts';
import { expectError } from '../../../test/http.ts';
import { demoEnterprise } from '../../../db/seed/demo-data.ts';
import { itemByName, newKey, ok, pharmacyForm, pharmacyMaterials, testClock, withFiles } from './cases.testkit.ts';

const PUBLIC_URL = 'https://zwfw.bazhong.example';

describe.each(engines())('case documents (办件文书) on %s', (engine) => {
  const clock = testClock();
  let t: TestApp;
  let tmp: string;
  const pdfOf = (res: LightMyRequestResponse, name: string) =>
    readPdf(res, path.join(tmp, `${name}-${engine}.pdf`), { personal: true, dpi: 150, qrIn: 'top-right' });
  let pharmacy: { id: string; implCode: string };
  const c = {} as Record<'enterprise' | 'citizen' | 'window' | 'reviewer' | 'approver' | 'supervisor', Client>;
  /** A 药品零售企业许可 that goes through 补正, 容缺 acceptance and 准予 (容缺通过); and one refused. */
  let caseNo: string;
  let refusedNo: string;

  async function at(iso: string) {
    clock.set(iso);
    c.enterprise = await t.login('bashufood');
    c.citizen = await t.login('zhangsan');
    c.window = await t.login('window01');
    c.reviewer = await t.login('reviewer01');
    c.approver = await t.login('approver01');
    c.supervisor = await t.login('supervisor01');
  }

  /** One action through the action API. */
  async function act(client: Client, no: string, action: string, body: Record<string, unknown> = {}): Promise<CaseDetail> {
    const res = await client.post(`/api/cases/${no}/actions`, { action, ...body });
    expect(res.statusCode, `${action} ${res.body}`).toBe(200);
    return res.json<CaseDetail>();
  }

  const submit = async (materials: SubmittedMaterialInput[]) =>
    ok(
      c.enterprise,
      '/api/cases',
      {
        implCode: pharmacy.implCode,
        formData: pharmacyForm,
        materials: await withFiles(c.enterprise, materials),
        delivery: { method: 'window' },
        idempotencyKey: newKey(),
      },
      201,
    );

  const pdfUrl = (no: string, kind: string) => `/api/cases/${no}/documents/${kind}.pdf`;
  const list = async (client: Client, no: string) => {
    const res = await client.get(`/api/cases/${no}/documents`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    return res.json<CaseDocumentList>();
  };

  beforeAll(async () => {
    // Moving the clock means logging in again, many times: lift the per-minute login limit.
    t = await createTestApp(engine, { LOGIN_RATE_LIMIT_PER_MINUTE: '10000', PUBLIC_URL }, { now: clock.now });
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-case-documents-'));
    pharmacy = await itemByName(t, '药品零售企业许可');
    await at('2026-03-02T09:00:00+08:00');
    // Submitted without the premises plan and the quality documents.
    const materials = pharmacyMaterials.map((m) =>
      m.materialKey === 'premises' || m.materialKey === 'quality_docs' ? { ...m, provided: 'missing' as const } : m,
    );
    caseNo = (await submit(materials)).caseNo;
    refusedNo = (await submit(pharmacyMaterials)).caseNo;
  });
  afterAll(async () => {
    await t?.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('issue a 收件凭证 on submission, and nothing else yet', async () => {
    const documents = await list(c.enterprise, caseNo);
    expect(documents.caseNo).toBe(caseNo);
    expect(documents.documents.map((d) => [d.kind, d.title, d.available, d.docNo])).toEqual([
      ['receipt', '收件凭证', true, `${caseNo}-SJ`],
      ['refusal', '不予受理决定书', false, null],
      ['supplement-notice', '一次性告知书', false, null],
      ['decision', '行政许可决定书', false, null],
    ]);
    expect(documents.documents[0]).toMatchObject({ issuedOn: '2026-03-02', url: `/api/cases/${caseNo}/documents/receipt.pdf` });

    const { text, squeezed, qr, fileName } = await pdfOf(await c.enterprise.get(pdfUrl(caseNo, 'receipt')), 'collection');
    expect(fileName).toBe(`${caseNo}-收件凭证.pdf`);
    expect(text).toContain('收件凭证');
    expect(squeezed).toContain(`文书编号：${caseNo}-SJ`);
    expect(squeezed).toContain(`办件编号：${caseNo}`);
    expect(squeezed).toContain('药品零售企业许可');
    expect(squeezed).toContain(demoEnterprise.organisationName);
    expect(squeezed).toContain('2026年3月2日');
    expect(squeezed).toContain('不代表已经受理');
    expect(squeezed).toContain('执业药师注册证或药学专业技术职称证书');
    expect(squeezed).toContain('电子证照调取');
    expect(squeezed).toContain('未提交');
    expect(squeezed).toContain('在线填报');
    expect(squeezed).toContain('已上传1个文件');
    // The credit code is printed masked, as the case detail shows it.
    expect(squeezed).not.toContain(demoEnterprise.creditCode);
    expect(qr).toBe(`${PUBLIC_URL}/portal/progress?caseNo=${caseNo}`);

    // Documents that do not exist yet: 409 with a message that says why.
    const decision = expectError(await c.enterprise.get(pdfUrl(caseNo, 'decision')), 'INVALID_STATE');
    expect(decision.details).toMatchObject({ reason: 'document_not_available', document: 'decision', status: 'submitted' });
    expect(JSON.stringify(decision.details)).toContain('尚未作出决定');
    expectError(await c.enterprise.get(pdfUrl(caseNo, 'refusal')), 'INVALID_STATE');
    expectError(await c.enterprise.get(pdfUrl(caseNo, 'supplement-notice')), 'INVALID_STATE');
    const english = await c.enterprise.request({ method: 'GET', url: pdfUrl(caseNo, 'decision'), headers: { 'accept-language': 'en' } });
    expect(expectError(english, 'INVALID_STATE', 'en').details).toMatchObject({
      issues: [{ path: 'kind', message: expect.stringMatching(/not decided yet/) }],
    });
  });

  it('are out of reach exactly like the case: 404 for another citizen, 401 without a session, 200 for staff in scope', async () => {
    expectError(await c.citizen.get(`/api/cases/${caseNo}/documents`), 'NOT_FOUND');
    expectError(await c.citizen.get(pdfUrl(caseNo, 'receipt')), 'NOT_FOUND');
    // Same answer whether or not the document exists: nothing leaks.
    expectError(await c.citizen.get(pdfUrl(caseNo, 'decision')), 'NOT_FOUND');
    expectError(await t.anonymous.get(pdfUrl(caseNo, 'receipt')), 'UNAUTHENTICATED');
    expect((await list(c.window, caseNo)).documents[0]?.available).toBe(true);
    expect((await c.supervisor.get(pdfUrl(caseNo, 'receipt'))).statusCode).toBe(200);
    const unknown = expectError(await c.enterprise.get(pdfUrl(caseNo, 'licence')), 'NOT_FOUND');
    expect(unknown.details).toMatchObject({ what: 'document', kinds: ['receipt', 'refusal', 'supplement-notice', 'decision'] });
    expectError(await c.enterprise.get('/api/cases/not-a-case-number/documents/receipt.pdf'), 'VALIDATION_FAILED');
  });

  it('print the 一次性告知书 of a 补正 request with every missing material once, each with its note', async () => {
    await at('2026-03-02T09:30:00+08:00');
    await act(c.window, caseNo, 'request-supplement', {
      missing: [
        { materialKey: 'premises', note: '须标明仓库面积和温湿度监测设施位置' },
        { materialKey: 'quality_docs', note: '' },
      ],
      opinion: '请一次性补齐后重新提交',
    });
    const documents = await list(c.enterprise, caseNo);
    expect(documents.documents.find((d) => d.kind === 'supplement-notice')).toMatchObject({ available: true, title: '一次性告知书', docNo: `${caseNo}-BZ` });

    const { text, squeezed, qr, fileName } = await pdfOf(await c.enterprise.get(pdfUrl(caseNo, 'supplement-notice')), 'supplement');
    expect(fileName).toBe(`${caseNo}-一次性告知书.pdf`);
    expect(text).toContain('一次性告知书');
    expect(squeezed).toContain(`办件编号：${caseNo}`);
    expect(squeezed).toContain('需要补正的材料（共2项）');
    expect(squeezed).toContain('营业场所、仓库平面布置图及房屋产权或使用权证明');
    expect(squeezed).toContain('补正要求：须标明仓库面积和温湿度监测设施位置');
    expect(squeezed).toContain('药品质量管理制度文件目录及质量管理人员名单');
    expect(squeezed).toContain('请一次性补齐后重新提交');
    expect(squeezed).toContain('第三十二条第一款第（四）项');
    expect(squeezed).toContain('告知日期2026年3月2日');
    expect(squeezed).toContain('陈静');
    expect(qr).toBe(`${PUBLIC_URL}/portal/progress?caseNo=${caseNo}`);
  });

  it('turn the receipt into a 受理通知书 on acceptance: officer, date, limit, due date, materials and how they came', async () => {
    await at('2026-03-02T10:00:00+08:00');
    await act(c.enterprise, caseNo, 'supplement', {
      materials: await withFiles(c.enterprise, [
        { materialKey: 'premises', provided: 'upload' },
        { materialKey: 'quality_docs', provided: 'deferred' },
      ]),
    });
    await at('2026-03-03T10:00:00+08:00');
    const accepted = await act(c.window, caseNo, 'accept', { opinion: '材料齐全，容缺受理' });
    expect(accepted).toMatchObject({ acceptedOn: '2026-03-03', limitWorkingDays: 10, dueDate: '2026-03-17', missingDeferred: ['quality_docs'] });

    const receipt = (await list(c.enterprise, caseNo)).documents[0]!;
    expect(receipt).toMatchObject({ kind: 'receipt', title: '受理通知书', available: true, docNo: `${caseNo}-SL`, issuedOn: '2026-03-03' });

    const { text, squeezed, qr, fileName } = await pdfOf(await c.enterprise.get(pdfUrl(caseNo, 'receipt')), 'acceptance');
    expect(fileName).toBe(`${caseNo}-受理通知书.pdf`);
    expect(text).toContain('受理通知书');
    expect(squeezed).toContain(`文书编号：${caseNo}-SL`);
    expect(squeezed).toContain(`办件编号${caseNo}`);
    expect(squeezed).toContain('决定予以受理');
    expect(squeezed).toContain('受理部门巴中市市场监督管理局');
    expect(squeezed).toContain('受理人陈静');
    expect(squeezed).toContain('受理日期2026年3月3日');
    expect(squeezed).toContain('承诺办结时限10个工作日');
    expect(squeezed).toContain('2026年3月17日前');
    expect(squeezed).toContain('容缺受理：请于2026年3月17日前、作出决定前补交');
    expect(squeezed).toContain('电子上传');
    expect(squeezed).toContain('电子证照调取');
    expect(squeezed).toContain('后续办理');
    expect(squeezed).toContain('窗口领取');
    expect(squeezed).toContain('巴中市市场监督管理局（受理专用章）');
    expect(qr).toBe(`${PUBLIC_URL}/portal/progress?caseNo=${caseNo}`);
    // The notice of the 补正 stays available, and a refusal never came.
    expect((await c.enterprise.get(pdfUrl(caseNo, 'supplement-notice'))).statusCode).toBe(200);
    expectError(await c.enterprise.get(pdfUrl(caseNo, 'refusal')), 'INVALID_STATE');
  });

  it('print the 准予行政许可决定书 after the decision, with the opinion, the result and its number', async () => {
    expectError(await c.enterprise.get(pdfUrl(caseNo, 'decision')), 'INVALID_STATE');
    await at('2026-03-05T10:00:00+08:00');
    await act(c.reviewer, caseNo, 'approve', { step: 'review', opinion: '现场检查符合药品经营质量管理规范' });
    await at('2026-03-06T15:00:00+08:00');
    await act(c.approver, caseNo, 'decide', {
      decision: 'deferred_pass',
      opinion: '符合法定条件，准予许可',
      resultName: '药品经营许可证（零售）',
      resultNo: '川CB8270001',
    });
    const decision = (await list(c.enterprise, caseNo)).documents.find((d) => d.kind === 'decision');
    expect(decision).toMatchObject({ available: true, title: '准予行政许可决定书', docNo: `${caseNo}-JD`, issuedOn: '2026-03-06' });

    const { text, squeezed, qr, fileName } = await pdfOf(await c.enterprise.get(pdfUrl(caseNo, 'decision')), 'decision');
    expect(fileName).toBe(`${caseNo}-准予行政许可决定书.pdf`);
    expect(text).toContain('准予行政许可决定书');
    expect(squeezed).toContain(`办件编号：${caseNo}`);
    expect(squeezed).toContain('第三十八条第一款');
    expect(squeezed).toContain('决定准予行政许可（容缺通过）');
    expect(squeezed).toContain('符合法定条件，准予许可');
    expect(squeezed).toContain('办理结果药品经营许可证（零售）');
    expect(squeezed).toContain('证照编号川CB8270001');
    expect(squeezed).toContain('决定日期2026年3月6日');
    expect(squeezed).toContain('审批人赵刚');
    expect(squeezed).toContain('容缺材料尚未补交：药品质量管理制度文件目录及质量管理人员名单');
    expect(squeezed).toContain('巴中市市场监督管理局（印章）');
    expect(qr).toBe(`${PUBLIC_URL}/portal/progress?caseNo=${caseNo}`);
  });

  it('print the 不予受理决定书 with the reason, the legal basis and the right to review and litigation', async () => {
    await at('2026-03-09T09:00:00+08:00');
    expectError(await c.enterprise.get(pdfUrl(refusedNo, 'refusal')), 'INVALID_STATE');
    await act(c.window, refusedNo, 'refuse', {
      reason: '申请事项依法不需要取得行政许可',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（一）项',
    });
    const documents = await list(c.enterprise, refusedNo);
    expect(documents.documents.map((d) => [d.kind, d.title, d.available])).toEqual([
      ['receipt', '收件凭证', true],
      ['refusal', '不予受理决定书', true],
      ['supplement-notice', '一次性告知书', false],
      ['decision', '行政许可决定书', false],
    ]);

    const { text, squeezed, qr, fileName } = await pdfOf(await c.enterprise.get(pdfUrl(refusedNo, 'refusal')), 'refusal');
    expect(fileName).toBe(`${refusedNo}-不予受理决定书.pdf`);
    expect(text).toContain('不予受理决定书');
    expect(squeezed).toContain(`文书编号：${refusedNo}-BSL`);
    expect(squeezed).toContain(`办件编号：${refusedNo}`);
    expect(squeezed).toContain('决定不予受理');
    expect(squeezed).toContain('申请事项依法不需要取得行政许可');
    expect(squeezed).toContain('《中华人民共和国行政许可法》第三十二条第一款第（一）项');
    expect(squeezed).toContain('六十日内依法申请行政复议');
    expect(squeezed).toContain('六个月内依法向人民法院提起行政诉讼');
    expect(squeezed).toContain('决定日期2026年3月9日');
    expect(qr).toBe(`${PUBLIC_URL}/portal/progress?caseNo=${refusedNo}`);
    expectError(await c.citizen.get(pdfUrl(refusedNo, 'refusal')), 'NOT_FOUND');
  });
});
