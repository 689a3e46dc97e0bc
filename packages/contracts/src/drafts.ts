/**
 * Drafts of applications (草稿), kept on the server so that an application started on a phone
 * can be finished on a computer. A draft holds what the applicant has entered so far, however
 * incomplete; it is checked in full only when submitted. Its idempotency key, made when the
 * draft is, is the key of that submission: a double click or a retry never makes two cases.
 */
import { z } from 'zod';
import { caseNoSchema, materialKeySchema, materialProvisionSchema, submittedMaterialSchema } from './cases.ts';
import { fileMetaSchema } from './files.ts';

/** An applicant keeps at most this many drafts. */
export const DRAFT_LIMIT = 50;

/** The delivery choice as far as it is filled in (a half-typed address is kept as it is). */
export const draftDeliverySchema = z.object({
  method: z.enum(['window', 'post', 'electronic']),
  address: z
    .object({
      recipient: z.string().max(50),
      phone: z.string().max(20),
      address: z.string().max(200),
      postcode: z.string().max(6),
    })
    .partial()
    .optional(),
});
export type DraftDelivery = z.infer<typeof draftDeliverySchema>;

export const createDraftSchema = z.object({ implCode: z.string().regex(/^[0-9A-Z-]{10,50}$/) });

/** Saves a draft: everything entered so far, against the version read (409 CONFLICT when another device saved first). */
export const saveDraftSchema = z.object({
  formData: z.record(z.string(), z.unknown()),
  materials: z.array(submittedMaterialSchema).max(100).default([]),
  delivery: draftDeliverySchema.nullable().default(null),
  /** The step of the application the applicant is on (0: the form), to resume there. */
  step: z.number().int().min(0).max(9).default(0),
  version: z.number().int().min(1),
});
export type SaveDraft = z.infer<typeof saveDraftSchema>;

export const draftIdParamsSchema = z.object({ id: z.uuid() });
export const draftListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const draftDeleteQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

export const draftMaterialSchema = z.object({
  materialKey: materialKeySchema,
  provided: materialProvisionSchema,
  files: z.array(fileMetaSchema),
});

export const draftSchema = z
  .object({
    id: z.uuid(),
    implCode: z.string(),
    itemName: z.string(),
    /** The guide version the draft was started on. */
    itemVersion: z.number().int(),
    formData: z.record(z.string(), z.unknown()),
    materials: z.array(draftMaterialSchema),
    delivery: draftDeliverySchema.nullable(),
    step: z.number().int(),
    /** Send it with the submission (Idempotency-Key header or idempotencyKey) together with `draftId`. */
    idempotencyKey: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseDraft' });
export type CaseDraft = z.infer<typeof draftSchema>;

export const draftSummarySchema = z
  .object({
    id: z.uuid(),
    implCode: z.string(),
    itemName: z.string(),
    step: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseDraftSummary' });
export type CaseDraftSummary = z.infer<typeof draftSummarySchema>;

/** `GET /api/cases/{caseNo}/files/{fileId}`: a file of the case's materials. */
export const caseFileParamsSchema = z.object({ caseNo: caseNoSchema, fileId: z.uuid() });
