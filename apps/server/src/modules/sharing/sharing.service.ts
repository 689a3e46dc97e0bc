/**
 * Data sharing with department systems (数据共享): clients registered by a centre admin get
 * access tokens for the scopes they were granted (OAuth 2.0 client credentials, RFC 6749 §4.4);
 * every call is logged, answered or refused. A centre admin suspends and restores a client
 * (停用/启用), resets its secret (重置密钥) and edits its scopes and rate limit; each is audited.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  CreateSharingClient,
  LicenceFace,
  LicenceVerification,
  Page,
  SharingAccess,
  SharingAccessQuery,
  SharingClient,
  SharingDaily,
  SharingSecret,
  UpdateSharingClient,
  SharedOrganisation,
} from '@tongban/contracts';
import { addDays, chinaToday, dayNumber, fromDayNumber } from '@tongban/domain';
import type { Db, Executor } from '../../platform/db/client.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { sharingRepository as repo, type SharingClientChange, type SharingClientRow } from './sharing.repository.ts';

export interface SharingDeps {
  db: Db;
  now: () => Date;
  /** From the licences module. */
  licences: {
    verify(identifier: string): Promise<LicenceVerification>;
    sharedForCase(caseNo: string, typeKey: string, user: { name: string; purpose: string }): Promise<LicenceFace | null>;
  };
  /** From the subjects module (主体库). */
  subjects: {
    sharedOrganisation(creditCode: string): Promise<SharedOrganisation | null>;
    personMatches(idNumber: string, name: string): Promise<boolean>;
  };
}

/** Request facts an audit entry records. */
export interface RequestMeta {
  requestId?: string;
  ip?: string;
}

/** The caller behind a bearer token: its client, the scopes the token carries, and whether it may call now. */
export interface SharingCaller {
  client: SharingClientRow;
  scopes: string[];
  /** False when the token was revoked or the client is suspended: such calls are refused, and logged under the client. */
  usable: boolean;
}

/** How long an access token lasts. */
export const TOKEN_SECONDS = 3600;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const invalidClient = () => new AppError('INVALID_CLIENT');
const newSecret = () => randomBytes(32).toString('base64url');
/** The instant a China-time calendar day starts. */
const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

function toClient(row: SharingClientRow, stats: { callsToday: number; lastCallAt: Date | null } = { callsToday: 0, lastCallAt: null }): SharingClient {
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    scopes: row.scopes,
    ratePerMinute: row.ratePerMinute,
    status: row.status,
    suspendedAt: row.suspendedAt?.toISOString() ?? null,
    suspendReason: row.suspendReason,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    callsToday: stats.callsToday,
    lastCallAt: stats.lastCallAt?.toISOString() ?? null,
  };
}

