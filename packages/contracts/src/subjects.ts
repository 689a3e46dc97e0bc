/**
 * The subject registry (主体库): persons (人口库) and organisations of the four kinds (法人库:
 * 企业、事业单位、社会组织、机关), looked up by staff within their data scope for a stated purpose,
 * masked unless a full view is asked for; every look-up is audited.
 */
import { z } from 'zod';
import { SUBJECT_KINDS, normaliseIdentifier, parseSubjectIdentifier, type SubjectIdentifierFailure, type SubjectKind } from '@tongban/domain';
import { mobilePhoneSchema } from './common.ts';

export const subjectKindSchema = z.enum(SUBJECT_KINDS);

/** Why a member of staff looks somebody up (查询事由): recorded with the look-up. */
export const subjectPurposeSchema = z.string().trim().min(2, { message: 'subjects.purpose' }).max(200);

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

/** Base information of a person (人口库 基础信息). */
export const personDetailsSchema = z.object({
  ethnicity: text(20).optional(),
  address: text(200).optional(),
  phone: mobilePhoneSchema.optional(),
});

/** Base information of an organisation (法人库 基础信息). */
export const organisationDetailsSchema = z.object({
  legalRepresentative: text(50).optional(),
  address: text(200).optional(),
  establishedOn: isoDate.optional(),
  registrationAuthority: text(100).optional(),
  /** 经营范围 / 业务范围 / 宗旨 / 职能. */
  scope: text(1000).optional(),
  phone: text(30).optional(),
});

export const subjectStatusSchema = z.enum(['active', 'cancelled']);

/** The message key of a refused identifier. */
export function subjectIdentifierMessage(kind: SubjectKind, reason: SubjectIdentifierFailure): string {
  if (reason === 'kind_mismatch') return 'subjects.kindMismatch';
  return `${kind === 'person' ? 'residentId' : 'creditCode'}.${reason}`;
}

/** A subject to add or update (centre admin): the identifier is checked against the kind. */
export const upsertSubjectSchema = z
  .object({
    kind: subjectKindSchema,
    identifier: z
      .string()
      .max(40)
      .transform((s) => normaliseIdentifier(s)),
    name: text(200),
    status: subjectStatusSchema.default('active'),
    /** Where the record comes from (数据来源), e.g. 市公安局 or 市市场监管局. */
    source: text(100),
    details: z.union([personDetailsSchema, organisationDetailsSchema]),
  })
  .superRefine((s, ctx) => {
    const parsed = parseSubjectIdentifier(s.kind, s.identifier);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['identifier'], message: subjectIdentifierMessage(s.kind, parsed.reason) });
    const details = s.kind === 'person' ? personDetailsSchema.strict() : organisationDetailsSchema.strict();
    const checked = details.safeParse(s.details);
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue, path: ['details', ...issue.path] });
  });
export type UpsertSubject = z.infer<typeof upsertSubjectSchema>;

export const subjectQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  /** An identifier (exact) or part of a name (at least two characters). */
  q: z.string().trim().min(2, { message: 'subjects.query' }).max(60),
  kind: subjectKindSchema.optional(),
  purpose: subjectPurposeSchema,
});
export type SubjectQuery = z.infer<typeof subjectQuerySchema>;

export const subjectPurposeQuerySchema = z.object({ purpose: subjectPurposeSchema });
export const subjectIdParamsSchema = z.object({ id: z.uuid() });

/** A subject as a look-up shows it: masked unless `masked` is false (an audited full view). */
export const subjectSchema = z
  .object({
    id: z.uuid(),
    kind: subjectKindSchema,
    identifier: z.string(),
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    status: subjectStatusSchema,
    source: z.string(),
    /** Persons: from the ID number. */
    birthDate: z.string().nullable(),
    gender: z.enum(['male', 'female']).nullable(),
    details: z.record(z.string(), z.string()),
    updatedAt: z.string(),
    masked: z.boolean(),
  })
  .meta({ id: 'Subject' });
export type Subject = z.infer<typeof subjectSchema>;

/** Counts of the registry by kind (for the registry page). */
export const subjectCountsSchema = z.record(subjectKindSchema, z.number().int());
export type SubjectCounts = z.infer<typeof subjectCountsSchema>;

/** A look-up of one subject as the audit log recorded it. */
export const subjectLookupSchema = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.enum(['subject.search', 'subject.view', 'subject.reveal', 'subject.check', 'subject.upsert']),
  purpose: z.string().nullable(),
});
export type SubjectLookup = z.infer<typeof subjectLookupSchema>;

/** 身份核验 at the window: does the name go with the identifier? Nothing else about a person is returned. */
export const subjectCheckSchema = z.object({
  kind: z.enum(['person', 'organisation']),
  identifier: z
    .string()
    .max(40)
    .transform((s) => normaliseIdentifier(s)),
  name: z.string().trim().min(1).max(200),
  purpose: subjectPurposeSchema,
});
export type SubjectCheck = z.infer<typeof subjectCheckSchema>;

export const subjectCheckResultSchema = z.object({
  result: z.enum(['consistent', 'inconsistent', 'not_found']),
  /** The registry says the subject is cancelled (注销). */
  cancelled: z.boolean(),
  /** Organisations only (their registered name is public): what the 法人库 holds. */
  registeredName: z.string().nullable(),
});
export type SubjectCheckResult = z.infer<typeof subjectCheckResultSchema>;
