/** The only file of the catalog module that touches the database. */
import { and, arrayContains, asc, count, desc, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { alias } from 'drizzle-orm/pg-core';
import { accounts } from '../identity/identity.schema.ts';
import { departments } from '../org/org.schema.ts';
import { catalogBundles, catalogItems, catalogItemVersions } from './catalog.schema.ts';

export type ItemRow = typeof catalogItems.$inferSelect;
export type VersionRow = typeof catalogItemVersions.$inferSelect;

/** How a public search matches: by words (all or any, through the GIN-indexed tsvector), by sound (trigram-indexed pinyin) or by name. */
export type SearchMatch =
  { kind: 'words'; tsQuery: string; text: string } | { kind: 'pinyin'; key: string } | { kind: 'name'; text: string } | { kind: 'none' };

export interface PublicFilter {
  match: SearchMatch;
  /** Items for this service object (自然人 '1', 法人 '2' …) rank first. */
  preferAudience?: string | undefined;
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

/** The columns a list shows: never the search columns, which are the widest part of a row. */
const summaryColumns = {
  id: catalogItems.id,
  implCode: catalogItems.implCode,
  baseCode: catalogItems.baseCode,
  name: catalogItems.name,
  itemType: catalogItems.itemType,
  departmentId: catalogItems.departmentId,
  regionCode: catalogItems.regionCode,
  status: catalogItems.status,
  publishedVersion: catalogItems.publishedVersion,
  latestVersion: catalogItems.latestVersion,
  isImmediate: catalogItems.isImmediate,
  isOnline: catalogItems.isOnline,
  isOneVisit: catalogItems.isOneVisit,
  isZeroVisit: catalogItems.isZeroVisit,
  isNearby: catalogItems.isNearby,
  serviceObjects: catalogItems.serviceObjects,
  themes: catalogItems.themes,
  rowVersion: catalogItems.rowVersion,
};
export type SummaryRow = { [K in keyof typeof summaryColumns]: ItemRow[K] };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The condition and the relevance of a match; the relevance only reorders what the condition let through. */
function matching(m: SearchMatch): { where: SQL | undefined; rank: SQL } {
  switch (m.kind) {
    case 'words': {
      const query = sql`to_tsquery('simple', ${m.tsQuery})`;
      const text = escapeLike(m.text);
      // Words matched, then the whole query inside the name, then a name that starts with it.
      return {
        where: sql`${catalogItems.searchVector} @@ ${query}`,
        rank: sql`ts_rank(${catalogItems.searchVector}, ${query})
          + case when ${catalogItems.name} ilike ${`%${text}%`} then 1 else 0 end
          + case when ${catalogItems.name} ilike ${`${text}%`} then 0.5 else 0 end`,
      };
    }
    case 'pinyin':
      return {
        where: like(catalogItems.searchPinyin, `%${m.key}%`),
        rank: sql`case when ${catalogItems.searchPinyin} like ${`${m.key}%`} then 1 else 0 end`,
      };
    case 'name':
      return { where: ilike(catalogItems.name, `%${escapeLike(m.text)}%`), rank: sql`0` };
    case 'none':
      return { where: undefined, rank: sql`0` };
  }
}

export const catalogRepository = {
  /** One page of published items and the number of all that match, in one scan. */
  async searchPublished(db: Executor, f: PublicFilter): Promise<{ items: { item: SummaryRow; departmentName: string }[]; total: number }> {
    const { where: matches, rank: relevance } = matching(f.match);
    const conditions: SQL[] = [eq(catalogItems.status, 'published')];
    if (matches) conditions.push(matches);
    if (f.departmentId) conditions.push(eq(catalogItems.departmentId, f.departmentId));
    if (f.regionPrefix) conditions.push(like(catalogItems.regionCode, `${f.regionPrefix}%`));
    if (f.theme) conditions.push(arrayContains(catalogItems.themes, [f.theme]));
    if (f.audience) conditions.push(arrayContains(catalogItems.serviceObjects, [f.audience]));
    if (f.itemType) conditions.push(eq(catalogItems.itemType, f.itemType));
    if (f.depth) conditions.push(arrayContains(catalogItems.onlineDepth, [f.depth]));
    if (f.flag) conditions.push(eq(flagColumn[f.flag], true));
    const preferred = f.preferAudience ? sql`case when ${arrayContains(catalogItems.serviceObjects, [f.preferAudience])} then 0.3 else 0 end` : sql`0`;
    const rank = sql`${relevance} + ${preferred} + ln(1 + ${catalogItems.popularity}) / 100`;
    const where = and(...conditions);
    const rows = await db
      .select({ item: summaryColumns, departmentName: departments.name, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(catalogItems)
      .innerJoin(departments, eq(departments.id, catalogItems.departmentId))
      .where(where)
      .orderBy(desc(rank), desc(catalogItems.popularity), asc(catalogItems.name), asc(catalogItems.implCode))
      .limit(f.limit)
      .offset(f.offset);
    if (rows.length > 0) return { items: rows, total: rows[0]!.total };
    // A page past the end has no row to carry the count.
    const totals = f.offset > 0 ? await db.select({ n: count() }).from(catalogItems).where(where) : [];
    return { items: [], total: totals[0]?.n ?? 0 };
  },

  /** An item with one of its versions (the published one when `version` is absent), in one round trip. */
  async findWithVersion(db: Executor, implCode: string, version: number | undefined) {
    const wanted = version === undefined ? catalogItems.publishedVersion : sql`${version}::int`;
    const rows = await db
      .select({ item: summaryColumns, departmentName: departments.name, version: catalogItemVersions })
      .from(catalogItems)
      .innerJoin(departments, eq(departments.id, catalogItems.departmentId))
      .innerJoin(catalogItemVersions, and(eq(catalogItemVersions.itemId, catalogItems.id), eq(catalogItemVersions.version, wanted)))
      .where(eq(catalogItems.implCode, implCode));
    return rows[0];
  },

  async findById(db: Executor, id: string) {
    const rows = await db
      .select({ item: summaryColumns, departmentName: departments.name })
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

  /** Every version of an item with the names of who changed and who published it. */
  async versions(db: Executor, itemId: string) {
    const updater = alias(accounts, 'updater');
    const publisher = alias(accounts, 'publisher');
    return db
      .select({ v: catalogItemVersions, updatedByName: updater.displayName, publishedByName: publisher.displayName })
      .from(catalogItemVersions)
      .leftJoin(updater, eq(updater.id, catalogItemVersions.updatedBy))
      .leftJoin(publisher, eq(publisher.id, catalogItemVersions.publishedBy))
      .where(eq(catalogItemVersions.itemId, itemId))
      .orderBy(desc(catalogItemVersions.version));
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
        .select({ item: summaryColumns, departmentName: departments.name })
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

  /** What the statistics read of each published item: its projected flags and the two time limits of its content. */
  async publishedForStats(db: Executor, f: { departmentId?: string | undefined; regionPrefix?: string | null | undefined }) {
    const conditions: SQL[] = [eq(catalogItems.status, 'published')];
    if (f.departmentId) conditions.push(eq(catalogItems.departmentId, f.departmentId));
    if (f.regionPrefix) conditions.push(like(catalogItems.regionCode, `${f.regionPrefix}%`));
    return db
      .select({
        departmentId: catalogItems.departmentId,
        departmentName: departments.name,
        immediate: catalogItems.isImmediate,
        online: catalogItems.isOnline,
        oneVisit: catalogItems.isOneVisit,
        zeroVisit: catalogItems.isZeroVisit,
        nearby: catalogItems.isNearby,
        legalLimit: sql<unknown>`${catalogItemVersions.content} -> 'legalLimit'`,
        promisedLimit: sql<unknown>`${catalogItemVersions.content} -> 'promisedLimit'`,
      })
      .from(catalogItems)
      .innerJoin(departments, eq(departments.id, catalogItems.departmentId))
      .innerJoin(catalogItemVersions, and(eq(catalogItemVersions.itemId, catalogItems.id), eq(catalogItemVersions.version, catalogItems.publishedVersion)))
      .where(and(...conditions))
      .orderBy(asc(departments.name));
  },

  /** Published items indexed before pinyin keys existed (migration 0004), with the content to index. */
  async publishedWithoutPinyin(db: Executor) {
    return db
      .select({ id: catalogItems.id, content: catalogItemVersions.content, departmentName: departments.name })
      .from(catalogItems)
      .innerJoin(departments, eq(departments.id, catalogItems.departmentId))
      .innerJoin(catalogItemVersions, and(eq(catalogItemVersions.itemId, catalogItems.id), eq(catalogItemVersions.version, catalogItems.publishedVersion)))
      .where(eq(catalogItems.searchPinyin, ''));
  },

  async setSearchKeys(db: Executor, id: string, keys: { searchText: string; searchPinyin: string }) {
    await db.update(catalogItems).set(keys).where(eq(catalogItems.id, id));
  },

  async insertBundle(db: Executor, row: typeof catalogBundles.$inferInsert) {
    await db.insert(catalogBundles).values(row).onConflictDoNothing();
  },

  /** Active bundles of a region and the regions above it (a county sees its city's bundles). */
  async bundles(db: Executor, f: { regionCodes: string[] | null; lifeEvent?: string | undefined }) {
    return db
      .select()
      .from(catalogBundles)
      .where(
        and(
          eq(catalogBundles.active, true),
          f.regionCodes ? inArray(catalogBundles.regionCode, f.regionCodes) : undefined,
          f.lifeEvent ? eq(catalogBundles.lifeEvent, f.lifeEvent) : undefined,
        ),
      )
      .orderBy(asc(catalogBundles.lifeEvent), asc(catalogBundles.name));
  },

  async bundleByKey(db: Executor, key: string, regionCodes: string[] | null) {
    const rows = await db
      .select()
      .from(catalogBundles)
      .where(and(eq(catalogBundles.key, key), eq(catalogBundles.active, true), regionCodes ? inArray(catalogBundles.regionCode, regionCodes) : undefined))
      .orderBy(desc(catalogBundles.regionCode));
    return rows[0];
  },

  /** Published items of these base codes, with their published content. */
  async publishedByBaseCodes(db: Executor, baseCodes: string[]) {
    if (baseCodes.length === 0) return [];
    return db
      .select({ item: summaryColumns, departmentName: departments.name, content: catalogItemVersions.content })
      .from(catalogItems)
      .innerJoin(departments, eq(departments.id, catalogItems.departmentId))
      .innerJoin(catalogItemVersions, and(eq(catalogItemVersions.itemId, catalogItems.id), eq(catalogItemVersions.version, catalogItems.publishedVersion)))
      .where(and(eq(catalogItems.status, 'published'), inArray(catalogItems.baseCode, baseCodes)));
  },

  async departmentOf(db: Executor, id: string) {
    const rows = await db.select().from(departments).where(eq(departments.id, id));
    return rows[0];
  },
};
