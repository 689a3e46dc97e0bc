import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@tongban/contracts';
import { makeCreditCode } from '@tongban/domain';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { clientFromSession, expectError, issuesOf, setCookies } from '../../../test/http.ts';
import { demoCitizen, demoEnterprise, demoPassword, residentId } from '../../../db/seed/demo-data.ts';
import { accounts, auditLog, sessions } from '../../platform/db/schema.ts';

const maskedResidentId = /^\d{6}\*+\d{3}[\dX]$/;
const login = (t: TestApp, identifier: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier, password }, headers });

async function accountByUsername(t: TestApp, username: string) {
  const rows = await t.database.db
    .select()
    .from(accounts)
    .where(eq(sql`lower(${accounts.username})`, username.toLowerCase()));
  return rows[0];
}
async function sessionCount(t: TestApp, accountId: string) {
  const rows = await t.database.db.select({ n: count() }).from(sessions).where(eq(sessions.accountId, accountId));
  return rows[0]!.n;
}
async function auditCount(t: TestApp, action: string, targetId: string) {
  const rows = await t.database.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));
  return rows[0]!.n;
}

const citizen = (overrides: Record<string, unknown> = {}) => ({
  kind: 'citizen',
  username: 'lisi2026',
  password: 'Lisi2026pass',
  displayName: '李四',
  residentId: residentId('11010519491231002'),
  phone: '13900000009',
  ...overrides,
});
const enterprise = (overrides: Record<string, unknown> = {}) => ({
  kind: 'enterprise',
  username: 'bzfood_agent',
  password: 'Agent2026pass',
  displayName: '王五',
  residentId: residentId('51190219850707101'),
  phone: '13900000010',
  organisationName: '巴中市恩阳食品有限公司',
  creditCode: makeCreditCode('9', '1', '511903', 'MA6BJ777'),
  ...overrides,
});

