import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemSummary, ItemVersion, Page } from '@tongban/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError } from '../../../test/http.ts';
import { validItemContent } from '../../../test/catalog-fixture.ts';

describe.each(engines())('catalog on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let deptadmin: Client;
  let market: { id: string };
  let health: { id: string };
  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login('admin');
    deptadmin = await t.login('deptadmin');
    const depts = (await t.anonymous.get('/api/org/departments?pageSize=100')).json<Page<{ id: string; name: string }>>().items;
    market = depts.find((d) => d.name === '巴中市市场监督管理局')!;
    health = depts.find((d) => d.name === '巴中市卫生健康委员会')!;
  });
  afterAll(async () => t.close());

  const search = async (q: string) => (await t.anonymous.get(`/api/catalog/items?q=${encodeURIComponent(q)}&pageSize=3`)).json<Page<ItemSummary>>();

  describe('demo catalog search', () => {
    it.each([
      ['营业执照', /营业执照|个体工商户设立登记|有限责任公司设立登记/],
      ['开饭店', /食品经营许可/],
      ['公积金提取', /公积金.*提取/],
      ['退休', /退休/],
      ['身份证丢了', /身份证.*(补领|丢失)/],
    ])('"%s" finds the obvious item among the first three', async (q, expected) => {
      const page = await search(q);
      expect(
        page.items.map((i) => i.name).some((n) => expected.test(n)),
        JSON.stringify(page.items.map((i) => i.name)),
      ).toBe(true);
    });

    it('has at least 60 published items across at least 10 departments, and filters by flag and department', async () => {
      const res = await t.anonymous.get('/api/catalog/items?pageSize=100');
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const all = res.json<Page<ItemSummary>>();
      expect(all.total).toBeGreaterThanOrEqual(60);
      expect(new Set(all.items.map((i) => i.departmentId)).size).toBeGreaterThanOrEqual(10);
      const immediate = (await t.anonymous.get('/api/catalog/items?flag=immediate&pageSize=100')).json<Page<ItemSummary>>();
      expect(immediate.total).toBeGreaterThan(0);
      expect(immediate.items.every((i) => i.flags.immediate)).toBe(true);
      const ofMarket = (await t.anonymous.get(`/api/catalog/items?dept=${market.id}&pageSize=100`)).json<Page<ItemSummary>>();
      expect(ofMarket.items.length).toBeGreaterThan(0);
      expect(ofMarket.items.every((i) => i.departmentId === market.id)).toBe(true);
    });

    it('serves the published guide with every element, and 404 for an unknown code', async () => {
      const first = (await search('开饭店')).items[0]!;
      const res = await t.anonymous.get(`/api/catalog/items/${first.implCode}`);
      expect(res.statusCode).toBe(200);
      const guide = res.json<ItemVersion>();
      expect(guide.content.legalBasis.length).toBeGreaterThan(0);
      expect(guide.content.materials.length).toBeGreaterThan(0);
      expect(guide.item.implCode).toHaveLength(31);
      expectError(await t.anonymous.get('/api/catalog/items/11511900008700000X3511A99999999'), 'NOT_FOUND');
    });

    it('reports the 三办 proportions and the compression ratio overall and per department', async () => {
      type Ratio = { count: number; ratio: number };
      type Stats = Record<'immediate' | 'online' | 'oneVisit' | 'zeroVisit' | 'nearby', Ratio> & { total: number; compressionRatio: number };
      const stats = (await t.anonymous.get('/api/catalog/stats')).json<{ overall: Stats; byDepartment: { stats: Stats }[] }>();
      expect(stats.overall.total).toBeGreaterThanOrEqual(60);
      for (const k of ['immediate', 'online', 'oneVisit', 'zeroVisit', 'nearby'] as const) {
        expect(stats.overall[k].ratio).toBeCloseTo(stats.overall[k].count / stats.overall.total, 6);
      }
      expect(stats.overall.compressionRatio).toBeGreaterThan(0);
      expect(stats.overall.compressionRatio).toBeLessThan(1);
      const sum = stats.byDepartment.reduce((n, d) => n + d.stats.total, 0);
      expect(sum).toBe(stats.overall.total);
    });
  });

  describe('maintenance', () => {
    it('refuses anonymous callers (401), applicants (403) and another department’s admin', async () => {
      expectError(await t.anonymous.post('/api/catalog/admin/items', { departmentId: market.id, level: '3', content: validItemContent() }), 'UNAUTHENTICATED');
      const citizen = await t.login('zhangsan');
      expectError(await citizen.get('/api/catalog/admin/items'), 'FORBIDDEN');
      expectError(await deptadmin.post('/api/catalog/admin/items', { departmentId: health.id, level: '3', content: validItemContent() }), 'FORBIDDEN');
    });

    it('publishes only when every rule holds (422 lists each), edits a published item into version 2 and keeps version 1 readable', async () => {
      const broken = validItemContent({ baseCode: '51T000000002', visitsReason: '', supervisionPhone: '0827-5268678' });
      const created = await deptadmin.post('/api/catalog/admin/items', { departmentId: market.id, level: '3', content: broken });
      expect(created.statusCode, created.body).toBe(201);
      const draft = created.json<ItemVersion>();
      expect(draft.item.implCode).toMatch(/^[0-9A-Z]{18}351T000000002$/);
      expect(draft).toMatchObject({ version: 1, status: 'draft' });
      expect((await search('测试用公共场所卫生许可')).items.map((i) => i.name)).not.toContain('测试用公共场所卫生许可');

      const refused = await deptadmin.post(`/api/catalog/admin/items/${draft.item.id}/publish`, { rowVersion: draft.item.rowVersion });
      expectError(refused, 'RULES_BROKEN');
      expect(refused.statusCode).toBe(422);
      const issues = refused.json<{ details: { issues: { code: string; path: string; message: string }[] } }>().details.issues;
      expect(issues.map((i) => i.code).sort()).toEqual(['phones-differ', 'visits-reason']);
      expect(issues.find((i) => i.code === 'visits-reason')!.message).toContain('现场办理的原因');

      const fixed = await deptadmin.put(`/api/catalog/admin/items/${draft.item.id}/draft`, {
        content: validItemContent({ baseCode: '51T000000002' }),
        rowVersion: draft.item.rowVersion,
      });
      expect(fixed.statusCode, fixed.body).toBe(200);
      const v1 = fixed.json<ItemVersion>();
      expect(v1.version).toBe(1);
      const published = await deptadmin.post(`/api/catalog/admin/items/${draft.item.id}/publish`, { rowVersion: v1.item.rowVersion });
      expect(published.statusCode, published.body).toBe(200);
      const implCode = published.json<ItemVersion>().item.implCode;
      expect((await search('测试用公共场所卫生许可')).items.map((i) => i.implCode)).toContain(implCode);

      const rowVersion = published.json<ItemVersion>().item.rowVersion;
      const edited = await deptadmin.put(`/api/catalog/admin/items/${draft.item.id}/draft`, {
        content: validItemContent({ baseCode: '51T000000002', promisedLimit: { value: 3, unit: 'working_day', note: '' } }),
        rowVersion,
      });
      expect(edited.json<ItemVersion>()).toMatchObject({ version: 2, status: 'draft' });
      // The public still sees version 1 until version 2 is published.
      expect((await t.anonymous.get(`/api/catalog/items/${implCode}`)).json<ItemVersion>()).toMatchObject({
        version: 1,
        content: { promisedLimit: { value: 5 } },
      });
      const v2 = await deptadmin.post(`/api/catalog/admin/items/${draft.item.id}/publish`, { rowVersion: edited.json<ItemVersion>().item.rowVersion });
      expect(v2.statusCode, v2.body).toBe(200);
      expect((await t.anonymous.get(`/api/catalog/items/${implCode}`)).json<ItemVersion>()).toMatchObject({
        version: 2,
        content: { promisedLimit: { value: 3 } },
      });
      expect((await t.anonymous.get(`/api/catalog/items/${implCode}/versions/1`)).json<ItemVersion>()).toMatchObject({
        version: 1,
        content: { promisedLimit: { value: 5 } },
      });

      const diff = (await deptadmin.get(`/api/catalog/admin/items/${draft.item.id}/diff?from=1&to=2`)).json<
        { path: string; before: unknown; after: unknown }[]
      >();
      expect(diff).toEqual([{ path: 'promisedLimit.value', before: 5, after: 3 }]);
      const history = (await deptadmin.get(`/api/catalog/admin/items/${draft.item.id}/versions`)).json<
        { version: number; status: string; updatedByName: string | null; publishedByName: string | null }[]
      >();
      expect(history[0]!.updatedByName).toEqual(expect.any(String));
      expect(history[0]!.publishedByName).toBe(history[0]!.updatedByName);
      expect(history.map((h) => [h.version, h.status])).toEqual([
        [2, 'published'],
        [1, 'published'],
      ]);
    });

    it('refuses to save an application form that is not a valid JSON Schema, naming the place in the schema', async () => {
      const content = validItemContent({ baseCode: '51T000000009', formSchema: { type: 'object', properties: { a: { type: 'strin' } } } });
      const res = await deptadmin.post('/api/catalog/admin/items', { departmentId: market.id, level: '3', content });
      expectError(res, 'VALIDATION_FAILED');
      const issues = res.json<{ details: { issues: { path: string; message: string }[] } }>().details.issues;
      expect(issues[0]).toMatchObject({ path: 'content.formSchema.properties.a.type' });
      expect(issues[0]!.message).toContain('JSON Schema');
    });

    it('filters the maintenance list by department for the centre admin only, and names who changed each version', async () => {
      const ofHealth = (await admin.get(`/api/catalog/admin/items?dept=${health.id}&pageSize=100`)).json<Page<ItemSummary>>();
      expect(ofHealth.total).toBeGreaterThan(0);
      expect(ofHealth.items.every((i) => i.departmentId === health.id)).toBe(true);
      // A department admin asking for another department still sees only their own.
      const asked = (await deptadmin.get(`/api/catalog/admin/items?dept=${health.id}&pageSize=100`)).json<Page<ItemSummary>>();
      expect(asked.total).toBeGreaterThan(0);
      expect(asked.items.every((i) => i.departmentId === market.id)).toBe(true);
      const history = (await admin.get(`/api/catalog/admin/items/${ofHealth.items[0]!.id}/versions`)).json<{ updatedByName: string | null }[]>();
      expect(history[0]).toMatchObject({ updatedByName: null }); // the demo seed
    });

    it('lets exactly one of two concurrent publishes win; the other gets 409', async () => {
      const created = (
        await admin.post('/api/catalog/admin/items', { departmentId: health.id, level: '3', content: validItemContent({ baseCode: '51T000000003' }) })
      ).json<ItemVersion>();
      const url = `/api/catalog/admin/items/${created.item.id}/publish`;
      const results = await Promise.all([admin.post(url, { rowVersion: created.item.rowVersion }), admin.post(url, { rowVersion: created.item.rowVersion })]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    });

    it('refuses a second item with the same implementation code, and retires an item without freeing its code', async () => {
      const first = (
        await admin.post('/api/catalog/admin/items', { departmentId: health.id, level: '3', content: validItemContent({ baseCode: '51T000000004' }) })
      ).json<ItemVersion>();
      expectError(
        await admin.post('/api/catalog/admin/items', { departmentId: health.id, level: '3', content: validItemContent({ baseCode: '51T000000004' }) }),
        'ALREADY_EXISTS',
      );
      const published = (await admin.post(`/api/catalog/admin/items/${first.item.id}/publish`, { rowVersion: first.item.rowVersion })).json<ItemVersion>();
      expectError(await admin.post(`/api/catalog/admin/items/${first.item.id}/retire`, { rowVersion: published.item.rowVersion }), 'VALIDATION_FAILED');
      const retired = await admin.post(`/api/catalog/admin/items/${first.item.id}/retire`, { rowVersion: published.item.rowVersion, reason: '事项已取消' });
      expect(retired.json<ItemSummary>().status).toBe('retired');
      expectError(await t.anonymous.get(`/api/catalog/items/${first.item.implCode}`), 'NOT_FOUND');
      expectError(
        await admin.post('/api/catalog/admin/items', { departmentId: health.id, level: '3', content: validItemContent({ baseCode: '51T000000004' }) }),
        'ALREADY_EXISTS',
      );
    });
  });
});
