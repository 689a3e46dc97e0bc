import { z } from 'zod';
import { creditCodeSchema, mobilePhoneSchema } from './common.ts';

/** GB/T 2260 county-level codes have 6 digits; townships and villages use 9 or 12-digit statistical codes. */
export const regionCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3}|\d{6})?$/, { message: 'region.code' });
export const regionLevels = ['province', 'city', 'county', 'township', 'village'] as const;
export const regionLevelSchema = z.enum(regionLevels);
export type RegionLevel = z.infer<typeof regionLevelSchema>;

export const regionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: regionLevelSchema,
    parentCode: z.string().nullable(),
    childCount: z.number().int(),
  })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof regionSchema>;

export const createRegionSchema = z.object({
  code: regionCodeSchema,
  name: z.string().trim().min(1).max(50),
  parentCode: regionCodeSchema.nullable(),
});
export const updateRegionSchema = z.object({ name: z.string().trim().min(1).max(50) });
export const regionQuerySchema = z.object({
  /** Children of this region; omitted: the top-level regions. */
  parentCode: regionCodeSchema.optional(),
  q: z.string().trim().max(50).optional(),
});

export const departmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    shortName: z.string().nullable(),
    creditCode: z.string(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    phone: z.string().nullable(),
    staffCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof departmentSchema>;

export const createDepartmentSchema = z.object({
  name: z.string().trim().min(2).max(100),
  shortName: z.string().trim().max(30).nullable().default(null),
  creditCode: creditCodeSchema,
  regionCode: regionCodeSchema,
  phone: z.string().trim().max(20).nullable().default(null),
});
export type CreateDepartment = z.infer<typeof createDepartmentSchema>;
export const updateDepartmentSchema = createDepartmentSchema.extend({ version: z.number().int() });
export type UpdateDepartment = z.infer<typeof updateDepartmentSchema>;
export const departmentQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional(),
  regionCode: regionCodeSchema.optional(),
});

/** 政务服务中心 / 乡镇（街道）便民服务中心 / 村（社区）代办点 */
export const hallKinds = ['centre', 'township_centre', 'village_point'] as const;
export const hallKindSchema = z.enum(hallKinds);
export type HallKind = z.infer<typeof hallKindSchema>;

export const hallSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: hallKindSchema,
    regionCode: z.string(),
    regionName: z.string().nullable(),
    address: z.string(),
    phone: z.string().nullable(),
    openingHours: z.string(),
    windowCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Hall' });
export type Hall = z.infer<typeof hallSchema>;
export const createHallSchema = z.object({
  name: z.string().trim().min(2).max(100),
  kind: hallKindSchema,
  regionCode: regionCodeSchema,
  address: z.string().trim().min(2).max(200),
  phone: z.string().trim().max(20).nullable().default(null),
  openingHours: z.string().trim().min(2).max(150),
});
export type CreateHall = z.infer<typeof createHallSchema>;
export const updateHallSchema = createHallSchema.extend({ version: z.number().int() });
export const hallQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional(),
  kind: hallKindSchema.optional(),
  regionCode: regionCodeSchema.optional(),
});

/** Window kinds (STANDARDS §6): 综合受理, 部门专窗, 出件, 咨询导办, 帮办代办, 绿色通道, 自助. */
export const windowKinds = ['comprehensive', 'department', 'delivery', 'consultation', 'assistance', 'green_channel', 'self_service'] as const;
export const windowKindSchema = z.enum(windowKinds);
export type WindowKind = z.infer<typeof windowKindSchema>;

export const hallWindowSchema = z
  .object({
    id: z.uuid(),
    hallId: z.uuid(),
    number: z.string(),
    name: z.string(),
    kind: windowKindSchema,
    departmentId: z.uuid().nullable(),
    departmentName: z.string().nullable(),
    active: z.boolean(),
    staffCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'HallWindow' });
export type HallWindow = z.infer<typeof hallWindowSchema>;
export const createHallWindowSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{1,8}$/),
  name: z.string().trim().min(1).max(50),
  kind: windowKindSchema,
  departmentId: z.uuid().nullable().default(null),
  active: z.boolean().default(true),
});
export type CreateHallWindow = z.infer<typeof createHallWindowSchema>;
export const updateHallWindowSchema = createHallWindowSchema.extend({ version: z.number().int() });

export const contactPhoneSchema = mobilePhoneSchema;