describe.each(engines())('identity routes on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  describe('login', () => {
    it('logs in by username, answering the session user and an httpOnly SameSite=Lax session cookie', async () => {
      const res = await login(t, 'admin', demoPassword);
      expect(res.statusCode, res.body).toBe(200);
      const user = res.json<SessionUser>();
      expect(user).toMatchObject({
        kind: 'staff',
        username: 'admin',
        displayName: '王芳',
        roles: ['centre_admin'],
        scope: { regionCode: '511900', includeSubRegions: true },
        departmentName: '巴中市政务服务和公共资源交易服务中心',
        organisation: null,
      });
      expect(user.csrfToken.length).toBeGreaterThanOrEqual(20);

      const cookie = setCookies(res).find((c) => c.startsWith('tb_session='));
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      expect(cookie).toMatch(/;\s*Path=\//i);
      expect(cookie).toMatch(/;\s*Expires=/i);
      const token = res.cookies.find((c) => c.name === 'tb_session')!.value;
      expect(token.length).toBeGreaterThanOrEqual(32);

      // Only a hash of the token is stored, with the CSRF token of the session.
      const stored = await t.database.db.select().from(sessions).where(eq(sessions.accountId, user.id));
      expect(stored.some((s) => s.csrfToken === user.csrfToken)).toBe(true);
      expect(stored.some((s) => s.tokenHash === token)).toBe(false);
      expect(await auditCount(t, 'auth.login', user.id)).toBeGreaterThanOrEqual(1);
    });

    it('logs in by mobile number and only ever sends masked identifiers', async () => {
      const res = await login(t, demoCitizen.phone, demoPassword);
      expect(res.statusCode, res.body).toBe(200);
      const user = res.json<SessionUser>();
      expect(user).toMatchObject({ kind: 'citizen', username: 'zhangsan', roles: ['applicant'], scope: null, departmentName: null });
      expect(user.residentIdMasked).toMatch(maskedResidentId);
      expect(user.residentIdMasked!.slice(0, 6)).toBe(demoCitizen.residentId.slice(0, 6));
      expect(user.residentIdMasked!.slice(-4)).toBe(demoCitizen.residentId.slice(-4));
      expect(user.phoneMasked).toBe('138****0001');
      expect(res.body).not.toContain(demoCitizen.residentId);
      expect(res.body).not.toContain(demoCitizen.phone);
    });

    it('logs in by resident ID number, with a lower-case check character X too', async () => {
      const byId = await login(t, demoCitizen.residentId, demoPassword);
      expect(byId.statusCode, byId.body).toBe(200);
      expect(byId.json<SessionUser>().username).toBe('zhangsan');

      expect(demoEnterprise.residentId.endsWith('X')).toBe(true);
      const lower = await login(t, demoEnterprise.residentId.toLowerCase(), demoPassword);
      expect(lower.statusCode, lower.body).toBe(200);
      const user = lower.json<SessionUser>();
      expect(user).toMatchObject({
        kind: 'enterprise',
        username: 'bashufood',
        organisation: { name: demoEnterprise.organisationName, creditCode: demoEnterprise.creditCode },
      });
      expect(user.residentIdMasked).toMatch(maskedResidentId);
      expect(lower.body).not.toContain(demoEnterprise.residentId);
    });

    it('logs in by username case-insensitively', async () => {
      const res = await login(t, '  ZhangSan ', demoPassword);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<SessionUser>().username).toBe('zhangsan');
    });

    it('refuses a wrong password with 401 INVALID_CREDENTIALS, in Chinese by default and in English on request, and counts the failure', async () => {
      const zh = await login(t, 'supervisor01', 'Wrong@2026');
      expectError(zh, 'INVALID_CREDENTIALS', 'zh');
      expect(zh.json().message).toBe('账号或密码错误');
      expect(setCookies(zh).some((c) => c.startsWith('tb_session='))).toBe(false);

      const en = await login(t, 'supervisor01', 'Wrong@2026', { 'accept-language': 'en-US,en;q=0.9' });
      expectError(en, 'INVALID_CREDENTIALS', 'en');
      expect(en.json().message).toBe('Wrong account or password');

      const account = await accountByUsername(t, 'supervisor01');
      expect(account!.failedLogins).toBe(2);
      expect(account!.lockedUntil).toBeNull();
      expect(await auditCount(t, 'auth.login_failed', account!.id)).toBe(2);

      // A successful login resets the count.
      expect((await login(t, 'supervisor01', demoPassword)).statusCode).toBe(200);
      expect((await accountByUsername(t, 'supervisor01'))!.failedLogins).toBe(0);
    });

    it('answers an unknown account exactly like a wrong password (401, same body shape: no account enumeration)', async () => {
      const unknown = await login(t, 'nobody_here', 'Wrong@2026');
      expectError(unknown, 'INVALID_CREDENTIALS');
      const wrong = await login(t, 'approver01', 'Wrong@2026');
      expectError(wrong, 'INVALID_CREDENTIALS');
      const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
      expect(strip(unknown.json())).toEqual(strip(wrong.json()));
      expect((await login(t, 'approver01', demoPassword)).statusCode).toBe(200);
    });

    it('refuses an empty identifier or password with 400 VALIDATION_FAILED', async () => {
      const res = await login(t, '   ', demoPassword);
      expect(issuesOf(res).map((i) => i.path)).toContain('identifier');
      const noPassword = await t.anonymous.post('/api/auth/login', { identifier: 'admin' });
      expect(issuesOf(noPassword)).toContainEqual(expect.objectContaining({ path: 'password', message: '此项为必填项' }));
    });
  });

  describe('session', () => {
    it('answers 401 UNAUTHENTICATED on /api/auth/me without a session or with an unknown one', async () => {
      expectError(await t.anonymous.get('/api/auth/me'), 'UNAUTHENTICATED');
      expectError(
        await t.anonymous.request({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'tb_session=not-a-real-session-token' } }),
        'UNAUTHENTICATED',
      );
      expectError(await t.anonymous.request({ method: 'GET', url: '/api/auth/me', headers: { cookie: `tb_session=${'x'.repeat(500)}` } }), 'UNAUTHENTICATED');
    });

    it('answers the logged-in user on /api/auth/me with the same CSRF token', async () => {
      const res = await login(t, 'window01', demoPassword);
      const client = clientFromSession(t.app, res);
      const me = await client.get('/api/auth/me');
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json()).toEqual(res.json());
    });

    it('logs out: the session is deleted, the cookie cleared, and the old cookie no longer works', async () => {
      const res = await login(t, 'reviewer01', demoPassword);
      const user = res.json<SessionUser>();
      const client = clientFromSession(t.app, res);
      const before = await sessionCount(t, user.id);

      const out = await client.post('/api/auth/logout');
      expect(out.statusCode, out.body).toBe(200);
      expect(out.json()).toEqual({ ok: true });
      const cleared = setCookies(out).find((c) => c.startsWith('tb_session='));
      expect(cleared).toMatch(/^tb_session=;/);
      expect(await sessionCount(t, user.id)).toBe(before - 1);

      expectError(await client.get('/api/auth/me'), 'UNAUTHENTICATED');
      expectError(await client.get('/api/staff'), 'UNAUTHENTICATED');
    });

    it('logging out without a session is harmless', async () => {
      const res = await t.anonymous.post('/api/auth/logout');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
    });
  });

  describe('registration', () => {
    it('refuses a resident ID number with a wrong check digit: 400 on residentId mentioning 校验位, and creates nothing', async () => {
      const res = await t.anonymous.post('/api/auth/register', citizen({ username: 'badid2026', residentId: '110105194912310021' }));
      const issue = issuesOf(res).find((i) => i.path === 'residentId');
      expect(issue, res.body).toBeDefined();
      expect(issue!.message).toContain('校验位');
      expect(setCookies(res).some((c) => c.startsWith('tb_session='))).toBe(false);
      expect(await accountByUsername(t, 'badid2026')).toBeUndefined();
      expectError(await login(t, 'badid2026', 'Lisi2026pass'), 'INVALID_CREDENTIALS');
    });

    it('explains field problems in English on request', async () => {
      const res = await t.anonymous.request({
        method: 'POST',
        url: '/api/auth/register',
        payload: citizen({ username: 'badid2027', residentId: '110105194912310021', phone: '12345' }),
        headers: { 'accept-language': 'en' },
      });
      const body = expectError(res, 'VALIDATION_FAILED', 'en');
      const issues = (body.details as { issues: { path: string; message: string }[] }).issues;
      expect(issues).toContainEqual(expect.objectContaining({ path: 'residentId', message: 'The check digit does not match: check the number' }));
      expect(issues).toContainEqual(expect.objectContaining({ path: 'phone', message: 'Enter an 11-digit mobile number' }));
    });

    it('refuses an enterprise with an invalid unified social credit code: 400 on creditCode, nothing created', async () => {
      const good = enterprise().creditCode;
      const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
      const res = await t.anonymous.post('/api/auth/register', enterprise({ username: 'badcredit1', creditCode: bad }));
      const issues = issuesOf(res);
      expect(issues.map((i) => i.path)).toEqual(['creditCode']);
      expect(issues[0]!.message).toContain('统一社会信用代码');
      expect(await accountByUsername(t, 'badcredit1')).toBeUndefined();
    });

    it('refuses a weak password (letters and digits are both required)', async () => {
      for (const password of ['12345678', 'abcdefgh', 'short1']) {
        const res = await t.anonymous.post('/api/auth/register', citizen({ username: 'weakpass1', password }));
        expect(
          issuesOf(res).map((i) => i.path),
          `password ${password}`,
        ).toContain('password');
      }
      expect(await accountByUsername(t, 'weakpass1')).toBeUndefined();
    });

    it('registers a citizen: 201, logged in at once, the identifiers normalised and stored, the registration audited', async () => {
      const payload = citizen({ residentId: ' 11010519491231002x ' });
      const res = await t.anonymous.post('/api/auth/register', payload);
      expect(res.statusCode, res.body).toBe(201);
      const user = res.json<SessionUser>();
      expect(user).toMatchObject({
        kind: 'citizen',
        username: 'lisi2026',
        displayName: '李四',
        roles: ['applicant'],
        scope: null,
        organisation: null,
        phoneMasked: '139****0009',
      });
      expect(user.residentIdMasked).toMatch(maskedResidentId);
      const cookie = setCookies(res).find((c) => c.startsWith('tb_session='));
      expect(cookie).toMatch(/HttpOnly/i);

      const me = await clientFromSession(t.app, res).get('/api/auth/me');
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json<SessionUser>().id).toBe(user.id);

      const row = await accountByUsername(t, 'lisi2026');
      expect(row).toMatchObject({ kind: 'citizen', residentId: '11010519491231002X', phone: '13900000009', roles: ['applicant'], status: 'active' });
      expect(row!.passwordHash).not.toContain('Lisi2026pass');
      expect(await auditCount(t, 'account.register', user.id)).toBe(1);

      const again = await login(t, '11010519491231002X', 'Lisi2026pass');
      expect(again.statusCode, again.body).toBe(200);
    });

    it('registers an enterprise user with the organisation', async () => {
      const payload = enterprise();
      const res = await t.anonymous.post('/api/auth/register', payload);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<SessionUser>()).toMatchObject({
        kind: 'enterprise',
        username: 'bzfood_agent',
        organisation: { name: '巴中市恩阳食品有限公司', creditCode: payload.creditCode },
      });
      expect(await accountByUsername(t, 'bzfood_agent')).toMatchObject({
        kind: 'enterprise',
        organisationName: '巴中市恩阳食品有限公司',
        creditCode: payload.creditCode,
      });
    });

    it('refuses a username already taken, whatever its case, with 409 ALREADY_EXISTS', async () => {
      const before = (await t.database.db.select({ n: count() }).from(accounts))[0]!.n;
      for (const username of ['ZhangSan', 'ADMIN', 'LiSi2026']) {
        const res = await t.anonymous.post('/api/auth/register', citizen({ username, residentId: residentId('51190219950505555'), phone: '13900000011' }));
        expectError(res, 'ALREADY_EXISTS');
        expect(setCookies(res).some((c) => c.startsWith('tb_session='))).toBe(false);
      }
      const after = (await t.database.db.select({ n: count() }).from(accounts))[0]!.n;
      expect(after).toBe(before);
    });

    it('refuses a second citizen account for the same resident ID number with 409 ALREADY_EXISTS', async () => {
      const res = await t.anonymous.post('/api/auth/register', citizen({ username: 'zhangsan_2', residentId: demoCitizen.residentId, phone: '13900000012' }));
      expectError(res, 'ALREADY_EXISTS');
      expect(await accountByUsername(t, 'zhangsan_2')).toBeUndefined();
    });
  });

  describe('password change', () => {
    it('requires the current password, then only the new password works', async () => {
      const reg = await t.anonymous.post(
        '/api/auth/register',
        citizen({ username: 'wangwu2026', residentId: residentId('51190219700101001'), phone: '13900000013' }),
      );
      expect(reg.statusCode, reg.body).toBe(201);
      const client = clientFromSession(t.app, reg);
      const id = reg.json<SessionUser>().id;
      const hashBefore = (await accountByUsername(t, 'wangwu2026'))!.passwordHash;

      const wrong = await client.post('/api/auth/password', { currentPassword: 'NotMine2026', newPassword: 'Changed2026x' });
      const issues = issuesOf(wrong);
      expect(issues).toEqual([expect.objectContaining({ path: 'currentPassword', message: '当前密码不正确' })]);
      expect((await accountByUsername(t, 'wangwu2026'))!.passwordHash).toBe(hashBefore);

      const tooShort = await client.post('/api/auth/password', { currentPassword: 'Lisi2026pass', newPassword: 'a1' });
      expect(issuesOf(tooShort).map((i) => i.path)).toEqual(['newPassword']);

      const ok = await client.post('/api/auth/password', { currentPassword: 'Lisi2026pass', newPassword: 'Changed2026x' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toEqual({ ok: true });
      expect(await auditCount(t, 'account.password_changed', id)).toBe(1);

      expectError(await login(t, 'wangwu2026', 'Lisi2026pass'), 'INVALID_CREDENTIALS');
      expect((await login(t, 'wangwu2026', 'Changed2026x')).statusCode).toBe(200);
    });

    it('needs a session', async () => {
      expectError(await t.anonymous.post('/api/auth/password', { currentPassword: demoPassword, newPassword: 'Changed2026x' }), 'UNAUTHENTICATED');
    });
  });
});

