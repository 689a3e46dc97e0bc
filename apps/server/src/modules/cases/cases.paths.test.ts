import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleDetail, CaseBundle, CaseDetail, CaseSummary, ItemVersion, Page } from '@tongban/contracts';
import type { Client, TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, issuesOf } from '../../../test/http.ts';
import { cases } from '../../platform/db/schema.ts';
import { caseTestApp, departmentId, fillForm, foodForm, foodMaterials, itemByName, newKey, ok, read, staff, testClock, withFiles } from './cases.testkit.ts';

describe.each(engines())('case paths on %s', (engine) => {
  const clock = testClock('2026-03-02T09:00:00+08:00');
  let t: TestApp;
  let food: { id: string; implCode: string };
  const c = {} as Record<'enterprise' | 'citizen' | 'window' | 'reviewer' | 'reviewer2' | 'approver' | 'health' | 'ecology', Client>;
  const act = (client: Client, caseNo: string, body: Record<string, unknown>) => ok(client, `/api/cases/${caseNo}/actions`, body);
  const caseCount = async () => (await t.database.db.select({ n: count() }).from(cases))[0]!.n;

  beforeAll(async () => {
    t = await caseTestApp(engine, clock);
    food = await itemByName(t, '食品经营许可（新办）');
    const admin = await t.login('admin');
    c.health = await staff(t, admin, 'paths_health', ['reviewer'], await departmentId(t, 'health'));
    c.ecology = await staff(t, admin, 'paths_ecology', ['reviewer'], await departmentId(t, 'ecology'));
    c.reviewer2 = await staff(t, admin, 'paths_reviewer2', ['reviewer'], await departmentId(t, 'market'));
    c.enterprise = await t.login('bashufood');
    c.citizen = await t.login('zhangsan');
    c.window = await t.login('window01');
    c.reviewer = await t.login('reviewer01');
    c.approver = await t.login('approver01');
  });
  afterAll(async () => t.close());

  /** A 食品经营许可 with the food safety rules replaced by a commitment (告知承诺), accepted. */
  async function acceptedFood(): Promise<CaseDetail> {
    const materials = await withFiles(c.enterprise, [
      ...foodMaterials.filter((m) => m.materialKey !== 'food_safety_rules'),
      { materialKey: 'food_safety_rules', provided: 'commitment' },
    ]);
    const submitted = await ok(
      c.enterprise,
      '/api/cases',
      { implCode: food.implCode, formData: foodForm, materials, delivery: { method: 'electronic' }, idempotencyKey: newKey() },
      201,
    );
    return act(c.window, submitted.caseNo, { action: 'accept' });
  }

  it('takes and hands over steps: 签收 takes a step out of the others’ inboxes, 转办 hands it to a colleague, who finishes it', async () => {
    const { caseNo } = await acceptedFood();
    const inboxOf = async (client: Client) => (await client.get('/api/tasks?pageSize=100')).json<Page<CaseSummary>>().items.map((i) => i.caseNo);
    expect(await inboxOf(c.reviewer2)).toContain(caseNo);
    const claimed = await act(c.reviewer, caseNo, { action: 'claim', step: 'review' });
    expect(claimed.openSteps[0]).toMatchObject({ key: 'review', claimedBy: { name: '李明' } });
    expect(await inboxOf(c.reviewer)).toContain(caseNo);
    expect(await inboxOf(c.reviewer2)).not.toContain(caseNo);
    // The colleague may not act on a step someone else took, nor take it again.
    const taken = expectError(await c.reviewer2.post(`/api/cases/${caseNo}/actions`, { action: 'approve', step: 'review', opinion: '抢办' }), 'INVALID_STATE');
    expect(taken.details).toMatchObject({ reason: 'claimed_by_other', claimedBy: '李明' });
    expect((await read(c.reviewer2, caseNo)).allowedActions).toEqual([]);
    // 转办 only to an active officer of the same role and department.
    const approverId = (await c.approver.get('/api/auth/me')).json<{ id: string }>().id;
    expect(
      issuesOf(await c.reviewer.post(`/api/cases/${caseNo}/actions`, { action: 'transfer', step: 'review', toAccountId: approverId, opinion: '转办' })),
    ).toMatchObject([{ path: 'toAccountId' }]);
    const colleague = (await c.reviewer2.get('/api/auth/me')).json<{ id: string }>().id;
    const handed = await act(c.reviewer, caseNo, { action: 'transfer', step: 'review', toAccountId: colleague, opinion: '出差，转同事办理' });
    expect(handed.openSteps[0]!.claimedBy).toEqual({ id: colleague, name: 'paths_reviewer2' });
    expect(await inboxOf(c.reviewer)).not.toContain(caseNo);
    expect(await inboxOf(c.reviewer2)).toContain(caseNo);
    const done = await act(c.reviewer2, caseNo, { action: 'approve', step: 'review', opinion: '材料审查通过' });
    expect(done.openSteps.map((s) => [s.key, s.claimedBy])).toEqual([
      ['market_site', null],
      ['health_check', null],
      ['fume_check', null],
    ]);
    expect(done.timeline.map((e) => e.typeName).slice(-3)).toEqual(['签收', '转办', '环节办理']);
    // A department of the parallel block finds the case in 办件查询 too, as it sees it on its page.
    const found = await c.health.get(`/api/cases?q=${encodeURIComponent(caseNo)}`);
    expect(found.json<{ items: { caseNo: string }[] }>().items.map((i) => i.caseNo)).toEqual([caseNo]);
  });

  it('revokes the result when the post-check of a commitment (告知承诺核查) fails', async () => {
    const { caseNo } = await acceptedFood();
    await act(c.reviewer, caseNo, { action: 'approve', step: 'review', opinion: '材料审查通过' });
    await act(c.reviewer, caseNo, { action: 'approve', step: 'market_site', opinion: '现场核查符合要求' });
    await act(c.health, caseNo, { action: 'approve', step: 'health_check', opinion: '健康证明有效' });
    await act(c.ecology, caseNo, { action: 'approve', step: 'fume_check', opinion: '已安装油烟净化设施' });
    const decided = await act(c.approver, caseNo, { action: 'decide', decision: 'approve', opinion: '准予许可（告知承诺）' });
    expect(decided.postCheck).toMatchObject({ status: 'pending' });
    expect((await read(c.reviewer, caseNo)).allowedActions.map((a) => a.action)).toContain('post-check');

    clock.set('2026-03-20T10:00:00+08:00');
    const reviewer = await t.login('reviewer01');
    const failed = await act(reviewer, caseNo, { action: 'post-check', passed: false, opinion: '核查发现未建立食品安全管理制度，承诺不实' });
    expect(failed).toMatchObject({ status: 'revoked', statusName: '已撤销', exchangeStatus: '15', postCheck: { status: 'failed' }, openSteps: [] });
    expect(failed.timeline.at(-1)).toMatchObject({ type: 'post_check_completed', exchangeCode: '15', fromStatus: 'decided', toStatus: 'revoked' });
    // Nothing happens to a revoked case any more.
    expectError(await t.login('window01').then((w) => w.post(`/api/cases/${caseNo}/actions`, { action: 'deliver', method: 'window' })), 'INVALID_STATE');
    expectError(await reviewer.post(`/api/cases/${caseNo}/actions`, { action: 'post-check', passed: true, opinion: '再核查' }), 'INVALID_STATE');
    clock.set('2026-03-02T09:00:00+08:00');
  });

  it('lets an approver of the department revoke a granted result (撤销) with its legal basis', async () => {
    const { caseNo } = await acceptedFood();
    await act(c.reviewer, caseNo, { action: 'approve', step: 'review', opinion: '通过' });
    await act(c.reviewer, caseNo, { action: 'approve', step: 'market_site', opinion: '通过' });
    await act(c.health, caseNo, { action: 'approve', step: 'health_check', opinion: '通过' });
    await act(c.ecology, caseNo, { action: 'approve', step: 'fume_check', opinion: '通过' });
    await act(c.approver, caseNo, { action: 'decide', decision: 'approve', opinion: '准予' });
    const body = { action: 'revoke', reason: '以欺骗手段取得许可', legalBasis: '《中华人民共和国行政许可法》第六十九条第二款' };
    expectError(await c.reviewer.post(`/api/cases/${caseNo}/actions`, body), 'FORBIDDEN');
    const revoked = await act(c.approver, caseNo, body);
    expect(revoked).toMatchObject({ status: 'revoked', exchangeStatus: '15' });
    expect(revoked.timeline.at(-1)).toMatchObject({ type: 'revoked', opinion: '以欺骗手段取得许可', details: { legalBasis: body.legalBasis } });
  });

  it('takes a 一件事 bundle of three items as one application: a case per item, the shared form split, materials once, retries idempotent', async () => {
    const bundle = (await c.citizen.get('/api/catalog/bundles/open-restaurant')).json<BundleDetail>();
    expect(bundle.items).toHaveLength(3);
    const formData: Record<string, unknown> = {};
    for (const item of bundle.items) fillForm((await c.citizen.get(`/api/catalog/items/${item.implCode}`)).json<ItemVersion>().content.formSchema, formData);
    const [upload] = await withFiles(c.citizen, [{ materialKey: 'bundle_doc', provided: 'upload' }]);
    const materials = bundle.materials.flatMap((m) =>
      m.source === 'licence_library'
        ? [{ key: m.key, provided: 'licence' }]
        : m.source === 'applicant'
          ? [{ key: m.key, provided: 'upload', files: upload!.files }]
          : [],
    );
    const request = { bundleKey: 'open-restaurant', formData, materials, delivery: { method: 'window' }, idempotencyKey: newKey() };

    // A material the bundle does not ask for: 400, and nothing is created.
    const before = await caseCount();
    expect(
      issuesOf(
        await c.citizen.post('/api/cases/bundles', { ...request, materials: [...materials, { key: 'name:不存在的材料', provided: 'upload', files: [] }] }),
      ),
    ).toContainEqual(expect.objectContaining({ path: `materials.${materials.length}.key` }));
    expect(await caseCount()).toBe(before);

    const first = await c.citizen.post('/api/cases/bundles', request);
    expect(first.statusCode, first.body).toBe(201);
    const made = first.json<CaseBundle>();
    expect(made.bundleNo).toMatch(/^YJS-20260302-\d{6}$/);
    expect(made.cases.map((x) => x.implCode)).toEqual(bundle.items.map((i) => i.implCode));
    expect(made.cases.every((x) => x.status === 'submitted')).toBe(true);
    expect(await caseCount()).toBe(before + 3);

    // Retried (a lost answer): the same bundle and cases, nothing new.
    const again = await c.citizen.post('/api/cases/bundles', request);
    expect(again.statusCode).toBe(200);
    expect(again.json<CaseBundle>()).toEqual(made);
    expect(await caseCount()).toBe(before + 3);
    expectError(await c.citizen.post('/api/cases/bundles', { ...request, delivery: { method: 'electronic' } }), 'ALREADY_EXISTS');

    // Each case carries only its own item's fields, and the licence-library materials once for all.
    for (const x of made.cases) {
      const detail = await read(c.citizen, x.caseNo);
      const own = Object.keys((await c.citizen.get(`/api/catalog/items/${x.implCode}`)).json<ItemVersion>().content.formSchema.properties ?? {});
      expect(Object.keys(detail.formData).sort()).toEqual(own.filter((k) => k in formData).sort());
      expect(detail.delivery).toEqual({ method: 'window' });
    }
    expect((await c.citizen.get(`/api/cases/bundles/${made.bundleNo}`)).json<CaseBundle>()).toEqual(made);
    expectError(await c.enterprise.get(`/api/cases/bundles/${made.bundleNo}`), 'NOT_FOUND');
    const mine = (await c.citizen.get('/api/cases/mine?pageSize=100')).json<Page<CaseSummary>>().items.map((i) => i.caseNo);
    for (const x of made.cases) expect(mine).toContain(x.caseNo);
  });
});
