import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department, Page, Staff } from '@tongban/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, issuesOf } from '../../../test/http.ts';
import { demoPassword } from '../../../db/seed/demo-data.ts';
import { accounts, auditLog, hallWindows, regions, sessions } from '../../platform/db/schema.ts';

const demoStaff = ['admin', 'agent01', 'approver01', 'deptadmin', 'reviewer01', 'supervisor01', 'window01'];

describe.each(engines())('staff routes on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let deptadmin: Client;
  const dept: Record<string, Department> = {};
  const windowId: Record<string, string> = {};

  const accountRow = async (username: string) =>
    (
      await t.database.db
        .select()
        .from(accounts)
        .where(eq(sql`lower(${accounts.username})`, username.toLowerCase()))
    )[0];
  const idOf = async (username: string) => (await accountRow(username))!.id;
  const accountCount = async () => (await t.database.db.select({ n: count() }).from(accounts))[0]!.n;
  const staffCountOfRegion = async (code: string) => (await t.database.db.select({ n: count() }).from(accounts).where(eq(accounts.regionCode, code)))[0]!.n;
  const list = async (client: Client, query = '') => {
    const res = await client.get(`/api/staff${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page<Staff>>();
  };
  const newStaff = (overrides: Record<string, unknown> = {}) => ({
    username: 'clerk_new',
    password: 'Clerk2026pass',
    displayName: '新员工',
    roles: ['window'],
    departmentId: dept.centre!.id,
    regionCode: '511900',
    ...overrides,
  });
  const asUpdate = (s: Staff, overrides: Record<string, unknown> = {}) => ({
    displayName: s.displayName,
    roles: s.roles,
    departmentId: s.departmentId,
    regionCode: s.regionCode,
    includeSubRegions: s.includeSubRegions,
    windowId: s.windowId,
    status: s.status,
    version: s.version,
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login('admin');
    deptadmin = await t.login('deptadmin');
    const depts = (await t.anonymous.get('/api/org/departments?pageSize=100')).json<Page<Department>>().items;
    for (const d of depts) {
      if (d.shortName === '市政务服务中心') dept.centre = d;
      if (d.shortName === '市市场监管局') dept.market = d;
      if (d.shortName === '市公安局') dept.police = d;
    }
    for (const w of await t.database.db.select().from(hallWindows)) windowId[w.number] ??= w.id;
  });
  afterAll(async () => t.close());

  describe('access', () => {
    it('answers 401 to anonymous callers', async () => {
      expectError(await t.anonymous.get('/api/staff'), 'UNAUTHENTICATED');
      expectError(await t.anonymous.post('/api/staff', newStaff()), 'UNAUTHENTICATED');
      expectError(await t.anonymous.get(`/api/staff/${await idOf('window01')}`), 'UNAUTHENTICATED');
    });

    it('answers 403 FORBIDDEN to citizens, enterprise users and staff who are not administrators', async () => {
      for (const username of ['zhangsan', 'bashufood', 'window01', 'reviewer01', 'supervisor01', 'agent01']) {
        const client = await t.login(username);
        expectError(await client.get('/api/staff'), 'FORBIDDEN');
        expectError(await client.get(`/api/staff/${await idOf('admin')}`), 'FORBIDDEN');
        expectError(await client.post('/api/staff', newStaff({ username: `by_${username}` })), 'FORBIDDEN');
        expect(await accountRow(`by_${username}`)).toBeUndefined();
      }
    });

    it('answers 400 to a malformed id and 404 to an unknown one', async () => {
      expect((await admin.get('/api/staff/not-a-uuid')).statusCode).toBe(400);
      expectError(await admin.get('/api/staff/00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');
      // A citizen is not a staff member.
      expectError(await admin.get(`/api/staff/${await idOf('zhangsan')}`), 'NOT_FOUND');
    });
  });

  describe('listing', () => {
    it('lists the staff of the centre admin region, ordered by username, paginated', async () => {
      const all = await list(admin, '?pageSize=100');
      expect(all).toMatchObject({ total: demoStaff.length, page: 1, pageSize: 100 });
      expect(all.items.map((s) => s.username)).toEqual(demoStaff);
      const window01 = all.items.find((s) => s.username === 'window01')!;
      expect(window01).toMatchObject({
        roles: ['window'],
        departmentName: '巴中市政务服务和公共资源交易服务中心',
        regionCode: '511900',
        regionName: '巴中市',
        windowName: 'A01 综合受理窗口',
        status: 'active',
        lockedUntil: null,
        version: 1,
      });
      expect(all.items.find((s) => s.username === 'agent01')).toMatchObject({ regionCode: '511902101201', regionName: '红旗村', departmentId: null });

      const first = await list(admin, '?pageSize=3');
      const third = await list(admin, '?pageSize=3&page=3');
      expect(first).toMatchObject({ total: 7, page: 1, pageSize: 3 });
      expect(first.items.map((s) => s.username)).toEqual(demoStaff.slice(0, 3));
      expect(third).toMatchObject({ total: 7, page: 3, pageSize: 3 });
      expect(third.items.map((s) => s.username)).toEqual(demoStaff.slice(6));
      expect((await list(admin, '?pageSize=3&page=4')).items).toEqual([]);

      expect((await admin.get('/api/staff?pageSize=101')).statusCode).toBe(400);
      expect((await admin.get('/api/staff?page=0')).statusCode).toBe(400);
    });

    it('filters by text (username or name), role and department', async () => {
      expect((await list(admin, '?q=01')).items.map((s) => s.username)).toEqual(['agent01', 'approver01', 'reviewer01', 'supervisor01', 'window01']);
      expect((await list(admin, `?q=${encodeURIComponent('王芳')}`)).items.map((s) => s.username)).toEqual(['admin']);
      expect((await list(admin, '?q=REVIEWER')).items.map((s) => s.username)).toEqual(['reviewer01']);
      // LIKE wildcards are literal.
      expect((await list(admin, `?q=${encodeURIComponent('%')}`)).total).toBe(0);
      expect((await list(admin, `?q=${encodeURIComponent('_')}`)).total).toBe(0);

      const reviewers = await list(admin, '?role=reviewer');
      expect(reviewers.total).toBe(1);
      expect(reviewers.items.map((s) => s.username)).toEqual(['reviewer01']);
      expect((await admin.get('/api/staff?role=applicant')).statusCode).toBe(400);

      const market = await list(admin, `?departmentId=${dept.market!.id}`);
      expect(market.items.map((s) => s.username)).toEqual(['approver01', 'deptadmin', 'reviewer01']);
      expect(market.total).toBe(3);
      const both = await list(admin, `?departmentId=${dept.market!.id}&role=approver`);
      expect(both.items.map((s) => s.username)).toEqual(['approver01']);
    });

    it('never lists or shows staff outside the centre admin region', async () => {
      await t.database.db.insert(regions).values({ code: '510100', name: '成都市', level: 'city', parentCode: '510000' });
      await t.database.db
        .insert(accounts)
        .values({ kind: 'staff', username: 'chengdu01', displayName: '成都员工', passwordHash: 'x', roles: ['window'], regionCode: '510100' });
      const outsider = await idOf('chengdu01');

      const all = await list(admin, '?pageSize=100');
      expect(all.total).toBe(7);
      expect(all.items.map((s) => s.username)).not.toContain('chengdu01');
      expect((await list(admin, '?q=chengdu')).total).toBe(0);
      expectError(await admin.get(`/api/staff/${outsider}`), 'NOT_FOUND');
      const row = (await accountRow('chengdu01'))!;
      expectError(
        await admin.put(`/api/staff/${outsider}`, {
          displayName: '改名',
          roles: ['window'],
          departmentId: null,
          regionCode: '510100',
          includeSubRegions: false,
          windowId: null,
          status: 'disabled',
          version: row.version,
        }),
        'NOT_FOUND',
      );
      expect(await accountRow('chengdu01')).toMatchObject({ displayName: '成都员工', status: 'active', version: row.version });
    });

    it('shows a department admin the staff of their department only', async () => {
      const mine = await list(deptadmin, '?pageSize=100');
      expect(mine.items.map((s) => s.username)).toEqual(['approver01', 'deptadmin', 'reviewer01']);
      expect(mine.total).toBe(3);
      expect(mine.items.every((s) => s.departmentId === dept.market!.id)).toBe(true);
      expect((await list(deptadmin, `?departmentId=${dept.market!.id}`)).total).toBe(3);
      expectError(await deptadmin.get(`/api/staff?departmentId=${dept.centre!.id}`), 'FORBIDDEN');
      expectError(await deptadmin.get(`/api/staff/${await idOf('window01')}`), 'NOT_FOUND');
      const reviewer = await deptadmin.get(`/api/staff/${await idOf('reviewer01')}`);
      expect(reviewer.statusCode).toBe(200);
      expect(reviewer.json()).toMatchObject({ username: 'reviewer01', departmentName: '巴中市市场监督管理局' });
    });
  });

  describe('creating', () => {
    it('lets a centre admin create a staff account that can then log in; the phone is masked in lists', async () => {
      const res = await admin.post('/api/staff', newStaff({ username: 'window02', displayName: '何静', phone: '13912345678', windowId: windowId.A02 }));
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json<Staff>();
      expect(created).toMatchObject({
        username: 'window02',
        displayName: '何静',
        phoneMasked: '139****5678',
        roles: ['window'],
        departmentId: dept.centre!.id,
        regionCode: '511900',
        includeSubRegions: false,
        windowId: windowId.A02,
        windowName: 'A02 综合受理窗口',
        status: 'active',
        version: 1,
      });
      expect(res.body).not.toContain('13912345678');
      expect(res.body).not.toContain('Clerk2026pass');

      const row = (await accountRow('window02'))!;
      expect(row).toMatchObject({ kind: 'staff', phone: '13912345678', roles: ['window'] });
      expect(row.passwordHash).toMatch(/^scrypt\$/);
      const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
      expect(audits.map((a) => a.action)).toEqual(['staff.create']);
      expect(audits[0]!.actorId).toBe(await idOf('admin'));

      const listed = await admin.get('/api/staff?q=window02');
      expect(listed.json<Page<Staff>>().items).toEqual([created]);
      expect(listed.body).not.toContain('13912345678');

      const clerk = await t.login('window02', 'Clerk2026pass');
      const me = await clerk.get('/api/auth/me');
      expect(me.json()).toMatchObject({ username: 'window02', roles: ['window'], scope: { regionCode: '511900', departmentId: dept.centre!.id } });
    });

    it('refuses an existing username, whatever its case, with 409 ALREADY_EXISTS', async () => {
      const before = await accountCount();
      expectError(await admin.post('/api/staff', newStaff({ username: 'Window01' })), 'ALREADY_EXISTS');
      expectError(await admin.post('/api/staff', newStaff({ username: 'ZHANGSAN' })), 'ALREADY_EXISTS');
      expect(await accountCount()).toBe(before);
    });

    it('refuses references to regions, departments and windows that do not exist, field by field', async () => {
      const before = await accountCount();
      const res = await admin.post(
        '/api/staff',
        newStaff({
          username: 'ghost01',
          regionCode: '511999',
          departmentId: '00000000-0000-4000-8000-000000000001',
          windowId: '00000000-0000-4000-8000-000000000002',
        }),
      );
      const issues = issuesOf(res);
      expect(issues.map((i) => i.path).sort()).toEqual(['departmentId', 'regionCode', 'windowId']);
      expect(issues.every((i) => i.message === '所选的记录不存在，请重新选择')).toBe(true);
      const shape = await admin.post('/api/staff', newStaff({ username: 'x', phone: '12345', roles: [], password: 'short' }));
      expect([...new Set(issuesOf(shape).map((i) => i.path))].sort()).toEqual(['password', 'phone', 'roles', 'username']);
      expect(await accountCount()).toBe(before);
    });

    it('a centre admin cannot create staff outside their region', async () => {
      await t.database.db.insert(regions).values({ code: '510104', name: '锦江区', level: 'county', parentCode: '510100' }).onConflictDoNothing();
      expectError(await admin.post('/api/staff', newStaff({ username: 'outside01', departmentId: null, regionCode: '510104' })), 'FORBIDDEN');
      expect(await accountRow('outside01')).toBeUndefined();
    });

    it('a department admin creates staff of their department, but cannot grant admin roles (403) nor staff another department (403)', async () => {
      const ok = await deptadmin.post('/api/staff', newStaff({ username: 'reviewer02', roles: ['reviewer'], departmentId: dept.market!.id }));
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ username: 'reviewer02', roles: ['reviewer'], departmentId: dept.market!.id });

      for (const roles of [['centre_admin'], ['dept_admin'], ['supervisor'], ['reviewer', 'centre_admin']]) {
        const res = await deptadmin.post('/api/staff', newStaff({ username: 'escalate01', roles, departmentId: dept.market!.id }));
        expectError(res, 'FORBIDDEN');
      }
      expectError(await deptadmin.post('/api/staff', newStaff({ username: 'escalate01', roles: ['reviewer'], departmentId: dept.police!.id })), 'FORBIDDEN');
      expectError(await deptadmin.post('/api/staff', newStaff({ username: 'escalate01', roles: ['reviewer'], departmentId: null })), 'FORBIDDEN');
      expect(await accountRow('escalate01')).toBeUndefined();
    });

    it('a department admin cannot give their staff a data scope wider than their own region', async () => {
      const before = await staffCountOfRegion('510000');
      const res = await deptadmin.post(
        '/api/staff',
        newStaff({ username: 'province01', roles: ['reviewer'], departmentId: dept.market!.id, regionCode: '510000', includeSubRegions: true }),
      );
      expectError(res, 'FORBIDDEN');
      expect(await accountRow('province01')).toBeUndefined();
      expect(await staffCountOfRegion('510000')).toBe(before);
    });

    it("refuses a data scope outside the department's own region (400 on regionCode)", async () => {
      const county = (await admin.get(`/api/org/departments?q=${encodeURIComponent('巴州区市场')}`)).json().items[0];
      const res = await admin.post('/api/staff', newStaff({ username: 'county01', roles: ['reviewer'], departmentId: county.id, regionCode: '511900' }));
      expectError(res, 'VALIDATION_FAILED');
      expect(res.json().details.issues).toEqual([expect.objectContaining({ path: 'regionCode' })]);
      expect(await accountRow('county01')).toBeUndefined();
    });
  });

  describe('updating', () => {
    const fetchStaff = async (username: string) => (await admin.get(`/api/staff/${await idOf(username)}`)).json<Staff>();

    it('updates with the current version (200, version + 1) and refuses a stale version with 409 CONFLICT, changing nothing', async () => {
      const current = await fetchStaff('approver01');
      const ok = await admin.put(`/api/staff/${current.id}`, asUpdate(current, { displayName: '赵刚（审批）', phone: '13711112222' }));
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ displayName: '赵刚（审批）', phoneMasked: '137****2222', version: current.version + 1 });

      const stale = await admin.put(`/api/staff/${current.id}`, asUpdate(current, { displayName: '过期的修改' }));
      expectError(stale, 'CONFLICT');
      expect(await accountRow('approver01')).toMatchObject({ displayName: '赵刚（审批）', phone: '13711112222', version: current.version + 1 });
      const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, current.id));
      expect(audits.filter((a) => a.action === 'staff.update')).toHaveLength(1);
    });

    it('an update that leaves the phone out keeps it (the console only ever sees it masked)', async () => {
      const current = await fetchStaff('approver01');
      expect(current.phoneMasked).toBe('137****2222');
      const res = await admin.put(`/api/staff/${current.id}`, asUpdate(current, { displayName: '赵刚' }));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ displayName: '赵刚', phoneMasked: '137****2222' });
      expect(await accountRow('approver01')).toMatchObject({ phone: '13711112222' });
    });

    it('of two concurrent updates with the same version, exactly one wins', async () => {
      const current = await fetchStaff('supervisor01');
      const [a, b] = await Promise.all([
        admin.put(`/api/staff/${current.id}`, asUpdate(current, { displayName: '并发甲' })),
        admin.put(`/api/staff/${current.id}`, asUpdate(current, { displayName: '并发乙' })),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? a : b;
      expectError(a.statusCode === 200 ? b : a, 'CONFLICT');
      const row = (await accountRow('supervisor01'))!;
      expect(row.version).toBe(current.version + 1);
      expect(row.displayName).toBe(winner.json<Staff>().displayName);
    });

    it('disabling an account ends its sessions at once, and it can no longer log in', async () => {
      const created = await admin.post('/api/staff', newStaff({ username: 'leaving01' }));
      expect(created.statusCode, created.body).toBe(201);
      const clerk = await t.login('leaving01', 'Clerk2026pass');
      await t.login('leaving01', 'Clerk2026pass');
      expect((await clerk.get('/api/auth/me')).statusCode).toBe(200);
      const id = created.json<Staff>().id;
      expect((await t.database.db.select({ n: count() }).from(sessions).where(eq(sessions.accountId, id)))[0]!.n).toBe(2);

      const res = await admin.put(`/api/staff/${id}`, asUpdate(created.json<Staff>(), { status: 'disabled' }));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'disabled', version: 2 });
      expect((await t.database.db.select({ n: count() }).from(sessions).where(eq(sessions.accountId, id)))[0]!.n).toBe(0);
      expectError(await clerk.get('/api/auth/me'), 'UNAUTHENTICATED');

      const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: 'leaving01', password: 'Clerk2026pass' } });
      expectError(again, 'ACCOUNT_DISABLED');
    });

    it('nobody disables themself or changes their own roles (403), and nothing changes', async () => {
      const me = await fetchStaff('admin');
      expectError(await admin.put(`/api/staff/${me.id}`, asUpdate(me, { status: 'disabled' })), 'FORBIDDEN');
      expectError(await admin.put(`/api/staff/${me.id}`, asUpdate(me, { roles: ['centre_admin', 'supervisor'] })), 'FORBIDDEN');
      expect(await accountRow('admin')).toMatchObject({ status: 'active', roles: ['centre_admin'], version: me.version });
      expect((await admin.get('/api/auth/me')).statusCode).toBe(200);

      // Their own name they may change.
      const renamed = await admin.put(`/api/staff/${me.id}`, asUpdate(me, { displayName: '王芳芳' }));
      expect(renamed.statusCode, renamed.body).toBe(200);
    });

    it('a department admin cannot move their staff to another department nor promote them', async () => {
      const reviewer = await fetchStaff('reviewer01');
      expectError(await deptadmin.put(`/api/staff/${reviewer.id}`, asUpdate(reviewer, { departmentId: dept.police!.id })), 'FORBIDDEN');
      expectError(await deptadmin.put(`/api/staff/${reviewer.id}`, asUpdate(reviewer, { roles: ['dept_admin'] })), 'FORBIDDEN');
      expect(await accountRow('reviewer01')).toMatchObject({ departmentId: dept.market!.id, roles: ['reviewer'], version: reviewer.version });
      expectError(await deptadmin.put(`/api/staff/${await idOf('window01')}`, asUpdate(await fetchStaff('window01'), { status: 'disabled' })), 'NOT_FOUND');
      expect(await accountRow('window01')).toMatchObject({ status: 'active' });
    });

    it('resetting a password ends the sessions, clears a lock, and only the new password works', async () => {
      const created = await admin.post('/api/staff', newStaff({ username: 'forgetful01' }));
      const id = created.json<Staff>().id;
      const clerk = await t.login('forgetful01', 'Clerk2026pass');
      await t.database.db
        .update(accounts)
        .set({ failedLogins: 10, lockedUntil: new Date(Date.now() + 600_000) })
        .where(eq(accounts.id, id));

      expect((await admin.post(`/api/staff/${id}/password`, { password: 'short' })).statusCode).toBe(400);
      const res = await admin.post(`/api/staff/${id}/password`, { password: 'Reset2026pass' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ ok: true });
      expectError(await clerk.get('/api/auth/me'), 'UNAUTHENTICATED');
      expect(await accountRow('forgetful01')).toMatchObject({ failedLogins: 0, lockedUntil: null });
      const old = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: 'forgetful01', password: 'Clerk2026pass' } });
      expectError(old, 'INVALID_CREDENTIALS');
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: 'forgetful01', password: 'Reset2026pass' } })).statusCode,
      ).toBe(200);
      expectError(await deptadmin.post(`/api/staff/${id}/password`, { password: 'Reset2026pass' }), 'NOT_FOUND');
      expect(demoPassword).not.toBe('Reset2026pass');
    });
  });
});