describe.each(engines())('login lockout on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(async () => t.close());

  it('locks an account after ten wrong passwords, refuses even the right one with 423, and an admin unlocks it', async () => {
    const target = (await accountByUsername(t, 'window01'))!;
    for (let attempt = 1; attempt <= 9; attempt++) {
      const res = await login(t, 'window01', `Wrong${attempt}x`);
      expectError(res, 'INVALID_CREDENTIALS');
      expect((await accountByUsername(t, 'window01'))!.failedLogins).toBe(attempt);
    }
    const tenth = await login(t, 'window01', 'Wrong10x');
    expect([401, 423]).toContain(tenth.statusCode);

    const started = Date.now();
    const eleventh = await login(t, 'window01', demoPassword);
    const body = expectError(eleventh, 'ACCOUNT_LOCKED');
    expect(body.message).toBe('登录失败次数过多，账号已临时锁定，请稍后再试');
    expect(setCookies(eleventh).some((c) => c.startsWith('tb_session='))).toBe(false);
    const lockedUntil = Date.parse((body.details as { lockedUntil: string }).lockedUntil);
    expect(lockedUntil).toBeGreaterThan(started + 14 * 60_000);
    expect(lockedUntil).toBeLessThan(started + 16 * 60_000);

    const row = (await accountByUsername(t, 'window01'))!;
    expect(row.failedLogins).toBe(10);
    expect(row.lockedUntil).not.toBeNull();
    expect(await auditCount(t, 'auth.login_failed', target.id)).toBe(10);

    // The lock shows in the admin console, and a centre admin lifts it.
    const admin = await t.login('admin');
    const shown = await admin.get(`/api/staff/${target.id}`);
    expect(shown.json().lockedUntil).not.toBeNull();
    const unlock = await admin.post(`/api/staff/${target.id}/unlock`);
    expect(unlock.statusCode, unlock.body).toBe(200);
    expect(unlock.json()).toMatchObject({ id: target.id, username: 'window01', lockedUntil: null });
    expect(await auditCount(t, 'staff.unlock', target.id)).toBe(1);
    expect((await accountByUsername(t, 'window01'))!.failedLogins).toBe(0);

    const after = await login(t, 'window01', demoPassword);
    expect(after.statusCode, after.body).toBe(200);
  });

  it('an unlock needs an administrator in reach: a window clerk gets 403 and the department admin of another department 404', async () => {
    const target = (await accountByUsername(t, 'supervisor01'))!;
    const window = await t.login('window01');
    expectError(await window.post(`/api/staff/${target.id}/unlock`), 'FORBIDDEN');
    const deptadmin = await t.login('deptadmin');
    expectError(await deptadmin.post(`/api/staff/${target.id}/unlock`), 'NOT_FOUND');
  });
});

describe.each(engines())('login rate limit on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => t.close());

  it('answers 429 RATE_LIMITED to the fourth login in a minute, even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await login(t, 'admin', i === 2 ? demoPassword : 'Wrong2026x');
      expect(res.statusCode, res.body).toBe(i === 2 ? 200 : 401);
    }
    const fourth = await login(t, 'admin', demoPassword);
    expectError(fourth, 'RATE_LIMITED');
    expect(fourth.headers['retry-after']).toBeDefined();
    expect(setCookies(fourth).some((c) => c.startsWith('tb_session='))).toBe(false);

    const en = await login(t, 'admin', demoPassword, { 'accept-language': 'en' });
    expectError(en, 'RATE_LIMITED', 'en');

    // Other routes are not limited.
    expect((await t.anonymous.get('/api/health')).statusCode).toBe(200);
  });
});
