/**
 * 办件进度查询 without login: the case number and the applicant's ID number (or credit code)
 * show the progress to a walk-in applicant or at the hall kiosk. The answer carries nothing
 * internal: no staff names, no opinions, no IDs of accounts.
 */
import { z } from 'zod';
import { normaliseIdentifier, parseCreditCode, parseResidentId } from '@tongban/domain';
import { caseEventTypeSchema, caseNoSchema, caseStatusSchema, deadlineLightSchema, decisionSchema } from './cases.ts';

/**
 * 公民身份号码 or 统一社会信用代码, normalised (trimmed, full-width to ASCII, upper-case: a
 * lower-case x is accepted). Anything that is neither gives the matching field message.
 */
export const applicantIdNumberSchema = z
  .string()
  .max(40)
  .transform((s) => normaliseIdentifier(s))
  .superRefine((s, ctx) => {
    const person = parseResidentId(s);
    if (person.ok) return;
    const organisation = parseCreditCode(s);
    if (organisation.ok) return;
    // Digits (and a last X) read as a resident ID; anything with other letters as a credit code.
    const message = s === '' ? 'generic.required' : /^\d*X?$/.test(s) ? `residentId.${person.reason}` : `creditCode.${organisation.reason}`;
    ctx.addIssue({ code: 'custom', message });
  });

export const progressQuerySchema = z.object({
  caseNo: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(caseNoSchema),
  idNumber: applicantIdNumberSchema,
});
export type ProgressQuery = z.input<typeof progressQuerySchema>;

/** One event as the applicant may see it: what, when, at which step of which department, and the status after. */
export const progressEntrySchema = z.object({
  seq: z.number().int(),
  type: caseEventTypeSchema,
  typeName: z.string(),
  at: z.string(),
  /** The process step the event belongs to (受理, 材料审查, 决定, 送达 …), when it belongs to one. */
  stepName: z.string().nullable(),
  departmentName: z.string().nullable(),
  toStatus: caseStatusSchema,
  toStatusName: z.string(),
  /** Working days left on the day of the event, for events of a running clock. */
  remainingWorkingDays: z.number().int().nullable(),
  /** 补正: what the one-time notice asked for. */
  missing: z.array(z.object({ materialKey: z.string(), name: z.string(), note: z.string() })),
  /** 不予受理 / 撤销: the reason and its legal basis, which the applicant is told. */
  reason: z.string().nullable(),
  legalBasis: z.string().nullable(),
  /** 作出决定: 准予 / 不予 / 容缺通过. */
  decision: decisionSchema.nullable(),
});
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

export const caseProgressSchema = z
  .object({
    caseNo: z.string(),
    itemName: z.string(),
    departmentName: z.string(),
    /** 张* / 巴******: the applicant's name, masked. */
    applicantName: z.string(),
    status: caseStatusSchema,
    statusName: z.string(),
    submittedAt: z.string(),
    acceptedOn: z.string().nullable(),
    dueDate: z.string().nullable(),
    dueProvisional: z.boolean(),
    remainingWorkingDays: z.number().int().nullable(),
    light: deadlineLightSchema.nullable(),
    decision: decisionSchema.nullable(),
    /** Where the case is now: the open steps and their departments. */
    currentSteps: z.array(z.object({ name: z.string(), departmentName: z.string().nullable() })),
    /** The materials the open 补正 notice asks for. */
    supplementRequested: z.array(z.object({ materialKey: z.string(), name: z.string(), note: z.string() })),
    timeline: z.array(progressEntrySchema),
  })
  .meta({ id: 'CaseProgress' });
export type CaseProgress = z.infer<typeof caseProgressSchema>;
