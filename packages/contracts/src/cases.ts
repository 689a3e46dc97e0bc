/**
 * Cases (办件): applications, acceptance, the process steps, special procedures, extensions,
 * decisions and delivery. Statuses and events come from packages/domain/src/case; the
 * national exchange shape follows STANDARDS §2.2 (up_pro_accept / process / special_procedure / result).
 */
import { z } from 'zod';
import { CASE_EVENT_TYPES, CASE_STATUSES, DECISIONS, SPECIAL_PROCEDURES } from '@tongban/domain';
import { calendarDateSchema } from './calendar.ts';
import { creditCodeSchema, mobilePhoneSchema, residentIdSchema } from './common.ts';
import { materialSourceSchema } from './catalog.ts';
import { fileMetaSchema, MAX_FILES_PER_MATERIAL } from './files.ts';

/** 办件编号: `<实施编码>-<yyyyMMdd>-<seq6>`. */
export const caseNoSchema = z.string().regex(/^[0-9A-Z]{10,31}-\d{8}-\d{6}$/);
export const caseNoParamsSchema = z.object({ caseNo: caseNoSchema });

export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatusCode = z.infer<typeof caseStatusSchema>;
export const caseEventTypeSchema = z.enum(CASE_EVENT_TYPES);
export const decisionSchema = z.enum(DECISIONS);
export const specialProcedureSchema = z.enum(SPECIAL_PROCEDURES);

/** 申报来源: online (网上), window (窗口代录), kiosk (自助终端), agent (代办员). */
export const caseChannels = ['online', 'window', 'kiosk', 'agent'] as const;
export const caseChannelSchema = z.enum(caseChannels);
export type CaseChannel = z.infer<typeof caseChannelSchema>;

/** How a material was provided: uploaded, taken from the licence library, replaced by a commitment (告知承诺), deferred (容缺) or missing. */
export const materialProvisions = ['upload', 'licence', 'commitment', 'deferred', 'missing'] as const;
export const materialProvisionSchema = z.enum(materialProvisions);
export const materialKeySchema = z.string().regex(/^[a-z0-9_-]{1,40}$/);
const stepKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

export const submittedMaterialSchema = z.object({
  materialKey: materialKeySchema,
  provided: materialProvisionSchema,
  /** Uploaded files (`POST /api/files`) of a material provided as `upload`; they must be the submitter's own. */
  files: z.array(z.uuid()).max(MAX_FILES_PER_MATERIAL).default([]),
});
export type SubmittedMaterial = z.infer<typeof submittedMaterialSchema>;
/** A material as a caller may send it (`files` may be left out). */
export type SubmittedMaterialInput = z.input<typeof submittedMaterialSchema>;

export const postalAddressSchema = z.object({
  recipient: z.string().trim().min(1).max(50),
  phone: mobilePhoneSchema,
  address: z.string().trim().min(5).max(200),
  postcode: z.string().regex(/^\d{6}$/),
});

/** 送达方式 chosen at submission: pickup at the window, post to an address, or electronic (e-licence / download). */
export const deliveryChoiceSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('window') }),
  z.object({ method: z.literal('post'), address: postalAddressSchema }),
  z.object({ method: z.literal('electronic') }),
]);
export type DeliveryChoice = z.infer<typeof deliveryChoiceSchema>;

/** The applicant a window officer or an agent applies for. */
export const principalSchema = z.discriminatedUnion('idType', [
  z.object({
    idType: z.literal('resident_id'),
    idNumber: residentIdSchema,
    name: z.string().trim().min(2).max(50),
    phone: mobilePhoneSchema.optional(),
  }),
  z.object({
    idType: z.literal('credit_code'),
    idNumber: creditCodeSchema,
    /** The organisation's name. */
    name: z.string().trim().min(2).max(100),
    contactName: z.string().trim().min(2).max(50).optional(),
    phone: mobilePhoneSchema.optional(),
  }),
]);
export type Principal = z.infer<typeof principalSchema>;

/** 授权委托: what an agent records from the applicant's signed authorisation. */
export const authorisationSchema = z.object({
  /** The number or reference of the signed 授权委托书. */
  documentNo: z.string().trim().min(1).max(50),
  /** What it covers (委托事项). */
  scope: z.string().trim().min(1).max(200),
  signedOn: calendarDateSchema,
  validUntil: calendarDateSchema,
});
export type Authorisation = z.infer<typeof authorisationSchema>;

export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9._:-]{8,100}$/, { message: 'cases.idempotencyKey' });

