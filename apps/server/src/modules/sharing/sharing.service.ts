/**
 * Data sharing with department systems (数据共享): clients registered by a centre admin get
 * access tokens for the scopes they were granted (OAuth 2.0 client credentials, RFC 6749 §4.4);
 * every call is logged, answered or refused.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CreateSharingClient, LicenceFace, LicenceVerification, Page, SharingAccess, SharingClient } from '@tongban/contracts';
import type { Db } from '../../platform/db/client.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { sharingRepository as repo, type SharingClientRow } from './sharing.repository.ts';

export interface SharingDeps {
  db: Db;
  now: () => Date;
  /** From the licences module. */
  licences: {
    verify(identifier: string): Promise<LicenceVerification>;
    sharedForCase(caseNo: string, typeKey: string, user: { name: string; purpose: string }): Promise<LicenceFace | null>;
  };
}

/** How long an access token lasts. */
export const TOKEN_SECONDS = 3600;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const invalidClient = () => new AppError('INVALID_CLIENT');

function toClient(row: SharingClientRow): SharingClient {
  return { id: row.id, clientId: row.clientId, name: row.name, scopes: row.scopes, ratePerMinute: row.ratePerMinute, createdAt: row.createdAt.toISOString() };
}

export function createSharingService({ db, now, licences }: SharingDeps) {
  /** The client behind a bearer token, if the token is current. */
  async function bearer(authorization: string | undefined) {
    const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '')?.[1];
    return token ? repo.token(db, sha256(token), now()) : undefined;
  }

  return {
    async createClient(actor: Actor, input: CreateSharingClient, meta: { requestId?: string; ip?: string }): Promise<SharingClient & { clientSecret: string }> {
      const clientSecret = randomBytes(32).toString('base64url');
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertClient(tx, {
          clientId: `tb-${randomBytes(8).toString('hex')}`,
          name: input.name,
          secretHash: sha256(clientSecret),
          scopes: [...new Set(input.scopes)],
          ratePerMinute: input.ratePerMinute,
          createdBy: actor.id,
          createdAt: now(),
        });
        await appendAudit(
          tx,
          {
            actorId: actor.id,
            action: 'sharing.client_create',
            targetType: 'sharing_client',
            targetId: created.clientId,
            ...meta,
            details: { scopes: created.scopes },
          },
          now(),
        );
        return created;
      });
      return { ...toClient(row), clientSecret };
    },

    async clients(): Promise<SharingClient[]> {
      return (await repo.clients(db)).map(toClient);
    },

    /** client_credentials: a token for the requested scopes (all of the client's when none are named). */
    async token(input: { client_id: string; client_secret: string; scope?: string | undefined }) {
      const client = await repo.clientByClientId(db, input.client_id);
      if (!client || !sameHash(client.secretHash, sha256(input.client_secret))) throw invalidClient();
      const asked = input.scope?.split(' ').filter(Boolean) ?? client.scopes;
      const refused = asked.filter((s) => !client.scopes.includes(s));
      if (refused.length) throw new AppError('INSUFFICIENT_SCOPE', { scopes: refused });
      const token = randomBytes(32).toString('base64url');
      await repo.insertToken(db, { tokenHash: sha256(token), clientId: client.id, scopes: asked, expiresAt: new Date(now().getTime() + TOKEN_SECONDS * 1000) });
      return { access_token: token, token_type: 'Bearer' as const, expires_in: TOKEN_SECONDS, scope: asked.join(' ') };
    },

    /** The client calling with `authorization`, holding `scope`: 401 INVALID_CLIENT, 403 INSUFFICIENT_SCOPE. */
    async authenticate(authorization: string | undefined, scope: string): Promise<SharingClientRow> {
      const found = await bearer(authorization);
      if (!found) throw invalidClient();
      if (!found.scopes.includes(scope)) throw new AppError('INSUFFICIENT_SCOPE', { scopes: [scope] });
      return found.client;
    },

    /** The client behind a current bearer token, whatever its scopes. */
    async clientOf(authorization: string | undefined): Promise<SharingClientRow | undefined> {
      return (await bearer(authorization))?.client;
    },

    /** The rate limit of the client behind a bearer token (the default for anybody else). */
    async ratePerMinute(authorization: string | undefined, fallback: number): Promise<number> {
      return (await bearer(authorization))?.client.ratePerMinute ?? fallback;
    },

    async log(entry: { clientId: string | null; method: string; path: string; purpose: string | null; status: number }): Promise<void> {
      await repo.logAccess(db, { ...entry, path: entry.path.slice(0, 300), purpose: entry.purpose?.slice(0, 200) ?? null, at: now() });
    },

    async accessLog(q: { page: number; pageSize: number }): Promise<Page<SharingAccess>> {
      const { rows, total } = await repo.accessLog(db, q.pageSize, (q.page - 1) * q.pageSize);
      return {
        items: rows.map((r) => ({
          id: r.entry.id,
          clientId: r.clientId,
          clientName: r.clientName,
          at: r.entry.at.toISOString(),
          method: r.entry.method,
          path: r.entry.path,
          purpose: r.entry.purpose,
          status: r.entry.status,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    verifyLicence: (identifier: string) => licences.verify(identifier),
    licenceForCase: (client: SharingClientRow, caseNo: string, typeKey: string, purpose: string) =>
      licences.sharedForCase(caseNo, typeKey, { name: client.name, purpose }),
  };
}

export type SharingService = ReturnType<typeof createSharingService>;
