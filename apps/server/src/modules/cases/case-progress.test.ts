import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseProgress, ErrorBody } from '@tongban/contracts';
import { residentIdCheckChar } from '@tongban/domain';
import type { LightMyRequestResponse } from 'fastify';
import type { Client, TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, issuesOf } from '../../../test/http.ts';
import { demoCitizen, demoEnterprise } from '../../../db/seed/demo-data.ts';
import { PROGRESS_RATE_LIMIT_PER_MINUTE } from './case-progress.routes.ts';
import { caseTestApp, itemByName, newKey, ok, pharmacyForm, pharmacyMaterials, testClock, withFiles } from './cases.testkit.ts';

/** A resident ID whose check character is X (the case a lower-case x must not break). */
function idEndingInX(): string {
  for (let n = 0; n < 1000; n++) {
    const first17 = `51190219850607${String(n).padStart(3, '0')}`;
    if (residentIdCheckChar(first17) === 'X') return `${first17}X`;
  }
  throw new Error('no ID ending in X');
}

/** Staff names and internal opinions that must never reach the public answer. */
const staffNames = ['陈静', '李明', '赵刚', '王芳'];
const acceptOpinion = '内部意见：材料齐全，建议受理';
const reviewOpinion = '内部审查意见：经营场所已核实';
const supplementOpinion = '内部备注：申请人电话未接';