export const submitCaseSchema = z.object({
  implCode: z.string().regex(/^[0-9A-Z-]{10,50}$/),
  channel: caseChannelSchema.default('online'),
  formData: z.record(z.string(), z.unknown()),
  materials: z.array(submittedMaterialSchema).max(100).default([]),
  delivery: deliveryChoiceSchema,
  onBehalfOf: principalSchema.optional(),
  authorisation: authorisationSchema.optional(),
  /** Or the Idempotency-Key header: a retried submit with the same key returns the same case. */
  idempotencyKey: idempotencyKeySchema.optional(),
  /** The draft (草稿) this submission finishes: it is deleted with the submission, whose idempotency key is the draft's. */
  draftId: z.uuid().optional(),
  /**
   * 授权调取电子证照: the applicant agrees that materials provided as `licence` are taken from the
   * e-licence library. Without it nothing is taken, and the window checks the originals.
   */
  licenceConsent: z.boolean().default(false),
});
export type SubmitCase = z.infer<typeof submitCaseSchema>;

/**
 * 一件事一次办: one application for every item of a bundle. One shared form (each item takes the
 * fields its own form defines), the bundle's merged materials once (by their merged key), one
 * delivery choice; the server makes one case per item.
 */
export const submitBundleSchema = z.object({
  bundleKey: z.string().regex(/^[a-z0-9-]{2,60}$/),
  /** The region the items are implemented in (the bundle's own when absent). */
  region: z
    .string()
    .regex(/^\d{6}(\d{3}|\d{6})?$/)
    .optional(),
  channel: caseChannelSchema.default('online'),
  formData: z.record(z.string(), z.unknown()),
  materials: z
    .array(submittedMaterialSchema.omit({ materialKey: true }).extend({ key: z.string().min(3).max(120) }))
    .max(200)
    .default([]),
  delivery: deliveryChoiceSchema,
  onBehalfOf: principalSchema.optional(),
  authorisation: authorisationSchema.optional(),
  licenceConsent: z.boolean().default(false),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9._:-]{8,90}$/, { message: 'cases.idempotencyKey' }),
});
export type SubmitBundle = z.infer<typeof submitBundleSchema>;

export const caseBundleSchema = z
  .object({
    bundleNo: z.string(),
    bundleKey: z.string(),
    bundleName: z.string(),
    createdAt: z.string(),
    cases: z.array(z.object({ caseNo: z.string(), implCode: z.string(), itemName: z.string(), status: caseStatusSchema, statusName: z.string() })),
  })
  .meta({ id: 'CaseBundle' });
export type CaseBundle = z.infer<typeof caseBundleSchema>;
export const bundleNoParamsSchema = z.object({ bundleNo: z.string().regex(/^YJS-\d{8}-\d{6}$/) });

/** Every action may carry the case version the caller read: a newer one gives 409 CONFLICT. */
const expected = { version: z.number().int().min(1).optional() };
const opinion = (min = 0, max = 1000) => z.string().trim().min(min).max(max);
const act = <A extends string>(name: A) => ({ action: z.literal(name) });

