/**
 * Route policies. Every API route declares one in `config.policy`; a route without one is
 * refused at start-up and denied at run time (deny by default).
 */
import type { FastifyRequest } from 'fastify';
import type { DataScope, Role } from '@tongban/contracts';
import { isRegionWithin } from '@tongban/domain';
import { AppError } from '../errors.ts';

export type Policy = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: readonly Role[] };

export const policies = {
  public: { kind: 'public' },
  authenticated: { kind: 'authenticated' },
  roles: (...roles: Role[]): Policy => ({ kind: 'roles', roles }),
} as const satisfies Record<string, Policy | ((...r: Role[]) => Policy)>;

/** The authenticated caller, as every service sees it. */
export interface Actor {
  id: string;
  kind: 'citizen' | 'enterprise' | 'staff';
  displayName: string;
  roles: readonly Role[];
  scope: DataScope | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Throws 401/403 unless the request's actor satisfies the policy. */
export function enforcePolicy(policy: Policy | undefined, actor: Actor | null): void {
  if (!policy) throw new AppError('FORBIDDEN', { reason: 'route declares no policy' });
  switch (policy.kind) {
    case 'public':
      return;
    case 'authenticated':
      if (!actor) throw new AppError('UNAUTHENTICATED');
      return;
    case 'roles':
      if (!actor) throw new AppError('UNAUTHENTICATED');
      if (!policy.roles.some((r) => actor.roles.includes(r))) throw new AppError('FORBIDDEN');
      return;
    default: {
      const never: never = policy;
      throw new Error(`unknown policy ${JSON.stringify(never)}`);
    }
  }
}

/** The actor of a request whose policy already required authentication. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

/** A region is inside a data scope: the scope's own region, or below it when the scope includes sub-regions. */
export function isInScopeRegion(scope: DataScope | null, regionCode: string | null): boolean {
  if (!scope || !regionCode) return false;
  return scope.includeSubRegions ? isRegionWithin(regionCode, scope.regionCode) : regionCode === scope.regionCode;
}
