import type { CreateStaff, Page, Staff, UpdateStaff } from '@tongban/contracts';
import { api } from '../../../app/api.ts';

export type StaffRole = CreateStaff['roles'][number];

export interface StaffQuery {
  page: number;
  pageSize: number;
  q?: string | undefined;
  departmentId?: string | undefined;
  role?: StaffRole | undefined;
}

export const staffKeys = {
  all: ['staff'] as const,
  list: (params: StaffQuery) => ['staff', 'list', params] as const,
};

export const listStaff = (params: StaffQuery, signal?: AbortSignal) => api.get<Page<Staff>>('/api/staff', { ...params }, signal);
export const createStaff = (body: CreateStaff) => api.post<Staff>('/api/staff', body);
export const updateStaff = (id: string, body: UpdateStaff) => api.put<Staff>(`/api/staff/${id}`, body);
export const unlockStaff = (id: string) => api.post<unknown>(`/api/staff/${id}/unlock`);
export const resetStaffPassword = (id: string, password: string) => api.post<unknown>(`/api/staff/${id}/password`, { password });

// Complete list of the roles a staff account can hold (checked against the contracts).
const staffRoleSet: Record<StaffRole, true> = {
  window: true,
  reviewer: true,
  approver: true,
  dept_admin: true,
  centre_admin: true,
  supervisor: true,
  agent: true,
};
export const staffRoles = Object.keys(staffRoleSet) as StaffRole[];

/** Locked now (lockedUntil in the future)? */
export function isLocked(staff: Staff, now: number = Date.now()): boolean {
  return staff.lockedUntil !== null && new Date(staff.lockedUntil).getTime() > now;
}
