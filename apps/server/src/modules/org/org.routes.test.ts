import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department, Hall, HallWindow, Page, Region } from '@tongban/contracts';
import { makeCreditCode } from '@tongban/domain';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, issuesOf } from '../../../test/http.ts';
import { accounts, auditLog, departments, halls, hallWindows, regions } from '../../platform/db/schema.ts';

const counties = { '511902': '巴州区', '511903': '恩阳区', '511921': '通江县', '511922': '南江县', '511923': '平昌县' };
const credit = (n: number, region = '511900') => makeCreditCode('1', '1', region, `0099${String(n).padStart(4, '0')}`);

describe.each(engines())('org routes on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let deptadmin: Client;
  let market: Department;
  let police: Department;
  let cityHall: Hall;

  const getJson = async <T>(client: Client, url: string): Promise<T> => {
    const res = await client.get(url);
    expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    return res.json<T>();
  };
  const departmentRow = async (id: string) => (await t.database.db.select().from(departments).where(eq(departments.id, id)))[0];
  const regionRow = async (code: string) => (await t.database.db.select().from(regions).where(eq(regions.code, code)))[0];
  const audits = async (action: string, targetId: string) =>
    (
      await t.database.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))
    )[0]!.n;
  const asUpdate = (d: Department, overrides: Record<string, unknown> = {}) => ({
    name: d.name,
    shortName: d.shortName,
    creditCode: d.creditCode,
    regionCode: d.regionCode,
    phone: d.phone,
    version: d.version,
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login('admin');
    deptadmin = await t.login('deptadmin');
    const all = (await t.anonymous.get('/api/org/departments?pageSize=100')).json<Page<Department>>().items;
    market = all.find((d) => d.shortName === '市市场监管局')!;
    police = all.find((d) => d.shortName === '市公安局')!;
    cityHall = (await t.anonymous.get('/api/org/halls?kind=centre')).json<Page<Hall>>().items[0]!;
  });
  afterAll(async () => t.close());

  describe('public reading', () => {
    it('lists the top-level regions: 四川省 510000, with its child count', async () => {
      const top = await getJson<Region[]>(t.anonymous, '/api/org/regions');
      expect(top.map((r) => [r.code, r.name, r.level, r.parentCode])).toEqual([['510000', '四川省', 'province', null]]);
      expect(top[0]!.childCount).toBe(1);
    });

    it('lists the five counties of 巴中市 511900 in code order', async () => {
      const children = await getJson<Region[]>(t.anonymous, '/api/org/regions?parentCode=511900');
      expect(Object.fromEntries(children.map((r) => [r.code, r.name]))).toEqual(counties);
      expect(children.map((r) => r.code)).toEqual(Object.keys(counties));
      expect(children.every((r) => r.level === 'county' && r.parentCode === '511900')).toBe(true);
    });

    it('counts the children of every region', async () => {
      const children = await getJson<Region[]>(t.anonymous, '/api/org/regions?parentCode=511900');
      expect(Object.fromEntries(children.map((r) => [r.code, r.childCount]))).toEqual({ '511902': 5, '511903': 1, '511921': 1, '511922': 1, '511923': 1 });
      expect((await getJson<Region>(t.anonymous, '/api/org/regions/511900')).childCount).toBe(5);
      expect((await getJson<Region>(t.anonymous, '/api/org/regions/511902101000')).childCount).toBe(2);
      expect((await getJson<Region>(t.anonymous, '/api/org/regions/511902101201')).childCount).toBe(0);
    });

    it('shows one region, searches by name or code prefix, and refuses bad codes', async () => {
      expect(await getJson<Region>(t.anonymous, '/api/org/regions/511902101201')).toMatchObject({
        code: '511902101201',
        name: '红旗村',
        level: 'village',
        parentCode: '511902101000',
      });
      expect((await getJson<Region[]>(t.anonymous, `/api/org/regions?q=${encodeURIComponent('街道')}`)).map((r) => r.code)).toEqual([
        '511902001000',
        '511902002000',
        '511902003000',
        '511902004000',
        '511903001000',
      ]);
      expect((await getJson<Region[]>(t.anonymous, '/api/org/regions?q=5119021012')).map((r) => r.name)).toEqual(['红旗村', '石桥村']);
      expect(await getJson<Region[]>(t.anonymous, '/api/org/regions?q=%25')).toEqual([]);
      expect(await getJson<Region[]>(t.anonymous, '/api/org/regions?parentCode=511923001000')).toEqual([]);
      expectError(await t.anonymous.get('/api/org/regions/511999'), 'NOT_FOUND');
      expect(issuesOf(await t.anonymous.get('/api/org/regions?parentCode=51190')).map((i) => i.path)).toEqual(['querystring.parentCode']);
      expect((await t.anonymous.get('/api/org/regions/abc')).statusCode).toBe(400);
    });

    it('lists the departments of 巴中市: at least 13 municipal ones, paginated, by region and text', async () => {
      const city = await getJson<Page<Department>>(t.anonymous, '/api/org/departments?regionCode=511900&pageSize=100');
      const municipal = city.items.filter((d) => d.regionCode === '511900');
      expect(municipal.length).toBeGreaterThanOrEqual(13);
      expect(city.total).toBe(city.items.length);
      expect(municipal.every((d) => d.regionName === '巴中市')).toBe(true);
      // Below the city: the county department is inside 511900 too.
      expect(city.items.map((d) => d.name)).toContain('巴中市巴州区市场监督管理局');

      const pages: string[] = [];
      for (let page = 1; page <= Math.ceil(city.total / 5); page++) {
        const p = await getJson<Page<Department>>(t.anonymous, `/api/org/departments?regionCode=511900&pageSize=5&page=${page}`);
        expect(p).toMatchObject({ total: city.total, page, pageSize: 5 });
        expect(p.items.length).toBe(Math.min(5, city.total - (page - 1) * 5));
        pages.push(...p.items.map((d) => d.id));
      }
      expect(pages).toEqual(city.items.map((d) => d.id));

      const county = await getJson<Page<Department>>(t.anonymous, '/api/org/departments?regionCode=511902');
      expect(county.items.map((d) => d.name)).toEqual(['巴中市巴州区市场监督管理局']);

      const search = await getJson<Page<Department>>(t.anonymous, `/api/org/departments?q=${encodeURIComponent('市场')}`);
      expect(search.total).toBe(2);
      expect(search.items.map((d) => d.name).sort()).toEqual(['巴中市巴州区市场监督管理局', '巴中市市场监督管理局']);
      const byShortName = await getJson<Page<Department>>(t.anonymous, `/api/org/departments?q=${encodeURIComponent('市公积金中心')}`);
      expect(byShortName.items.map((d) => d.name)).toEqual(['巴中市住房公积金管理中心']);
      const byCode = await getJson<Page<Department>>(t.anonymous, `/api/org/departments?q=${market.creditCode.toLowerCase()}`);
      expect(byCode.items.map((d) => d.id)).toEqual([market.id]);

      expect((await t.anonymous.get('/api/org/departments?pageSize=0')).statusCode).toBe(400);
      expect((await t.anonymous.get('/api/org/departments?regionCode=5119')).statusCode).toBe(400);
    });

    it('shows one department with its staff count', async () => {
      expect(await getJson<Department>(t.anonymous, `/api/org/departments/${market.id}`)).toMatchObject({
        name: '巴中市市场监督管理局',
        shortName: '市市场监管局',
        regionCode: '511900',
        regionName: '巴中市',
        staffCount: 3,
        version: 1,
      });
      expectError(await t.anonymous.get('/api/org/departments/00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');
    });

    it('lists the halls: a centre, a township centre and a village point, filtered by kind and region', async () => {
      const all = await getJson<Page<Hall>>(t.anonymous, '/api/org/halls');
      expect(all.total).toBe(3);
      expect(all.items.map((h) => h.kind).sort()).toEqual(['centre', 'township_centre', 'village_point']);
      expect(all.items.find((h) => h.kind === 'centre')).toMatchObject({
        name: '巴中市政务服务中心',
        regionCode: '511900',
        regionName: '巴中市',
        windowCount: 13,
      });
      expect(all.items.find((h) => h.kind === 'village_point')).toMatchObject({ regionName: '红旗村', windowCount: 1, phone: null });

      const village = await getJson<Page<Hall>>(t.anonymous, '/api/org/halls?kind=village_point');
      expect(village.items.map((h) => h.name)).toEqual(['清江镇红旗村便民服务代办点']);
      expect((await getJson<Page<Hall>>(t.anonymous, '/api/org/halls?regionCode=511902')).total).toBe(2);
      expect((await getJson<Page<Hall>>(t.anonymous, `/api/org/halls?q=${encodeURIComponent('红旗村')}`)).total).toBe(1);
      expect((await t.anonymous.get('/api/org/halls?kind=palace')).statusCode).toBe(400);
    });

    it("lists a hall's windows in number order, with their departments and staff", async () => {
      const windows = await getJson<HallWindow[]>(t.anonymous, `/api/org/halls/${cityHall.id}/windows`);
      expect(windows.map((w) => w.number)).toEqual(['A01', 'A02', 'A03', 'B01', 'B02', 'B03', 'B04', 'B05', 'C01', 'D01', 'E01', 'G01', 'Z01']);
      expect(windows.find((w) => w.number === 'B01')).toMatchObject({
        kind: 'department',
        departmentId: market.id,
        departmentName: '巴中市市场监督管理局',
        active: true,
      });
      expect(windows.find((w) => w.number === 'A01')).toMatchObject({ kind: 'comprehensive', departmentId: null, staffCount: 1 });
      expectError(await t.anonymous.get('/api/org/halls/00000000-0000-4000-8000-000000000000/windows'), 'NOT_FOUND');
    });
  });

  describe('departments', () => {
    it('refuses writes from anonymous callers (401) and from staff who are not centre admins (403)', async () => {
      const body = { name: '巴中市某局', creditCode: credit(1), regionCode: '511900' };
      expectError(await t.anonymous.post('/api/org/departments', body), 'UNAUTHENTICATED');
      expectError(await deptadmin.post('/api/org/departments', body), 'FORBIDDEN');
      const window = await t.login('window01');
      expectError(await window.post('/api/org/departments', body), 'FORBIDDEN');
      expectError(await window.put(`/api/org/departments/${market.id}`, asUpdate(market)), 'FORBIDDEN');
      expectError(await deptadmin.delete(`/api/org/departments/${police.id}`), 'FORBIDDEN');
      // Who may call is decided before the input is looked at: a bad body tells an outsider nothing.
      expectError(await t.anonymous.post('/api/org/departments', { name: 1 }), 'UNAUTHENTICATED');
      expectError(await window.post('/api/org/departments', { name: 1 }), 'FORBIDDEN');
      expect(
        await t.database.db
          .select()
          .from(departments)
          .where(eq(departments.creditCode, credit(1))),
      ).toEqual([]);
    });

    it('refuses an invalid credit code with 400 on creditCode', async () => {
      const good = credit(2);
      const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
      const res = await admin.post('/api/org/departments', { name: '巴中市新设局', creditCode: bad, regionCode: '511900' });
      expect(issuesOf(res).map((i) => i.path)).toEqual(['creditCode']);
      expect(await t.database.db.select().from(departments).where(eq(departments.name, '巴中市新设局'))).toEqual([]);
    });

    it('creates, updates (version + 1), refuses a stale version with 409, and deletes a department', async () => {
      const created = await admin.post('/api/org/departments', {
        name: '巴中市数据局',
        shortName: '市数据局',
        creditCode: credit(3).toLowerCase(),
        regionCode: '511900',
        phone: '0827-5260000',
      });
      expect(created.statusCode, created.body).toBe(201);
      const dept = created.json<Department>();
      expect(dept).toMatchObject({
        name: '巴中市数据局',
        shortName: '市数据局',
        creditCode: credit(3),
        regionCode: '511900',
        regionName: '巴中市',
        phone: '0827-5260000',
        staffCount: 0,
        version: 1,
      });
      expect(await departmentRow(dept.id)).toMatchObject({ name: '巴中市数据局', creditCode: credit(3) });
      expect(await audits('department.create', dept.id)).toBe(1);

      expectError(await admin.post('/api/org/departments', { name: '巴中市数据局二', creditCode: credit(3), regionCode: '511900' }), 'ALREADY_EXISTS');
      expect(
        issuesOf(await admin.post('/api/org/departments', { name: '巴中市虚构局', creditCode: credit(4), regionCode: '511999' })).map((i) => i.path),
      ).toEqual(['regionCode']);

      const updated = await admin.put(`/api/org/departments/${dept.id}`, asUpdate(dept, { name: '巴中市大数据局', regionCode: '511902' }));
      expect(updated.statusCode, updated.body).toBe(200);
      expect(updated.json()).toMatchObject({ name: '巴中市大数据局', regionCode: '511902', regionName: '巴州区', version: 2 });

      expectError(await admin.put(`/api/org/departments/${dept.id}`, asUpdate(dept, { name: '过期的修改' })), 'CONFLICT');
      expect(await departmentRow(dept.id)).toMatchObject({ name: '巴中市大数据局', version: 2 });
      expect(await audits('department.update', dept.id)).toBe(1);

      const deleted = await admin.delete(`/api/org/departments/${dept.id}`);
      expect(deleted.statusCode, deleted.body).toBe(200);
      expect(deleted.json()).toEqual({ ok: true });
      expect(await departmentRow(dept.id)).toBeUndefined();
      expect(await audits('department.delete', dept.id)).toBe(1);
      expectError(await t.anonymous.get(`/api/org/departments/${dept.id}`), 'NOT_FOUND');
      expectError(await admin.delete(`/api/org/departments/${dept.id}`), 'NOT_FOUND');
    });

    it('refuses to delete a department that still has staff or windows (409 HAS_DEPENDENTS)', async () => {
      expectError(await admin.delete(`/api/org/departments/${market.id}`), 'HAS_DEPENDENTS');
      expect(await departmentRow(market.id)).toBeDefined();
      // 市公安局 has no staff, but window B02 belongs to it.
      expect(police.staffCount).toBe(0);
      expectError(await admin.delete(`/api/org/departments/${police.id}`), 'HAS_DEPENDENTS');
      expect(await departmentRow(police.id)).toBeDefined();
      expect(await audits('department.delete', market.id)).toBe(0);
    });

    it('lets a department admin edit their own department only, and not move it to another region', async () => {
      const current = await getJson<Department>(t.anonymous, `/api/org/departments/${market.id}`);
      const ok = await deptadmin.put(`/api/org/departments/${market.id}`, asUpdate(current, { phone: '0827-12315' }));
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ phone: '0827-12315', version: current.version + 1 });

      const moved = await deptadmin.put(`/api/org/departments/${market.id}`, asUpdate(ok.json<Department>(), { regionCode: '511902' }));
      expectError(moved, 'FORBIDDEN');
      expect(await departmentRow(market.id)).toMatchObject({ regionCode: '511900', version: current.version + 1 });

      const other = await getJson<Department>(t.anonymous, `/api/org/departments/${police.id}`);
      expectError(await deptadmin.put(`/api/org/departments/${police.id}`, asUpdate(other, { name: '巴中市公安局（改）' })), 'FORBIDDEN');
      expect(await departmentRow(police.id)).toMatchObject({ name: '巴中市公安局', version: other.version });
    });
  });

  describe('regions', () => {
    it('creates a village under a township, checking that the code and the parent agree', async () => {
      const created = await admin.post('/api/org/regions', { code: '511902101203', name: '新农村', parentCode: '511902101000' });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toEqual({ code: '511902101203', name: '新农村', level: 'village', parentCode: '511902101000', childCount: 0 });
      expect(await regionRow('511902101203')).toMatchObject({ level: 'village', parentCode: '511902101000' });
      expect(await audits('region.create', '511902101203')).toBe(1);
      expect((await getJson<Region[]>(t.anonymous, '/api/org/regions?parentCode=511902101000')).map((r) => r.code)).toEqual([
        '511902101201',
        '511902101202',
        '511902101203',
      ]);

      const mismatch = await admin.post('/api/org/regions', { code: '511902101204', name: '错村', parentCode: '511902' });
      expect(issuesOf(mismatch)).toEqual([expect.objectContaining({ path: 'parentCode', message: '上级行政区划与代码不匹配' })]);
      const noParent = await admin.post('/api/org/regions', { code: '511902101204', name: '错村', parentCode: null });
      expect(issuesOf(noParent).map((i) => i.path)).toEqual(['parentCode']);
      const missingParent = await admin.post('/api/org/regions', { code: '511902105201', name: '孤村', parentCode: '511902105000' });
      expect(issuesOf(missingParent).map((i) => i.path)).toEqual(['parentCode']);
      const badCode = await admin.post('/api/org/regions', { code: '511902000000', name: '零乡', parentCode: '511902' });
      expect(issuesOf(badCode).map((i) => i.path)).toEqual(['code']);
      expect(await regionRow('511902101204')).toBeUndefined();
      expect(await regionRow('511902105201')).toBeUndefined();

      expectError(await admin.post('/api/org/regions', { code: '511902101203', name: '重复村', parentCode: '511902101000' }), 'ALREADY_EXISTS');
      expect((await regionRow('511902101203'))!.name).toBe('新农村');
    });

    it('refuses regions outside the centre admin region, and region writes by others', async () => {
      expectError(await admin.post('/api/org/regions', { code: '510100', name: '成都市', parentCode: '510000' }), 'FORBIDDEN');
      expect(await regionRow('510100')).toBeUndefined();
      expectError(await admin.patch('/api/org/regions/510000', { name: '蜀省' }), 'FORBIDDEN');
      expectError(await admin.delete('/api/org/regions/511900'), 'FORBIDDEN');
      expectError(await deptadmin.post('/api/org/regions', { code: '511902101205', name: '某村', parentCode: '511902101000' }), 'FORBIDDEN');
      expectError(await t.anonymous.patch('/api/org/regions/511923', { name: '某县' }), 'UNAUTHENTICATED');
      expect((await regionRow('510000'))!.name).toBe('四川省');
    });

    it('renames a region', async () => {
      const res = await admin.patch('/api/org/regions/511902101203', { name: '  幸福村  ' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ code: '511902101203', name: '幸福村' });
      expect((await regionRow('511902101203'))!.name).toBe('幸福村');
      expect(await audits('region.rename', '511902101203')).toBe(1);
      expectError(await admin.patch('/api/org/regions/511902101299', { name: '无此村' }), 'NOT_FOUND');
      expect(issuesOf(await admin.patch('/api/org/regions/511902101203', { name: '' })).map((i) => i.path)).toEqual(['name']);
    });

    it('refuses to delete a region with children or references (409 HAS_DEPENDENTS), deletes a leaf', async () => {
      const withChildren = await admin.delete('/api/org/regions/511902101000');
      const body = expectError(withChildren, 'HAS_DEPENDENTS');
      expect(body.details).toEqual({ children: 3 });
      expect(await regionRow('511902101000')).toBeDefined();
      // 东城街道 has no children, but a hall.
      expectError(await admin.delete('/api/org/regions/511902001000'), 'HAS_DEPENDENTS');
      expect(await regionRow('511902001000')).toBeDefined();

      const leaf = await admin.delete('/api/org/regions/511902101203');
      expect(leaf.statusCode, leaf.body).toBe(200);
      expect(await regionRow('511902101203')).toBeUndefined();
      expectError(await t.anonymous.get('/api/org/regions/511902101203'), 'NOT_FOUND');
    });
  });

  describe('halls and windows', () => {
    const newHall = {
      name: '恩阳区政务服务中心',
      kind: 'centre',
      regionCode: '511903',
      address: '四川省巴中市恩阳区登科街道',
      openingHours: '周一至周五 9:00-17:00',
    };

    it('creates, updates and deletes a hall with its windows', async () => {
      expectError(await deptadmin.post('/api/org/halls', newHall), 'FORBIDDEN');
      const created = await admin.post('/api/org/halls', newHall);
      expect(created.statusCode, created.body).toBe(201);
      const hall = created.json<Hall>();
      expect(hall).toMatchObject({ ...newHall, regionName: '恩阳区', phone: null, windowCount: 0, version: 1 });
      expectError(await admin.post('/api/org/halls', newHall), 'ALREADY_EXISTS');

      const { id: _id, regionName: _r, windowCount: _w, ...editable } = hall;
      const updated = await admin.put(`/api/org/halls/${hall.id}`, { ...editable, phone: '0827-3300000' });
      expect(updated.statusCode, updated.body).toBe(200);
      expect(updated.json()).toMatchObject({ phone: '0827-3300000', version: 2 });
      expectError(await admin.put(`/api/org/halls/${hall.id}`, { ...editable, name: '过期的修改' }), 'CONFLICT');
      expect((await t.database.db.select().from(halls).where(eq(halls.id, hall.id)))[0]).toMatchObject({ name: newHall.name, version: 2 });

      const a01 = await admin.post(`/api/org/halls/${hall.id}/windows`, { number: 'A01', name: '综合受理窗口', kind: 'comprehensive' });
      expect(a01.statusCode, a01.body).toBe(201);
      expect(a01.json()).toMatchObject({ hallId: hall.id, number: 'A01', kind: 'comprehensive', departmentId: null, active: true, staffCount: 0, version: 1 });
      const b01 = await admin.post(`/api/org/halls/${hall.id}/windows`, { number: 'B01', name: '市场监管专窗', kind: 'department', departmentId: market.id });
      expect(b01.statusCode, b01.body).toBe(201);
      expect(b01.json()).toMatchObject({ departmentId: market.id, departmentName: '巴中市市场监督管理局' });

      const duplicate = await admin.post(`/api/org/halls/${hall.id}/windows`, { number: 'A01', name: '又一个窗口', kind: 'comprehensive' });
      expectError(duplicate, 'ALREADY_EXISTS');
      // The same number in another hall is fine.
      const elsewhere = await admin.post(`/api/org/halls/${cityHall.id}/windows`, { number: 'F01', name: '临时窗口', kind: 'consultation' });
      expect(elsewhere.statusCode, elsewhere.body).toBe(201);

      const ghost = await admin.post(`/api/org/halls/${hall.id}/windows`, {
        number: 'B02',
        name: '不存在部门的窗口',
        kind: 'department',
        departmentId: '00000000-0000-4000-8000-000000000000',
      });
      expect(ghost.statusCode).toBe(400);
      expect(issuesOf(ghost).map((i) => i.path)).toEqual(['departmentId']);
      expect(issuesOf(await admin.post(`/api/org/halls/${hall.id}/windows`, { number: 'a 1', name: 'x', kind: 'comprehensive' })).map((i) => i.path)).toEqual([
        'number',
      ]);
      expectError(
        await admin.post('/api/org/halls/00000000-0000-4000-8000-000000000000/windows', { number: 'A09', name: 'x', kind: 'comprehensive' }),
        'NOT_FOUND',
      );

      const windows = await getJson<HallWindow[]>(t.anonymous, `/api/org/halls/${hall.id}/windows`);
      expect(windows.map((w) => w.number)).toEqual(['A01', 'B01']);
      expect((await getJson<Hall>(t.anonymous, `/api/org/halls/${hall.id}`)).windowCount).toBe(2);

      const w = a01.json<HallWindow>();
      const edit = { number: w.number, name: '综合受理（一）', kind: w.kind, departmentId: null, active: false, version: w.version };
      const changed = await admin.put(`/api/org/windows/${w.id}`, edit);
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ name: '综合受理（一）', active: false, version: 2 });
      expectError(await admin.put(`/api/org/windows/${w.id}`, edit), 'CONFLICT');
      const badRef = await admin.put(`/api/org/windows/${w.id}`, { ...edit, version: 2, departmentId: '00000000-0000-4000-8000-000000000000' });
      expect(issuesOf(badRef).map((i) => i.path)).toEqual(['departmentId']);
      expectError(await admin.put(`/api/org/windows/${w.id}`, { ...edit, version: 2, number: 'B01' }), 'ALREADY_EXISTS');
      expect((await t.database.db.select().from(hallWindows).where(eq(hallWindows.id, w.id)))[0]).toMatchObject({
        number: 'A01',
        version: 2,
        departmentId: null,
      });

      const removed = await admin.delete(`/api/org/windows/${w.id}`);
      expect(removed.statusCode, removed.body).toBe(200);
      expectError(await admin.delete(`/api/org/windows/${w.id}`), 'NOT_FOUND');
      expect(await audits('window.delete', w.id)).toBe(1);

      const hallGone = await admin.delete(`/api/org/halls/${hall.id}`);
      expect(hallGone.statusCode, hallGone.body).toBe(200);
      expect(await t.database.db.select().from(hallWindows).where(eq(hallWindows.hallId, hall.id))).toEqual([]);
      expectError(await t.anonymous.get(`/api/org/halls/${hall.id}`), 'NOT_FOUND');
    });

    it('deleting a window unassigns its staff', async () => {
      const window01 = (await t.database.db.select().from(accounts).where(eq(accounts.username, 'window01')))[0]!;
      const temp = await admin.post(`/api/org/halls/${cityHall.id}/windows`, { number: 'T01', name: '临时受理', kind: 'comprehensive' });
      const tempId = temp.json<HallWindow>().id;
      await t.database.db.update(accounts).set({ windowId: tempId }).where(eq(accounts.id, window01.id));
      expect((await getJson<HallWindow[]>(t.anonymous, `/api/org/halls/${cityHall.id}/windows`)).find((w) => w.id === tempId)!.staffCount).toBe(1);
      expect((await admin.delete(`/api/org/windows/${tempId}`)).statusCode).toBe(200);
      expect((await t.database.db.select().from(accounts).where(eq(accounts.id, window01.id)))[0]!.windowId).toBeNull();
    });

    it('refuses hall and window writes to non-admins', async () => {
      const windows = await getJson<HallWindow[]>(t.anonymous, `/api/org/halls/${cityHall.id}/windows`);
      const b01 = windows.find((w) => w.number === 'B01')!;
      expectError(
        await deptadmin.put(`/api/org/windows/${b01.id}`, {
          number: 'B01',
          name: '改',
          kind: 'department',
          departmentId: market.id,
          active: true,
          version: b01.version,
        }),
        'FORBIDDEN',
      );
      expectError(await deptadmin.delete(`/api/org/windows/${b01.id}`), 'FORBIDDEN');
      expectError(await deptadmin.delete(`/api/org/halls/${cityHall.id}`), 'FORBIDDEN');
      expectError(await t.anonymous.post(`/api/org/halls/${cityHall.id}/windows`, { number: 'X01', name: 'x', kind: 'comprehensive' }), 'UNAUTHENTICATED');
      expect((await t.database.db.select().from(hallWindows).where(eq(hallWindows.id, b01.id)))[0]).toMatchObject({ name: '市场监管专窗' });
    });
  });
});