/** 受理: the window may correct the materials it verified at the counter (容缺 and 告知承诺 are read from them). */
export const acceptCaseSchema = z.object({
  ...act('accept'),
  materials: z.array(submittedMaterialSchema).max(100).optional(),
  opinion: opinion().default(''),
  ...expected,
});
/** 不予受理: reason and legal basis are required. */
export const refuseCaseSchema = z.object({ ...act('refuse'), reason: opinion(2), legalBasis: opinion(2), ...expected });
/** 补正: one notice listing every missing material once (一次性告知). */
export const requestSupplementSchema = z.object({
  ...act('request-supplement'),
  missing: z
    .array(z.object({ materialKey: materialKeySchema, note: z.string().trim().max(500).default('') }))
    .min(1)
    .max(100),
  opinion: opinion().default(''),
  ...expected,
});
export const provideSupplementSchema = z.object({ ...act('supplement'), materials: z.array(submittedMaterialSchema).min(1).max(100), ...expected });
export const supplyDeferredSchema = z.object({ ...act('supply-deferred'), materialKey: materialKeySchema, ...expected });
export const withdrawCaseSchema = z.object({ ...act('withdraw'), reason: opinion(1, 500), ...expected });
/** 签收: the officer takes an open step of their role and department; others then see it as theirs. */
export const claimStepSchema = z.object({ ...act('claim'), step: stepKeySchema, ...expected });
/** 转办: the holder hands a step to another officer of the same role and department. */
export const transferStepSchema = z.object({ ...act('transfer'), step: stepKeySchema, toAccountId: z.uuid(), opinion: opinion(1, 500), ...expected });
/** A review step done: passed on (通过). */
export const approveStepSchema = z.object({ ...act('approve'), step: stepKeySchema, opinion: opinion(1, 2000), ...expected });
/** A department of a parallel block (并联审批) says no. */
export const disapproveStepSchema = z.object({ ...act('disapprove'), step: stepKeySchema, opinion: opinion(1, 2000), ...expected });
/** 退回: back to an earlier step, which opens again. */
export const returnStepSchema = z.object({ ...act('return'), step: stepKeySchema, returnTo: stepKeySchema, opinion: opinion(1, 2000), ...expected });
/** 特别程序 starts (听证、检验、检测、鉴定、专家评审、现场勘验 …): the clock stops. */
export const startSpecialSchema = z.object({ ...act('suspend'), procedure: specialProcedureSchema, reason: opinion(2), ...expected });
export const endSpecialSchema = z.object({ ...act('resume'), result: opinion(1, 2000), opinion: opinion().default(''), ...expected });
export const requestExtensionSchema = z.object({ ...act('extend'), workingDays: z.number().int().min(1).max(60), reason: opinion(2), ...expected });
export const decideExtensionSchema = z.object({ ...act('decide-extension'), approved: z.boolean(), opinion: opinion(1), ...expected });
export const decideCaseSchema = z.object({
  ...act('decide'),
  decision: decisionSchema,
  opinion: opinion(1, 2000),
  /** 结果证照名称 / 编号, when the result is a licence or certificate. */
  resultName: z.string().trim().max(100).optional(),
  resultNo: z.string().trim().max(50).optional(),
  ...expected,
});
export const deliverCaseSchema = z
  .object({
    ...act('deliver'),
    method: z.enum(['window', 'post', 'electronic']),
    trackingNo: z.string().trim().max(50).optional(),
    recipient: z.string().trim().max(50).optional(),
    note: z.string().trim().max(500).optional(),
    ...expected,
  })
  .refine((d) => d.method !== 'post' || !!d.trackingNo, { path: ['trackingNo'], message: 'cases.trackingNo' });
export const greenChannelSchema = z.object({ ...act('green-channel'), on: z.boolean(), reason: opinion(2, 500), ...expected });
/** 告知承诺核查: the post-check of the commitments; a failed one revokes the result. */
export const postCheckSchema = z.object({ ...act('post-check'), passed: z.boolean(), opinion: opinion(2, 2000), ...expected });
/** 撤销: the authority withdraws a result it granted (e.g. obtained by fraud), with the legal basis. */
export const revokeCaseSchema = z.object({ ...act('revoke'), reason: opinion(2), legalBasis: opinion(2), ...expected });

/** One action on a case per request (POST /api/cases/{caseNo}/actions). */
export const caseActionSchema = z
  .discriminatedUnion('action', [
    acceptCaseSchema,
    refuseCaseSchema,
    requestSupplementSchema,
    provideSupplementSchema,
    supplyDeferredSchema,
    withdrawCaseSchema,
    claimStepSchema,
    transferStepSchema,
    approveStepSchema,
    disapproveStepSchema,
    returnStepSchema,
    startSpecialSchema,
    endSpecialSchema,
    requestExtensionSchema,
    decideExtensionSchema,
    decideCaseSchema,
    deliverCaseSchema,
    greenChannelSchema,
    postCheckSchema,
    revokeCaseSchema,
  ])
  .meta({ id: 'CaseAction' });
export type CaseAction = z.infer<typeof caseActionSchema>;
export const caseActionNames = caseActionSchema.options.map((o) => o.shape.action.value) as [CaseAction['action'], ...CaseAction['action'][]];
export type CaseActionName = CaseAction['action'];
export type CaseActionOf<A extends CaseActionName> = Extract<CaseAction, { action: A }>;

// ---- Responses

