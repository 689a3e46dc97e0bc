import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseExchange, CaseSummary, Page, SubmittedMaterialInput } from '@tongban/contracts';
import type { Client, TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError } from '../../../test/http.ts';
import { demoEnterprise } from '../../../db/seed/demo-data.ts';
import { auditLog } from '../../platform/db/schema.ts';
import {
  caseTestApp,
  departmentId,
  foodForm,
  foodMaterials,
  itemByName,
  licenceReplacementForm,
  newKey,
  ok,
  pharmacyForm,
  pharmacyMaterials,
  read,
  staff,
  testClock,
  withFiles,
} from './cases.testkit.ts';

describe.each(engines())('case flows on %s', (engine) => {
  const clock = testClock();
  let t: TestApp;
  let food: { id: string; implCode: string };
  let pharmacy: { id: string; implCode: string };
  let replacement: { id: string; implCode: string };
  let healthId: string;
  let ecologyId: string;
  const c = {} as Record<'enterprise' | 'window' | 'reviewer' | 'approver' | 'admin' | 'healthReviewer' | 'ecologyReviewer', Client>;

  /** Moves the clock and logs everyone in again (sessions expire by the same clock). */
  async function at(iso: string) {
    clock.set(iso);
    c.enterprise = await t.login('bashufood');
    c.window = await t.login('window01');
    c.reviewer = await t.login('reviewer01');
    c.approver = await t.login('approver01');
    c.admin = await t.login('admin');
    c.healthReviewer = await t.login('health_reviewer');
    c.ecologyReviewer = await t.login('ecology_reviewer');
  }

  const submitPharmacy = async (materials: SubmittedMaterialInput[] = pharmacyMaterials) =>
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
  /** A 药品零售企业许可 (承诺件, 10 working days, default process) accepted now. */
  async function acceptedPharmacy(materials: SubmittedMaterialInput[] = pharmacyMaterials): Promise<CaseDetail> {
    const submitted = await submitPharmacy(materials);
    return ok(c.window, `/api/cases/${submitted.caseNo}/actions`, { action: 'accept' });
  }

  beforeAll(async () => {
    t = await caseTestApp(engine, clock);
    food = await itemByName(t, '食品经营许可（新办）');
    pharmacy = await itemByName(t, '药品零售企业许可');
    replacement = await itemByName(t, '营业执照遗失补领');
    healthId = await departmentId(t, 'health');
    ecologyId = await departmentId(t, 'ecology');
    const admin = await t.login('admin');
    await staff(t, admin, 'health_reviewer', ['reviewer'], healthId);
    await staff(t, admin, 'ecology_reviewer', ['reviewer'], ecologyId);
    await at('2026-03-02T09:00:00+08:00');
  });
  afterAll(async () => t.close());

  it('carries a 承诺件 through a parallel block (并联审批) to 准予 and delivery, with its timeline and exchange rows', async () => {
    await at('2026-03-02T09:00:00+08:00');
    const submitted = await ok(
      c.enterprise,
      '/api/cases',
      {
        implCode: food.implCode,
        formData: foodForm,
        materials: await withFiles(c.enterprise, [
          ...foodMaterials.filter((m) => m.materialKey !== 'food_safety_rules'),
          { materialKey: 'food_safety_rules', provided: 'commitment' },
        ]),
        delivery: { method: 'post', address: { recipient: '李娜', phone: '13800000002', address: '巴中市巴州区江北大道东段88号', postcode: '636000' } },
        idempotencyKey: newKey(),
      },
      201,
    );
    expect(submitted.caseNo).toMatch(new RegExp(`^${food.implCode}-20260302-\\d{6}$`));
    expect(submitted).toMatchObject({ status: 'submitted', exchangeStatus: '1', processVersion: 1, caseType: '2', dueDate: null, light: null });
    expect(submitted.applicant).toMatchObject({ name: demoEnterprise.organisationName, kind: 'organisation', idType: 'credit_code', contactName: '李娜' });
    expect(submitted.applicant.idNumberMasked).not.toBe(demoEnterprise.creditCode);
    expect(submitted.openSteps.map((s) => `${s.key}:${s.role}`)).toEqual(['accept:window']);
    const caseNo = submitted.caseNo;

    const windowInbox = (await c.window.get('/api/tasks?pageSize=100')).json<Page<CaseSummary>>();
    expect(windowInbox.items.find((i) => i.caseNo === caseNo)?.openSteps.map((s) => s.key)).toEqual(['accept']);
    expect((await c.reviewer.get('/api/tasks?pageSize=100')).json<Page<CaseSummary>>().items.map((i) => i.caseNo)).not.toContain(caseNo);

    const accepted = await ok(c.window, `/api/cases/${caseNo}/actions`, { action: 'accept', opinion: '材料齐全，予以受理' });
    expect(accepted).toMatchObject({
      status: 'processing',
      exchangeStatus: '8',
      acceptedOn: '2026-03-02',
      limitWorkingDays: 3,
      dueDate: '2026-03-05',
      dueProvisional: false,
      remainingWorkingDays: 3,
      light: 'green',
      committedMaterials: ['food_safety_rules'],
      missingDeferred: [],
    });
    expect(accepted.openSteps.map((s) => `${s.key}:${s.role}`)).toEqual(['review:reviewer']);

    await at('2026-03-03T10:00:00+08:00');
    const inbox = (await c.reviewer.get('/api/tasks?pageSize=100')).json<Page<CaseSummary>>();
    expect(inbox.items.find((i) => i.caseNo === caseNo)).toMatchObject({ remainingWorkingDays: 2, light: 'green', openSteps: [{ key: 'review' }] });
    const reviewed = await ok(c.reviewer, `/api/cases/${caseNo}/actions`, { action: 'approve', step: 'review', opinion: '材料审查通过' });
    expect(reviewed.openSteps.map((s) => s.key)).toEqual(['market_site', 'health_check', 'fume_check']);
    expect(reviewed.openSteps.find((s) => s.key === 'health_check')).toMatchObject({ departmentId: healthId, departmentName: '巴中市卫生健康委员会' });

    // Each department acts only on its own branch; the decision waits for the block to join.
    expectError(await c.reviewer.post(`/api/cases/${caseNo}/actions`, { action: 'approve', step: 'health_check', opinion: '越权' }), 'FORBIDDEN');
    const healthInbox = (await c.healthReviewer.get('/api/tasks')).json<Page<CaseSummary>>();
    expect(healthInbox.items.find((i) => i.caseNo === caseNo)?.openSteps.map((s) => s.key)).toEqual(['health_check']);
    expectError(await c.approver.post(`/api/cases/${caseNo}/actions`, { action: 'decide', decision: 'approve', opinion: '太早' }), 'INVALID_STATE');

    await at('2026-03-04T10:00:00+08:00');
    await ok(c.reviewer, `/api/cases/${caseNo}/actions`, { action: 'approve', step: 'market_site', opinion: '现场核查符合要求' });
    await ok(c.healthReviewer, `/api/cases/${caseNo}/actions`, { action: 'approve', step: 'health_check', opinion: '从业人员均持有效健康证明' });
    const joined = await ok(c.ecologyReviewer, `/api/cases/${caseNo}/actions`, { action: 'approve', step: 'fume_check', opinion: '已安装油烟净化设施' });
    expect(joined.openSteps.map((s) => `${s.key}:${s.role}`)).toEqual(['decide:approver']);

    await at('2026-03-05T15:00:00+08:00');
    expect((await read(c.approver, caseNo)).light).toBe('yellow');
    const decided = await ok(c.approver, `/api/cases/${caseNo}/actions`, {
      action: 'decide',
      decision: 'approve',
      opinion: '准予许可',
      resultNo: 'JY25119020000123',
    });
    expect(decided).toMatchObject({ status: 'decided', exchangeStatus: '11', decision: 'approve', light: null });
    // The food safety rules were replaced by a commitment (告知承诺): the result opens its post-check, due 20 working days later.
    expect(decided.openSteps.map((s) => `${s.key}:${s.role}`)).toEqual(['deliver:window', 'post_check:reviewer']);
    expect(decided.postCheck).toEqual({ status: 'pending', dueDate: '2026-04-02' });

    await at('2026-03-06T09:30:00+08:00');
    const delivered = await ok(c.window, `/api/cases/${caseNo}/actions`, { action: 'deliver', method: 'post', trackingNo: 'SF1234567890' });
    expect(delivered).toMatchObject({ status: 'delivered', exchangeStatus: '11', openSteps: [{ key: 'post_check', kind: 'post_check' }] });

    const timeline = (await read(c.enterprise, caseNo)).timeline;
    expect(timeline.map((e) => [e.seq, e.type, e.toStatus, e.actorName])).toEqual([
      [1, 'submitted', 'submitted', '李娜'],
      [2, 'accepted', 'processing', '陈静'],
      [3, 'step_completed', 'processing', '李明'],
      [4, 'step_completed', 'processing', '李明'],
      [5, 'step_completed', 'processing', 'health_reviewer'],
      [6, 'step_completed', 'processing', 'ecology_reviewer'],
      [7, 'decided', 'decided', '赵刚'],
      [8, 'delivered', 'delivered', '陈静'],
    ]);
    expect(timeline.map((e) => e.toStatusName)).toEqual(['已提交待受理', '办理中', '办理中', '办理中', '办理中', '办理中', '已办结待送达', '已送达']);
    expect(timeline.map((e) => e.exchangeCode)).toEqual(['1', '3', '8', '8', '8', '8', '11', null]);
    expect(timeline.map((e) => e.remainingWorkingDays)).toEqual([null, 3, 2, 1, 1, 1, 0, null]);
    expect(timeline[1]).toMatchObject({ typeName: '受理', actorRole: 'window', opinion: '材料齐全，予以受理', dueDate: '2026-03-05' });
    expect(timeline[7]!.details).toMatchObject({ method: 'post', trackingNo: 'SF1234567890', recipient: '李娜' });

    // The post-check is the reviewer's task; once passed, nothing is left open.
    expect((await c.reviewer.get('/api/tasks?pageSize=100')).json<Page<CaseSummary>>().items.map((i) => i.caseNo)).toContain(caseNo);
    expectError(await c.approver.post(`/api/cases/${caseNo}/actions`, { action: 'post-check', passed: true, opinion: '审批人不核查' }), 'FORBIDDEN');
    const checked = await ok(c.reviewer, `/api/cases/${caseNo}/actions`, {
      action: 'post-check',
      passed: true,
      opinion: '现场核查，食品安全制度齐全，承诺属实',
    });
    expect(checked).toMatchObject({ status: 'delivered', openSteps: [], postCheck: { status: 'passed' } });

    const exchange = (await c.window.get(`/api/cases/${caseNo}/exchange`)).json<CaseExchange>();
    expect(exchange.accept).toMatchObject({
      caseNo,
      implCode: food.implCode,
      baseCode: '51M010003001',
      applicantType: '2',
      applicantIdNumber: demoEnterprise.creditCode,
      acceptDeptName: '巴中市市场监督管理局',
      acceptUser: '陈静',
      applyTime: '20260302090000',
      acceptTime: '20260302090000',
      handleType: '2',
      promisedTime: '20260305235959',
      postcode: '636000',
      channelCode: '2',
      statusCode: '11',
      statusName: '办结（通过）',
    });
    expect(exchange.process.map((p) => [p.stepName, p.action, p.user, p.stepStatus])).toEqual([
      ['受理', '通过', '陈静', '2'],
      ['材料审查', '通过', '李明', '2'],
      ['食品安全现场核查', '通过', '李明', '2'],
      ['从业人员健康核验', '通过', 'health_reviewer', '2'],
      ['油烟排放核验', '通过', 'ecology_reviewer', '2'],
      ['决定', '通过', '赵刚', '2'],
      ['送达', '通过', '陈静', '2'],
    ]);
    // A parallel branch starts when the block opened (the review was done on 03-03).
    expect(exchange.process[3]).toMatchObject({ deptName: '巴中市卫生健康委员会', startTime: '20260303100000', endTime: '20260304100000' });
    expect(exchange.result).toMatchObject({ resultCode: '11', licenceName: '食品经营许可证', licenceNo: 'JY25119020000123', expressDelivery: '1' });
    expect(exchange.specialProcedures).toEqual([]);
    expect(exchange.materials.map((m) => [m.name, m.collectMethod])).toContainEqual(['营业执照', '电子证照调取']);
    expect(exchange.materials.find((m) => m.collectMethod === '告知承诺')).toBeDefined();

    const audits = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'case'), eq(auditLog.targetId, caseNo)));
    expect(audits[0]!.n).toBe(10); // nine events and the exchange reading
  });

  it('accepts and decides a 即办件 on the spot at the window, for an applicant at the counter', async () => {
    await at('2026-03-09T10:00:00+08:00');
    const submitted = await ok(
      c.window,
      '/api/cases',
      {
        implCode: replacement.implCode,
        channel: 'window',
        onBehalfOf: { idType: 'credit_code', idNumber: demoEnterprise.creditCode, name: demoEnterprise.organisationName, contactName: '李娜' },
        formData: licenceReplacementForm,
        materials: [{ materialKey: 'id_card', provided: 'licence' }],
        delivery: { method: 'window' },
        idempotencyKey: newKey(),
      },
      201,
    );
    expect(submitted).toMatchObject({ channel: 'window', caseType: '1', takenRegionCode: '511900' });
    expect(submitted.openSteps.map((s) => `${s.kind}:${s.role}`)).toEqual(['accept:window']);
    const accepted = await ok(c.window, `/api/cases/${submitted.caseNo}/actions`, { action: 'accept' });
    expect(accepted).toMatchObject({ limitWorkingDays: 0, dueDate: '2026-03-09', remainingWorkingDays: 0, light: 'yellow' });
    expect(accepted.openSteps.map((s) => `${s.kind}:${s.role}`)).toEqual(['decide:window']);
    await ok(c.window, `/api/cases/${submitted.caseNo}/actions`, { action: 'decide', decision: 'approve', opinion: '当场补发' });
    const delivered = await ok(c.window, `/api/cases/${submitted.caseNo}/actions`, { action: 'deliver', method: 'window', recipient: '李娜' });
    expect(delivered).toMatchObject({ status: 'delivered', exchangeStatus: '11' });
    expect(delivered.timeline.map((e) => e.at.slice(0, 10))).toEqual(Array(4).fill('2026-03-09'));
    // The enterprise the window applied for follows the case in its own list.
    const mine = (await c.enterprise.get('/api/cases/mine?pageSize=100')).json<Page<CaseSummary>>();
    expect(mine.items.map((i) => i.caseNo)).toContain(submitted.caseNo);
  });

  it('loops through 补正: one notice listing every missing material, then acceptance', async () => {
    await at('2026-03-10T09:00:00+08:00');
    const submitted = await submitPharmacy(pharmacyMaterials.filter((m) => m.materialKey !== 'pharmacist_cert' && m.materialKey !== 'premises'));
    const caseNo = submitted.caseNo;
    expect(submitted.materials.find((m) => m.materialKey === 'pharmacist_cert')?.provided).toBe('missing');
    const refused = expectError(await c.window.post(`/api/cases/${caseNo}/actions`, { action: 'accept' }), 'VALIDATION_FAILED');
    expect(refused.details).toMatchObject({ issues: [{ path: 'materials.pharmacist_cert' }, { path: 'materials.premises' }] });

    const asked = await ok(c.window, `/api/cases/${caseNo}/actions`, {
      action: 'request-supplement',
      missing: [
        { materialKey: 'pharmacist_cert', note: '须提供执业药师注册证原件及复印件' },
        { materialKey: 'premises', note: '' },
      ],
    });
    expect(asked).toMatchObject({ status: 'supplementing', exchangeStatus: '6', openSteps: [] });
    expect(asked.supplementRequested).toEqual([
      { materialKey: 'pharmacist_cert', name: '执业药师注册证或药学专业技术职称证书', note: '须提供执业药师注册证原件及复印件' },
      { materialKey: 'premises', name: '营业场所、仓库平面布置图及房屋产权或使用权证明', note: '' },
    ]);
    expectError(await c.window.post(`/api/cases/${caseNo}/actions`, { action: 'accept' }), 'INVALID_STATE');
    // Everything asked for, and nothing else.
    expect(
      (
        await c.enterprise.post(`/api/cases/${caseNo}/actions`, {
          action: 'supplement',
          materials: await withFiles(c.enterprise, [{ materialKey: 'pharmacist_cert', provided: 'upload' }]),
        })
      ).json<{
        details: { issues: { path: string; message: string }[] };
      }>().details.issues,
    ).toEqual([{ path: 'materials.premises', code: 'custom', message: '补正通知要求的这项材料仍未提供' }]);
    expectError(
      await c.enterprise.post(`/api/cases/${caseNo}/actions`, {
        action: 'supplement',
        materials: await withFiles(c.enterprise, [{ materialKey: 'quality_docs', provided: 'upload' }]),
      }),
      'VALIDATION_FAILED',
    );
    await at('2026-03-12T09:00:00+08:00');
    const provided = await ok(c.enterprise, `/api/cases/${caseNo}/actions`, {
      action: 'supplement',
      materials: await withFiles(c.enterprise, [
        { materialKey: 'pharmacist_cert', provided: 'upload' },
        { materialKey: 'premises', provided: 'upload' },
      ]),
    });
    expect(provided).toMatchObject({ status: 'submitted', exchangeStatus: '1', supplementRequested: [] });
    // The clock starts at acceptance after the supplement, not at submission.
    const accepted = await ok(c.window, `/api/cases/${caseNo}/actions`, { action: 'accept' });
    expect(accepted).toMatchObject({ status: 'processing', acceptedOn: '2026-03-12', dueDate: '2026-03-26' });
    expect(accepted.timeline.map((e) => e.exchangeCode)).toEqual(['1', '6', '7', '3']);
  });

  it('blocks 准予 while a 容缺 material is missing, allows 容缺通过, and 准予 once it arrives', async () => {
    await at('2026-03-16T09:00:00+08:00');
    const deferred = pharmacyMaterials.map((m) => (m.materialKey === 'quality_docs' ? { ...m, provided: 'deferred' as const } : m));
    const a = await acceptedPharmacy(deferred);
    const b = await acceptedPharmacy(deferred);
    expect(a.missingDeferred).toEqual(['quality_docs']);
    for (const caseNo of [a.caseNo, b.caseNo]) await ok(c.reviewer, `/api/cases/${caseNo}/actions`, { action: 'approve', step: 'review', opinion: '同意' });

    const blocked = expectError(
      await c.approver.post(`/api/cases/${a.caseNo}/actions`, { action: 'decide', decision: 'approve', opinion: '准予' }),
      'INVALID_STATE',
    );
    expect(blocked.details).toMatchObject({ reason: 'deferred_missing' });
    const passed = await ok(c.approver, `/api/cases/${a.caseNo}/actions`, { action: 'decide', decision: 'deferred_pass', opinion: '容缺通过，限期补交' });
    expect(passed).toMatchObject({ status: 'decided', decision: 'deferred_pass', exchangeStatus: '12', exchangeStatusName: '办结（容缺通过）' });

    expectError(await c.enterprise.post(`/api/cases/${b.caseNo}/actions`, { action: 'supply-deferred', materialKey: 'premises' }), 'VALIDATION_FAILED');
    const supplied = await ok(c.enterprise, `/api/cases/${b.caseNo}/actions`, { action: 'supply-deferred', materialKey: 'quality_docs' });
    expect(supplied.missingDeferred).toEqual([]);
    expect(supplied.materials.find((m) => m.materialKey === 'quality_docs')?.provided).toBe('upload');
    expect((await ok(c.approver, `/api/cases/${b.caseNo}/actions`, { action: 'decide', decision: 'approve', opinion: '准予' })).exchangeStatus).toBe('11');
  });

  it('moves the due date by the working days a special procedure (特别程序) lasted', async () => {
    await at('2026-03-02T09:00:00+08:00');
    const accepted = await acceptedPharmacy();
    const caseNo = accepted.caseNo;
    expect(accepted.dueDate).toBe('2026-03-16'); // 10 working days from Tue 03-03

    await at('2026-03-04T09:00:00+08:00');
    const started = await ok(c.reviewer, `/api/cases/${caseNo}/actions`, { action: 'suspend', procedure: 'inspection', reason: '组织现场检查' });
    expect(started).toMatchObject({ status: 'suspended', exchangeStatus: '9', dueDate: '2026-03-17' });
    expectError(await c.reviewer.post(`/api/cases/${caseNo}/actions`, { action: 'approve', step: 'review', opinion: '特别程序中' }), 'INVALID_STATE');
    await at('2026-03-05T09:00:00+08:00');
    expect((await read(c.reviewer, caseNo)).dueDate).toBe('2026-03-18'); // still running: two days so far

    await at('2026-03-06T16:00:00+08:00');
    const ended = await ok(c.reviewer, `/api/cases/${caseNo}/actions`, { action: 'resume', result: '现场检查合格' });
    expect(ended).toMatchObject({ status: 'processing', exchangeStatus: '8', dueDate: '2026-03-19' }); // 03-04..03-06: three working days
    expect(ended.timeline.slice(-2).map((e) => [e.exchangeCode, e.dueDate])).toEqual([
      ['9', '2026-03-17'],
      ['10', '2026-03-19'],
    ]);
    const exchange = (await c.reviewer.get(`/api/cases/${caseNo}/exchange`)).json<CaseExchange>();
    expect(exchange.specialProcedures).toEqual([
      expect.objectContaining({
        typeCode: '2',
        typeName: '检验',
        reason: '组织现场检查',
        applicant: '李明',
        result: '现场检查合格',
        startTime: '20260304090000',
        endTime: '20260306160000',
      }),
    ]);
  });

  it('extends the due date by the working days an approver grants (延长审批)', async () => {
    await at('2026-03-02T09:00:00+08:00');
    const accepted = await acceptedPharmacy();
    const caseNo = accepted.caseNo;
    await at('2026-03-11T09:00:00+08:00');
    const asked = await ok(c.reviewer, `/api/cases/${caseNo}/actions`, { action: 'extend', workingDays: 5, reason: '需补充技术审查' });
    expect(asked).toMatchObject({ pendingExtension: 5, dueDate: '2026-03-16' });
    expectError(await c.reviewer.post(`/api/cases/${caseNo}/actions`, { action: 'extend', workingDays: 3, reason: '再次申请' }), 'INVALID_STATE');
    expectError(await c.reviewer.post(`/api/cases/${caseNo}/actions`, { action: 'decide-extension', approved: true, opinion: '同意' }), 'FORBIDDEN');
    const granted = await ok(c.approver, `/api/cases/${caseNo}/actions`, { action: 'decide-extension', approved: true, opinion: '同意延长' });
    expect(granted).toMatchObject({ pendingExtension: null, extensionDays: 5, dueDate: '2026-03-23' });
    const exchange = (await c.approver.get(`/api/cases/${caseNo}/exchange`)).json<CaseExchange>();
    expect(exchange.specialProcedures).toEqual([expect.objectContaining({ typeCode: '1', typeName: '延长审批', result: '准予延长5个工作日', user: '赵刚' })]);
  });

  it('returns a case from a parallel branch to an earlier step, which opens it again', async () => {
    await at('2026-03-02T09:00:00+08:00');
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
    const caseNo = submitted.caseNo;
    await ok(c.window, `/api/cases/${caseNo}/actions`, { action: 'accept' });
    await ok(c.reviewer, `/api/cases/${caseNo}/actions`, { action: 'approve', step: 'review', opinion: '同意' });
    expectError(
      await c.healthReviewer.post(`/api/cases/${caseNo}/actions`, { action: 'return', step: 'health_check', opinion: '退回', returnTo: 'decide' }),
      'VALIDATION_FAILED',
    );
    const returned = await ok(c.healthReviewer, `/api/cases/${caseNo}/actions`, {
      action: 'return',
      step: 'health_check',
      opinion: '健康证明已过期，请重新审查',
      returnTo: 'review',
    });
    expect(returned.openSteps.map((s) => s.key)).toEqual(['review']);
    const exchange = (await c.reviewer.get(`/api/cases/${caseNo}/exchange`)).json<CaseExchange>();
    expect(exchange.process.map((p) => [p.stepName, p.action, p.stepStatus])).toEqual([
      ['受理', '通过', '2'],
      ['材料审查', '通过', '2'],
      ['从业人员健康核验', '退回', '2'],
      ['材料审查', null, '1'],
    ]);
  });

  it('refuses to accept (不予受理) with the reason and its legal basis', async () => {
    await at('2026-03-02T09:00:00+08:00');
    const submitted = await submitPharmacy();
    const refused = await ok(c.window, `/api/cases/${submitted.caseNo}/actions`, {
      action: 'refuse',
      reason: '申请事项不属于本机关职权范围',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
    });
    expect(refused).toMatchObject({ status: 'refused', exchangeStatus: '5', openSteps: [], dueDate: null });
    expect(refused.timeline[1]).toMatchObject({
      type: 'refused',
      opinion: '申请事项不属于本机关职权范围',
      details: { legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项' },
    });
    expectError(await c.enterprise.post(`/api/cases/${submitted.caseNo}/actions`, { action: 'withdraw', reason: '撤回' }), 'INVALID_STATE');
  });

  it('lets the applicant withdraw (撤回) before the decision, and nothing happens after', async () => {
    await at('2026-03-02T09:00:00+08:00');
    const accepted = await acceptedPharmacy();
    const withdrawn = await ok(c.enterprise, `/api/cases/${accepted.caseNo}/actions`, { action: 'withdraw', reason: '经营计划调整' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', exchangeStatus: '14', openSteps: [], remainingWorkingDays: null });
    expectError(await c.enterprise.post(`/api/cases/${accepted.caseNo}/actions`, { action: 'withdraw', reason: '再撤一次' }), 'INVALID_STATE');
    expectError(await c.reviewer.post(`/api/cases/${accepted.caseNo}/actions`, { action: 'approve', step: 'review', opinion: '同意' }), 'INVALID_STATE');
    expect((await c.reviewer.get('/api/tasks?pageSize=100')).json<Page<CaseSummary>>().items.map((i) => i.caseNo)).not.toContain(accepted.caseNo);
  });
});
