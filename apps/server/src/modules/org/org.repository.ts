/** The only file of the org module that touches the database. */
import { and, asc, count, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { accounts } from '../identity/identity.schema.ts';
import { departments, halls, hallWindows, regions } from './org.schema.ts';

export type RegionRow = typeof regions.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type HallRow = typeof halls.$inferSelect;
export type WindowRow = typeof hallWindows.$inferSelect;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const staffIn = (column: SQL | typeof accounts.departmentId) => sql<number>`(select count(*)::int from ${accounts} where ${column})`;

export interface ListFilter {
  q?: string | undefined;
  regionPrefix?: string | null | undefined;
  limit: number;
  offset: number;
}

export const orgRepository = {
  // Regions
  async regionChildren(db: Executor, parentCode: string | null, q?: string) {
    const conditions: SQL[] = [parentCode ? eq(regions.parentCode, parentCode) : sql`${regions.parentCode} is null`];
    if (q) conditions.splice(0, 1, or(ilike(regions.name, `%${escapeLike(q)}%`), like(regions.code, `${escapeLike(q)}%`))!);
    return db
      .select({ region: regions, childCount: sql<number>`(select count(*)::int from ${regions} c where c.parent_code = ${regions}.code)` })
      .from(regions)
      .where(and(...conditions))
      .orderBy(asc(regions.code))
      .limit(500);
  },
  async findRegion(db: Executor, code: string) {
    const rows = await db
      .select({ region: regions, childCount: sql<number>`(select count(*)::int from ${regions} c where c.parent_code = ${regions}.code)` })
      .from(regions)
      .where(eq(regions.code, code));
    return rows[0];
  },
  async insertRegion(db: Executor, row: typeof regions.$inferInsert) {
    await db.insert(regions).values(row);
  },
  async renameRegion(db: Executor, code: string, name: string) {
    await db.update(regions).set({ name }).where(eq(regions.code, code));
  },
  async deleteRegion(db: Executor, code: string) {
    await db.delete(regions).where(eq(regions.code, code));
  },

  // Departments
  async listDepartments(db: Executor, f: ListFilter) {
    const conditions: SQL[] = [];
    if (f.regionPrefix) conditions.push(like(departments.regionCode, `${f.regionPrefix}%`));
    if (f.q)
      conditions.push(
        or(
          ilike(departments.name, `%${escapeLike(f.q)}%`),
          ilike(departments.shortName, `%${escapeLike(f.q)}%`),
          eq(departments.creditCode, f.q.toUpperCase()),
        )!,
      );
    const where = conditions.length ? and(...conditions) : undefined;
    const [items, totals] = await Promise.all([
      db
        .select({ department: departments, regionName: regions.name, staffCount: staffIn(eq(accounts.departmentId, departments.id)) })
        .from(departments)
        .leftJoin(regions, eq(regions.code, departments.regionCode))
        .where(where)
        .orderBy(asc(departments.regionCode), asc(departments.name))
        .limit(f.limit)
        .offset(f.offset),
      db.select({ n: count() }).from(departments).where(where),
    ]);
    return { items, total: totals[0]?.n ?? 0 };
  },
  async findDepartment(db: Executor, id: string) {
    const rows = await db
      .select({ department: departments, regionName: regions.name, staffCount: staffIn(eq(accounts.departmentId, departments.id)) })
      .from(departments)
      .leftJoin(regions, eq(regions.code, departments.regionCode))
      .where(eq(departments.id, id));
    return rows[0];
  },
  async insertDepartment(db: Executor, row: typeof departments.$inferInsert) {
    const rows = await db.insert(departments).values(row).returning({ id: departments.id });
    return rows[0]!.id;
  },
  async updateDepartment(db: Executor, id: string, version: number, patch: Partial<typeof departments.$inferInsert>) {
    const rows = await db
      .update(departments)
      .set({ ...patch, version: sql`${departments.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(departments.id, id), eq(departments.version, version)))
      .returning({ id: departments.id });
    return rows.length === 1;
  },
  async deleteDepartment(db: Executor, id: string) {
    await db.delete(departments).where(eq(departments.id, id));
  },

  // Halls
  async listHalls(db: Executor, f: ListFilter & { kind?: string | undefined }) {
    const conditions: SQL[] = [];
    if (f.regionPrefix) conditions.push(like(halls.regionCode, `${f.regionPrefix}%`));
    if (f.kind) conditions.push(eq(halls.kind, f.kind as HallRow['kind']));
    if (f.q) conditions.push(or(ilike(halls.name, `%${escapeLike(f.q)}%`), ilike(halls.address, `%${escapeLike(f.q)}%`))!);
    const where = conditions.length ? and(...conditions) : undefined;
    const [items, totals] = await Promise.all([
      db
        .select({ hall: halls, regionName: regions.name, windowCount: sql<number>`(select count(*)::int from ${hallWindows} w where w.hall_id = ${halls.id})` })
        .from(halls)
        .leftJoin(regions, eq(regions.code, halls.regionCode))
        .where(where)
        .orderBy(asc(halls.regionCode), asc(halls.name))
        .limit(f.limit)
        .offset(f.offset),
      db.select({ n: count() }).from(halls).where(where),
    ]);
    return { items, total: totals[0]?.n ?? 0 };
  },
  async findHall(db: Executor, id: string) {
    const rows = await db
      .select({ hall: halls, regionName: regions.name, windowCount: sql<number>`(select count(*)::int from ${hallWindows} w where w.hall_id = ${halls.id})` })
      .from(halls)
      .leftJoin(regions, eq(regions.code, halls.regionCode))
      .where(eq(halls.id, id));
    return rows[0];
  },
  async insertHall(db: Executor, row: typeof halls.$inferInsert) {
    const rows = await db.insert(halls).values(row).returning({ id: halls.id });
    return rows[0]!.id;
  },
  async updateHall(db: Executor, id: string, version: number, patch: Partial<typeof halls.$inferInsert>) {
    const rows = await db
      .update(halls)
      .set({ ...patch, version: sql`${halls.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(halls.id, id), eq(halls.version, version)))
      .returning({ id: halls.id });
    return rows.length === 1;
  },
  async deleteHall(db: Executor, id: string) {
    await db.delete(halls).where(eq(halls.id, id));
  },

  // Windows
  async listWindows(db: Executor, hallId: string) {
    return db
      .select({ window: hallWindows, departmentName: departments.name, staffCount: staffIn(eq(accounts.windowId, hallWindows.id)) })
      .from(hallWindows)
      .leftJoin(departments, eq(departments.id, hallWindows.departmentId))
      .where(eq(hallWindows.hallId, hallId))
      .orderBy(asc(hallWindows.number));
  },
  async findWindow(db: Executor, id: string) {
    const rows = await db
      .select({
        window: hallWindows,
        departmentName: departments.name,
        staffCount: staffIn(eq(accounts.windowId, hallWindows.id)),
        hallRegion: halls.regionCode,
      })
      .from(hallWindows)
      .innerJoin(halls, eq(halls.id, hallWindows.hallId))
      .leftJoin(departments, eq(departments.id, hallWindows.departmentId))
      .where(eq(hallWindows.id, id));
    return rows[0];
  },
  async insertWindow(db: Executor, row: typeof hallWindows.$inferInsert) {
    const rows = await db.insert(hallWindows).values(row).returning({ id: hallWindows.id });
    return rows[0]!.id;
  },
  async updateWindow(db: Executor, id: string, version: number, patch: Partial<typeof hallWindows.$inferInsert>) {
    const rows = await db
      .update(hallWindows)
      .set({ ...patch, version: sql`${hallWindows.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(hallWindows.id, id), eq(hallWindows.version, version)))
      .returning({ id: hallWindows.id });
    return rows.length === 1;
  },
  async deleteWindow(db: Executor, id: string) {
    await db.delete(hallWindows).where(eq(hallWindows.id, id));
  },
};
