/**
 * 一窗受理 and 通办: a window officer takes an application at the counter for the person in
 * front of them. A registered citizen with that ID number follows the case in 我的办件; a case
 * taken at a county hall for a city department is seen by that department, and by nobody in an
 * unrelated region.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary, Page } from '@tongban/contracts';
import { residentIdCheckChar } from '@tongban/domain';
import type { Client, TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError } from '../../../test/http.ts';
import { demoCitizen } from '../../../db/seed/demo-data.ts';
import { caseTestApp, itemByName, newKey, ok, pharmacyForm, pharmacyMaterials, read, testClock } from './cases.testkit.ts';

/** A window officer of a county region (no department, no window): 通江县 or 南江县. */
async function countyWindow(t: TestApp, admin: Client, username: string, regionCode: string): Promise<Client> {
  const res = await admin.post('/api/staff', {
    username,
    password: 'Tongban@2026',
    displayName: username,
    roles: ['window'],
    departmentId: null,
    regionCode,
    includeSubRegions: false,
    windowId: null,
  });
  expect(res.statusCode, res.body).toBe(201);
  return t.login(username);
}

describe.each(engines())('walk-in applications (一窗受理, 通办) on %s', (engine) => {
  const clock = testClock();
  let t: TestApp;
  let pharmacy: { id: string; implCode: string };
  const c = {} as Record<'citizen' | 'window' | 'reviewer' | 'deptAdmin' | 'tongjiang' | 'nanjiang', Client>;

  const zhangsan = { idType: 'resident_id', idNumber: demoCitizen.residentId, name: demoCitizen.displayName, phone: demoCitizen.phone };
  /** The body a window officer sends for the person at the counter. */
  const walkIn = (onBehalfOf: Record<string, unknown>) => ({
    implCode: pharmacy.implCode,
    channel: 'window',
    formData: pharmacyForm,
    materials: pharmacyMaterials,
    delivery: { method: 'window' },
    onBehalfOf,
    idempotencyKey: newKey(),
  });
  const mine = async (client: Client) => (await client.get('/api/cases/mine?pageSize=100')).json<Page<CaseSummary>>().items.map((i) => i.caseNo);

  beforeAll(async () => {
    t = await caseTestApp(engine, clock);
    pharmacy = await itemByName(t, '药品零售企业许可');
    const admin = await t.login('admin');
    c.tongjiang = await countyWindow(t, admin, 'tongjiang_window', '511921');
    c.nanjiang = await countyWindow(t, admin, 'nanjiang_window', '511922');
    c.citizen = await t.login('zhangsan');
    c.window = await t.login('window01');
    c.reviewer = await t.login('reviewer01');
    c.deptAdmin = await t.login('deptadmin');
  });
  afterAll(async () => t.close());

  it('links a walk-in application to the account of the citizen with that ID number: it shows in 我的办件', async () => {
    const made = await ok(c.window, '/api/cases', walkIn(zhangsan), 201);
    expect(made).toMatchObject({
      channel: 'window',
      status: 'submitted',
      regionCode: '511900',
      takenRegionCode: '511900',
      applicant: { name: demoCitizen.displayName, kind: 'person', idType: 'resident_id' },
      agent: null,
    });
    expect(made.applicant.idNumberMasked).not.toBe(demoCitizen.residentId);
    expect(made.timeline.map((e) => `${e.type}:${e.actorRole}`)).toEqual(['submitted:window']);

    expect(await mine(c.citizen)).toContain(made.caseNo);
    expect((await read(c.citizen, made.caseNo)).applicant.name).toBe(demoCitizen.displayName);
    // The window officer does not become an applicant of the case.
    expectError(await c.window.get('/api/cases/mine'), 'FORBIDDEN');
  });

  it('does not link a walk-in application of someone without an account to anybody', async () => {
    const prefix = '51190219750606301';
    const stranger = { idType: 'resident_id', idNumber: `${prefix}${residentIdCheckChar(prefix)}`, name: '王五' };
    const made = await ok(c.window, '/api/cases', walkIn(stranger), 201);
    expect(made.applicant.name).toBe('王五');
    expect(await mine(c.citizen)).not.toContain(made.caseNo);
    expectError(await c.citizen.get(`/api/cases/${made.caseNo}`), 'NOT_FOUND');
  });

  it('通办: taken at a county window for a city department, the handling department sees it, an unrelated region does not', async () => {
    const made = await ok(c.tongjiang, '/api/cases', walkIn(zhangsan), 201);
    // Handled where the item is (市市场监管局, 511900), taken where the officer sits (通江县).
    expect(made).toMatchObject({ channel: 'window', regionCode: '511900', takenRegionCode: '511921', departmentName: '巴中市市场监督管理局' });
    expect(made.openSteps.map((s) => `${s.key}:${s.role}`)).toEqual(['accept:window']);

    // The handling department (its reviewer and its admin), and the window of the region where it is handled.
    expect((await read(c.reviewer, made.caseNo)).takenRegionCode).toBe('511921');
    expect((await read(c.deptAdmin, made.caseNo)).caseNo).toBe(made.caseNo);
    expect((await read(c.window, made.caseNo)).caseNo).toBe(made.caseNo);
    // The county window that took it, and the citizen it was taken for.
    expect((await read(c.tongjiang, made.caseNo)).caseNo).toBe(made.caseNo);
    expect(await mine(c.citizen)).toContain(made.caseNo);

    // A window of another county, neither handling nor taking: as if it did not exist.
    expectError(await c.nanjiang.get(`/api/cases/${made.caseNo}`), 'NOT_FOUND');
    expectError(await c.nanjiang.get(`/api/cases/${made.caseNo}/exchange`), 'NOT_FOUND');
    expectError(await c.nanjiang.post(`/api/cases/${made.caseNo}/actions`, { action: 'accept' }), 'NOT_FOUND');

    // The county window accepts it (一窗受理); the review lands in the handling department's tasks.
    const accepted = await ok(c.tongjiang, `/api/cases/${made.caseNo}/actions`, { action: 'accept', opinion: '通办收件，材料齐全', version: made.version });
    expect(accepted).toMatchObject({ status: 'processing', takenRegionCode: '511921' });
    expect(accepted.openSteps.map((s) => `${s.key}:${s.role}:${s.departmentName}`)).toEqual(['review:reviewer:巴中市市场监督管理局']);
    const tasks = (await c.reviewer.get('/api/tasks?pageSize=100')).json<Page<CaseSummary>>();
    expect(tasks.items.map((i) => i.caseNo)).toContain(made.caseNo);
    expectError(await c.nanjiang.get(`/api/cases/${made.caseNo}`), 'NOT_FOUND');
  });
});