export function createSharingService({ db, now, licences, subjects }: SharingDeps) {
  const todayStart = () => chinaMidnight(chinaToday(now()));

  async function clientWithStats(id: string): Promise<SharingClient> {
    const row = (await repo.clients(db, todayStart(), id))[0];
    if (!row) throw notFound('sharing_client');
    return toClient(row.client, row);
  }

  /**
   * Applies one admin change to a client inside a transaction, audited as `action`. `expect`
   * guards it (the version read, the status it must be in); a client that exists but is not
   * as expected gives CONFLICT (another version) or INVALID_STATE (another status).
   */
  async function change(
    actor: Actor,
    id: string,
    expect: { version?: number; status?: SharingClientRow['status'] },
    values: SharingClientChange,
    audit: { action: string; meta: RequestMeta; details: (before: SharingClientRow) => Record<string, unknown> },
    alsoInTx?: (tx: Executor, client: SharingClientRow) => Promise<void>,
  ): Promise<SharingClientRow> {
    return db.transaction(async (tx) => {
      const before = await repo.clientById(tx, id);
      if (!before) throw notFound('sharing_client');
      const after = await repo.updateClient(tx, id, expect, values);
      if (!after) throw expect.version !== undefined && before.version !== expect.version ? conflict() : new AppError('INVALID_STATE');
      await alsoInTx?.(tx, after);
      await appendAudit(
        tx,
        { actorId: actor.id, action: audit.action, targetType: 'sharing_client', targetId: after.clientId, ...audit.meta, details: audit.details(before) },
        now(),
      );
      return after;
    });
  }

  return {
    async createClient(actor: Actor, input: CreateSharingClient, meta: RequestMeta): Promise<SharingClient & { clientSecret: string }> {
      const clientSecret = newSecret();
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
            details: { scopes: created.scopes, ratePerMinute: created.ratePerMinute },
          },
          now(),
        );
        return created;
      });
      return { ...toClient(row), clientSecret };
    },

    /** The clients, newest first, with their calls today and their last call. */
    async clients(): Promise<SharingClient[]> {
      return (await repo.clients(db, todayStart())).map((r) => toClient(r.client, r));
    },

    /** New scopes and rate limit. Scopes taken away stop working at once, also for tokens already issued. */
    async updateClient(actor: Actor, id: string, input: UpdateSharingClient, meta: RequestMeta): Promise<SharingClient> {
      const scopes = [...new Set(input.scopes)];
      await change(
        actor,
        id,
        { version: input.version },
        { scopes, ratePerMinute: input.ratePerMinute },
        {
          action: 'sharing.client_update',
          meta,
          details: (before) => ({
            scopes: { from: before.scopes, to: scopes },
            ratePerMinute: { from: before.ratePerMinute, to: input.ratePerMinute },
          }),
        },
      );
      return clientWithStats(id);
    },

    /** 停用: no more tokens, and the client's tokens stop working at once. */
    async suspendClient(actor: Actor, id: string, reason: string, meta: RequestMeta): Promise<SharingClient> {
      await change(
        actor,
        id,
        { status: 'active' },
        { status: 'suspended', suspendedAt: now(), suspendReason: reason },
        { action: 'sharing.client_suspend', meta, details: () => ({ reason }) },
      );
      return clientWithStats(id);
    },

    /** 启用: the client may get tokens again; those issued before the suspension stay revoked. */
    async restoreClient(actor: Actor, id: string, meta: RequestMeta): Promise<SharingClient> {
      await change(
        actor,
        id,
        { status: 'suspended' },
        { status: 'active', suspendedAt: null, suspendReason: null },
        { action: 'sharing.client_restore', meta, details: (before) => ({ suspendedAt: before.suspendedAt?.toISOString() ?? null }) },
        async (tx, client) => void (await repo.revokeTokens(tx, client.id, now())),
      );
      return clientWithStats(id);
    },

    /** 重置密钥: a new secret, shown this once; the old secret and every token issued with it stop working. */
    async resetSecret(actor: Actor, id: string, meta: RequestMeta): Promise<SharingSecret> {
      const clientSecret = newSecret();
      let revoked = 0;
      const row = await change(
        actor,
        id,
        {},
        { secretHash: sha256(clientSecret) },
        { action: 'sharing.client_secret_reset', meta, details: () => ({ tokensRevoked: revoked }) },
        async (tx, client) => {
          revoked = await repo.revokeTokens(tx, client.id, now());
        },
      );
      return { clientId: row.clientId, clientSecret };
    },

    /** client_credentials: a token for the requested scopes (all of the client's when none are named). */
    async token(input: { client_id: string; client_secret: string; scope?: string | undefined }) {
      const client = await repo.clientByClientId(db, input.client_id);
      if (!client || !sameHash(client.secretHash, sha256(input.client_secret)) || client.status !== 'active') throw invalidClient();
      const asked = input.scope?.split(' ').filter(Boolean) ?? client.scopes;
      const refused = asked.filter((s) => !client.scopes.includes(s));
      if (refused.length) throw new AppError('INSUFFICIENT_SCOPE', { scopes: refused });
      const token = randomBytes(32).toString('base64url');
      await repo.insertToken(db, { tokenHash: sha256(token), clientId: client.id, scopes: asked, expiresAt: new Date(now().getTime() + TOKEN_SECONDS * 1000) });
      return { access_token: token, token_type: 'Bearer' as const, expires_in: TOKEN_SECONDS, scope: asked.join(' ') };
    },

    /** The caller behind an `Authorization: Bearer …` header with an unexpired token, usable or not; undefined otherwise. */
    async caller(authorization: string | undefined): Promise<SharingCaller | undefined> {
      const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '')?.[1];
      const found = token ? await repo.token(db, sha256(token), now()) : undefined;
      if (!found) return undefined;
      return { client: found.client, scopes: found.scopes, usable: found.revokedAt === null && found.client.status === 'active' };
    },

    /**
     * The caller's client when it may use `scope` now: 401 INVALID_CLIENT (no, expired or revoked
     * token, suspended client), 403 INSUFFICIENT_SCOPE (not in the token, or taken from the client since).
     */
    authorise(caller: SharingCaller | undefined, scope: string): SharingClientRow {
      if (!caller?.usable) throw invalidClient();
      if (!caller.scopes.includes(scope) || !caller.client.scopes.includes(scope)) throw new AppError('INSUFFICIENT_SCOPE', { scopes: [scope] });
      return caller.client;
    },

    async log(entry: { clientId: string | null; method: string; path: string; purpose: string | null; status: number }): Promise<void> {
      await repo.logAccess(db, { ...entry, path: entry.path.slice(0, 300), purpose: entry.purpose?.slice(0, 200) ?? null, at: now() });
    },

    /** The access log, newest first, filtered by client, result and China-time dates (both ends included). */
    async accessLog(q: SharingAccessQuery): Promise<Page<SharingAccess>> {
      const filter = {
        clientId: q.clientId,
        result: q.result,
        from: q.from ? chinaMidnight(q.from) : undefined,
        until: q.to ? chinaMidnight(addDays(q.to, 1)) : undefined,
      };
      const { rows, total } = await repo.accessLog(db, filter, q.pageSize, (q.page - 1) * q.pageSize);
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

    /** Answered (2xx) and refused (4xx) calls per China-time day, the last `days` days with today, oldest first, empty days included. */
    async daily(q: { days: number; clientId?: string | undefined }): Promise<SharingDaily[]> {
      const today = chinaToday(now());
      const first = addDays(today, 1 - q.days);
      const counts = new Map((await repo.daily(db, chinaMidnight(first), q.clientId)).map((r) => [r.day, r]));
      return Array.from({ length: q.days }, (_v, i) => {
        const n = dayNumber(first) + i;
        const c = counts.get(n);
        return { date: fromDayNumber(n), ok: c?.ok ?? 0, refused: c?.refused ?? 0 };
      });
    },

    verifyLicence: (identifier: string) => licences.verify(identifier),
    organisation: (creditCode: string) => subjects.sharedOrganisation(creditCode),
    personMatches: async (idNumber: string, name: string) => ({ consistent: await subjects.personMatches(idNumber, name) }),
    licenceForCase: (client: SharingClientRow, caseNo: string, typeKey: string, purpose: string) =>
      licences.sharedForCase(caseNo, typeKey, { name: client.name, purpose }),
  };
}

export type SharingService = ReturnType<typeof createSharingService>;
