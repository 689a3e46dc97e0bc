/**
 * Service catalog (事项目录 · 实施清单 · 办事指南). Elements follow STANDARDS.md §1.3–1.7
 * (GB/T 39046 Appendix A codes; national exchange schema field names in comments).
 */
import { z } from 'zod';

/** A.1 事项类型代码 */
export const itemTypeCodes = ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '20', '21'] as const;
export const itemTypeSchema = z.enum(itemTypeCodes);
export type ItemTypeCode = z.infer<typeof itemTypeSchema>;

/** A.2 行使层级 */
export const exerciseLevelSchema = z.enum(['1', '2', '3', '4', '5', '6', '7']);
/** A.3 实施主体性质 */
export const bodyNatureSchema = z.enum(['1', '2', '3', '9']);
/** A.4 服务对象 */
export const serviceObjectSchema = z.enum(['1', '2', '3', '4', '5', '6']);
/** A.6 办件类型: 即办件 / 承诺件 / 其他 */
export const caseTypeSchema = z.enum(['1', '2', '9']);
/** 权力来源 */
export const powerSourceSchema = z.enum(['statutory', 'delegated', 'entrusted', 'other']);

/** Time-limit units; `immediate` is 即办 (value 0). */
export const timeUnits = ['immediate', 'working_day', 'natural_day', 'month', 'year'] as const;
export const timeLimitSchema = z.object({
  value: z.number().int().min(0).max(3650),
  unit: z.enum(timeUnits),
  note: z.string().max(1000).default(''),
});
export type TimeLimit = z.infer<typeof timeLimitSchema>;

/** 网上办理深度 (multi-valued): Ⅰ 信息公开, Ⅱ 在线预约/预审, Ⅲ 网上受理（最多跑一次）, Ⅳ 全程网办 */
export const onlineDepthSchema = z.enum(['I', 'II', 'III', 'IV']);
/** 通办范围 */
export const crossRegionScopeSchema = z.enum(['none', 'national', 'cross_province', 'cross_city', 'cross_county']);

/** 材料类型 */
export const materialKindSchema = z.enum(['original', 'copy', 'original_and_copy', 'original_or_copy']);
/** 材料形式 */
export const materialFormSchema = z.enum(['paper', 'electronic', 'paper_and_electronic']);
/** 材料必要性: 必要 / 非必要 / 容缺后补 */
export const materialNecessitySchema = z.enum(['required', 'optional', 'deferrable']);
/** 来源渠道: 申请人自备 / 政府部门核发 / 电子证照库 / 在线填报 */
export const materialSourceSchema = z.enum(['applicant', 'government', 'licence_library', 'online_form']);

export const materialSchema = z.object({
  key: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  name: z.string().trim().min(1).max(200),
  kind: materialKindSchema,
  form: materialFormSchema,
  originalCopies: z.number().int().min(0).max(99).default(1),
  copyCopies: z.number().int().min(0).max(99).default(0),
  necessity: materialNecessitySchema,
  source: materialSourceSchema,
  sourceNote: z.string().max(500).default(''),
  /** Licence type code when `source` is the licence library. */
  licenceType: z.string().max(40).nullable().default(null),
  /** 告知承诺: a signed commitment may replace this material. */
  commitmentAllowed: z.boolean().default(false),
  blankForm: z.string().max(500).nullable().default(null),
  sample: z.string().max(500).nullable().default(null),
  fillingNotes: z.string().max(1000).default(''),
  acceptanceStandard: z.string().max(1000).default(''),
  legalBasis: z.string().max(1000).default(''),
});
export type Material = z.infer<typeof materialSchema>;

export const feeSchema = z.object({
  name: z.string().trim().min(1).max(200),
  standard: z.string().trim().min(1).max(500),
  basis: z.string().trim().min(1).max(1000),
  waivable: z.boolean().default(false),
  waiverBasis: z.string().max(1000).default(''),
});
export type Fee = z.infer<typeof feeSchema>;

export const faqSchema = z.object({ question: z.string().trim().min(1).max(500), answer: z.string().trim().min(1).max(2000) });

