import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseSummary, Page, SubmittedMaterialInput } from '@tongban/contracts';
import type { Client, TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, issuesOf } from '../../../test/http.ts';
import { caseEvents, cases } from '../../platform/db/schema.ts';
import { pgErrorCode } from '../../platform/errors.ts';
import { caseTestApp, departmentId, itemByName, newKey, ok, pharmacyForm, pharmacyMaterials, read, staff, testClock, withFiles } from './cases.testkit.ts';

describe.each(engines())('case rules on %s', (engine) => {
  const clock = testClock('2026-03-02T09:00:00+08:00');
  let t: TestApp;
  let pharmacy: { id: string; implCode: string };
  const c = {} as Record<'enterprise' | 'citizen' | 'window' | 'reviewer' | 'approver' | 'policeReviewer' | 'agent', Client>;

  /** The pharmacy materials with the enterprise's uploaded files. */
  let uploaded: SubmittedMaterialInput[];
  const body = (overrides: Record<string, unknown> = {}) => ({
    implCode: pharmacy.implCode,
    formData: pharmacyForm,
    materials: uploaded,
    delivery: { method: 'window' },
    idempotencyKey: newKey(),
    ...overrides,
  });
  const submitted = () => ok(c.enterprise, '/api/cases', body(), 201);
  const accepted = async () => ok(c.window, `/api/cases/${(await submitted()).caseNo}/actions`, { action: 'accept' });
  const caseCount = async () => (await t.database.db.select({ n: count() }).from(cases))[0]!.n;
  const eventCount = async (caseNo: string) =>
    (await t.database.db.select({ n: count() }).from(caseEvents).innerJoin(cases, eq(cases.id, caseEvents.caseId)).where(eq(cases.caseNo, caseNo)))[0]!.n;

  beforeAll(async () => {
    t = await caseTestApp(engine, clock);
    pharmacy = await itemByName(t, '药品零售企业许可');
    const admin = await t.login('admin');
    c.policeReviewer = await staff(t, admin, 'police_reviewer', ['reviewer'], await departmentId(t, 'police'));
    c.enterprise = await t.login('bashufood');
    c.citizen = await t.login('zhangsan');
    c.window = await t.login('window01');
    c.reviewer = await t.login('reviewer01');
    c.approver = await t.login('approver01');
    c.agent = await t.login('agent01');
    uploaded = await withFiles(c.enterprise, pharmacyMaterials);
  });
  afterAll(async () => t.close());

  describe('case numbers and idempotent submission', () => {
    it('numbers cases <实施编码>-<yyyyMMdd>-<seq6> per item and day, never reusing one', async () => {
      const a = await submitted();
      const b = await submitted();
      const [, dayA, seqA] = /-(\d{8})-(\d{6})$/.exec(a.caseNo)!;
      const [, , seqB] = /-(\d{8})-(\d{6})$/.exec(b.caseNo)!;
      expect(a.caseNo.startsWith(`${pharmacy.implCode}-`)).toBe(true);
      expect(dayA).toBe('20260302');
      expect(Number(seqB)).toBe(Number(seqA) + 1);
    });

    it('returns the same case for a retried submit, also when the retries arrive together', async () => {
      const key = newKey();
      const first = await c.enterprise.post('/api/cases', body({ idempotencyKey: key }));
      expect(first.statusCode, first.body).toBe(201);
      const again = await c.enterprise.post('/api/cases', body({ idempotencyKey: key }));
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<CaseDetail>().caseNo).toBe(first.json<CaseDetail>().caseNo);

      const concurrentKey = newKey();
      const before = await caseCount();
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          c.enterprise.request({
            method: 'POST',
            url: '/api/cases',
            headers: { 'idempotency-key': concurrentKey },
            payload: body({ idempotencyKey: undefined }),
          }),
        ),
      );
      // 50 identical submits at once with one key: one case, 49 answers that point to it.
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 200)).toHaveLength(49);
      expect(new Set(results.map((r) => r.json<CaseDetail>().caseNo)).size).toBe(1);
      expect(await caseCount()).toBe(before + 1);
    });

    it('refuses a submission without a key, and a key reused for a different request', async () => {
      const before = await caseCount();
      expect(issuesOf(await c.enterprise.post('/api/cases', body({ idempotencyKey: undefined })))[0]).toMatchObject({ path: 'idempotencyKey' });
      const key = newKey();
      await ok(c.enterprise, '/api/cases', body({ idempotencyKey: key }), 201);
      const reused = expectError(await c.enterprise.post('/api/cases', body({ idempotencyKey: key, delivery: { method: 'electronic' } })), 'ALREADY_EXISTS');
      expect(reused.details).toMatchObject({ reason: 'idempotencyKeyReused' });
      expect(await caseCount()).toBe(before + 1);
    });

    it('checks the form and the materials against the pinned item version, in the caller’s language, and stores nothing', async () => {
      const before = await caseCount();
      const res = await c.enterprise.request({
        method: 'POST',
        url: '/api/cases',
        headers: { 'accept-language': 'en' },
        payload: body({
          formData: { ...pharmacyForm, mobile: '123', scope: '连锁总部' },
          materials: [
            { materialKey: 'premises', provided: 'deferred' },
            { materialKey: 'no_such', provided: 'missing' },
          ],
        }),
      });
      const error = expectError(res, 'VALIDATION_FAILED', 'en');
      const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
      expect(issues.map((i) => i.path).sort()).toEqual(['formData.mobile', 'formData.scope', 'materials.0.provided', 'materials.1.materialKey']);
      expect(issues.find((i) => i.path === 'materials.0.provided')?.message).toBe('This material cannot be supplied later (容缺)');
      expect(await caseCount()).toBe(before);
    });

    it('lets applicants use only their own channels, agents only with an authorisation', async () => {
      expect(issuesOf(await c.enterprise.post('/api/cases', body({ channel: 'window' })))[0]).toMatchObject({ path: 'channel' });
      const principal = { idType: 'resident_id', idNumber: '511902199001011234', name: '张三' };
      expect(issuesOf(await c.agent.post('/api/cases', body({ channel: 'agent', onBehalfOf: principal })))[0]).toMatchObject({ path: 'onBehalfOf.idNumber' });
      const own = await ok(c.citizen, '/api/cases', body({ channel: 'kiosk', materials: await withFiles(c.citizen, pharmacyMaterials) }), 201);
      expect(own).toMatchObject({ channel: 'kiosk', takenRegionCode: '511900', applicant: { kind: 'person', idType: 'resident_id', name: '张三' } });
      expect(own.applicant.idNumberMasked).toMatch(/^511902\*{8}\d{3}[\dX]$/);
    });

    it('records an agent’s application with the authorisation, and both the agent and the applicant follow it', async () => {
      const { demoCitizen } = await import('../../../db/seed/demo-data.ts');
      const principal = { idType: 'resident_id', idNumber: demoCitizen.residentId, name: demoCitizen.displayName };
      const authorisation = { documentNo: 'WT-2026-001', scope: '代为申请药品零售企业许可', signedOn: '2026-03-01', validUntil: '2026-06-30' };
      expect(issuesOf(await c.agent.post('/api/cases', body({ channel: 'agent', onBehalfOf: principal })))[0]).toMatchObject({ path: 'authorisation' });
      const expired = { ...authorisation, validUntil: '2026-03-01' };
      expect(issuesOf(await c.agent.post('/api/cases', body({ channel: 'agent', onBehalfOf: principal, authorisation: expired })))[0]).toMatchObject({
        path: 'authorisation.validUntil',
      });
      const made = await ok(
        c.agent,
        '/api/cases',
        body({ channel: 'agent', onBehalfOf: principal, authorisation, materials: await withFiles(c.agent, pharmacyMaterials) }),
        201,
      );
      expect(made).toMatchObject({ channel: 'agent', takenRegionCode: '511902101201', agent: { name: '周强', authorisation } });
      expect((await read(c.citizen, made.caseNo)).caseNo).toBe(made.caseNo);
      expect((await c.agent.get('/api/cases/mine')).json<{ items: { caseNo: string }[] }>().items.map((i) => i.caseNo)).toContain(made.caseNo);
    });
  });

  describe('who may act', () => {
    it('answers 404 for a case outside the caller’s reach: another applicant, another department', async () => {
      const { caseNo } = await accepted();
      expectError(await c.citizen.get(`/api/cases/${caseNo}`), 'NOT_FOUND');
      expectError(await c.citizen.post(`/api/cases/${caseNo}/actions`, { action: 'withdraw', reason: '不是我的' }), 'NOT_FOUND');
      expectError(await c.policeReviewer.get(`/api/cases/${caseNo}`), 'NOT_FOUND');
      expectError(await c.policeReviewer.post(`/api/cases/${caseNo}/actions`, { action: 'approve', step: 'review', opinion: '越权' }), 'NOT_FOUND');
      expectError(await c.policeReviewer.get(`/api/cases/${caseNo}/exchange`), 'NOT_FOUND');
      expectError(await c.citizen.get('/api/cases/11511900MB1234567X351M010002001-20260302-000001'), 'NOT_FOUND');
      expectError(await c.enterprise.post('/api/cases', body({ implCode: '11511900MB1234567X351M010002001' })), 'NOT_FOUND');
      // A supervisor of the region reads every case in it, and acts on none.
      const supervisor = await t.login('supervisor01');
      expect((await read(supervisor, caseNo)).caseNo).toBe(caseNo);
      expectError(await supervisor.post(`/api/cases/${caseNo}/actions`, { action: 'approve', step: 'review', opinion: '监察' }), 'FORBIDDEN');
    });

    it('finds cases for staff (办件查询) within their reach only, by case number, applicant or item, and status', async () => {
      const { caseNo } = await accepted();
      const search = async (client: Client, query: string) => {
        const res = await client.get(`/api/cases?${query}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json<Page<CaseSummary>>();
      };
      const byNo = await search(c.reviewer, `q=${encodeURIComponent(caseNo)}`);
      expect(byNo.items.map((i) => i.caseNo)).toEqual([caseNo]);
      expect((await search(c.window, `q=${encodeURIComponent(caseNo)}`)).total).toBe(1);
      // Another department's reviewer does not find it; a supervisor of the region does.
      expect((await search(c.policeReviewer, `q=${encodeURIComponent(caseNo)}`)).total).toBe(0);
      expect((await search(await t.login('supervisor01'), `q=${encodeURIComponent(caseNo)}`)).total).toBe(1);
      const byItem = await search(c.reviewer, `q=${encodeURIComponent(byNo.items[0]!.itemName.slice(0, 4))}&status=processing&pageSize=100`);
      expect(byItem.items.some((i) => i.caseNo === caseNo)).toBe(true);
      expect(byItem.items.every((i) => i.status === 'processing')).toBe(true);
      // The applicant (the demo enterprise) by part of its name; the list shows it masked.
      const byApplicant = await search(c.reviewer, `q=${encodeURIComponent('巴蜀味道')}&pageSize=100`);
      expect(byApplicant.items.some((i) => i.caseNo === caseNo)).toBe(true);
      expect((await search(c.reviewer, `q=${encodeURIComponent(caseNo)}&status=decided`)).total).toBe(0);
      // A wildcard is a character, not a pattern.
      expect((await search(c.reviewer, 'q=%25')).total).toBe(0);
      expectError(await c.reviewer.get('/api/cases?status=bogus'), 'VALIDATION_FAILED');
      expectError(await c.citizen.get('/api/cases'), 'FORBIDDEN');
      expectError(await t.anonymous.get('/api/cases'), 'UNAUTHENTICATED');
    });

    it('answers 403 for a role or post that does not hold the step', async () => {
      const fresh = await submitted();
      expectError(await c.enterprise.post(`/api/cases/${fresh.caseNo}/actions`, { action: 'accept' }), 'FORBIDDEN');
      expectError(await c.reviewer.post(`/api/cases/${fresh.caseNo}/actions`, { action: 'accept' }), 'FORBIDDEN');
      const { caseNo } = await accepted();
      expectError(await c.approver.post(`/api/cases/${caseNo}/actions`, { action: 'approve', step: 'review', opinion: '同意' }), 'FORBIDDEN');
      expectError(await c.window.post(`/api/cases/${caseNo}/actions`, { action: 'suspend', procedure: 'hearing', reason: '听证' }), 'FORBIDDEN');
      expectError(await c.reviewer.post(`/api/cases/${caseNo}/actions`, { action: 'green-channel', on: true, reason: '老年人' }), 'FORBIDDEN');
      expectError(await c.window.post(`/api/cases/${caseNo}/actions`, { action: 'withdraw', reason: '代撤' }), 'FORBIDDEN');
      expectError(await c.enterprise.get(`/api/cases/${caseNo}/exchange`), 'FORBIDDEN');
      expectError(await t.anonymous.get(`/api/cases/${caseNo}`), 'UNAUTHENTICATED');
      await ok(c.reviewer, `/api/cases/${caseNo}/actions`, { action: 'approve', step: 'review', opinion: '同意' });
      expectError(await c.window.post(`/api/cases/${caseNo}/actions`, { action: 'decide', decision: 'approve', opinion: '窗口不能决定承诺件' }), 'FORBIDDEN');
      expect(await eventCount(caseNo)).toBe(3);
    });

    it('answers 409 INVALID_STATE for every action the case’s state does not allow', async () => {
      const { caseNo } = await accepted();
      const tries: [Client, string, unknown][] = [
        [c.window, 'accept', {}],
        [c.window, 'refuse', { reason: '重复受理', legalBasis: '《行政许可法》第三十二条' }],
        [c.window, 'request-supplement', { missing: [{ materialKey: 'premises' }] }],
        [c.enterprise, 'supplement', { materials: [{ materialKey: 'premises', provided: 'upload' }] }],
        [c.reviewer, 'resume', { result: '未开始' }],
        [c.approver, 'decide-extension', { approved: true, opinion: '无申请' }],
        [c.approver, 'decide', { decision: 'approve', opinion: '审查未完成' }],
        [c.window, 'deliver', { method: 'window' }],
        [c.reviewer, 'approve', { step: 'decide', opinion: '不是开放环节' }],
        [c.reviewer, 'claim', { step: 'decide' }],
        [c.reviewer, 'post-check', { passed: true, opinion: '没有承诺' }],
        [c.approver, 'revoke', { reason: '未作决定', legalBasis: '《行政许可法》第六十九条' }],
      ];
      for (const [client, action, payload] of tries)
        expectError(await client.post(`/api/cases/${caseNo}/actions`, { action, ...(payload as object) }), 'INVALID_STATE');
      expect(await eventCount(caseNo)).toBe(2);
      expect((await read(c.window, caseNo)).version).toBe(2);
    });

    it('refuses bad input with 400 and changes nothing', async () => {
      const fresh = await submitted();
      const caseNo = fresh.caseNo;
      expect(issuesOf(await c.window.post(`/api/cases/${caseNo}/actions`, { action: 'refuse', reason: '材料不符' })).map((i) => i.path)).toEqual([
        'legalBasis',
      ]);
      expect(
        issuesOf(
          await c.window.post(`/api/cases/${caseNo}/actions`, {
            action: 'request-supplement',
            missing: [{ materialKey: 'premises' }, { materialKey: 'premises' }, { materialKey: 'nothing' }],
          }),
        ).map((i) => `${i.path}:${i.message}`),
      ).toEqual(['missing.1.materialKey:同一项材料只能列一次', 'missing.2.materialKey:该事项没有这项材料']);
      expect(
        issuesOf(await c.window.post(`/api/cases/${caseNo}/actions`, { action: 'accept', materials: [{ materialKey: 'premises', provided: 'commitment' }] })),
      ).toHaveLength(1);
      expect(issuesOf(await c.window.post(`/api/cases/${caseNo}/actions`, { action: 'accept', opinion: 'x'.repeat(1001) }))[0]!.path).toBe('opinion');
      expectError(await c.window.get('/api/cases/not-a-case-number'), 'VALIDATION_FAILED');
      const after = await read(c.window, caseNo);
      expect(after).toMatchObject({ status: 'submitted', version: 1, materials: fresh.materials });
      const { caseNo: running } = await accepted();
      expect(issuesOf(await c.reviewer.post(`/api/cases/${running}/actions`, { action: 'disapprove', step: 'review', opinion: '不同意' }))[0]!.path).toBe(
        'step',
      );
      expect(issuesOf(await c.reviewer.post(`/api/cases/${running}/actions`, { action: 'return', step: 'review', opinion: '退回' }))[0]!.path).toBe('returnTo');
      expect(issuesOf(await c.reviewer.post(`/api/cases/${running}/actions`, { action: 'suspend', procedure: 'party', reason: '聚会' }))[0]!.path).toBe(
        'procedure',
      );
      expect(issuesOf(await c.window.post(`/api/cases/${running}/actions`, { action: 'deliver', method: 'post' }))[0]!.path).toBe('trackingNo');
      expect(await eventCount(running)).toBe(2);
    });

    it('refuses a stale version sent by the client with 409 CONFLICT', async () => {
      const fresh = await submitted();
      expectError(await c.window.post(`/api/cases/${fresh.caseNo}/actions`, { action: 'accept', version: 7 }), 'CONFLICT');
      expect((await ok(c.window, `/api/cases/${fresh.caseNo}/actions`, { action: 'accept', version: 1 })).version).toBe(2);
    });

    it('flags the green channel (绿色通道): such cases come first in the inbox', async () => {
      const plain = await submitted();
      const urgent = await submitted();
      const flagged = await ok(c.window, `/api/cases/${urgent.caseNo}/actions`, { action: 'green-channel', on: true, reason: '申请人为残疾人' });
      expect(flagged).toMatchObject({ greenChannel: true, status: 'submitted', version: 2 });
      const inbox = (await c.window.get('/api/tasks?pageSize=100')).json<{ items: { caseNo: string; greenChannel: boolean }[] }>().items;
      expect(inbox[0]!.greenChannel).toBe(true);
      expect(inbox.findIndex((i) => i.caseNo === urgent.caseNo)).toBeLessThan(inbox.findIndex((i) => i.caseNo === plain.caseNo));
    });
  });

  describe('concurrency and the log', () => {
    it('lets exactly one of two conflicting actions fired at once win', async () => {
      for (const [a, b] of [
        ['accept', 'accept'],
        ['accept', 'refuse'],
      ] as const) {
        const { caseNo } = await submitted();
        const payload = (action: string) => (action === 'accept' ? { action } : { action, reason: '材料不全', legalBasis: '《行政许可法》第三十二条' });
        const results = await Promise.all([
          c.window.post(`/api/cases/${caseNo}/actions`, payload(a)),
          c.window.post(`/api/cases/${caseNo}/actions`, payload(b)),
        ]);
        expect(results.map((r) => r.statusCode).sort(), results.map((r) => r.body).join('\n')).toEqual([200, 409]);
        const loser = results.find((r) => r.statusCode === 409)!.json<{ error: string }>();
        expect(['CONFLICT', 'INVALID_STATE']).toContain(loser.error);
        expect(await eventCount(caseNo)).toBe(2);
        expect((await read(c.window, caseNo)).version).toBe(2);
      }
    });

    it('lets exactly one of 20 approvals of one task fired at once win: one event, 19 conflicts', async () => {
      const { caseNo, version } = await accepted();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          c.reviewer.post(`/api/cases/${caseNo}/actions`, { action: 'approve', step: 'review', opinion: `同意 ${i + 1}`, version }),
        ),
      );
      expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
      const losers = results.filter((r) => r.statusCode === 409);
      expect(losers).toHaveLength(19);
      for (const r of losers) expect(r.json<{ error: string }>().error).toBe('CONFLICT');
      expect(await eventCount(caseNo)).toBe(3);
      const after = await read(c.reviewer, caseNo);
      expect(after.timeline.filter((e) => e.type === 'step_completed')).toHaveLength(1);
      expect(after.openSteps.map((s) => s.key)).toEqual(['decide']);
    });

    it('keeps the log append-only in the database', async () => {
      const refused = (e: unknown) => pgErrorCode(e) === '42501';
      const { caseNo } = await accepted();
      const [row] = await t.database.db.select({ id: cases.id }).from(cases).where(eq(cases.caseNo, caseNo));
      await expect(t.database.db.execute(sql`update case_events set opinion = 'changed' where case_id = ${row!.id}`)).rejects.toSatisfy(refused);
      await expect(t.database.db.execute(sql`delete from case_events where case_id = ${row!.id}`)).rejects.toSatisfy(refused);
      await expect(t.database.db.execute(sql`update process_definitions set origin = 'saved'`)).rejects.toSatisfy(refused);
      expect(await eventCount(caseNo)).toBe(2);
    });
  });
});
