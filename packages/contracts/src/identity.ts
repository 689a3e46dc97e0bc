import { z } from 'zod';
import { creditCodeSchema, mobilePhoneSchema, residentIdSchema } from './common.ts';

/** Roles (DESIGN §7). Applicants are citizens or enterprise users; the rest are staff. */
export const roles = [
  'applicant', // 申请人
  'agent', // 代办员
  'window', // 窗口人员
  'reviewer', // 审查人员
  'approver', // 审批人员
  'dept_admin', // 部门管理员
  'centre_admin', // 政务服务中心管理员
  'supervisor', // 电子监察
  'system_client', // 部门业务系统
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;
export const staffRoles = ['window', 'reviewer', 'approver', 'dept_admin', 'centre_admin', 'supervisor', 'agent'] as const satisfies readonly Role[];
export const staffRoleSchema = z.enum(staffRoles);

/** 自然人 / 法人 / 工作人员 */
export const accountKinds = ['citizen', 'enterprise', 'staff'] as const;
export const accountKindSchema = z.enum(accountKinds);
export type AccountKind = z.infer<typeof accountKindSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.]{4,32}$/, { message: 'username.format' });

export const passwordSchema = z
  .string()
  .min(8, { message: 'password.weak' })
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: 'password.weak' });

/** Data scope of a staff member: a region (and below, when `includeSubRegions`) and optionally one department. */
export const dataScopeSchema = z.object({
  regionCode: z.string(),
  departmentId: z.uuid().nullable(),
  includeSubRegions: z.boolean(),
});
export type DataScope = z.infer<typeof dataScopeSchema>;

export const loginRequestSchema = z.object({
  /** Username, mobile number or resident ID number. */
  identifier: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z
  .object({
    id: z.uuid(),
    kind: accountKindSchema,
    username: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    /** Masked (脱敏) identifiers: the full values are never sent to the browser in a session. */
    residentIdMasked: z.string().nullable(),
    phoneMasked: z.string().nullable(),
    organisation: z.object({ name: z.string(), creditCode: z.string() }).nullable(),
    scope: dataScopeSchema.nullable(),
    departmentName: z.string().nullable(),
    csrfToken: z.string(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Self-registration of a citizen (自然人注册). */
export const registerCitizenSchema = z.object({
  kind: z.literal('citizen'),
  username: usernameSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1).max(50),
  residentId: residentIdSchema,
  phone: mobilePhoneSchema,
});
/** Self-registration of an enterprise user acting for an organisation (法人注册). */
export const registerEnterpriseSchema = z.object({
  kind: z.literal('enterprise'),
  username: usernameSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1).max(50),
  residentId: residentIdSchema,
  phone: mobilePhoneSchema,
  organisationName: z.string().trim().min(2).max(100),
  creditCode: creditCodeSchema,
});
export const registerRequestSchema = z.discriminatedUnion('kind', [registerCitizenSchema, registerEnterpriseSchema]);
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});

/** A staff account as the admin console sees it. */
export const staffSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    phoneMasked: z.string().nullable(),
    roles: z.array(roleSchema),
    departmentId: z.uuid().nullable(),
    departmentName: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    includeSubRegions: z.boolean(),
    windowId: z.uuid().nullable(),
    windowName: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    lockedUntil: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Staff' });
export type Staff = z.infer<typeof staffSchema>;

export const createStaffSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1).max(50),
  phone: mobilePhoneSchema.optional(),
  roles: z.array(staffRoleSchema).min(1),
  departmentId: z.uuid().nullable(),
  regionCode: z.string().regex(/^\d{6}(\d{3}|\d{6})?$/, { message: 'region.code' }),
  includeSubRegions: z.boolean().default(false),
  windowId: z.uuid().nullable().default(null),
});
export type CreateStaff = z.infer<typeof createStaffSchema>;

export const updateStaffSchema = createStaffSchema
  .omit({ username: true, password: true })
  .extend({ phone: mobilePhoneSchema.nullable().optional(), status: z.enum(['active', 'disabled']), version: z.number().int() });
export type UpdateStaff = z.infer<typeof updateStaffSchema>;

export const staffQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional(),
  departmentId: z.uuid().optional(),
  role: staffRoleSchema.optional(),
});