/** Every element of an implementation item (实施清单要素), as one version holds it. */
export const itemContentSchema = z.object({
  name: z.string().trim().min(2).max(200),
  baseCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{1,12}$/),
  itemType: itemTypeSchema,
  exerciseLevels: z.array(exerciseLevelSchema).min(1),
  legalBasis: z.string().trim().min(1).max(4000),
  powerSource: powerSourceSchema,
  bodyNature: bodyNatureSchema,
  jointDepartments: z.array(z.string().max(100)).default([]),
  acceptanceConditions: z.string().max(4000).default(''),
  procedure: z.array(z.object({ step: z.string().max(50), description: z.string().max(1000) })).default([]),
  legalLimit: timeLimitSchema,
  promisedLimit: timeLimitSchema,
  caseType: caseTypeSchema,
  visits: z.number().int().min(0).max(10),
  visitsReason: z.string().max(500).default(''),
  onlineDepth: z.array(onlineDepthSchema).default([]),
  serviceObjects: z.array(serviceObjectSchema).min(1),
  personThemes: z.array(z.string().max(20)).default([]),
  businessThemes: z.array(z.string().max(20)).default([]),
  crossRegion: crossRegionScopeSchema.default('none'),
  channels: z
    .object({
      appointment: z.boolean().default(false),
      onlinePayment: z.boolean().default(false),
      express: z.boolean().default(false),
      kiosk: z.boolean().default(false),
      inHall: z.boolean().default(true),
      online: z.boolean().default(false),
    })
    .prefault({}),
  place: z.string().max(200).default(''),
  hours: z.string().max(150).default(''),
  consultationPhone: z.string().max(18).default(''),
  supervisionPhone: z.string().max(18).default(''),
  resultName: z.string().max(100).default(''),
  resultSample: z.string().max(500).nullable().default(null),
  /** Licence type the result is, when it is an e-licence. */
  resultLicenceType: z.string().max(40).nullable().default(null),
  charged: z.boolean().default(false),
  fees: z.array(feeSchema).default([]),
  faq: z.array(faqSchema).default([]),
  intermediaryServices: z.string().max(2000).default(''),
  specialProcedures: z.string().max(2000).default(''),
  quantityLimit: z.string().max(200).default(''),
  /** Everyday words people search with (俗称), e.g. 开饭店 for 食品经营许可. */
  keywords: z.array(z.string().max(30)).default([]),
  materials: z.array(materialSchema).default([]),
  /** Application form as JSON Schema (draft 2020-12) with `ui:*` hints. */
  formSchema: z.record(z.string(), z.unknown()).default({ type: 'object', properties: {} }),
});
export type ItemContent = z.infer<typeof itemContentSchema>;
/** What a caller may send: defaults not yet applied. */
export type ItemContentInput = z.input<typeof itemContentSchema>;

export const itemStatuses = ['draft', 'submitted', 'published', 'retired'] as const;
export const itemStatusSchema = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const serviceFlagsSchema = z.object({
  immediate: z.boolean(),
  online: z.boolean(),
  oneVisit: z.boolean(),
  zeroVisit: z.boolean(),
  nearby: z.boolean(),
});
export const serviceFlagKeys = ['immediate', 'online', 'oneVisit', 'zeroVisit', 'nearby'] as const;

/** One row of a catalog list or search result. */
export const itemSummarySchema = z
  .object({
    id: z.uuid(),
    implCode: z.string(),
    baseCode: z.string(),
    name: z.string(),
    itemType: z.string(),
    departmentId: z.uuid(),
    departmentName: z.string(),
    regionCode: z.string(),
    status: itemStatusSchema,
    publishedVersion: z.number().int().nullable(),
    latestVersion: z.number().int(),
    flags: serviceFlagsSchema,
    serviceObjects: z.array(z.string()),
    themes: z.array(z.string()),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'CatalogItemSummary' });
export type ItemSummary = z.infer<typeof itemSummarySchema>;

