/** Identity use cases: registration, login, sessions, passwords and staff accounts. */
import { createHash, randomBytes } from 'node:crypto';
import type { CreateStaff, DataScope, LoginRequest, Page, RegisterRequest, Role, SessionUser, Staff, UpdateStaff } from '@tongban/contracts';
import { isRegionWithin, maskPhone, maskResidentId, regionPrefix } from '@tongban/domain';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import { identityRepository as repo, type AccountRow, type NewAccountRow } from './identity.repository.ts';
import { canGrantRoles, canManageStaff, staffListScope } from './identity.policy.ts';

/** What identity needs to know about the organisation (provided by the org module). */
export interface OrgDirectory {
  regionExists(code: string): Promise<boolean>;
  departmentRegion(id: string): Promise<string | null>;
  windowDepartment(id: string): Promise<{ departmentId: string | null } | null>;
}

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

export interface IdentityDeps {
  db: Db;
  config: Pick<Config, 'sessionTtlHours' | 'login'>;
  now: () => Date;
  org: OrgDirectory;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createIdentityService({ db, config, now, org }: IdentityDeps) {
  async function toSessionUser(account: AccountRow, csrfToken: string): Promise<SessionUser> {
    return {
      id: account.id,
      kind: account.kind,
      username: account.username,
      displayName: account.displayName,
      roles: account.roles as Role[],
      residentIdMasked: account.residentId ? maskResidentId(account.residentId) : null,
      phoneMasked: account.phone ? maskPhone(account.phone) : null,
      organisation: account.organisationName && account.creditCode ? { name: account.organisationName, creditCode: account.creditCode } : null,
      scope: scopeOf(account),
      departmentName: account.departmentId ? ((await repo.departmentName(db, account.departmentId)) ?? null) : null,
      csrfToken,
    };
  }

  async function openSession(account: AccountRow, meta: RequestMeta) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now().getTime() + config.sessionTtlHours * 3600_000);
    await repo.insertSession(db, {
      tokenHash: hashToken(token),
      accountId: account.id,
      csrfToken,
      expiresAt,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, expiresAt, user: await toSessionUser(account, csrfToken) };
  }

