import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department, SessionUser } from '@tongban/contracts';
import { makeCreditCode } from '@tongban/domain';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { demoPassword } from '../../../db/seed/demo-data.ts';
import { auditLog } from '../db/schema.ts';
import { pgErrorCode } from '../errors.ts';
import { canonicalJson, verifyAuditChain } from './audit.ts';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('名称')).toBe('"名称"');
  });
});

describe.each(engines())('audit log on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let adminId: string;
  const rows = () => t.database.db.select().from(auditLog).orderBy(asc(auditLog.id));
  const total = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
  /** Runs `change` with the append-only trigger disabled, as the database owner could. */
  const asOwner = async (change: () => Promise<unknown>) => {
    await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    try {
      await change();
    } finally {
      await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    }
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: 'admin', password: demoPassword },
      headers: { 'x-request-id': 'audit-login-0001' },
    });
    expect(res.statusCode).toBe(200);
    adminId = res.json<SessionUser>().id;
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  it('records a login and a department creation, with who, what, the request id and the ip', async () => {
    const login = (await rows()).find((r) => r.action === 'auth.login' && r.requestId === 'audit-login-0001');
    expect(login).toMatchObject({ actorId: adminId, targetType: 'account', targetId: adminId, ip: '127.0.0.1' });

    const res = await admin.request({
      method: 'POST',
      url: '/api/org/departments',
      payload: { name: '巴中市审计测试局', creditCode: makeCreditCode('1', '1', '511900', '00871001'), regionCode: '511900' },
      headers: { 'x-request-id': 'audit-create-0001' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const dept = res.json<Department>();
    const entries = (await rows()).filter((r) => r.targetId === dept.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'department.create',
      actorId: adminId,
      targetType: 'department',
      requestId: 'audit-create-0001',
      details: { name: '巴中市审计测试局' },
    });
  });

  it('chains every entry to the one before, from the genesis hash, and the chain verifies', async () => {
    const all = await rows();
    expect(all.length).toBeGreaterThan(10);
    expect(all[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < all.length; i++) expect(all[i]!.prevHash, `entry ${all[i]!.id}`).toBe(all[i - 1]!.hash);
    expect(new Set(all.map((r) => r.hash)).size).toBe(all.length);
    expect(all.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(await verifyAuditChain(t.database.db)).toBeNull();
  });

  it('keeps the chain intact under concurrent writes', async () => {
    const before = await total();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        admin.post('/api/org/departments', {
          name: `巴中市并发测试局${i}`,
          creditCode: makeCreditCode('1', '1', '511900', `0087${2000 + i}`),
          regionCode: '511900',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(await total()).toBe(before + 8);
    expect(await verifyAuditChain(t.database.db)).toBeNull();
  });

  it('refuses UPDATE and DELETE on audit_log at the database level', async () => {
    const before = await rows();
    const target = before.at(-1)!;
    const update = t.database.db.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.id, target.id));
    await expect(update).rejects.toSatisfy((e: unknown) => pgErrorCode(e) === '42501');
    await expect(t.database.db.execute(sql`update audit_log set details = '{"x":1}'::jsonb`)).rejects.toSatisfy((e: unknown) => pgErrorCode(e) === '42501');
    await expect(t.database.db.delete(auditLog).where(eq(auditLog.id, target.id))).rejects.toSatisfy((e: unknown) => pgErrorCode(e) === '42501');
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    expect(await rows()).toEqual(before);
  });

  it('refuses TRUNCATE on audit_log too', async () => {
    const before = await total();
    let truncated = false;
    await t.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`truncate audit_log`);
        truncated = true;
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await total()).toBe(before);
    expect(truncated, 'TRUNCATE audit_log succeeded').toBe(false);
  });

  it('detects an entry whose details were changed behind its back, and verifies again once restored', async () => {
    const all = await rows();
    const victim = all.find((r) => r.action === 'department.create')!;
    expect(victim.id).not.toBe(all.at(-1)!.id);
    await asOwner(() =>
      t.database.db
        .update(auditLog)
        .set({ details: { name: '篡改后的名称' } })
        .where(eq(auditLog.id, victim.id)),
    );
    expect(await verifyAuditChain(t.database.db)).toBe(victim.id);

    // The trigger is back on.
    await expect(t.database.db.update(auditLog).set({ details: victim.details }).where(eq(auditLog.id, victim.id))).rejects.toThrow();
    await asOwner(() => t.database.db.update(auditLog).set({ details: victim.details }).where(eq(auditLog.id, victim.id)));
    expect(await verifyAuditChain(t.database.db)).toBeNull();
  });

  it('detects a changed actor, action, time or target', async () => {
    const victim = (await rows()).find((r) => r.action === 'auth.login')!;
    const changes = [
      { actorId: '00000000-0000-4000-8000-000000000000' },
      { action: 'auth.logout' },
      { at: new Date(victim.at.getTime() + 1000) },
      { targetId: 'someone-else' },
    ];
    for (const change of changes) {
      await asOwner(() => t.database.db.update(auditLog).set(change).where(eq(auditLog.id, victim.id)));
      expect(await verifyAuditChain(t.database.db), JSON.stringify(change)).toBe(victim.id);
      await asOwner(() =>
        t.database.db
          .update(auditLog)
          .set({ actorId: victim.actorId, action: victim.action, at: victim.at, targetId: victim.targetId })
          .where(eq(auditLog.id, victim.id)),
      );
      expect(await verifyAuditChain(t.database.db)).toBeNull();
    }
  });

  it('detects entries removed from the end of the chain, since its head still names the last one', async () => {
    await admin.post('/api/org/departments', { name: '巴中市尾部测试局', creditCode: makeCreditCode('1', '1', '511900', '00873001'), regionCode: '511900' });
    const last = (await rows()).at(-1)!;
    expect(await verifyAuditChain(t.database.db)).toBeNull();
    await asOwner(() => t.database.db.delete(auditLog).where(eq(auditLog.id, last.id)));
    expect(await verifyAuditChain(t.database.db)).toBe(last.id);
    // Put back as it was, the chain verifies again.
    await asOwner(() => t.database.db.insert(auditLog).values(last));
    expect(await verifyAuditChain(t.database.db)).toBeNull();
  });

  it('detects a changed ip address or request id (who did it, from where, is evidence too)', async () => {
    const victim = (await rows()).find((r) => r.action === 'auth.login' && r.requestId === 'audit-login-0001')!;
    try {
      await asOwner(() => t.database.db.update(auditLog).set({ ip: '10.9.8.7' }).where(eq(auditLog.id, victim.id)));
      expect(await verifyAuditChain(t.database.db), 'ip changed').toBe(victim.id);
      await asOwner(() => t.database.db.update(auditLog).set({ ip: victim.ip, requestId: 'forged-request-id' }).where(eq(auditLog.id, victim.id)));
      expect(await verifyAuditChain(t.database.db), 'request id changed').toBe(victim.id);
    } finally {
      await asOwner(() => t.database.db.update(auditLog).set({ ip: victim.ip, requestId: victim.requestId }).where(eq(auditLog.id, victim.id)));
    }
  });
});
