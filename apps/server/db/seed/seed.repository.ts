/** Database writes of the demo seed. */
import { count, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../src/platform/db/client.ts';
import { accounts, departments, halls, hallWindows, regions } from '../../src/platform/db/schema.ts';

export const seedRepository = {
  async accountExists(db: Db, username: string) {
    const rows = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(sql`lower(${accounts.username})`, username.toLowerCase()));
    return rows.length > 0;
  },
  async accountCount(db: Db) {
    const rows = await db.select({ n: count() }).from(accounts);
    return rows[0]?.n ?? 0;
  },
  async upsertRegion(tx: Executor, row: typeof regions.$inferInsert) {
    await tx.insert(regions).values(row).onConflictDoNothing();
  },
  async upsertDepartment(tx: Executor, row: typeof departments.$inferInsert) {
    await tx.insert(departments).values(row).onConflictDoNothing();
    const found = await tx.select({ id: departments.id }).from(departments).where(eq(departments.creditCode, row.creditCode));
    return found[0]!.id;
  },
  async departmentIdByCreditCode(tx: Executor, creditCode: string) {
    const rows = await tx.select({ id: departments.id }).from(departments).where(eq(departments.creditCode, creditCode));
    return rows[0]?.id;
  },
  async insertHall(tx: Executor, row: typeof halls.$inferInsert) {
    const rows = await tx.insert(halls).values(row).returning({ id: halls.id });
    return rows[0]!.id;
  },
  async insertWindow(tx: Executor, row: typeof hallWindows.$inferInsert) {
    const rows = await tx.insert(hallWindows).values(row).returning({ id: hallWindows.id });
    return rows[0]!.id;
  },
};
