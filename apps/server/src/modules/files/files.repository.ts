/** The only file of the files module that touches the database. */
import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { fileBlobs, uploads } from './files.schema.ts';

export type UploadRow = typeof uploads.$inferSelect;

/** Key space of the per-account upload lock (the two-key advisory lock never meets the one-key locks of migrations and the audit chain). */
const UPLOAD_LOCK = 7242030;

export const filesRepository = {
  /** Serialises one account's uploads for the rest of the transaction, so that the daily limit holds under concurrent uploads. */
  async lockAccount(tx: Executor, accountId: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${UPLOAD_LOCK}, hashtext(${accountId}))`);
  },

  async countSince(tx: Executor, accountId: string, since: Date): Promise<number> {
    const [row] = await tx
      .select({ n: count() })
      .from(uploads)
      .where(and(eq(uploads.accountId, accountId), gte(uploads.createdAt, since)));
    return row?.n ?? 0;
  },

  /** Stores a content unless the same hash is there already. */
  async insertBlob(tx: Executor, blob: typeof fileBlobs.$inferInsert): Promise<void> {
    await tx.insert(fileBlobs).values(blob).onConflictDoNothing({ target: fileBlobs.sha256 });
  },

  async insertUpload(tx: Executor, row: typeof uploads.$inferInsert): Promise<UploadRow> {
    const [inserted] = await tx.insert(uploads).values(row).returning();
    return inserted!;
  },

  async find(tx: Executor, id: string): Promise<UploadRow | null> {
    const [row] = await tx.select().from(uploads).where(eq(uploads.id, id));
    return row ?? null;
  },

  /** An upload with its content. */
  async withBytes(tx: Executor, id: string): Promise<{ upload: UploadRow; bytes: Buffer } | null> {
    const [row] = await tx
      .select({ upload: uploads, bytes: fileBlobs.bytes })
      .from(uploads)
      .innerJoin(fileBlobs, eq(fileBlobs.sha256, uploads.sha256))
      .where(eq(uploads.id, id));
    return row ?? null;
  },

  async many(tx: Executor, ids: readonly string[]): Promise<UploadRow[]> {
    if (ids.length === 0) return [];
    return tx
      .select()
      .from(uploads)
      .where(inArray(uploads.id, [...ids]));
  },
};