describe.each(engines())('progress query without login (办件进度查询) on %s', (engine) => {
  const clock = testClock();
  let t: TestApp;
  let pharmacy: { id: string; implCode: string };
  const c = {} as Record<'citizen' | 'window' | 'reviewer', Client>;
  let address = 0;

  /** POST /api/progress without a session, each call from its own address unless one is given. */
  const query = (body: Record<string, unknown>, remoteAddress = `10.1.0.${++address}`): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: 'POST', url: '/api/progress', payload: body, remoteAddress });
  const act = (client: Client, caseNo: string, body: Record<string, unknown>) => ok(client, `/api/cases/${caseNo}/actions`, body);
  const submit = async (client: Client, extra: Record<string, unknown> = {}) =>
    ok(
      client,
      '/api/cases',
      {
        implCode: pharmacy.implCode,
        formData: pharmacyForm,
        materials: await withFiles(client, pharmacyMaterials),
        delivery: { method: 'window' },
        idempotencyKey: newKey(),
        ...extra,
      },
      201,
    );

  beforeAll(async () => {
    t = await caseTestApp(engine, clock);
    pharmacy = await itemByName(t, '药品零售企业许可');
    c.citizen = await t.login('zhangsan');
    c.window = await t.login('window01');
    c.reviewer = await t.login('reviewer01');
  });
  afterAll(async () => t.close());

  it('shows the timeline of an accepted and reviewed case for its number and the applicant’s ID number, without staff names or opinions', async () => {
    const made = await submit(c.citizen);
    await act(c.window, made.caseNo, { action: 'accept', opinion: acceptOpinion });
    await act(c.reviewer, made.caseNo, { action: 'approve', step: 'review', opinion: reviewOpinion });

    const res = await query({ caseNo: made.caseNo, idNumber: demoCitizen.residentId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const progress = res.json<CaseProgress>();
    expect(progress).toMatchObject({
      caseNo: made.caseNo,
      itemName: '药品零售企业许可',
      departmentName: made.departmentName,
      applicantName: '张*',
      status: 'processing',
      statusName: '办理中',
      acceptedOn: '2026-03-02',
      dueDate: expect.stringMatching(/^2026-03-\d\d$/),
      remainingWorkingDays: expect.any(Number),
      light: 'green',
      decision: null,
      supplementRequested: [],
    });
    expect(progress.submittedAt).toBe(made.submittedAt);
    expect(progress.currentSteps).toEqual([{ name: '决定', departmentName: made.departmentName }]);
    expect(progress.timeline.map((e) => [e.type, e.typeName, e.stepName, e.toStatusName])).toEqual([
      ['submitted', '提交申请', null, '已提交待受理'],
      ['accepted', '受理', '受理', '办理中'],
      ['step_completed', '环节办理', '审查', '办理中'],
    ]);
    expect(progress.timeline[1]).toMatchObject({ departmentName: made.departmentName, remainingWorkingDays: expect.any(Number) });
    expect(progress.timeline[0]!.remainingWorkingDays).toBeNull();

    // Nothing internal: no staff or applicant names, no opinions, no ID numbers, no actor fields.
    for (const secret of [...staffNames, '张三', acceptOpinion, reviewOpinion, demoCitizen.residentId, demoCitizen.phone])
      expect(res.body).not.toContain(secret);
    for (const key of ['actorName', 'actorRole', 'opinion', 'details', 'formData', 'idNumber', 'version']) expect(res.body).not.toContain(`"${key}"`);
  });

  it('answers a wrong ID number exactly like an unknown case: 404 with the same body apart from the request id', async () => {
    const made = await submit(c.citizen);
    const [prefix, day] = made.caseNo.split('-');
    const answers = [
      await query({ caseNo: made.caseNo, idNumber: demoEnterprise.residentId }),
      await query({ caseNo: `${prefix}-${day}-999999`, idNumber: demoCitizen.residentId }),
      await query({ caseNo: `${prefix}-${day}-999999`, idNumber: demoEnterprise.residentId }),
      // The enterprise's credit code is a well-formed identifier too, but not this applicant's.
      await query({ caseNo: made.caseNo, idNumber: demoEnterprise.creditCode }),
    ];
    const bodies = answers.map((res) => {
      const { requestId, ...rest } = expectError(res, 'NOT_FOUND');
      expect(requestId).toBeTypeOf('string');
      return rest;
    });
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(new Set(answers.map((r) => r.json<ErrorBody>().requestId)).size).toBe(answers.length);
    expect(answers.map((r) => [r.headers['content-type'], r.headers['content-length']])).toEqual(
      Array(answers.length).fill([answers[0]!.headers['content-type'], answers[0]!.headers['content-length']]),
    );
  });

  it('accepts a lower-case x, full-width digits and spaces, and the enterprise’s credit code for its case', async () => {
    const id = idEndingInX();
    const counter = await submit(c.window, { channel: 'window', onBehalfOf: { idType: 'resident_id', idNumber: id, name: '王小明' } });
    for (const idNumber of [id, id.toLowerCase(), ` ${id.slice(0, 6)} ${id.slice(6).toLowerCase()} `]) {
      const res = await query({ caseNo: counter.caseNo, idNumber });
      expect(res.statusCode, `${idNumber} ${res.body}`).toBe(200);
      expect(res.json<CaseProgress>()).toMatchObject({ caseNo: counter.caseNo, applicantName: '王**', status: 'submitted' });
    }
    // A lower-case case number is read as upper case.
    expect((await query({ caseNo: counter.caseNo.toLowerCase(), idNumber: id.toLowerCase() })).statusCode).toBe(200);

    const enterprise = await t.login('bashufood');
    const own = await submit(enterprise);
    const res = await query({ caseNo: own.caseNo, idNumber: demoEnterprise.creditCode.toLowerCase() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CaseProgress>().applicantName).toBe(
      `${Array.from(demoEnterprise.organisationName)[0]}${'*'.repeat(Array.from(demoEnterprise.organisationName).length - 1)}`,
    );
    // The person acting for the enterprise does not open its case with their own ID number.
    expectError(await query({ caseNo: own.caseNo, idNumber: demoEnterprise.residentId }), 'NOT_FOUND');
  });

  it('tells the applicant what the supplement notice asks for and why an application was refused, but not the officer’s notes', async () => {
    const asked = await submit(c.citizen);
    await act(c.window, asked.caseNo, {
      action: 'request-supplement',
      missing: [{ materialKey: 'pharmacist_cert', note: '请提供执业药师注册证' }],
      opinion: supplementOpinion,
    });
    const supplement = await query({ caseNo: asked.caseNo, idNumber: demoCitizen.residentId });
    expect(supplement.statusCode, supplement.body).toBe(200);
    const p = supplement.json<CaseProgress>();
    expect(p).toMatchObject({ status: 'supplementing', statusName: '补正中', currentSteps: [], dueDate: null, light: null });
    expect(p.supplementRequested).toEqual([{ materialKey: 'pharmacist_cert', name: expect.any(String), note: '请提供执业药师注册证' }]);
    expect(p.timeline.at(-1)).toMatchObject({ type: 'supplement_requested', stepName: '受理', missing: p.supplementRequested, reason: null });
    expect(supplement.body).not.toContain(supplementOpinion);

    const refused = await submit(c.citizen);
    await act(c.window, refused.caseNo, { action: 'refuse', reason: '经营场所不在本辖区', legalBasis: '《中华人民共和国行政许可法》第三十二条' });
    const answer = (await query({ caseNo: refused.caseNo, idNumber: demoCitizen.residentId })).json<CaseProgress>();
    expect(answer).toMatchObject({ status: 'refused', statusName: '不予受理' });
    expect(answer.timeline.at(-1)).toMatchObject({
      type: 'refused',
      stepName: '受理',
      reason: '经营场所不在本辖区',
      legalBasis: '《中华人民共和国行政许可法》第三十二条',
    });
    expect(JSON.stringify(answer)).not.toContain('陈静');
  });

  it('refuses malformed input with field messages, before looking anything up', async () => {
    const made: CaseDetail = await submit(c.citizen);
    expect(issuesOf(await query({ caseNo: made.caseNo, idNumber: '51190219900101' }))[0]).toMatchObject({
      path: 'idNumber',
      message: '请输入18位身份证号码，最后一位可以是X',
    });
    const wrongCheck = `${demoCitizen.residentId.slice(0, 17)}${demoCitizen.residentId.endsWith('0') ? '1' : '0'}`;
    expect(issuesOf(await query({ caseNo: made.caseNo, idNumber: wrongCheck }))[0]).toMatchObject({
      path: 'idNumber',
      message: expect.stringContaining('校验位'),
    });
    expect(issuesOf(await query({ caseNo: made.caseNo, idNumber: '91511902MA6BJ001' }))[0]).toMatchObject({
      path: 'idNumber',
      message: '请输入18位统一社会信用代码',
    });
    expect(issuesOf(await query({ caseNo: 'not-a-case', idNumber: demoCitizen.residentId }))[0]).toMatchObject({ path: 'caseNo' });
    expect(issuesOf(await query({ caseNo: made.caseNo }))[0]).toMatchObject({ path: 'idNumber' });
    // The ID number never travels in the URL: there is no GET.
    expectError(await t.app.inject({ method: 'GET', url: `/api/progress?caseNo=${made.caseNo}&idNumber=${demoCitizen.residentId}` }), 'ROUTE_NOT_FOUND');
  });

  it(`allows ${PROGRESS_RATE_LIMIT_PER_MINUTE} queries a minute from one address, then answers 429, while other addresses go on`, async () => {
    const made = await submit(c.citizen);
    const from = '10.2.0.1';
    for (let i = 0; i < PROGRESS_RATE_LIMIT_PER_MINUTE; i++) {
      // Guesses and right answers count alike.
      const res = await query({ caseNo: made.caseNo, idNumber: i % 2 ? demoCitizen.residentId : demoEnterprise.residentId }, from);
      expect(res.statusCode, res.body).toBe(i % 2 ? 200 : 404);
    }
    const limited = await query({ caseNo: made.caseNo, idNumber: demoCitizen.residentId }, from);
    expectError(limited, 'RATE_LIMITED');
    expect(limited.body).not.toContain(made.caseNo);
    expect((await query({ caseNo: made.caseNo, idNumber: demoCitizen.residentId }, '10.2.0.2')).statusCode).toBe(200);
  });
});
