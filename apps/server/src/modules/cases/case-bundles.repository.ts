/** The tables of 一件事 applications (case_bundles and their member cases). */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { caseBundleMembers, caseBundles, cases } from './cases.schema.ts';

export type CaseBundleRow = typeof caseBundles.$inferSelect;

export const caseBundlesRepository = {
  async insert(tx: Executor, row: typeof caseBundles.$inferInsert): Promise<CaseBundleRow> {
    const rows = await tx.insert(caseBundles).values(row).returning();
    return rows[0]!;
  },

  async byKey(tx: Executor, submittedBy: string, idempotencyKey: string): Promise<CaseBundleRow | undefined> {
    const rows = await tx
      .select()
      .from(caseBundles)
      .where(and(eq(caseBundles.submittedBy, submittedBy), eq(caseBundles.idempotencyKey, idempotencyKey)));
    return rows[0];
  },

  async byNo(tx: Executor, bundleNo: string): Promise<CaseBundleRow | undefined> {
    const rows = await tx.select().from(caseBundles).where(eq(caseBundles.bundleNo, bundleNo));
    return rows[0];
  },

  /** Links a case to its bundle (again: nothing happens). */
  async addMember(tx: Executor, bundleId: string, position: number, caseNo: string): Promise<void> {
    const found = await tx.select({ id: cases.id }).from(cases).where(eq(cases.caseNo, caseNo));
    await tx.insert(caseBundleMembers).values({ bundleId, position, caseId: found[0]!.id }).onConflictDoNothing();
  },

  async members(tx: Executor, bundleId: string) {
    return tx
      .select({ caseNo: cases.caseNo, implCode: cases.implCode, itemName: cases.itemName, status: cases.status })
      .from(caseBundleMembers)
      .innerJoin(cases, eq(cases.id, caseBundleMembers.caseId))
      .where(eq(caseBundleMembers.bundleId, bundleId))
      .orderBy(asc(caseBundleMembers.position));
  },
};
