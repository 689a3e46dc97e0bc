import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseDraft, CaseDraftSummary, Page } from '@tongban/contracts';
import type { Client, TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, issuesOf } from '../../../test/http.ts';
import { demoEnterprise } from '../../../db/seed/demo-data.ts';
import { cases } from '../../platform/db/schema.ts';
import { pdfBytes, pngBytes, uploadFile } from '../files/files.testkit.ts';
import { caseTestApp, foodForm, foodMaterials, itemByName, newKey, ok, pharmacyForm, pharmacyMaterials, read, testClock, withFiles } from './cases.testkit.ts';

describe.each(engines())('drafts, uploaded materials and their files on %s', (engine) => {
  const clock = testClock();
  let t: TestApp;
  let food: { id: string; implCode: string };
  let pharmacy: { id: string; implCode: string };
  const c = {} as Record<'enterprise' | 'citizen' | 'window' | 'reviewer', Client>;

  const newDraft = async (client: Client, implCode = food.implCode) => ok(client, '/api/drafts', { implCode }, 201) as unknown as Promise<CaseDraft>;
  const save = (client: Client, d: { id: string; version: number }, body: Record<string, unknown>) =>
    client.put(`/api/drafts/${d.id}`, { formData: {}, materials: [], delivery: null, step: 0, version: d.version, ...body });
  const submitBody = (materials: unknown, extra: Record<string, unknown> = {}) => ({
    implCode: food.implCode,
    formData: foodForm,
    materials,
    delivery: { method: 'electronic' },
    ...extra,
  });

  beforeAll(async () => {
    t = await caseTestApp(engine, clock);
    food = await itemByName(t, '食品经营许可（新办）');
    pharmacy = await itemByName(t, '药品零售企业许可');
    c.enterprise = await t.login('bashufood');
    c.citizen = await t.login('zhangsan');
    c.window = await t.login('window01');
    c.reviewer = await t.login('reviewer01');
  });
  afterAll(async () => t.close());

  it('keeps a draft on the server: saved on one device, resumed on another, a stale save refused with 409', async () => {
    const created = await newDraft(c.enterprise);
    expect(created).toMatchObject({
      implCode: food.implCode,
      itemName: '食品经营许可（新办）',
      version: 1,
      step: 0,
      formData: {},
      materials: [],
      delivery: null,
    });
    expect(created.idempotencyKey).toMatch(/^draft-[0-9a-f]{32}$/);

    const plan = await uploadFile(c.enterprise, '平面布局图.png', pngBytes(), 'image/png');
    const saved = await save(c.enterprise, created, {
      formData: { operatorName: foodForm.operatorName, premises: '巴中市巴州区' },
      materials: [
        { materialKey: 'business_licence', provided: 'licence' },
        { materialKey: 'layout', provided: 'upload', files: [plan.id] },
      ],
      delivery: { method: 'post', address: { recipient: '李娜', phone: '138' } },
      step: 2,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<CaseDraft>()).toMatchObject({ version: 2, step: 2 });

    // Another device: another session of the same account.
    const phone = await t.login('bashufood');
    const list = (await phone.get('/api/drafts')).json<Page<CaseDraftSummary>>();
    expect(list.items.map((d) => d.id)).toContain(created.id);
    const resumed = (await phone.get(`/api/drafts/${created.id}`)).json<CaseDraft>();
    expect(resumed).toMatchObject({
      version: 2,
      step: 2,
      formData: { operatorName: foodForm.operatorName, premises: '巴中市巴州区' },
      delivery: { method: 'post', address: { recipient: '李娜', phone: '138' } },
      idempotencyKey: created.idempotencyKey,
    });
    expect(resumed.materials).toEqual([
      { materialKey: 'business_licence', provided: 'licence', files: [] },
      { materialKey: 'layout', provided: 'upload', files: [{ id: plan.id, name: '平面布局图.png', size: plan.size, contentType: 'image/png' }] },
    ]);

    const fromPhone = await save(phone, resumed, { formData: { operatorName: '手机上改的' }, step: 3 });
    expect(fromPhone.json<CaseDraft>().version).toBe(3);
    const stale = expectError(await save(c.enterprise, saved.json<CaseDraft>(), { formData: { operatorName: '电脑上改的' } }), 'CONFLICT');
    expect(stale.details).toEqual({ version: 3 });
    expect((await c.enterprise.get(`/api/drafts/${created.id}`)).json<CaseDraft>().formData).toEqual({ operatorName: '手机上改的' });
  });

  it('shows and changes drafts for their owner only; files in a draft must be the owner’s own', async () => {
    const mine = await newDraft(c.citizen);
    expectError(await c.enterprise.get(`/api/drafts/${mine.id}`), 'NOT_FOUND');
    expectError(await save(c.enterprise, mine, {}), 'NOT_FOUND');
    expectError(await c.enterprise.delete(`/api/drafts/${mine.id}`), 'NOT_FOUND');
    expectError(await c.window.get('/api/drafts'), 'FORBIDDEN');
    expectError(await c.citizen.post('/api/drafts', { implCode: 'NOSUCHITEM0001' }), 'NOT_FOUND');

    const theirs = await uploadFile(c.enterprise, 'licence.pdf', pdfBytes('not zhangsan’s'), 'application/pdf');
    const issues = issuesOf(await save(c.citizen, mine, { materials: [{ materialKey: 'layout', provided: 'upload', files: [theirs.id] }] }));
    expect(issues).toEqual([{ path: 'materials.0.files.0', code: 'custom', message: '找不到这个文件，或它不是您本人上传的：请重新上传' }]);
    expect((await c.citizen.get(`/api/drafts/${mine.id}`)).json<CaseDraft>().version).toBe(1);
  });

  it('deletes a draft (409 at a stale version, 404 once gone)', async () => {
    const d = await newDraft(c.enterprise);
    await save(c.enterprise, d, { step: 1 });
    expectError(await c.enterprise.delete(`/api/drafts/${d.id}?version=1`), 'CONFLICT');
    expect((await c.enterprise.delete(`/api/drafts/${d.id}?version=2`)).statusCode).toBe(200);
    expectError(await c.enterprise.get(`/api/drafts/${d.id}`), 'NOT_FOUND');
    expectError(await c.enterprise.delete(`/api/drafts/${d.id}`), 'NOT_FOUND');
  });

  it('submitting a draft deletes it in the same transaction and uses its key: a retry or a double click makes one case', async () => {
    const d = await newDraft(c.enterprise);
    const materials = await withFiles(c.enterprise, foodMaterials);
    const first = await c.enterprise.post('/api/cases', submitBody(materials, { draftId: d.id }));
    expect(first.statusCode, first.body).toBe(201);
    const made = first.json<CaseDetail>();
    expectError(await c.enterprise.get(`/api/drafts/${d.id}`), 'NOT_FOUND');

    // The answer was lost: the retry (same body, the draft's key) gets the same case.
    const retry = await c.enterprise.request({
      method: 'POST',
      url: '/api/cases',
      headers: { 'idempotency-key': d.idempotencyKey },
      payload: submitBody(materials, { draftId: d.id }),
    });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json<CaseDetail>().caseNo).toBe(made.caseNo);
    // Without the key, a draft that is gone cannot be submitted again.
    expect(issuesOf(await c.enterprise.post('/api/cases', submitBody(materials, { draftId: d.id })))).toEqual([
      { path: 'draftId', code: 'custom', message: '草稿不存在或已经提交' },
    ]);

    // A double click: two submissions of one draft at once.
    const twice = await newDraft(c.enterprise);
    const both = await Promise.all(
      [1, 2].map(() => c.enterprise.post('/api/cases', submitBody(materials, { draftId: twice.id, idempotencyKey: twice.idempotencyKey }))),
    );
    expect(both.map((r) => r.statusCode).sort(), both.map((r) => r.body).join('\n')).toEqual([200, 201]);
    expect(new Set(both.map((r) => r.json<CaseDetail>().caseNo)).size).toBe(1);
    const rows = await t.database.db
      .select({ caseNo: cases.caseNo })
      .from(cases)
      .where(and(eq(cases.idempotencyKey, twice.idempotencyKey)));
    expect(rows).toHaveLength(1);

    // The key of a draft is the draft's; a draft of another item is not this item's.
    const other = await newDraft(c.enterprise);
    expect(issuesOf(await c.enterprise.post('/api/cases', submitBody(materials, { draftId: other.id, idempotencyKey: newKey() })))).toMatchObject([
      { path: 'idempotencyKey', message: '幂等键与草稿的不一致：提交草稿时请使用草稿的幂等键' },
    ]);
    const pharmacyDraft = await newDraft(c.enterprise, pharmacy.implCode);
    expect(issuesOf(await c.enterprise.post('/api/cases', submitBody(materials, { draftId: pharmacyDraft.id })))).toMatchObject([{ path: 'draftId' }]);
    expect((await c.enterprise.get(`/api/drafts/${other.id}`)).statusCode).toBe(200);
  });

  it('online, an uploaded material needs a file of the applicant’s own; at the window papers are checked instead', async () => {
    const theirs = await uploadFile(c.citizen, 'zhangsan.pdf', pdfBytes('zhangsan'), 'application/pdf');
    const plan = await uploadFile(c.enterprise, 'plan.pdf', pdfBytes('plan'), 'application/pdf');
    const res = await c.enterprise.post(
      '/api/cases',
      submitBody(
        [
          { materialKey: 'business_licence', provided: 'licence', files: [plan.id] },
          { materialKey: 'id_card', provided: 'licence' },
          { materialKey: 'layout', provided: 'upload' },
          { materialKey: 'food_safety_rules', provided: 'upload', files: [plan.id, theirs.id, plan.id] },
        ],
        { idempotencyKey: newKey() },
      ),
    );
    expect(issuesOf(res)).toEqual([
      { path: 'materials.0.files', code: 'custom', message: '只有选择“上传”提交的材料才能附带文件' },
      { path: 'materials.2.files', code: 'custom', message: '请为这项材料上传至少一个文件' },
      { path: 'materials.3.files', code: 'custom', message: '同一个文件在这项材料中只能出现一次' },
      { path: 'materials.3.files.1', code: 'custom', message: '找不到这个文件，或它不是您本人上传的：请重新上传' },
    ]);
    const en = await c.enterprise.request({
      method: 'POST',
      url: '/api/cases',
      headers: { 'accept-language': 'en' },
      payload: submitBody(foodMaterials, { idempotencyKey: newKey() }),
    });
    expect(en.json<{ details: { issues: { message: string }[] } }>().details.issues.map((i) => i.message)).toEqual([
      'Upload at least one file for this material',
      'Upload at least one file for this material',
    ]);

    const atWindow = await c.window.post('/api/cases', {
      ...submitBody(foodMaterials, { idempotencyKey: newKey() }),
      channel: 'window',
      onBehalfOf: { idType: 'credit_code', idNumber: demoEnterprise.creditCode, name: demoEnterprise.organisationName },
    });
    expect(atWindow.statusCode, atWindow.body).toBe(201);
    expect(atWindow.json<CaseDetail>().materials.every((m) => m.files.length === 0)).toBe(true);
  });

  it('lists each material’s files in the case, and lets staff and the applicant download them, nobody else', async () => {
    const plan = await uploadFile(c.enterprise, '经营场所平面布局图.png', pngBytes(6, 6, [0, 128, 0]), 'image/png');
    const rules = await uploadFile(c.enterprise, '食品安全管理制度.pdf', pdfBytes('rules'), 'application/pdf');
    const unrelated = await uploadFile(c.enterprise, 'other.pdf', pdfBytes('unrelated'), 'application/pdf');
    const made = await ok(
      c.enterprise,
      '/api/cases',
      submitBody(
        foodMaterials.map((m) =>
          m.materialKey === 'layout' ? { ...m, files: [plan.id] } : m.materialKey === 'food_safety_rules' ? { ...m, files: [rules.id] } : m,
        ),
        { idempotencyKey: newKey() },
      ),
      201,
    );
    const detail = await read(c.reviewer, made.caseNo);
    expect(detail.materials.find((m) => m.materialKey === 'layout')?.files).toEqual([
      { id: plan.id, name: '经营场所平面布局图.png', size: plan.size, contentType: 'image/png' },
    ]);
    expect(detail.materials.find((m) => m.materialKey === 'food_safety_rules')?.files).toEqual([
      { id: rules.id, name: '食品安全管理制度.pdf', size: rules.size, contentType: 'application/pdf' },
    ]);
    expect(detail.materials.find((m) => m.materialKey === 'business_licence')?.files).toEqual([]);

    for (const who of [c.reviewer, c.window, c.enterprise]) {
      const res = await who.get(`/api/cases/${made.caseNo}/files/${plan.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.rawPayload.equals(pngBytes(6, 6, [0, 128, 0]))).toBe(true);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('经营场所平面布局图.png')}`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain('sandbox');
    }
    // Not of this case, not visible to this user, or the reviewer asking for the applicant's raw upload: 404.
    expectError(await c.reviewer.get(`/api/cases/${made.caseNo}/files/${unrelated.id}`), 'NOT_FOUND');
    expectError(await c.citizen.get(`/api/cases/${made.caseNo}/files/${plan.id}`), 'NOT_FOUND');
    expectError(await c.reviewer.get(`/api/files/${plan.id}`), 'NOT_FOUND');
  });

  it('a 补正 answered online needs files of the applicant’s own; the earlier files stay readable', async () => {
    const first = await uploadFile(c.enterprise, '旧平面图.pdf', pdfBytes('old plan'), 'application/pdf');
    const made = await ok(
      c.enterprise,
      '/api/cases',
      {
        implCode: pharmacy.implCode,
        formData: pharmacyForm,
        materials: await withFiles(
          c.enterprise,
          pharmacyMaterials.map((m) => (m.materialKey === 'premises' ? { ...m, files: [first.id] } : m)),
        ),
        delivery: { method: 'window' },
        idempotencyKey: newKey(),
      },
      201,
    );
    const asked = await ok(c.window, `/api/cases/${made.caseNo}/actions`, {
      action: 'request-supplement',
      missing: [{ materialKey: 'premises', note: '平面图不清晰，请重新上传' }],
      version: made.version,
    });
    const theirs = await uploadFile(c.citizen, 'x.pdf', pdfBytes('zhangsan again'), 'application/pdf');
    const act = (materials: unknown) => c.enterprise.post(`/api/cases/${made.caseNo}/actions`, { action: 'supplement', materials, version: asked.version });
    expect(issuesOf(await act([{ materialKey: 'premises', provided: 'upload' }])).map((i) => [i.path, i.message])).toEqual([
      ['materials.0.files', '请为这项材料上传至少一个文件'],
    ]);
    expect(issuesOf(await act([{ materialKey: 'premises', provided: 'upload', files: [theirs.id] }])).map((i) => i.path)).toEqual(['materials.0.files.0']);

    const clearer = await uploadFile(c.enterprise, '新平面图.pdf', pdfBytes('new plan'), 'application/pdf');
    const res = await act([{ materialKey: 'premises', provided: 'upload', files: [clearer.id] }]);
    expect(res.statusCode, res.body).toBe(200);
    const answered = res.json<CaseDetail>();
    expect(answered.status).toBe('submitted');
    expect(answered.materials.find((m) => m.materialKey === 'premises')?.files.map((f) => f.name)).toEqual(['新平面图.pdf']);
    // The other materials keep their files.
    expect(answered.materials.find((m) => m.materialKey === 'quality_docs')?.files).toHaveLength(1);
    for (const id of [clearer.id, first.id]) expect((await c.window.get(`/api/cases/${made.caseNo}/files/${id}`)).statusCode).toBe(200);
  });
});
