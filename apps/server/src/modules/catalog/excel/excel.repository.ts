/** Database reads of the Excel import and export (writes go through the catalog repository). */
import { and, asc, eq, inArray, like, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../platform/db/client.ts';
import { departments } from '../../org/org.schema.ts';
import { catalogItems, catalogItemVersions } from '../catalog.schema.ts';

const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

const publishedVersion = alias(catalogItemVersions, 'published_version');

export const excelRepository = {
  async departmentsByCreditCodes(db: Executor, codes: readonly string[]) {
    const rows = [];
    for (const part of chunks(codes)) {
      rows.push(
        ...(await db
          .select({ id: departments.id, name: departments.name, regionCode: departments.regionCode, creditCode: departments.creditCode })
          .from(departments)
          .where(inArray(departments.creditCode, part))),
      );
    }
    return rows;
  },

  /** Items by implementation code, with their latest version and their published one (if any). */
  async itemsByImplCodes(db: Executor, codes: readonly string[]) {
    const rows = [];
    for (const part of chunks(codes)) {
      rows.push(
        ...(await db
          .select({
            item: catalogItems,
            latestStatus: catalogItemVersions.status,
            latestContent: catalogItemVersions.content,
            publishedContent: publishedVersion.content,
          })
          .from(catalogItems)
          .innerJoin(catalogItemVersions, and(eq(catalogItemVersions.itemId, catalogItems.id), eq(catalogItemVersions.version, catalogItems.latestVersion)))
          .leftJoin(publishedVersion, and(eq(publishedVersion.itemId, catalogItems.id), eq(publishedVersion.version, catalogItems.publishedVersion)))
          .where(inArray(catalogItems.implCode, part))),
      );
    }
    return rows;
  },

  /**
   * The items to export with the content of their published version (`published`: items the
   * public sees) or of their latest version (`latest`: drafts included, retired items left out).
   */
  async itemsForExport(db: Executor, f: { departmentId: string | null; regionPrefix: string | null; source: 'published' | 'latest' }) {
    const versionColumn = f.source === 'published' ? catalogItems.publishedVersion : catalogItems.latestVersion;
    const conditions: SQL[] = [f.source === 'published' ? eq(catalogItems.status, 'published') : ne(catalogItems.status, 'retired')];
    if (f.departmentId) conditions.push(eq(catalogItems.departmentId, f.departmentId));
    if (f.regionPrefix) conditions.push(like(departments.regionCode, `${f.regionPrefix}%`));
    return db
      .select({
        implCode: catalogItems.implCode,
        level: catalogItems.level,
        department: { id: departments.id, name: departments.name, regionCode: departments.regionCode, creditCode: departments.creditCode },
        content: catalogItemVersions.content,
      })
      .from(catalogItems)
      .innerJoin(departments, eq(departments.id, catalogItems.departmentId))
      .innerJoin(catalogItemVersions, and(eq(catalogItemVersions.itemId, catalogItems.id), eq(catalogItemVersions.version, versionColumn)))
      .where(and(...conditions))
      .orderBy(asc(departments.name), asc(catalogItems.implCode));
  },
};