/** A version of an item with every element: the public guide (办事指南) when published. */
export const itemVersionSchema = z
  .object({
    item: itemSummarySchema,
    version: z.number().int(),
    status: itemStatusSchema,
    content: itemContentSchema,
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CatalogItemVersion' });
export type ItemVersion = z.infer<typeof itemVersionSchema>;

export const catalogQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(50).optional(),
  dept: z.uuid().optional(),
  region: z
    .string()
    .regex(/^\d{6}(\d{3}|\d{6})?$/)
    .optional(),
  theme: z.string().max(20).optional(),
  audience: serviceObjectSchema.optional(),
  type: itemTypeSchema.optional(),
  depth: onlineDepthSchema.optional(),
  flag: z.enum(serviceFlagKeys).optional(),
  /** Ranks items for this service object first (the portal sends the signed-in applicant's kind); filters nothing. */
  prefer: serviceObjectSchema.optional(),
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

const ratioSchema = z.object({ count: z.number().int(), ratio: z.number() });
export const catalogStatsSchema = z
  .object({
    total: z.number().int(),
    immediate: ratioSchema,
    online: ratioSchema,
    oneVisit: ratioSchema,
    zeroVisit: ratioSchema,
    nearby: ratioSchema,
    compressionRatio: z.number(),
  })
  .meta({ id: 'CatalogStats' });
export const catalogStatsReportSchema = z.object({
  overall: catalogStatsSchema,
  byDepartment: z.array(z.object({ departmentId: z.uuid(), departmentName: z.string(), stats: catalogStatsSchema })),
});

export const createItemSchema = z.object({
  departmentId: z.uuid(),
  level: exerciseLevelSchema,
  /** Keep an imported 实施编码 as given instead of building it. */
  implCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z-]{10,50}$/)
    .optional(),
  content: itemContentSchema,
});
export const updateDraftSchema = z.object({ content: itemContentSchema, rowVersion: z.number().int() });
export const itemActionSchema = z.object({ rowVersion: z.number().int() });
/** Retiring withdraws an item from the public catalog: the reason is kept in the audit log. */
export const retireItemSchema = itemActionSchema.extend({ reason: z.string().trim().min(2).max(500) });
export const itemVersionEntrySchema = z
  .object({
    version: z.number().int(),
    status: z.enum(['draft', 'submitted', 'published', 'retired']),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    updatedBy: z.uuid().nullable(),
    /** Who last changed it (display name), null for the system (demo seed, import by the system). */
    updatedByName: z.string().nullable(),
    publishedByName: z.string().nullable(),
  })
  .meta({ id: 'ItemVersionEntry' });

export const ruleViolationSchema = z.object({ rule: z.string(), path: z.string(), message: z.string() });
export const versionDiffSchema = z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() }));

/** 一件事 (one-thing) bundle: several items applied for together. */
export const bundleSummarySchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    /** The life event or business theme it belongs to (出生, 开办企业 …). */
    lifeEvent: z.string(),
    regionCode: z.string(),
    itemCount: z.number().int(),
  })
  .meta({ id: 'BundleSummary' });
export type BundleSummary = z.infer<typeof bundleSummarySchema>;

/** A material of a bundle, asked for once however many of its items need it. */
export const bundleMaterialSchema = materialSchema
  .pick({
    name: true,
    kind: true,
    form: true,
    originalCopies: true,
    copyCopies: true,
    necessity: true,
    source: true,
    licenceType: true,
    commitmentAllowed: true,
  })
  .extend({
    /** `licence:<type>` for a licence, `name:<name>` otherwise: what made the items' materials one. */
    key: z.string(),
    fillingNotes: z.string(),
    acceptanceStandard: z.string(),
    usedBy: z.array(z.object({ implCode: z.string(), name: z.string() })),
  })
  .meta({ id: 'BundleMaterial' });
export type BundleMaterial = z.infer<typeof bundleMaterialSchema>;

export const bundleDetailSchema = bundleSummarySchema
  .extend({
    /** The published items of the bundle in handling order, implemented in the requested region (or the bundle's). */
    items: z.array(itemSummarySchema),
    /** Every material of every item, de-duplicated. */
    materials: z.array(bundleMaterialSchema),
    /** How many materials the merge spared (asked for by several items, submitted once). */
    sparedSubmissions: z.number().int(),
  })
  .meta({ id: 'BundleDetail' });
export type BundleDetail = z.infer<typeof bundleDetailSchema>;

export const bundleQuerySchema = z.object({
  region: z
    .string()
    .regex(/^\d{6}(\d{3}|\d{6})?$/)
    .optional(),
  lifeEvent: z.string().trim().max(20).optional(),
});
