/**
 * Uploads (材料上传): the type sniffed from the content, each content stored once under its
 * SHA-256, one upload row per upload, a per-account limit per 24 hours, and downloads for the
 * owner alone. Other modules (cases) read uploads through `directory`.
 */
import { createHash } from 'node:crypto';
import { MAX_FILES_PER_MATERIAL, UPLOAD_CONTENT_TYPES, UPLOAD_EXTENSIONS, type FileMeta, type UploadLimits, type UploadedFile } from '@tongban/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { cleanFileName, sniffContentType } from './file-types.ts';
import { filesRepository as repo, type UploadRow } from './files.repository.ts';

export interface FilesDeps {
  db: Db;
  now: () => Date;
  maxBytes: number;
  dailyLimit: number;
}

export type Meta = { requestId?: string; ip?: string };

const DAY_MS = 24 * 60 * 60 * 1000;

export const toFileMeta = (u: UploadRow): FileMeta => ({ id: u.id, name: u.name, size: u.size, contentType: u.contentType });

/** A stored file with its content, ready to send. */
export interface FileContent {
  meta: FileMeta;
  bytes: Buffer;
}

export function createFilesService({ db, now, maxBytes, dailyLimit }: FilesDeps) {
  const limits: UploadLimits = {
    maxBytes,
    dailyLimit,
    contentTypes: [...UPLOAD_CONTENT_TYPES],
    extensions: UPLOAD_CONTENT_TYPES.flatMap((t) => UPLOAD_EXTENSIONS[t]),
    maxFilesPerMaterial: MAX_FILES_PER_MATERIAL,
  };

  return {
    limits: (): UploadLimits => limits,

    /** Stores an upload of the actor. 400 unless PDF, JPEG, PNG or OFD by content; 429 past the daily limit. */
    async upload(actor: Actor, rawName: string, bytes: Buffer, meta: Meta): Promise<UploadedFile> {
      const contentType = bytes.length > 0 ? sniffContentType(bytes) : null;
      if (!contentType)
        throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { allowed: limits.contentTypes, extensions: limits.extensions, empty: bytes.length === 0 });
      if (bytes.length > maxBytes) throw new AppError('UPLOAD_TOO_LARGE', { maxBytes });
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const name = cleanFileName(rawName, contentType);
      const at = now();
      const row = await db.transaction(async (tx) => {
        await repo.lockAccount(tx, actor.id);
        if ((await repo.countSince(tx, actor.id, new Date(at.getTime() - DAY_MS))) >= dailyLimit) throw new AppError('UPLOAD_QUOTA_EXCEEDED', { dailyLimit });
        await repo.insertBlob(tx, { sha256, size: bytes.length, contentType, bytes, createdAt: at });
        const inserted = await repo.insertUpload(tx, { accountId: actor.id, sha256, name, size: bytes.length, contentType, createdAt: at });
        await appendAudit(
          tx,
          {
            actorId: actor.id,
            action: 'file.upload',
            targetType: 'upload',
            targetId: inserted.id,
            ...meta,
            details: { sha256, size: bytes.length, contentType },
          },
          at,
        );
        return inserted;
      });
      return { ...toFileMeta(row), sha256, createdAt: row.createdAt.toISOString() };
    },

    /** The actor's own upload; 404 for anyone else's, as if it did not exist. */
    async download(actor: Actor, id: string): Promise<FileContent> {
      const found = await repo.withBytes(db, id);
      if (!found || found.upload.accountId !== actor.id) throw notFound('file');
      return { meta: toFileMeta(found.upload), bytes: found.bytes };
    },

    /** What other modules may ask of uploads (the cases module checks and shows the files of materials). */
    directory: {
      /** The ids among `ids` that are uploads of the account. */
      async ownedBy(accountId: string, ids: readonly string[]): Promise<Set<string>> {
        const rows = await repo.many(db, [...new Set(ids)]);
        return new Set(rows.filter((r) => r.accountId === accountId).map((r) => r.id));
      },
      async describe(ids: readonly string[]): Promise<Map<string, FileMeta>> {
        const rows = await repo.many(db, [...new Set(ids)]);
        return new Map(rows.map((r) => [r.id, toFileMeta(r)]));
      },
      async read(id: string): Promise<FileContent | null> {
        const found = await repo.withBytes(db, id);
        return found ? { meta: toFileMeta(found.upload), bytes: found.bytes } : null;
      },
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
export type FileDirectory = FilesService['directory'];
