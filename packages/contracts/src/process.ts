/**
 * Process definitions (办理流程) of implementation items: versioned, validated, pinned by each
 * case. The shape mirrors `ProcessDefinition` in packages/domain/src/case/process.ts, which
 * holds the rules (validateProcess) and the replay of a case through it (openSteps).
 */
import { z } from 'zod';

export const stepKindSchema = z.enum(['accept', 'review', 'decide', 'deliver']);

export const processStepSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  name: z.string().trim().min(1).max(40),
  kind: stepKindSchema,
  /** The role that acts: window (窗口), reviewer (审查), approver (审批/决定) … */
  role: z.enum(['window', 'reviewer', 'approver', 'dept_admin', 'centre_admin']),
  /** The acting department; null for the item's own department. */
  departmentId: z.uuid().nullable(),
  /** Percent of the promised time limit this step may take. */
  sharePercent: z.number().int().min(0).max(100),
});
export type ProcessStepDto = z.infer<typeof processStepSchema>;

export const processStageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('step'), step: processStepSchema }),
  z.object({
    type: z.literal('parallel'),
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    name: z.string().trim().min(1).max(40),
    /** all: joins when every department is done; first_refusal: also joins at the first refusal. */
    join: z.enum(['all', 'first_refusal']),
    branches: z.array(processStepSchema).min(2).max(20),
  }),
]);

export const processDefinitionSchema = z.object({ stages: z.array(processStageSchema).min(1).max(30) }).meta({ id: 'ProcessDefinition' });
export type ProcessDefinitionDto = z.infer<typeof processDefinitionSchema>;

/** The definition an item runs now: its latest saved version, or the generated default when none was saved. */
export const processRecordSchema = z
  .object({
    itemId: z.uuid(),
    implCode: z.string(),
    itemName: z.string(),
    /** null: nothing saved yet, `definition` is the default a first case would pin as version 1. */
    version: z.number().int().nullable(),
    isDefault: z.boolean(),
    definition: processDefinitionSchema,
    createdAt: z.string().nullable(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'ProcessRecord' });
export type ProcessRecord = z.infer<typeof processRecordSchema>;

export const processVersionSummarySchema = z
  .object({
    version: z.number().int(),
    /** default: generated when the first case pinned it; seed: demo data; saved: by an admin. */
    origin: z.enum(['default', 'seed', 'saved']),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'ProcessVersionSummary' });
export type ProcessVersionSummary = z.infer<typeof processVersionSummarySchema>;

/** Saves a new version. `baseVersion` is the version the editor started from (null when none was saved): a stale one is refused. */
export const saveProcessSchema = z.object({ definition: processDefinitionSchema, baseVersion: z.number().int().min(1).nullable() });
export type SaveProcess = z.infer<typeof saveProcessSchema>;
