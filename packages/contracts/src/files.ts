/**
 * Uploaded files (上传文件): the materials of an application. The server decides a file's type
 * from its first bytes (never from its name or the request header), stores each distinct
 * content once under its SHA-256 and serves it back only to its owner, or to those who can
 * see the case it belongs to.
 */
import { z } from 'zod';

/** The types an applicant may upload: PDF, JPEG, PNG and OFD (版式文档, GB/T 33190). */
export const UPLOAD_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] as const;
export const uploadContentTypeSchema = z.enum(UPLOAD_CONTENT_TYPES);
export type UploadContentType = z.infer<typeof uploadContentTypeSchema>;

/** File name extensions of each type; the first is the one added to a name that lacks it. */
export const UPLOAD_EXTENSIONS: Record<UploadContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/ofd': ['ofd'],
};

/** A material carries at most this many files. */
export const MAX_FILES_PER_MATERIAL = 20;

/** `POST /api/files?name=<the file's name>`: the raw file is the body. */
export const uploadQuerySchema = z.object({ name: z.string().min(1).max(1000) });
export const fileIdParamsSchema = z.object({ id: z.uuid() });

/** What a case or a draft shows of a file. */
export const fileMetaSchema = z
  .object({
    id: z.uuid(),
    /** The display name, cleaned (no folders, control or bidi characters); never a path on the server. */
    name: z.string(),
    size: z.number().int(),
    contentType: uploadContentTypeSchema,
  })
  .meta({ id: 'FileMeta' });
export type FileMeta = z.infer<typeof fileMetaSchema>;

/** The answer to an upload. */
export const uploadedFileSchema = fileMetaSchema
  .extend({
    /** SHA-256 of the content, hex. */
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'UploadedFile' });
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

/** The limits the portal shows before anyone picks a file. */
export const uploadLimitsSchema = z
  .object({
    maxBytes: z.number().int(),
    dailyLimit: z.number().int(),
    contentTypes: z.array(uploadContentTypeSchema),
    extensions: z.array(z.string()),
    maxFilesPerMaterial: z.number().int(),
  })
  .meta({ id: 'UploadLimits' });
export type UploadLimits = z.infer<typeof uploadLimitsSchema>;
