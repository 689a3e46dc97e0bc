/** The only file of the catalog module that touches the database. */
import { and, arrayContains, asc, count, desc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { departments } from '../org/org.schema.ts';
import { catalogBundles, catalogItems, catalogItemVersions } from './catalog.schema.ts';

export type ItemRow = typeof catalogItems.$inferSelect;
export type VersionRow = typeof catalogItemVersions.$inferSelect;

export interface PublicFilter {
  tsQuery: string | null;
  text: string | null;
  departmentId?: string | undefined;
  regionPrefix?: string | null | undefined;
  theme?: string | undefined;
  audience?: string | undefined;
  itemType?: string | undefined;
  depth?: string | undefined;
  flag?: 'immediate' | 'online' | 'oneVisit' | 'zeroVisit' | 'nearby' | undefined;
  limit: number;
  offset: number;
}

const flagColumn = {
  immediate: catalogItems.isImmediate,
  online: catalogItems.isOnline,
  oneVisit: catalogItems.isOneVisit,
  zeroVisit: catalogItems.isZeroVisit,
  nearby: catalogItems.isNearby,
} as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const catalogRepository = {
  async searchPublished(db: Executor, f: PublicFilter) {
    const conditions: SQL[] = [eq(catalogItems.status, 'published')];
    if (f.departmentId) conditions.push(eq(catalogItems.departmentId, f.departmentId));
    if (f.regionPrefix) conditions.push(like(catalogItems.regionCode, `${f.regionPrefix}%`));
    if (f.theme) conditions.push(arrayContains(catalogItems.themes, [f.theme]));
    if (f.audience) conditions.push(arrayContains(catalogItems.serviceObjects, [f.audience]));
    if (f.itemType) conditions.push(eq(catalogItems.itemType, f.itemType));
    if (f.depth) conditions.push(arrayContains(catalogItems.onlineDepth, [f.depth]));
    if (f.flag) conditions.push(eq(flagColumn[f.flag], true));
    // Matching uses only the GIN-indexed vector; the name comparisons only reorder what matched.
    let rank: SQL = sql`0::real`;
    if (f.tsQuery) {
      const query = sql`to_tsquery('simple', ${f.tsQuery})`;
      conditions.push(sql`${catalogItems.searchVector} @@ ${query}`);
      const text = f.text ? escapeLike(f.text) : null;
      // Rank: words matched, then the whole query inside the name, then a name that starts with it, then popularity.
      rank = sql`ts_rank(${catalogItems.searchVector}, ${query})
        + case when ${text ? sql`${catalogItems.name} ilike ${`%${text}%`}` : sql`false`} then 1 else 0 end
        + case when ${text ? sql`${catalogItems.name} ilike ${`${text}%`}` : sql`false`} then 0.5 else 0 end
        + ln(1 + ${catalogItems.popularity}) / 100`;
    } else if (f.text) {
      // Nothing left after segmentation (e.g. only stop words or punctuation): fall back to the name.
      conditions.push(ilike(catalogItems.name, `%${escapeLike(f.text)}%`));
    }
    const where = and(...conditions);
    const [items, totals] = await Promise.all([
      db
        .select({ item: catalogItems, departmentName: departments.name, rank: sql<number>`${rank}` })
        .from(catalogItems)
        .innerJoin(departments, eq(departments.id, catalogItems.departmentId))
        .where(where)
        .orderBy(...(f.tsQuery ? [desc(sql`${rank}`)] : []), desc(catalogItems.popularity), asc(catalogItems.name))
        .limit(f.limit)
        .offset(f.offset),
      db.select({ n: count() }).from(catalogItems).where(where),
    ]);
    return { items, total: totals[0]?.n ?? 0 };
  },

  async findByImplCode(db: Executor, implCode: string) {
    const rows = await db
      .select({ item: catalogItems, departmentName: departments.name })
      .from(catalogItems)
      .innerJoin(departments, eq(departments.id, catalogItems.departmentId))
      .where(eq(catalogItems.implCode, implCode));
    return rows[0];
  },

  async findById(db: Executor, id: string) {
    const rows = await db
      .select({ item: catalogItems, departmentName: departments.name })
      .from(catalogItems)
      .innerJoin(departments, eq(departments.id, catalogItems.departmentId))
      .where(eq(catalogItems.id, id));
    return rows[0];
  },

  async version(db: Executor, itemId: string, version: number) {
    const rows = await db
      .select()
      .from(catalogItemVersions)
      .where(and(eq(catalogItemVersions.itemId, itemId), eq(catalogItemVersions.version, version)));
    return rows[0];
  },

  async versions(db: Executor, itemId: string) {
    return db.select().from(catalogItemVersions).where(eq(catalogItemVersions.itemId, itemId)).orderBy(desc(catalogItemVersions.version));
  },

  async listForAdmin(
    db: Executor,
    f: { departmentId: string | null; regionPrefix: string | null; status?: string | undefined; q?: string | undefined; limit: number; offset: number },
  ) {
    const conditions: SQL[] = [];
    if (f.departmentId) conditions.push(eq(catalogItems.departmentId, f.departmentId));
    if (f.regionPrefix) conditions.push(like(catalogItems.regionCode, `${f.regionPrefix}%`));
    if (f.status) conditions.push(eq(catalogItems.status, f.status as ItemRow['status']));
    if (f.q) conditions.push(or(ilike(catalogItems.name, `%${escapeLike(f.q)}%`), eq(catalogItems.implCode, f.q.toUpperCase()))!);
    const where = conditions.length ? and(...conditions) : undefined;
    const [items, totals] = await Promise.all([
      db
        .select({ item: catalogItems, departmentName: departments.name })
        .from(catalogItems)
        .innerJoin(departments, eq(departments.id, catalogItems.departmentId))
        .where(where)
        .orderBy(desc(catalogItems.updatedAt))
        .limit(f.limit)
        .offset(f.offset),
      db.select({ n: count() }).from(catalogItems).where(where),
    ]);
    return { items, total: totals[0]?.n ?? 0 };
  },

  async insertItem(db: Executor, row: typeof catalogItems.$inferInsert) {
    const rows = await db.insert(catalogItems).values(row).returning();
    return rows[0]!;
  },

  /** Changes the item row when its row version matches (optimistic locking); false on a lost race. */
  async updateItem(db: Executor, id: string, rowVersion: number, patch: Partial<typeof catalogItems.$inferInsert>) {
    const rows = await db
      .update(catalogItems)
      .set({ ...patch, rowVersion: sql`${catalogItems.rowVersion} + 1`, updatedAt: sql`now()` })
      .where(and(eq(catalogItems.id, id), eq(catalogItems.rowVersion, rowVersion)))
      .returning({ id: catalogItems.id });
    return rows.length === 1;
  },

  async insertVersion(db: Executor, row: typeof catalogItemVersions.$inferInsert) {
    await db.insert(catalogItemVersions).values(row);
  },

  async updateVersion(db: Executor, itemId: string, version: number, patch: Partial<typeof catalogItemVersions.$inferInsert>) {
    await db
      .update(catalogItemVersions)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(catalogItemVersions.itemId, itemId), eq(catalogItemVersions.version, version)));
  },

  async publishedForStats(db: Executor, f: { departmentId?: string | undefined; regionPrefix?: string | null | undefined }) {
    const conditions: SQL[] = [eq(catalogItems.status, 'published')];
    if (f.departmentId) conditions.push(eq(catalogItems.departmentId, f.departmentId));
    if (f.regionPrefix) conditions.push(like(catalogItems.regionCode, `${f.regionPrefix}%`));
    return db
      .select({ item: catalogItems, content: catalogItemVersions.content })
      .from(catalogItems)
      .innerJoin(catalogItemVersions, and(eq(catalogItemVersions.itemId, catalogItems.id), eq(catalogItemVersions.version, catalogItems.publishedVersion)))
      .where(and(...conditions));
  },

  async insertBundle(db: Executor, row: typeof catalogBundles.$inferInsert) {
    await db.insert(catalogBundles).values(row).onConflictDoNothing();
  },

  async bundles(db: Executor, regionPrefix: string | null) {
    return db
      .select()
      .from(catalogBundles)
      .where(and(eq(catalogBundles.active, true), regionPrefix ? like(catalogBundles.regionCode, `${regionPrefix}%`) : undefined))
      .orderBy(asc(catalogBundles.name));
  },

  async departmentOf(db: Executor, id: string) {
    const rows = await db.select().from(departments).where(eq(departments.id, id));
    return rows[0];
  },
};
