/**
 * Data sharing with department systems (数据共享): OAuth 2.0 client-credentials clients registered by
 * a centre admin, with scopes per licence type, a rate limit, and an access log of every call.
 */
import { z } from 'zod';

/** `licence.verify`: verify any licence; `licence.read:<TYPE_KEY>`: read a licence of that type a holder let a case use. */
export const sharingScopeSchema = z.string().regex(/^licence\.(verify|read:[A-Z][A-Z0-9_]{1,39})$/, { message: 'sharing.scope' });

export const createSharingClientSchema = z.object({
  name: z.string().trim().min(2).max(100),
  scopes: z.array(sharingScopeSchema).min(1).max(20),
  ratePerMinute: z.number().int().min(1).max(10_000).default(60),
});
export type CreateSharingClient = z.infer<typeof createSharingClientSchema>;

export const sharingClientSchema = z
  .object({
    id: z.uuid(),
    clientId: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    ratePerMinute: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'SharingClient' });
export type SharingClient = z.infer<typeof sharingClientSchema>;

/** The client as created: its secret is shown this once and never again. */
export const createdSharingClientSchema = sharingClientSchema.extend({ clientSecret: z.string() }).meta({ id: 'CreatedSharingClient' });

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
