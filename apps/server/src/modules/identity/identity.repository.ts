/** The only file of the identity module that touches the database. */
import { and, arrayContains, count, eq, gt, ilike, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { preparedPerDb } from '../../platform/db/prepared.ts';
import { departments, hallWindows, regions } from '../../platform/db/schema.ts';
import { accounts, sessions } from './identity.schema.ts';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;

export interface StaffFilter {
  region: { prefix: string } | { exact: string } | null;
  departmentId: string | null;
  q?: string | undefined;
  role?: string | undefined;
  limit: number;
  offset: number;
}

const staffColumns = {
  account: accounts,
  departmentName: departments.name,
  regionName: regions.name,
  windowName: sql<string | null>`case when ${hallWindows.id} is null then null else ${hallWindows.number} || ' ' || ${hallWindows.name} end`,
};

const sessionByToken = preparedPerDb((db) =>
  db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .limit(1)
    .prepare('session_by_token'),
);

export const identityRepository = {
  async findByIdentifier(db: Executor, identifier: string): Promise<AccountRow | undefined> {
    const rows = await db
      .select()
      .from(accounts)
      .where(
        or(eq(sql`lower(${accounts.username})`, identifier.toLowerCase()), eq(accounts.phone, identifier), eq(accounts.residentId, identifier.toUpperCase())),
      )
      .orderBy(accounts.createdAt)
      .limit(1);
    return rows[0];
  },

  async findById(db: Executor, id: string): Promise<AccountRow | undefined> {
    const rows = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
    return rows[0];
  },

  async departmentName(db: Executor, id: string): Promise<string | undefined> {
    const rows = await db.select({ name: departments.name }).from(departments).where(eq(departments.id, id));
    return rows[0]?.name;
  },

  async insertAccount(db: Executor, row: NewAccountRow): Promise<AccountRow> {
    const rows = await db.insert(accounts).values(row).returning();
    return rows[0]!;
  },

  /** Counts one failed login atomically; locks the account when the count reaches `maxFailures`. */
  async recordFailedLogin(db: Executor, id: string, maxFailures: number, lockUntil: Date): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
    const rows = await db
      .update(accounts)
      .set({
        failedLogins: sql`${accounts.failedLogins} + 1`,
        lockedUntil: sql`case when ${accounts.failedLogins} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${accounts.lockedUntil} end`,
      })
      .where(eq(accounts.id, id))
      .returning({ failedLogins: accounts.failedLogins, lockedUntil: accounts.lockedUntil });
    return rows[0] ?? { failedLogins: 0, lockedUntil: null };
  },

  async recordSuccessfulLogin(db: Executor, id: string, at: Date): Promise<void> {
    await db.update(accounts).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where(eq(accounts.id, id));
  },

  async insertSession(db: Executor, row: typeof sessions.$inferInsert): Promise<void> {
    await db.insert(sessions).values(row);
  },

  async findSession(db: Executor, tokenHash: string, now: Date): Promise<{ session: typeof sessions.$inferSelect; account: AccountRow } | undefined> {
    const rows = await sessionByToken(db).execute({ tokenHash, now });
    return rows[0];
  },

  async deleteSession(db: Executor, tokenHash: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  },

  async deleteSessionsOf(db: Executor, accountId: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.accountId, accountId));
  },

  async deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
    const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ t: sessions.tokenHash });
    return rows.length;
  },

  async setPassword(db: Executor, id: string, passwordHash: string): Promise<void> {
    await db
      .update(accounts)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(accounts.id, id));
  },

  async unlock(db: Executor, id: string): Promise<void> {
    await db.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, id));
  },

  async listStaff(db: Executor, f: StaffFilter) {
    const conditions: SQL[] = [eq(accounts.kind, 'staff')];
    if (f.region) conditions.push('prefix' in f.region ? like(accounts.regionCode, `${f.region.prefix}%`) : eq(accounts.regionCode, f.region.exact));
    if (f.departmentId) conditions.push(eq(accounts.departmentId, f.departmentId));
    if (f.role) conditions.push(arrayContains(accounts.roles, [f.role]));
    if (f.q) {
      const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(accounts.username, pattern), ilike(accounts.displayName, pattern))!);
    }
    const where = and(...conditions);
    const [items, totals] = await Promise.all([
      db
        .select(staffColumns)
        .from(accounts)
        .leftJoin(departments, eq(departments.id, accounts.departmentId))
        .leftJoin(regions, eq(regions.code, accounts.regionCode))
        .leftJoin(hallWindows, eq(hallWindows.id, accounts.windowId))
        .where(where)
        .orderBy(accounts.username)
        .limit(f.limit)
        .offset(f.offset),
      db.select({ n: count() }).from(accounts).where(where),
    ]);
    return { items, total: totals[0]?.n ?? 0 };
  },

  async findStaff(db: Executor, id: string) {
    const rows = await db
      .select(staffColumns)
      .from(accounts)
      .leftJoin(departments, eq(departments.id, accounts.departmentId))
      .leftJoin(regions, eq(regions.code, accounts.regionCode))
      .leftJoin(hallWindows, eq(hallWindows.id, accounts.windowId))
      .where(and(eq(accounts.id, id), eq(accounts.kind, 'staff')));
    return rows[0];
  },

  /** Updates when the stored version matches; returns false on a lost race (optimistic locking). */
  async updateStaff(db: Executor, id: string, version: number, patch: Partial<NewAccountRow>): Promise<boolean> {
    const rows = await db
      .update(accounts)
      .set({ ...patch, version: sql`${accounts.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(accounts.id, id), eq(accounts.version, version)))
      .returning({ id: accounts.id });
    return rows.length === 1;
  },
};
