import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessDefinitionDto, ProcessRecord, ProcessVersionSummary } from '@tongban/contracts';
import type { Client, TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, issuesOf } from '../../../test/http.ts';
import { auditLog } from '../../platform/db/schema.ts';
import { caseTestApp, departmentId, itemByName, newKey, ok, pharmacyForm, pharmacyMaterials, read, testClock, withFiles } from './cases.testkit.ts';

describe.each(engines())('process definitions on %s', (engine) => {
  const clock = testClock();
  let t: TestApp;
  let admin: Client;
  let deptadmin: Client;
  let food: { id: string; implCode: string };
  let pharmacy: { id: string; implCode: string };
  let permit: { id: string; implCode: string };
  let replacement: { id: string; implCode: string };

  beforeAll(async () => {
    t = await caseTestApp(engine, clock);
    admin = await t.login('admin');
    deptadmin = await t.login('deptadmin');
    food = await itemByName(t, '食品经营许可（新办）');
    pharmacy = await itemByName(t, '药品零售企业许可');
    permit = await itemByName(t, '建筑工程施工许可证核发');
    replacement = await itemByName(t, '营业执照遗失补领');
  });
  afterAll(async () => t.close());

  const current = async (client: Client, itemId: string) => {
    const res = await client.get(`/api/processes/${itemId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ProcessRecord>();
  };
  const keys = (def: ProcessDefinitionDto) => def.stages.map((s) => (s.type === 'step' ? s.step.key : `${s.key}[${s.branches.map((b) => b.key).join(',')}]`));

  it('seeds the demo items with parallel blocks across departments', async () => {
    const foodProcess = await current(deptadmin, food.id);
    expect(foodProcess).toMatchObject({ version: 1, isDefault: false, implCode: food.implCode });
    expect(keys(foodProcess.definition)).toEqual(['accept', 'review', 'site_check[market_site,health_check,fume_check]', 'decide', 'deliver']);
    const permitProcess = await current(admin, permit.id);
    const block = permitProcess.definition.stages[1]!;
    expect(block.type === 'parallel' && block.branches.map((b) => b.departmentId)).toEqual([
      null,
      await departmentId(t, 'land'),
      await departmentId(t, 'ecology'),
    ]);
    const versions = (await deptadmin.get(`/api/processes/${food.id}/versions`)).json<ProcessVersionSummary[]>();
    expect(versions).toEqual([expect.objectContaining({ version: 1, origin: 'seed', createdByName: null })]);
  });

  it('shows the default of an item without a definition: 即办件 by the window, 承诺件 through review and approval', async () => {
    const immediate = await current(deptadmin, replacement.id);
    expect(immediate).toMatchObject({ version: null, isDefault: true, createdAt: null });
    expect(immediate.definition.stages.map((s) => (s.type === 'step' ? `${s.step.kind}:${s.step.role}` : s.key))).toEqual([
      'accept:window',
      'decide:window',
      'deliver:window',
    ]);
    const promised = await current(deptadmin, pharmacy.id);
    expect(promised.definition.stages.map((s) => (s.type === 'step' ? `${s.step.kind}:${s.step.role}` : s.key))).toEqual([
      'accept:window',
      'review:reviewer',
      'decide:approver',
      'deliver:window',
    ]);
    expect((await deptadmin.get(`/api/processes/${pharmacy.id}/versions`)).json()).toEqual([]);
  });

  it('lets a department admin manage only their own department’s items (404 elsewhere); other roles get 403', async () => {
    expectError(await deptadmin.get(`/api/processes/${permit.id}`), 'NOT_FOUND');
    expectError(
      await deptadmin.post(`/api/processes/${permit.id}/versions`, { definition: (await current(admin, permit.id)).definition, baseVersion: 1 }),
      'NOT_FOUND',
    );
    expectError(await (await t.login('reviewer01')).get(`/api/processes/${food.id}`), 'FORBIDDEN');
    expectError(await t.anonymous.get(`/api/processes/${food.id}`), 'UNAUTHENTICATED');
    expectError(await admin.get('/api/processes/00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');
  });

  it('refuses a definition that breaks the rules with 422, listing each broken rule in the caller’s language', async () => {
    const broken = {
      stages: [
        { type: 'step', step: { key: 'review', name: '审查', kind: 'review', role: 'reviewer', departmentId: null, sharePercent: 70 } },
        {
          type: 'parallel',
          key: 'joint',
          name: '并联',
          join: 'all',
          branches: [
            { key: 'a', name: 'A', kind: 'decide', role: 'reviewer', departmentId: null, sharePercent: 50 },
            { key: 'b', name: 'B', kind: 'review', role: 'reviewer', departmentId: null, sharePercent: 10 },
          ],
        },
        { type: 'step', step: { key: 'deliver', name: '送达', kind: 'deliver', role: 'window', departmentId: null, sharePercent: 0 } },
      ],
    };
    const res = await deptadmin.post(`/api/processes/${pharmacy.id}/versions`, { definition: broken, baseVersion: null });
    const error = expectError(res, 'PROCESS_RULES_BROKEN');
    const issues = (error.details as { issues: { path: string; code: string; message: string }[] }).issues;
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual([
      'first-accept@definition.stages.0',
      'one-decide@definition.stages',
      'parallel-departments@definition.stages.1.branches',
      'parallel-kind@definition.stages.1.branches.0.kind',
      'share-total@definition.stages',
    ]);
    expect(issues[0]!.message).toBe('第一个环节必须是受理');
    const english = await deptadmin.request({
      method: 'POST',
      url: `/api/processes/${pharmacy.id}/versions`,
      headers: { 'accept-language': 'en' },
      payload: { definition: broken, baseVersion: null },
    });
    const englishIssues = (expectError(english, 'PROCESS_RULES_BROKEN', 'en').details as { issues: { message: string }[] }).issues;
    expect(englishIssues[0]!.message).toBe('The first stage must be the acceptance (受理)');
    expect((await current(deptadmin, pharmacy.id)).version).toBeNull();
  });

  it('refuses unknown departments and malformed definitions with 400', async () => {
    const def = (await current(deptadmin, pharmacy.id)).definition;
    const stages = structuredClone(def.stages);
    const review = stages[1]!;
    if (review.type === 'step') review.step.departmentId = '00000000-0000-4000-8000-000000000000';
    expect(issuesOf(await deptadmin.post(`/api/processes/${pharmacy.id}/versions`, { definition: { stages }, baseVersion: null }))).toEqual([
      { path: 'definition.stages.1.step.departmentId', code: 'custom', message: '所选的记录不存在，请重新选择' },
    ]);
    expect(
      issuesOf(await deptadmin.post(`/api/processes/${pharmacy.id}/versions`, { definition: { stages: [{ type: 'loop' }] }, baseVersion: null })).length,
    ).toBeGreaterThan(0);
  });

  it('saves versions in turn (409 on a stale base), audits them, and cases stay pinned to the version they were filed under', async () => {
    const enterprise = await t.login('bashufood');
    const filed = await ok(
      enterprise,
      '/api/cases',
      {
        implCode: pharmacy.implCode,
        formData: pharmacyForm,
        materials: await withFiles(enterprise, pharmacyMaterials),
        delivery: { method: 'window' },
        idempotencyKey: newKey(),
      },
      201,
    );
    expect(filed.processVersion).toBe(1); // the default, stored as version 1 when the first case pinned it
    const v1 = await current(deptadmin, pharmacy.id);
    expect(v1).toMatchObject({ version: 1, isDefault: true });

    const health = await departmentId(t, 'health');
    const definition: ProcessDefinitionDto = {
      stages: [
        v1.definition.stages[0]!,
        {
          type: 'parallel',
          key: 'joint_review',
          name: '并联审查',
          join: 'first_refusal',
          branches: [
            { key: 'drug_review', name: '药品经营条件审查', kind: 'review', role: 'reviewer', departmentId: null, sharePercent: 50 },
            { key: 'health_review', name: '卫生条件审查', kind: 'review', role: 'reviewer', departmentId: health, sharePercent: 40 },
          ],
        },
        ...v1.definition.stages.slice(2),
      ],
    };
    expectError(await deptadmin.post(`/api/processes/${pharmacy.id}/versions`, { definition, baseVersion: null }), 'CONFLICT');
    const saved = await deptadmin.post(`/api/processes/${pharmacy.id}/versions`, { definition, baseVersion: 1 });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json<ProcessRecord>()).toMatchObject({ version: 2, isDefault: false, createdByName: '刘洋' });
    expectError(await deptadmin.post(`/api/processes/${pharmacy.id}/versions`, { definition, baseVersion: 1 }), 'CONFLICT');
    expect((await deptadmin.get(`/api/processes/${pharmacy.id}/versions`)).json<ProcessVersionSummary[]>().map((v) => [v.version, v.origin])).toEqual([
      [2, 'saved'],
      [1, 'default'],
    ]);
    expect((await deptadmin.get(`/api/processes/${pharmacy.id}/versions/1`)).json<ProcessRecord>().version).toBe(1);
    expectError(await deptadmin.get(`/api/processes/${pharmacy.id}/versions/9`), 'NOT_FOUND');
    const audits = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'process.save'), eq(auditLog.targetId, pharmacy.id)));
    expect(audits[0]!.n).toBe(1);

    // The case filed before keeps version 1; a new one runs version 2.
    const window = await t.login('window01');
    const old = await ok(window, `/api/cases/${filed.caseNo}/actions`, { action: 'accept' });
    expect(old.openSteps.map((s) => s.key)).toEqual(['review']);
    const next = await ok(
      enterprise,
      '/api/cases',
      {
        implCode: pharmacy.implCode,
        formData: pharmacyForm,
        materials: await withFiles(enterprise, pharmacyMaterials),
        delivery: { method: 'window' },
        idempotencyKey: newKey(),
      },
      201,
    );
    const nextAccepted = await ok(window, `/api/cases/${next.caseNo}/actions`, { action: 'accept' });
    expect(nextAccepted).toMatchObject({ processVersion: 2 });
    expect(nextAccepted.openSteps.map((s) => s.key)).toEqual(['drug_review', 'health_review']);
    expect((await read(window, filed.caseNo)).processVersion).toBe(1);
  });

  it('joins a first_refusal block at the first refusal, and then only 不予 may be decided', async () => {
    const enterprise = await t.login('bashufood');
    const window = await t.login('window01');
    const reviewer = await t.login('reviewer01');
    const approver = await t.login('approver01');
    const filed = await ok(
      enterprise,
      '/api/cases',
      {
        implCode: pharmacy.implCode,
        formData: pharmacyForm,
        materials: await withFiles(enterprise, pharmacyMaterials),
        delivery: { method: 'window' },
        idempotencyKey: newKey(),
      },
      201,
    );
    await ok(window, `/api/cases/${filed.caseNo}/actions`, { action: 'accept' });
    const refused = await ok(reviewer, `/api/cases/${filed.caseNo}/actions`, { action: 'disapprove', step: 'drug_review', opinion: '营业场所不符合要求' });
    expect(refused.openSteps.map((s) => s.key)).toEqual(['decide']);
    const blocked = expectError(
      await approver.post(`/api/cases/${filed.caseNo}/actions`, { action: 'decide', decision: 'approve', opinion: '准予' }),
      'INVALID_STATE',
    );
    expect(blocked.details).toMatchObject({ reason: 'refused_by', refusedBy: ['drug_review'] });
    const decided = await ok(approver, `/api/cases/${filed.caseNo}/actions`, { action: 'decide', decision: 'reject', opinion: '不予许可' });
    expect(decided).toMatchObject({ decision: 'reject', exchangeStatus: '13' });
    expect(decided.openSteps.map((s) => s.key)).toEqual(['deliver']);
  });
});
