/** The electronic licence library (电子证照库): licence types, licences, the holder's wallet and public verification. */
import { z } from 'zod';

export const licenceStatusSchema = z.enum([
  'valid',
  'suspended',
  'revoked',
  'cancelled',
  'expired',
  'superseded',
  'transferred_out',
  'penalty_revoked',
  'other',
]);
export type LicenceStatusName = z.infer<typeof licenceStatusSchema>;

export const licenceTypeSchema = z
  .object({
    key: z.string(),
    /** 证照类型代码 (21 characters). */
    code: z.string(),
    name: z.string(),
    definingAuthority: z.string(),
    holderKind: z.enum(['person', 'organisation']),
    fields: z.array(z.object({ key: z.string(), label: z.string() })),
    /** Years of validity; null: 长期有效. */
    validityYears: z.number().int().nullable(),
  })
  .meta({ id: 'LicenceType' });
export type LicenceType = z.infer<typeof licenceTypeSchema>;

/** A licence as its face shows it (the holder's ID number masked outside the wallet). */
export const licenceFaceSchema = z
  .object({
    identifier: z.string(),
    typeName: z.string(),
    typeCode: z.string(),
    number: z.string(),
    version: z.number().int(),
    previousIdentifier: z.string().nullable(),
    holderName: z.string(),
    holderIdNumber: z.string(),
    issuerName: z.string(),
    issueDate: z.string(),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    /** The status today (a licence past its end date is `expired`), with its code and Chinese label. */
    status: licenceStatusSchema,
    statusCode: z.string(),
    statusLabel: z.string(),
    /** 照面信息: label and value of each data field, in the type's order. */
    fields: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  })
  .meta({ id: 'LicenceFace' });
export type LicenceFace = z.infer<typeof licenceFaceSchema>;

export const licenceEventSchema = z.object({
  action: z.string(),
  fromStatus: licenceStatusSchema.nullable(),
  toStatus: licenceStatusSchema,
  reason: z.string().nullable(),
  caseNo: z.string().nullable(),
  at: z.string(),
});

/** 用证记录: who used a licence, when and what for. */
export const licenceUseSchema = z.object({
  caseNo: z.string().nullable(),
  itemName: z.string().nullable(),
  usedByName: z.string(),
  purpose: z.string(),
  at: z.string(),
});

/** One licence in the holder's wallet, with its history and every use of it, newest first. */
export const licenceDetailSchema = licenceFaceSchema
  .extend({ caseNo: z.string().nullable(), history: z.array(licenceEventSchema), uses: z.array(licenceUseSchema) })
  .meta({ id: 'LicenceDetail' });
export type LicenceDetail = z.infer<typeof licenceDetailSchema>;

/**
 * What `GET /api/licenses/verify/{identifier}` answers: `verdict` is `valid` only when the
 * identifier is well formed, the licence exists, its signature checks and it is in force today.
 */
export const licenceVerificationSchema = z
  .object({
    identifier: z.string(),
    verdict: z.enum(['valid', 'malformed', 'unknown', 'signature_invalid', 'not_in_force']),
    wellFormed: z.boolean(),
    /** Why a malformed identifier is malformed (`check`: the check character does not match). */
    malformedReason: z.string().nullable(),
    exists: z.boolean(),
    /** Whether the signature over the stored data checks with the library's key (null when there is no licence). */
    signatureValid: z.boolean().nullable(),
    /** The status today (null when there is no licence). */
    status: licenceStatusSchema.nullable(),
    statusLabel: z.string().nullable(),
    checkedOn: z.string(),
    /** The face, when the licence exists and its signature checks. */
    licence: licenceFaceSchema.nullable(),
  })
  .meta({ id: 'LicenceVerification' });
export type LicenceVerification = z.infer<typeof licenceVerificationSchema>;

export const licenceIdentifierParamsSchema = z.object({ identifier: z.string().min(1).max(200) });

/** 免提交: materials taken from the library instead of submitted, overall and per item. */
export const licenceSparedSchema = z
  .object({
    total: z.number().int(),
    byItem: z.array(z.object({ implCode: z.string(), itemName: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'LicenceSpared' });
export type LicenceSpared = z.infer<typeof licenceSparedSchema>;

/** What the issuing department may do to a licence it issued: 暂扣, 发还, 吊销, 注销. */
export const licenceStaffActionSchema = z
  .object({
    action: z.enum(['suspend', 'restore', 'penalty_revoke', 'cancel']),
    reason: z.string().trim().min(2).max(500),
    legalBasis: z.string().trim().min(2).max(300).optional(),
  })
  .superRefine((a, ctx) => {
    if ((a.action === 'suspend' || a.action === 'penalty_revoke') && !a.legalBasis)
      ctx.addIssue({ code: 'custom', path: ['legalBasis'], message: 'licences.legalBasisRequired' });
  });
export type LicenceStaffAction = z.infer<typeof licenceStaffActionSchema>;