  return {
    async login(input: LoginRequest, meta: RequestMeta) {
      const identifier = input.identifier.trim();
      const account = await repo.findByIdentifier(db, identifier);
      if (!account) {
        await verifyPassword(input.password, dummyHash);
        throw new AppError('INVALID_CREDENTIALS');
      }
      const at = now();
      if (account.lockedUntil && account.lockedUntil > at) {
        throw new AppError('ACCOUNT_LOCKED', { lockedUntil: account.lockedUntil.toISOString() });
      }
      if (!(await verifyPassword(input.password, account.passwordHash))) {
        const lockUntil = new Date(at.getTime() + config.login.lockMinutes * 60_000);
        const result = await db.transaction(async (tx) => {
          const r = await repo.recordFailedLogin(tx, account.id, config.login.maxFailures, lockUntil);
          await appendAudit(tx, {
            actorId: null,
            action: 'auth.login_failed',
            targetType: 'account',
            targetId: account.id,
            ...auditMeta(meta),
            details: { failedLogins: r.failedLogins },
          });
          return r;
        });
        if (result.lockedUntil && result.lockedUntil > at) throw new AppError('ACCOUNT_LOCKED', { lockedUntil: result.lockedUntil.toISOString() });
        // Same answer as for an unknown account: nothing tells an attacker which accounts exist.
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (account.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
      await db.transaction(async (tx) => {
        await repo.recordSuccessfulLogin(tx, account.id, at);
        await appendAudit(tx, { actorId: account.id, action: 'auth.login', targetType: 'account', targetId: account.id, ...auditMeta(meta) });
      });
      return openSession(account, meta);
    },

    async logout(token: string | undefined) {
      if (token) await repo.deleteSession(db, hashToken(token));
    },

    /** Resolves a session cookie to its actor; undefined for a missing, unknown or expired session. */
    async authenticate(token: string | undefined): Promise<{ actor: Actor; csrfToken: string } | undefined> {
      if (!token || token.length > 100) return undefined;
      const found = await repo.findSession(db, hashToken(token), now());
      if (!found || found.account.status !== 'active') return undefined;
      const a = found.account;
      return {
        actor: { id: a.id, kind: a.kind, displayName: a.displayName, roles: a.roles as Role[], scope: scopeOf(a) },
        csrfToken: found.session.csrfToken,
      };
    },

    async me(actor: Actor, token: string | undefined): Promise<SessionUser> {
      const found = token ? await repo.findSession(db, hashToken(token), now()) : undefined;
      if (!found || found.account.id !== actor.id) throw new AppError('UNAUTHENTICATED');
      return toSessionUser(found.account, found.session.csrfToken);
    },

    async register(input: RegisterRequest, meta: RequestMeta) {
      const account = await db.transaction(async (tx) => {
        const created = await repo.insertAccount(tx, {
          kind: input.kind,
          username: input.username,
          displayName: input.displayName,
          passwordHash: await hashPassword(input.password),
          residentId: input.residentId,
          phone: input.phone,
          organisationName: input.kind === 'enterprise' ? input.organisationName : null,
          creditCode: input.kind === 'enterprise' ? input.creditCode : null,
          roles: ['applicant'],
        });
        await appendAudit(tx, {
          actorId: created.id,
          action: 'account.register',
          targetType: 'account',
          targetId: created.id,
          ...auditMeta(meta),
          details: { kind: input.kind },
        });
        return created;
      });
      return openSession(account, meta);
    },

    async changePassword(actor: Actor, currentPassword: string, newPassword: string, meta: RequestMeta) {
      const account = await repo.findById(db, actor.id);
      if (!account) throw new AppError('UNAUTHENTICATED');
      if (!(await verifyPassword(currentPassword, account.passwordHash))) {
        throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'currentPassword', code: 'custom', message: 'password.current' }] });
      }
      const hash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await repo.setPassword(tx, actor.id, hash);
        await appendAudit(tx, { actorId: actor.id, action: 'account.password_changed', targetType: 'account', targetId: actor.id, ...auditMeta(meta) });
      });
    },

    async listStaff(
      actor: Actor,
      q: { page: number; pageSize: number; q?: string | undefined; departmentId?: string | undefined; role?: string | undefined },
    ): Promise<Page<Staff>> {
      const scope = staffListScope(actor);
      if (!scope) throw new AppError('FORBIDDEN');
      if (q.departmentId && scope.departmentId && q.departmentId !== scope.departmentId) throw new AppError('FORBIDDEN');
      const { items, total } = await repo.listStaff(db, {
        region: scope.regionCode
          ? scope.includeSubRegions
            ? { prefix: regionPrefix(scope.regionCode) ?? scope.regionCode }
            : { exact: scope.regionCode }
          : null,
        departmentId: scope.departmentId ?? q.departmentId ?? null,
        q: q.q,
        role: q.role,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: items.map(toStaff), total, page: q.page, pageSize: q.pageSize };
    },

    async createStaff(actor: Actor, input: CreateStaff, meta: RequestMeta): Promise<Staff> {
      await checkStaffAssignment(actor, input);
      const created = await db.transaction(async (tx) => {
        const row = await repo.insertAccount(tx, {
          kind: 'staff',
          username: input.username,
          displayName: input.displayName,
          passwordHash: await hashPassword(input.password),
          phone: input.phone ?? null,
          roles: input.roles,
          regionCode: input.regionCode,
          includeSubRegions: input.includeSubRegions,
          departmentId: input.departmentId,
          windowId: input.windowId,
        });
        await appendAudit(tx, {
          actorId: actor.id,
          action: 'staff.create',
          targetType: 'account',
          targetId: row.id,
          ...auditMeta(meta),
          details: { roles: input.roles, departmentId: input.departmentId },
        });
        return row;
      });
      return this.getStaff(actor, created.id);
    },

    async getStaff(actor: Actor, id: string): Promise<Staff> {
      const row = await repo.findStaff(db, id);
      if (!row || !canManageStaff(actor, row.account)) throw notFound('staff');
      return toStaff(row);
    },

    async updateStaff(actor: Actor, id: string, input: UpdateStaff, meta: RequestMeta): Promise<Staff> {
      await this.getStaff(actor, id);
      await checkStaffAssignment(actor, input);
      const sameRoles = input.roles.length === actor.roles.length && input.roles.every((r) => actor.roles.includes(r));
      if (id === actor.id && (input.status !== 'active' || !sameRoles)) {
        // Nobody locks themselves out or changes their own powers.
        throw new AppError('FORBIDDEN', { reason: 'self' });
      }
      await db.transaction(async (tx) => {
        const ok = await repo.updateStaff(tx, id, input.version, {
          displayName: input.displayName,
          // The console only ever sees the masked phone: leaving it out keeps it, null clears it.
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          roles: input.roles,
          regionCode: input.regionCode,
          includeSubRegions: input.includeSubRegions,
          departmentId: input.departmentId,
          windowId: input.windowId,
          status: input.status,
        });
        if (!ok) throw new AppError('CONFLICT');
        if (input.status === 'disabled') await repo.deleteSessionsOf(tx, id);
        await appendAudit(tx, {
          actorId: actor.id,
          action: 'staff.update',
          targetType: 'account',
          targetId: id,
          ...auditMeta(meta),
          details: { roles: input.roles, status: input.status },
        });
      });
      return this.getStaff(actor, id);
    },

    async unlockStaff(actor: Actor, id: string, meta: RequestMeta): Promise<Staff> {
      await this.getStaff(actor, id);
      await db.transaction(async (tx) => {
        await repo.unlock(tx, id);
        await appendAudit(tx, { actorId: actor.id, action: 'staff.unlock', targetType: 'account', targetId: id, ...auditMeta(meta) });
      });
      return this.getStaff(actor, id);
    },

    async resetStaffPassword(actor: Actor, id: string, password: string, meta: RequestMeta): Promise<void> {
      await this.getStaff(actor, id);
      const hash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await repo.setPassword(tx, id, hash);
        await repo.unlock(tx, id);
        await repo.deleteSessionsOf(tx, id);
        await appendAudit(tx, { actorId: actor.id, action: 'staff.password_reset', targetType: 'account', targetId: id, ...auditMeta(meta) });
      });
    },

    /** Used by the CLI and the demo seed: creates an account without an acting user. */
    async createAccountDirect(input: Omit<NewAccountRow, 'passwordHash'> & { password: string }) {
      const { password, ...rest } = input;
      return db.transaction(async (tx) => {
        const row = await repo.insertAccount(tx, { ...rest, passwordHash: await hashPassword(password) });
        await appendAudit(tx, {
          actorId: null,
          action: 'account.create_direct',
          targetType: 'account',
          targetId: row.id,
          details: { kind: row.kind, roles: row.roles },
        });
        return row;
      });
    },

    async purgeExpiredSessions() {
      return repo.deleteExpiredSessions(db, now());
    },
  };

  async function checkStaffAssignment(
    actor: Actor,
    input: { roles: readonly Role[]; regionCode: string; includeSubRegions: boolean; departmentId: string | null; windowId: string | null },
  ) {
    if (!canGrantRoles(actor, input.roles)) throw new AppError('FORBIDDEN', { reason: 'roles' });
    if (!canManageStaff(actor, input)) throw new AppError('FORBIDDEN', { reason: 'scope' });
    const issues: { path: string; code: string; message: string }[] = [];
    if (!(await org.regionExists(input.regionCode))) issues.push({ path: 'regionCode', code: 'custom', message: 'ref.notFound' });
    if (input.departmentId) {
      const deptRegion = await org.departmentRegion(input.departmentId);
      if (deptRegion === null) issues.push({ path: 'departmentId', code: 'custom', message: 'ref.notFound' });
      // A staff member's scope lies inside their department's region.
      else if (!isRegionWithin(input.regionCode, deptRegion)) issues.push({ path: 'regionCode', code: 'custom', message: 'scope.outsideDepartment' });
    }
    if (input.windowId && !(await org.windowDepartment(input.windowId))) issues.push({ path: 'windowId', code: 'custom', message: 'ref.notFound' });
    if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
  }
}

export type IdentityService = ReturnType<typeof createIdentityService>;

function scopeOf(a: AccountRow): DataScope | null {
  return a.kind === 'staff' && a.regionCode ? { regionCode: a.regionCode, departmentId: a.departmentId, includeSubRegions: a.includeSubRegions } : null;
}

function auditMeta(meta: RequestMeta) {
  return { ...(meta.ip ? { ip: meta.ip } : {}), ...(meta.requestId ? { requestId: meta.requestId } : {}) };
}

type StaffRow = NonNullable<Awaited<ReturnType<typeof repo.findStaff>>>;
function toStaff(row: StaffRow): Staff {
  const a = row.account;
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    phoneMasked: a.phone ? maskPhone(a.phone) : null,
    roles: a.roles as Role[],
    departmentId: a.departmentId,
    departmentName: row.departmentName,
    regionCode: a.regionCode ?? '',
    regionName: row.regionName,
    includeSubRegions: a.includeSubRegions,
    windowId: a.windowId,
    windowName: row.windowName,
    status: a.status,
    lockedUntil: a.lockedUntil ? a.lockedUntil.toISOString() : null,
    version: a.version,
  };
}
