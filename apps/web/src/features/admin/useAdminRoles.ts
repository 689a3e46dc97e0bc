import { useSession } from '../../app/session.ts';

/** What the current admin may change. The server enforces the same (and its data scope). */
export function useAdminRoles() {
  const roles = useSession().data?.roles ?? [];
  const isCentreAdmin = roles.includes('centre_admin');
  return {
    isCentreAdmin,
    /** Regions, halls and windows, creating and deleting departments: the service centre's job. */
    canManageOrg: isCentreAdmin,
    canEditDepartments: isCentreAdmin || roles.includes('dept_admin'),
    canManageStaff: isCentreAdmin || roles.includes('dept_admin'),
  };
}
