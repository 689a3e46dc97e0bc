/**
 * 主体库: staff look persons and organisations up inside their scope, for a stated purpose,
 * masked; a full view is its own audited act; only a centre admin changes the registry, and
 * identifiers are checked against the subject's kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Subject, SubjectCounts, SubjectLookup } from '@tongban/contracts';
import { makeCreditCode, residentIdCheckChar } from '@tongban/domain';
import type { Client, TestApp } from '../../../test/app.ts';
import { createTestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, issuesOf } from '../../../test/http.ts';
import { demoCitizen, demoEnterprise } from '../../../db/seed/demo-data.ts';
import { auditLog } from '../../platform/db/audit.schema.ts';
import { subjects } from './subjects.schema.ts';

const purpose = '一窗受理核对申请人身份';
const search = (client: Client, q: string, extra = '') => client.get(`/api/subjects?q=${encodeURIComponent(q)}&purpose=${encodeURIComponent(purpose)}${extra}`);

describe.each(engines())('subject registry on %s', (engine) => {
  let t: TestApp;
  const c = {} as Record<'admin' | 'window' | 'reviewer' | 'supervisor' | 'citizen' | 'nanjiang', Client>;
  const auditCount = async () => (await t.database.db.select({ id: auditLog.id }).from(auditLog)).length;

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const name of ['admin', 'window', 'reviewer', 'supervisor'] as const) c[name] = await t.login(name === 'admin' ? 'admin' : `${name}01`);
    c.citizen = await t.login('zhangsan');
    const res = await c.admin.post('/api/staff', {
      username: 'nanjiang01',
      password: 'Tongban@2026',
      displayName: '南江窗口',
      roles: ['window'],
      departmentId: null,
      regionCode: '511922',
      includeSubRegions: false,
      windowId: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    c.nanjiang = await t.login('nanjiang01');
  });
  afterAll(async () => t.close());

  it('finds a person by ID number, masked, and writes the look-up with its purpose to the audit log', async () => {
    const before = await auditCount();
    const res = await search(c.window, demoCitizen.residentId.toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<Page<Subject>>();
    expect(page.total).toBe(1);
    const zhangsan = page.items[0]!;
    expect(zhangsan).toMatchObject({ kind: 'person', name: '张*', regionCode: '511902', regionName: '巴州区', gender: 'male', masked: true });
    expect(zhangsan.identifier).toBe(`${demoCitizen.residentId.slice(0, 6)}********${demoCitizen.residentId.slice(14)}`);
    expect(zhangsan.birthDate).toBe('1990-**-**');
    expect(zhangsan.details.phone).toBe('138****0001');
    expect(res.body).not.toContain(demoCitizen.residentId);
    expect(res.body).not.toContain(demoCitizen.phone);
    expect(await auditCount()).toBe(before + 1);
    const [entry] = await t.database.db.select().from(auditLog).orderBy(auditLog.id).limit(1).offset(before);
    expect(entry).toMatchObject({ action: 'subject.search', targetType: 'subject' });
    expect(entry!.details).toMatchObject({ purpose, total: 1, ids: [zhangsan.id] });
    // The audit log keeps the query masked too.
    expect(JSON.stringify(entry!.details)).not.toContain(demoCitizen.residentId);
  });

  it('finds organisations of the four kinds by part of a name, and filters by kind', async () => {
    const counts = (await c.window.get('/api/subjects/counts')).json<SubjectCounts>();
    expect(counts.person).toBeGreaterThanOrEqual(12);
    for (const kind of ['enterprise', 'institution', 'social_org', 'government'] as const) expect(counts[kind], kind).toBeGreaterThan(0);
    const food = (await search(c.window, '巴蜀味道')).json<Page<Subject>>();
    expect(food.items).toHaveLength(1);
    // An organisation's name and credit code are public; its representative is a person.
    expect(food.items[0]).toMatchObject({ kind: 'enterprise', name: demoEnterprise.organisationName, identifier: demoEnterprise.creditCode });
    expect(food.items[0]!.details.legalRepresentative).toBe('李*');
    const market = (await search(c.window, '市场监督管理局', '&kind=government')).json<Page<Subject>>();
    expect(market.total).toBe(2);
    expect(market.items.every((s) => s.kind === 'government')).toBe(true);
    expect((await search(c.window, '市场监督管理局', '&kind=enterprise')).json<Page<Subject>>().total).toBe(0);
    const paged = (await search(c.window, '巴中市', '&pageSize=2&page=2')).json<Page<Subject>>();
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBeGreaterThan(4);
  });

  it('keeps a county clerk to the county: other counties answer as if nobody were there', async () => {
    const inCounty = (await search(c.nanjiang, '南江县金银花')).json<Page<Subject>>();
    expect(inCounty.total).toBe(1);
    expect((await search(c.nanjiang, demoCitizen.residentId)).json<Page<Subject>>().total).toBe(0);
    const zhangsan = (await search(c.window, demoCitizen.residentId)).json<Page<Subject>>().items[0]!;
    expectError(await c.nanjiang.get(`/api/subjects/${zhangsan.id}?purpose=${encodeURIComponent(purpose)}`), 'NOT_FOUND');
    expectError(await c.nanjiang.post(`/api/subjects/${zhangsan.id}/reveal`, { purpose }), 'NOT_FOUND');
  });

  it('shows the full record only when asked, audited, to the staff who handle applications', async () => {
    const zhangsan = (await search(c.window, demoCitizen.residentId)).json<Page<Subject>>().items[0]!;
    const viewed = await c.reviewer.get(`/api/subjects/${zhangsan.id}?purpose=${encodeURIComponent('审查材料')}`);
    expect(viewed.json<Subject>()).toMatchObject({ masked: true, name: '张*' });
    const full = await c.window.post(`/api/subjects/${zhangsan.id}/reveal`, { purpose: '核对身份证原件' });
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json<Subject>()).toMatchObject({
      masked: false,
      name: demoCitizen.displayName,
      identifier: demoCitizen.residentId,
      birthDate: '1990-01-01',
      details: { phone: demoCitizen.phone },
    });
    // A supervisor looks up, masked, but does not see the full record.
    expect((await search(c.supervisor, '巴蜀味道')).statusCode).toBe(200);
    expectError(await c.supervisor.post(`/api/subjects/${zhangsan.id}/reveal`, { purpose: '抽查' }), 'FORBIDDEN');
    // Who looked, when and why.
    const lookups = (await c.supervisor.get(`/api/subjects/${zhangsan.id}/lookups`)).json<SubjectLookup[]>();
    expect(lookups[0]).toMatchObject({ action: 'subject.reveal', actorName: '陈静', purpose: '核对身份证原件' });
    expect(lookups.map((l) => l.action)).toEqual(expect.arrayContaining(['subject.view', 'subject.search']));
    expect(lookups.find((l) => l.action === 'subject.view')).toMatchObject({ actorName: '李明', purpose: '审查材料' });
    expectError(await c.window.get(`/api/subjects/${zhangsan.id}/lookups`), 'FORBIDDEN');
  });

  it('refuses a look-up without a purpose, too short a query, citizens and anonymous callers, writing nothing', async () => {
    const before = await auditCount();
    expectError(await c.window.get(`/api/subjects?q=${encodeURIComponent('张三')}`), 'VALIDATION_FAILED');
    expectError(await c.window.get(`/api/subjects?q=${encodeURIComponent('张三')}&purpose=x`), 'VALIDATION_FAILED');
    expectError(await c.window.get(`/api/subjects?q=z&purpose=${encodeURIComponent(purpose)}`), 'VALIDATION_FAILED');
    expectError(await c.window.get(`/api/subjects/not-a-uuid?purpose=${encodeURIComponent(purpose)}`), 'VALIDATION_FAILED');
    expectError(await c.window.get(`/api/subjects/00000000-0000-4000-8000-000000000000?purpose=${encodeURIComponent(purpose)}`), 'NOT_FOUND');
    expectError(await search(c.citizen, '张三'), 'FORBIDDEN');
    expectError(await search(t.anonymous, '张三'), 'UNAUTHENTICATED');
    expect(await auditCount()).toBe(before);
  });

  it('checks at the window that a name goes with an ID number or a credit code, telling nothing else about a person', async () => {
    const check = (body: Record<string, unknown>) => c.nanjiang.post('/api/subjects/check', { purpose: '一窗受理核验身份', ...body });
    // 通办: a 南江县 clerk checks a 巴州区 resident; nothing but the verdict comes back.
    const same = await check({ kind: 'person', identifier: demoCitizen.residentId.toLowerCase(), name: '张三' });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toEqual({ result: 'consistent', cancelled: false, registeredName: null });
    expect((await check({ kind: 'person', identifier: demoCitizen.residentId, name: '张山' })).json()).toEqual({
      result: 'inconsistent',
      cancelled: false,
      registeredName: null,
    });
    const id17 = '51192219991231001';
    expect((await check({ kind: 'person', identifier: `${id17}${residentIdCheckChar(id17)}`, name: '无此人' })).json()).toMatchObject({ result: 'not_found' });
    // An organisation's registered name is public: it is told back.
    expect((await check({ kind: 'organisation', identifier: demoEnterprise.creditCode, name: '巴蜀味道' })).json()).toEqual({
      result: 'inconsistent',
      cancelled: false,
      registeredName: demoEnterprise.organisationName,
    });
    // A person's number asked as an organisation is not found.
    expect((await check({ kind: 'organisation', identifier: demoCitizen.residentId, name: '张三' })).json()).toMatchObject({ result: 'not_found' });
    const zhangsan = (await search(c.window, demoCitizen.residentId)).json<Page<Subject>>().items[0]!;
    const lookups = (await c.admin.get(`/api/subjects/${zhangsan.id}/lookups`)).json<SubjectLookup[]>();
    expect(lookups[0]).toMatchObject({ action: 'subject.search' });
    expect(lookups.filter((l) => l.action === 'subject.check')).toHaveLength(2);
    expectError(await c.nanjiang.post('/api/subjects/check', { kind: 'person', identifier: demoCitizen.residentId, name: '张三' }), 'VALIDATION_FAILED');
    expectError(await c.citizen.post('/api/subjects/check', { kind: 'person', identifier: demoCitizen.residentId, name: '张三', purpose }), 'FORBIDDEN');
  });

  it('lets a centre admin add and correct subjects, checking each identifier against its kind', async () => {
    const id17 = '51190220000229004';
    const person = {
      kind: 'person',
      identifier: `${id17}${residentIdCheckChar(id17)}`,
      name: '郑小梅',
      source: '巴中市公安局（人口库）',
      details: { address: '四川省巴中市巴州区东城街道1号' },
    };
    const created = await c.admin.post('/api/subjects', person);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Subject>()).toMatchObject({ name: '郑小梅', birthDate: '2000-02-29', gender: 'female', status: 'active', masked: false });
    const corrected = await c.admin.post('/api/subjects', { ...person, name: '郑晓梅', status: 'cancelled' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json<Subject>()).toMatchObject({ id: created.json<Subject>().id, name: '郑晓梅', status: 'cancelled' });

    const rows = async () => (await t.database.db.select({ id: subjects.id }).from(subjects)).length;
    const before = await rows();
    const audits = await auditCount();
    // A wrong check digit, a company code given as a 机关, a person's details on an organisation.
    expect(issuesOf(await c.admin.post('/api/subjects', { ...person, identifier: `${id17}0` }))[0]).toMatchObject({ path: 'identifier' });
    const company = makeCreditCode('9', '1', '511902', 'MA6BJ099');
    const asGovernment = await c.admin.post('/api/subjects', { kind: 'government', identifier: company, name: '某公司', source: '测试', details: {} });
    expect(issuesOf(asGovernment)[0]).toMatchObject({ path: 'identifier', message: expect.stringContaining('主体类别') });
    expectError(
      await c.admin.post('/api/subjects', { kind: 'enterprise', identifier: company, name: '某公司', source: '测试', details: { ethnicity: '汉族' } }),
      'VALIDATION_FAILED',
    );
    // Outside the admin's scope (成都); only a centre admin may change the registry.
    expectError(
      await c.admin.post('/api/subjects', {
        kind: 'enterprise',
        identifier: makeCreditCode('9', '1', '510100', 'MA6BJ098'),
        name: '成都某公司',
        source: '测试',
        details: {},
      }),
      'FORBIDDEN',
    );
    expectError(await c.window.post('/api/subjects', { kind: 'enterprise', identifier: company, name: '某公司', source: '测试', details: {} }), 'FORBIDDEN');
    expect(await rows()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });
});
