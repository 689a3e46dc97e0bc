import type { Role } from '@tongban/contracts';

export type AreaId = 'portal' | 'workbench' | 'admin' | 'supervision' | 'display';
export type StaffAreaId = Exclude<AreaId, 'portal' | 'display'>;

/** Areas behind a login, and the roles that open them. The portal and the display are public. */
export const areaRoles: Record<StaffAreaId, readonly Role[]> = {
  workbench: ['window', 'reviewer', 'approver', 'dept_admin', 'centre_admin'],
  admin: ['dept_admin', 'centre_admin'],
  supervision: ['supervisor', 'centre_admin'],
};

export const areaPaths: Record<AreaId, string> = {
  portal: '/',
  workbench: '/workbench',
  admin: '/admin',
  supervision: '/supervision',
  display: '/display',
};

const switcherOrder: readonly AreaId[] = ['portal', 'workbench', 'admin', 'supervision', 'display'];

function hasAny(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}

/** May a user with these roles open this area? */
export function canEnter(area: AreaId, roles: readonly Role[]): boolean {
  switch (area) {
    case 'portal':
    case 'display':
      return true;
    case 'workbench':
    case 'admin':
    case 'supervision':
      return hasAny(roles, areaRoles[area]);
  }
}

/** The areas offered in the header switcher. */
export function switcherAreas(roles: readonly Role[]): AreaId[] {
  return switcherOrder.filter((area) => {
    switch (area) {
      case 'portal':
        return hasAny(roles, ['applicant', 'agent']);
      case 'display':
        return true;
      case 'workbench':
      case 'admin':
      case 'supervision':
        return canEnter(area, roles);
    }
  });
}

/** Where a user lands after login. */
export function homePath(roles: readonly Role[]): string {
  if (hasAny(roles, ['dept_admin', 'centre_admin'])) return areaPaths.admin;
  if (hasAny(roles, ['window', 'reviewer', 'approver'])) return areaPaths.workbench;
  if (hasAny(roles, ['supervisor'])) return areaPaths.supervision;
  return areaPaths.portal;
}

export function areaOfPath(pathname: string): AreaId {
  const first = pathname.split('/')[1] ?? '';
  switch (first) {
    case 'workbench':
    case 'admin':
    case 'supervision':
    case 'display':
      return first;
    default:
      return 'portal';
  }
}

/**
 * The `next` parameter after login, when it is a local path the user may open; otherwise the
 * user's home. Never an absolute or protocol-relative URL (no open redirect).
 */
export function safeNext(next: string | null, roles: readonly Role[]): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return homePath(roles);
  const pathname = next.split(/[?#]/)[0] ?? '/';
  if (pathname === '/login' || pathname === '/register') return homePath(roles);
  return canEnter(areaOfPath(pathname), roles) ? next : homePath(roles);
}

export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}
