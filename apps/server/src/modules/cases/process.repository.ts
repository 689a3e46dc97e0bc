/** Database access of process definitions (办理流程), and the few facts about items and departments they need. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ProcessDefinition } from '@tongban/domain';
import type { Executor } from '../../platform/db/client.ts';
import { accounts } from '../identity/identity.schema.ts';
import { catalogItems, catalogItemVersions } from '../catalog/catalog.schema.ts';
import { departments } from '../org/org.schema.ts';
import { processDefinitions } from './cases.schema.ts';

export type ProcessRow = typeof processDefinitions.$inferSelect & { createdByName: string | null };

const processColumns = {
  itemId: processDefinitions.itemId,
  version: processDefinitions.version,
  definition: processDefinitions.definition,
  origin: processDefinitions.origin,
  createdBy: processDefinitions.createdBy,
  createdAt: processDefinitions.createdAt,
  createdByName: accounts.displayName,
};

export const processRepository = {
  /**
   * An item as the process admin sees it (read from the catalog's tables): its department and
   * that department's region (who maintains it), and the case type of its latest version.
   */
  async item(tx: Executor, itemId: string) {
    const rows = await tx
      .select({
        id: catalogItems.id,
        implCode: catalogItems.implCode,
        name: catalogItems.name,
        departmentId: catalogItems.departmentId,
        departmentRegion: departments.regionCode,
        caseType: sql<string | null>`${catalogItemVersions.content}->>'caseType'`,
      })
      .from(catalogItems)
      .innerJoin(departments, eq(departments.id, catalogItems.departmentId))
      .leftJoin(catalogItemVersions, and(eq(catalogItemVersions.itemId, catalogItems.id), eq(catalogItemVersions.version, catalogItems.latestVersion)))
      .where(eq(catalogItems.id, itemId));
    return rows[0];
  },

  async itemIdByBaseCode(tx: Executor, baseCode: string, departmentId: string) {
    const rows = await tx
      .select({ id: catalogItems.id })
      .from(catalogItems)
      .where(and(eq(catalogItems.baseCode, baseCode), eq(catalogItems.departmentId, departmentId)));
    return rows[0]?.id;
  },

  async latest(tx: Executor, itemId: string): Promise<ProcessRow | undefined> {
    const rows = await tx
      .select(processColumns)
      .from(processDefinitions)
      .leftJoin(accounts, eq(accounts.id, processDefinitions.createdBy))
      .where(eq(processDefinitions.itemId, itemId))
      .orderBy(desc(processDefinitions.version))
      .limit(1);
    return rows[0];
  },

  async version(tx: Executor, itemId: string, version: number): Promise<ProcessRow | undefined> {
    const rows = await tx
      .select(processColumns)
      .from(processDefinitions)
      .leftJoin(accounts, eq(accounts.id, processDefinitions.createdBy))
      .where(and(eq(processDefinitions.itemId, itemId), eq(processDefinitions.version, version)));
    return rows[0];
  },

  async versions(tx: Executor, itemId: string): Promise<ProcessRow[]> {
    return tx
      .select(processColumns)
      .from(processDefinitions)
      .leftJoin(accounts, eq(accounts.id, processDefinitions.createdBy))
      .where(eq(processDefinitions.itemId, itemId))
      .orderBy(desc(processDefinitions.version));
  },

  /** Inserts a version; false when that version exists already (someone saved first). */
  async insert(
    tx: Executor,
    row: { itemId: string; version: number; definition: ProcessDefinition; origin: 'default' | 'seed' | 'saved'; createdBy: string | null; createdAt: Date },
  ): Promise<boolean> {
    const inserted = await tx.insert(processDefinitions).values(row).onConflictDoNothing().returning({ version: processDefinitions.version });
    return inserted.length > 0;
  },

  /** The ids among `ids` that name a department. */
  async existingDepartments(tx: Executor, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids));
    return new Set(rows.map((r) => r.id));
  },
};
