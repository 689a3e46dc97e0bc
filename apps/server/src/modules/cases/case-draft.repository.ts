/** The only file that touches the drafts table (草稿). */
import { and, count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { caseDrafts } from './case-draft.schema.ts';

export type DraftRow = typeof caseDrafts.$inferSelect;
export type NewDraftRow = typeof caseDrafts.$inferInsert;
export type DraftPatch = Pick<NewDraftRow, 'formData' | 'materials' | 'delivery' | 'step'> & { updatedAt: Date };

const mine = (accountId: string, id: string) => and(eq(caseDrafts.id, id), eq(caseDrafts.accountId, accountId));

export const draftsRepository = {
  async insert(tx: Executor, row: NewDraftRow): Promise<DraftRow> {
    const [inserted] = await tx.insert(caseDrafts).values(row).returning();
    return inserted!;
  },

  /** One draft of the account, or null (someone else's is as good as missing). */
  async find(tx: Executor, accountId: string, id: string): Promise<DraftRow | null> {
    const [row] = await tx.select().from(caseDrafts).where(mine(accountId, id));
    return row ?? null;
  },

  async count(tx: Executor, accountId: string): Promise<number> {
    const [row] = await tx.select({ n: count() }).from(caseDrafts).where(eq(caseDrafts.accountId, accountId));
    return row?.n ?? 0;
  },

  async page(tx: Executor, accountId: string, limit: number, offset: number): Promise<{ rows: DraftRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      tx
        .select()
        .from(caseDrafts)
        .where(eq(caseDrafts.accountId, accountId))
        .orderBy(desc(caseDrafts.updatedAt), desc(caseDrafts.id))
        .limit(limit)
        .offset(offset),
      draftsRepository.count(tx, accountId),
    ]);
    return { rows, total };
  },

  /** Saves over the version read; null when another save came first (or the draft is gone). */
  async update(tx: Executor, accountId: string, id: string, version: number, patch: DraftPatch): Promise<DraftRow | null> {
    const [row] = await tx
      .update(caseDrafts)
      .set({ ...patch, version: version + 1 })
      .where(and(mine(accountId, id), eq(caseDrafts.version, version)))
      .returning();
    return row ?? null;
  },

  /** Deletes a draft (at the version read, when given); whether a row went. */
  async delete(tx: Executor, accountId: string, id: string, version?: number): Promise<boolean> {
    const where = version === undefined ? mine(accountId, id) : and(mine(accountId, id), eq(caseDrafts.version, version));
    const rows = await tx.delete(caseDrafts).where(where).returning({ id: caseDrafts.id });
    return rows.length > 0;
  },
};