export const caseStepSchema = z.object({
  key: z.string(),
  name: z.string(),
  /** post_check: 告知承诺核查 after a result that rests on commitments. */
  kind: z.enum(['accept', 'review', 'decide', 'deliver', 'post_check']),
  role: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string().nullable(),
  /** 签收: the officer who took the step (or was handed it). */
  claimedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type CaseStep = z.infer<typeof caseStepSchema>;

export const caseMaterialSchema = z.object({
  materialKey: z.string(),
  name: z.string(),
  necessity: z.enum(['required', 'optional', 'deferrable']),
  /** Where the guide says it comes from: the application form itself (`online_form`) is never missing. */
  source: materialSourceSchema,
  provided: materialProvisionSchema,
  /** The uploaded files (download: `GET /api/cases/{caseNo}/files/{id}`). */
  files: z.array(fileMetaSchema),
  /** The licence taken from the library for it (免提交), checked as of now; null when none was taken. */
  licence: z
    .object({
      identifier: z.string(),
      typeName: z.string(),
      /** `valid`: the signature checks and the licence is in force today. */
      verdict: z.enum(['valid', 'malformed', 'unknown', 'signature_invalid', 'not_in_force']),
      statusLabel: z.string().nullable(),
    })
    .nullable(),
});

export type CaseMaterial = z.infer<typeof caseMaterialSchema>;

export const caseApplicantSchema = z.object({
  name: z.string(),
  kind: z.enum(['person', 'organisation']),
  idType: z.enum(['resident_id', 'credit_code']),
  /** Masked (脱敏) everywhere but the exchange output. */
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  contactName: z.string().nullable(),
});

export const deadlineLightSchema = z.enum(['green', 'yellow', 'red']);

export const caseTimelineEntrySchema = z.object({
  seq: z.number().int(),
  type: caseEventTypeSchema,
  typeName: z.string(),
  at: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  fromStatus: caseStatusSchema.nullable(),
  toStatus: caseStatusSchema,
  toStatusName: z.string(),
  /** 办理状态代码 the event reports to the national exchange (null: the exchange does not carry it). */
  exchangeCode: z.string().nullable(),
  opinion: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** The due date after the event, and the working days that were left on the day of the event. */
  dueDate: z.string().nullable(),
  remainingWorkingDays: z.number().int().nullable(),
});
export type CaseTimelineEntry = z.infer<typeof caseTimelineEntrySchema>;

export const caseDetailSchema = z
  .object({
    caseNo: z.string(),
    itemId: z.uuid(),
    itemName: z.string(),
    implCode: z.string(),
    itemVersion: z.number().int(),
    processVersion: z.number().int(),
    /** A.6 办件类型: 1 即办件, 2 承诺件, 9 其他. */
    caseType: z.string(),
    departmentId: z.uuid(),
    departmentName: z.string(),
    regionCode: z.string(),
    takenRegionCode: z.string(),
    applicant: caseApplicantSchema,
    agent: z.object({ name: z.string(), authorisation: authorisationSchema }).nullable(),
    channel: caseChannelSchema,
    formData: z.record(z.string(), z.unknown()),
    materials: z.array(caseMaterialSchema),
    delivery: deliveryChoiceSchema,
    status: caseStatusSchema,
    statusName: z.string(),
    exchangeStatus: z.string(),
    exchangeStatusName: z.string(),
    greenChannel: z.boolean(),
    submittedAt: z.string(),
    acceptedOn: z.string().nullable(),
    limitWorkingDays: z.number().int().nullable(),
    dueDate: z.string().nullable(),
    dueProvisional: z.boolean(),
    remainingWorkingDays: z.number().int().nullable(),
    light: deadlineLightSchema.nullable(),
    openSteps: z.array(caseStepSchema),
    /** The materials the open 补正 notice asks for. */
    supplementRequested: z.array(z.object({ materialKey: z.string(), name: z.string(), note: z.string() })),
    missingDeferred: z.array(z.string()),
    committedMaterials: z.array(z.string()),
    pendingExtension: z.number().int().nullable(),
    extensionDays: z.number().int(),
    decision: decisionSchema.nullable(),
    /** 告知承诺核查 of a result that rests on commitments: pending until checked, with its due date. */
    postCheck: z.object({ status: z.enum(['pending', 'passed', 'failed']), dueDate: z.string().nullable() }).nullable(),
    /** The form's field titles (from the item's form schema), to show the answers with their questions. */
    formLabels: z.record(z.string(), z.string()),
    /** What the caller may do now, and the open step each concerns (the server checks again on every action). */
    allowedActions: z.array(z.object({ action: z.enum(caseActionNames), step: z.string().nullable() })),
    version: z.number().int(),
    timeline: z.array(caseTimelineEntrySchema),
  })
  .meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseSummarySchema = z
  .object({
    caseNo: z.string(),
    itemName: z.string(),
    applicantName: z.string(),
    departmentName: z.string(),
    status: caseStatusSchema,
    statusName: z.string(),
    greenChannel: z.boolean(),
    submittedAt: z.string(),
    dueDate: z.string().nullable(),
    remainingWorkingDays: z.number().int().nullable(),
    light: deadlineLightSchema.nullable(),
    /** In the inbox: the open steps this officer may act on. */
    openSteps: z.array(caseStepSchema),
    version: z.number().int(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** 办件查询 (staff): by case number, applicant or item name, and status, within the caller's reach. */
export const caseSearchQuerySchema = caseListQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  status: caseStatusSchema.optional(),
});
export type CaseSearchQuery = z.infer<typeof caseSearchQuerySchema>;

/** National exchange (STANDARDS §2.2). Times are `YYYYMMDDhhmmss` in China time (GB/T 39046 日期时间型). */
export const caseExchangeSchema = z
  .object({
    /** up_pro_accept */
    accept: z.object({
      caseNo: z.string(),
      baseCode: z.string(),
      implCode: z.string(),
      handleItemCode: z.string().nullable(),
      itemName: z.string(),
      itemVersion: z.number().int(),
      summary: z.string(),
      applicantType: z.enum(['1', '2']),
      applicantName: z.string(),
      applicantIdType: z.string(),
      applicantIdNumber: z.string(),
      contactName: z.string().nullable(),
      contactPhone: z.string().nullable(),
      acceptDeptName: z.string(),
      acceptDeptCode: z.string(),
      acceptUser: z.string().nullable(),
      applyTime: z.string(),
      acceptTime: z.string().nullable(),
      acceptDocNo: z.string().nullable(),
      handleType: z.string(),
      promisedTime: z.string().nullable(),
      address: z.string().nullable(),
      postcode: z.string().nullable(),
      channelCode: z.string(),
      regionCode: z.string(),
      statusCode: z.string(),
      statusName: z.string(),
    }),
    /** up_pro_process: one row per step done (环节办理状态 2 已办) and per step open (1 待办). */
    process: z.array(
      z.object({
        caseNo: z.string(),
        stepName: z.string(),
        /** 业务动作: 通过 / 退回 / 其他 (null while the step is open). */
        action: z.enum(['通过', '退回', '其他']).nullable(),
        opinion: z.string().nullable(),
        user: z.string().nullable(),
        deptName: z.string().nullable(),
        startTime: z.string(),
        endTime: z.string().nullable(),
        stepStatus: z.enum(['1', '2']),
      }),
    ),
    /** up_pro_special_procedure: A.7 code 1 延长审批, 2 other special procedures. */
    specialProcedures: z.array(
      z.object({
        caseNo: z.string(),
        typeCode: z.enum(['1', '2']),
        typeName: z.string(),
        startTime: z.string(),
        reason: z.string(),
        applicant: z.string(),
        endTime: z.string().nullable(),
        result: z.string().nullable(),
        opinion: z.string().nullable(),
        user: z.string().nullable(),
      }),
    ),
    /** up_pro_result, once decided. */
    result: z
      .object({
        caseNo: z.string(),
        resultCode: z.string(),
        resultName: z.string(),
        finishTime: z.string(),
        description: z.string(),
        licenceName: z.string().nullable(),
        licenceNo: z.string().nullable(),
        expressDelivery: z.enum(['0', '1']),
        satisfaction: z.string().nullable(),
      })
      .nullable(),
    /** up_pro_material */
    materials: z.array(z.object({ caseNo: z.string(), name: z.string(), collectMethod: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'CaseExchange' });
export type CaseExchange = z.infer<typeof caseExchangeSchema>;

/** Chinese names of statuses and events, as the timeline shows them. */
export const caseStatusNames: Record<CaseStatusCode, string> = {
  submitted: '已提交待受理',
  supplementing: '补正中',
  processing: '办理中',
  suspended: '特别程序中',
  decided: '已办结待送达',
  delivered: '已送达',
  withdrawn: '已撤回',
  refused: '不予受理',
  revoked: '已撤销',
};

export const caseEventNames: Record<z.infer<typeof caseEventTypeSchema>, string> = {
  submitted: '提交申请',
  supplement_requested: '一次性告知补正',
  supplement_provided: '补正材料',
  accepted: '受理',
  refused: '不予受理',
  withdrawn: '撤回申请',
  special_started: '特别程序开始',
  special_ended: '特别程序结束',
  extension_requested: '申请延长审批',
  extension_decided: '延长审批决定',
  deferred_supplied: '补交容缺材料',
  step_completed: '环节办理',
  decided: '作出决定',
  delivered: '送达',
  revoked: '撤销',
  green_channel_set: '绿色通道',
  step_claimed: '签收',
  step_transferred: '转办',
  post_check_completed: '告知承诺核查',
};
