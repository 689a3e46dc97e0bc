/**
 * Data sharing with department systems (数据共享): OAuth 2.0 client-credentials clients registered by
 * a centre admin, with scopes per licence type and per data set, a rate limit, and an access log of every call.
 */
import { z } from 'zod';
import { isIsoDate } from '@tongban/domain';
import { creditCodeSchema, residentIdSchema } from './common.ts';

/** Scope that verifies any licence (证照核验). */
export const LICENCE_VERIFY_SCOPE = 'licence.verify';
/** Scope prefix that reads a licence of one type a holder let a case use (证照调取): `licence.read:<TYPE_KEY>`. */
export const LICENCE_READ_SCOPE_PREFIX = 'licence.read:';
/** Data-set scopes (数据集): 法人库 base information, 人口库 identity check. */
export const SHARING_DATASET_SCOPES = ['subject.org.read', 'subject.person.verify'] as const;
export type SharingDatasetScope = (typeof SHARING_DATASET_SCOPES)[number];

/** `licence.verify`, `licence.read:<TYPE_KEY>`, `subject.org.read` or `subject.person.verify`. */
export const sharingScopeSchema = z
  .string()
  .regex(/^(licence\.(verify|read:[A-Z][A-Z0-9_]{1,39})|subject\.org\.read|subject\.person\.verify)$/, { message: 'sharing.scope' });

const sharingScopesSchema = z.array(sharingScopeSchema).min(1).max(20);
const ratePerMinuteSchema = z.number().int().min(1).max(10_000);

export const createSharingClientSchema = z.object({
  name: z.string().trim().min(2).max(100),
  scopes: sharingScopesSchema,
  ratePerMinute: ratePerMinuteSchema.default(60),
});
export type CreateSharingClient = z.infer<typeof createSharingClientSchema>;

/** Edit of a client's scopes and rate limit (its name and secret stay). `version`: the one read, for optimistic locking. */
export const updateSharingClientSchema = z.object({
  scopes: sharingScopesSchema,
  ratePerMinute: ratePerMinuteSchema,
  version: z.number().int().min(1),
});
export type UpdateSharingClient = z.infer<typeof updateSharingClientSchema>;

/** 停用: the reason is required and kept with the client. */
export const suspendSharingClientSchema = z.object({ reason: z.string().trim().min(2).max(500) });
export type SuspendSharingClient = z.infer<typeof suspendSharingClientSchema>;

export const sharingClientParamsSchema = z.object({ id: z.uuid() });

export const sharingClientStatusSchema = z.enum(['active', 'suspended']);
export type SharingClientStatus = z.infer<typeof sharingClientStatusSchema>;

export const sharingClientSchema = z
  .object({
    id: z.uuid(),
    clientId: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    ratePerMinute: z.number().int(),
    status: sharingClientStatusSchema,
    suspendedAt: z.string().nullable(),
    suspendReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    /** Calls since midnight today (Asia/Shanghai), answered or refused. */
    callsToday: z.number().int(),
    lastCallAt: z.string().nullable(),
  })
  .meta({ id: 'SharingClient' });
export type SharingClient = z.infer<typeof sharingClientSchema>;

/** The client as created: its secret is shown this once and never again. */
export const createdSharingClientSchema = sharingClientSchema.extend({ clientSecret: z.string() }).meta({ id: 'CreatedSharingClient' });

/** A new secret (重置密钥), shown this once; the old one and every token issued with it stop working. */
export const sharingSecretSchema = z.object({ clientId: z.string(), clientSecret: z.string() }).meta({ id: 'SharingSecret' });
export type SharingSecret = z.infer<typeof sharingSecretSchema>;

/** RFC 6749 §4.4 token request (JSON or form-encoded). */
export const tokenRequestSchema = z.object({
  grant_type: z.literal('client_credentials'),
  client_id: z.string().min(1).max(100),
  client_secret: z.string().min(1).max(200),
  /** Space-separated; the client's scopes when absent. */
  scope: z.string().max(1000).optional(),
});

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});

export const sharedLicenceQuerySchema = z.object({
  caseNo: z.string().min(1).max(64),
  type: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/),
});

export const sharingAccessSchema = z.object({
  id: z.number().int(),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  at: z.string(),
  method: z.string(),
  path: z.string(),
  purpose: z.string().nullable(),
  status: z.number().int(),
});
export type SharingAccess = z.infer<typeof sharingAccessSchema>;

/** A calendar date YYYY-MM-DD (Asia/Shanghai). */
const logDateSchema = z.string().trim().refine(isIsoDate, { message: 'date.format' });

/** The access log's filters: one client (its public `clientId`), answered (2xx) or refused (4xx), a range of dates in China time. */
export const sharingAccessQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    clientId: z.string().trim().min(1).max(40).optional(),
    result: z.enum(['all', 'ok', 'refused']).default('all'),
    from: logDateSchema.optional(),
    to: logDateSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'sharing.dateRange', path: ['to'] });
export type SharingAccessQuery = z.infer<typeof sharingAccessQuerySchema>;

/** Calls per day of the last `days` days (today included), for the chart on the log page. */
export const sharingDailyQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(92).default(14),
  clientId: z.string().trim().min(1).max(40).optional(),
});

export const sharingDailySchema = z.object({ date: z.string(), ok: z.number().int(), refused: z.number().int() });
export type SharingDaily = z.infer<typeof sharingDailySchema>;

/** 法人库 data set (scope subject.org.read): an organisation's public base information. */
export const sharedOrganisationSchema = z
  .object({
    creditCode: z.string(),
    name: z.string(),
    kind: z.enum(['enterprise', 'institution', 'social_org', 'government', 'person']),
    status: z.enum(['active', 'cancelled']),
    regionCode: z.string(),
    legalRepresentative: z.string().nullable(),
    address: z.string().nullable(),
    establishedOn: z.string().nullable(),
    registrationAuthority: z.string().nullable(),
    scope: z.string().nullable(),
  })
  .meta({ id: 'SharedOrganisation' });
export type SharedOrganisation = z.infer<typeof sharedOrganisationSchema>;
export const creditCodeParamsSchema = z.object({ creditCode: creditCodeSchema });

/** 人口库 data set (scope subject.person.verify): whether a name goes with an ID number, and nothing else. */
export const personVerifyRequestSchema = z.object({ idNumber: residentIdSchema, name: z.string().trim().min(1).max(50) });
export const personVerifyResultSchema = z.object({ consistent: z.boolean() });
