/**
 * The actions on a case after submission: the window's (受理, 不予受理, 补正, 绿色通道), the
 * applicant's (补正材料, 容缺材料, 撤回) and the back office's (steps, special procedures,
 * extensions, decision, delivery). Each loads the case, checks state and post, and appends one event.
 */
import type { z } from 'zod';
import type {
  acceptCaseSchema,
  completeStepSchema,
  decideCaseSchema,
  decideExtensionSchema,
  deliverCaseSchema,
  endSpecialSchema,
  greenChannelSchema,
  provideSupplementSchema,
  refuseCaseSchema,
  requestExtensionSchema,
  requestSupplementSchema,
  startSpecialSchema,
  supplyDeferredSchema,
  withdrawCaseSchema,
} from '@tongban/contracts';
import { canApply, chinaToday, limitWorkingDays, type CaseEventType, type ProcessStep, type StepKind } from '@tongban/domain';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { canActAtWindow, canActOnStep, canApproveExtension, isApplicantSide } from './cases.policy.ts';
import { checkMaterials, keysProvidedAs, mergeMaterials, missingForAcceptance, type Issue } from './case-materials.ts';
import { invalidState, type CaseAction, type CaseEngine, type CasesDeps, type LoadedCase, type Meta } from './case-engine.ts';

type In<S extends z.ZodType> = z.infer<S>;
const invalid = (issues: Issue[]) => new AppError('VALIDATION_FAILED', { issues });
const issue = (path: string, message: string): Issue => ({ path, code: 'custom', message });

/** 409 unless the state machine allows the event now. */
function requireState(c: LoadedCase, type: CaseEventType): void {
  if (!canApply(c.state, type)) throw invalidState({ status: c.state.status, event: type, reason: 'wrong_status' });
}

/** The open step of a kind, and 403 unless the actor holds it. */
function heldStep(actor: Actor, c: LoadedCase, kind: StepKind): ProcessStep {
  const step = c.position.open.find((s) => s.kind === kind);
  if (!step) throw invalidState({ status: c.state.status, reason: 'step_not_open', step: kind, open: c.position.open.map((s) => s.key) });
  if (!canActOnStep(actor, step, c.row)) throw forbidden();
  return step;
}

/** 403 unless the actor holds one of the open steps (special procedures, extensions). */
function holdsAnOpenStep(actor: Actor, c: LoadedCase): ProcessStep {
  const step = c.position.open.find((s) => canActOnStep(actor, s, c.row));
  if (!step) throw forbidden();
  return step;
}

export function createActions(deps: CasesDeps, engine: CaseEngine) {
  const { catalog, calendar, now } = deps;
  const contentOf = async (c: LoadedCase) => (await catalog.guide(c.row.implCode, c.row.itemVersion)).content;
  const today = () => chinaToday(now());

  async function run(actor: Actor, caseNo: string, meta: Meta, expected: number | undefined, build: (c: LoadedCase) => Promise<CaseAction> | CaseAction) {
    const c = await engine.load(actor, caseNo);
    await engine.append(actor, c, await build(c), meta, expected);
  }

  return {
    /** 受理: the clock starts the working day after; 容缺 and 告知承诺 materials are recorded. */
    accept: (actor: Actor, caseNo: string, input: In<typeof acceptCaseSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, async (c) => {
        requireState(c, 'accepted');
        const step = heldStep(actor, c, 'accept');
        const content = await contentOf(c);
        let materials = c.row.materials;
        if (input.materials) {
          const checked = checkMaterials(content.materials, input.materials);
          if (checked.issues.length) throw invalid(checked.issues);
          materials = mergeMaterials(c.row.materials, input.materials);
        }
        const missing = missingForAcceptance(content.materials, materials);
        if (missing.length) throw invalid(missing.map((key) => issue(`materials.${key}`, 'cases.materialMissing')));
        const day = today();
        const limit = limitWorkingDays(await calendar.workingCalendar(c.row.regionCode), day, content.promisedLimit);
        return {
          event: {
            type: 'accepted',
            at: day,
            deferredMaterials: keysProvidedAs(materials, 'deferred'),
            committedMaterials: keysProvidedAs(materials, 'commitment'),
          },
          actorRole: step.role,
          opinion: input.opinion || null,
          details: { promisedLimit: content.promisedLimit, limitWorkingDays: limit },
          patch: { materials, limitWorkingDays: limit },
          audit: 'case.accept',
        };
      }),

    /** 不予受理, with the reason and its legal basis. */
    refuse: (actor: Actor, caseNo: string, input: In<typeof refuseCaseSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, (c) => {
        requireState(c, 'refused');
        const step = heldStep(actor, c, 'accept');
        return {
          event: { type: 'refused', at: today() },
          actorRole: step.role,
          opinion: input.reason,
          details: { reason: input.reason, legalBasis: input.legalBasis },
          audit: 'case.refuse',
        };
      }),

    /** 补正: one notice that lists every missing material once (一次性告知); the clock has not started. */
    requestSupplement: (actor: Actor, caseNo: string, input: In<typeof requestSupplementSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, async (c) => {
        requireState(c, 'supplement_requested');
        const step = heldStep(actor, c, 'accept');
        const specs = new Map((await contentOf(c)).materials.map((m) => [m.key, m]));
        const seen = new Set<string>();
        const issues = input.missing.flatMap((m, i) => {
          const problem = !specs.has(m.materialKey) ? 'cases.unknownMaterial' : seen.has(m.materialKey) ? 'cases.materialTwice' : null;
          seen.add(m.materialKey);
          return problem ? [issue(`missing.${i}.materialKey`, problem)] : [];
        });
        if (issues.length) throw invalid(issues);
        return {
          event: { type: 'supplement_requested', at: today(), missing: input.missing.map((m) => m.materialKey) },
          actorRole: step.role,
          opinion: input.opinion || null,
          details: { missing: input.missing.map((m) => ({ materialKey: m.materialKey, name: specs.get(m.materialKey)!.name, note: m.note })) },
          audit: 'case.supplement_request',
        };
      }),

    /** The applicant (or the window, from papers brought in) provides what the notice asked for: all of it. */
    provideSupplement: (actor: Actor, caseNo: string, input: In<typeof provideSupplementSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, async (c) => {
        requireState(c, 'supplement_provided');
        const applicantSide = isApplicantSide(actor, c.row);
        if (!applicantSide && !canActAtWindow(actor, c.row)) throw forbidden();
        const notice = [...c.domainEvents].reverse().find((e) => e.type === 'supplement_requested');
        const asked = notice?.type === 'supplement_requested' ? notice.missing : [];
        const checked = checkMaterials((await contentOf(c)).materials, input.materials);
        const issues = [
          ...checked.issues,
          ...input.materials.flatMap((m, i) => (asked.includes(m.materialKey) ? [] : [issue(`materials.${i}.materialKey`, 'cases.notRequested')])),
        ];
        const materials = mergeMaterials(c.row.materials, input.materials);
        const still = asked.filter((key) => materials.find((m) => m.materialKey === key)?.provided === 'missing');
        issues.push(...still.map((key) => issue(`materials.${key}`, 'cases.supplementIncomplete')));
        if (issues.length) throw invalid(issues);
        return {
          event: { type: 'supplement_provided', at: today() },
          actorRole: applicantSide ? (c.row.agentAccountId === actor.id ? 'agent' : 'applicant') : 'window',
          details: { materials: input.materials },
          patch: { materials },
          audit: 'case.supplement_provide',
        };
      }),

    /** 容缺后补: a deferred material arrives, so that 准予 becomes possible. */
    supplyDeferred: (actor: Actor, caseNo: string, input: In<typeof supplyDeferredSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, (c) => {
        requireState(c, 'deferred_supplied');
        const applicantSide = isApplicantSide(actor, c.row);
        if (!applicantSide && !canActAtWindow(actor, c.row)) throw forbidden();
        if (!c.state.missingDeferred.includes(input.materialKey)) throw invalid([issue('materialKey', 'cases.notMissingDeferred')]);
        return {
          event: { type: 'deferred_supplied', at: today(), material: input.materialKey },
          actorRole: applicantSide ? 'applicant' : 'window',
          patch: { materials: mergeMaterials(c.row.materials, [{ materialKey: input.materialKey, provided: 'upload' }]) },
          audit: 'case.deferred_supply',
        };
      }),

    /** 撤回 by the applicant (or their agent) before the decision. */
    withdraw: (actor: Actor, caseNo: string, input: In<typeof withdrawCaseSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, (c) => {
        requireState(c, 'withdrawn');
        if (!isApplicantSide(actor, c.row)) throw forbidden();
        return {
          event: { type: 'withdrawn', at: today() },
          actorRole: c.row.agentAccountId === actor.id ? 'agent' : 'applicant',
          opinion: input.reason,
          details: { reason: input.reason },
          audit: 'case.withdraw',
        };
      }),

    /** A review step done: passed on, refused (a department of a parallel block), or returned to an earlier step. */
    completeStep: (actor: Actor, caseNo: string, input: In<typeof completeStepSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, (c) => {
        requireState(c, 'step_completed');
        const step = c.position.open.find((s) => s.key === input.step);
        if (!step) throw invalidState({ status: c.state.status, reason: 'step_not_open', step: input.step, open: c.position.open.map((s) => s.key) });
        if (!canActOnStep(actor, step, c.row)) throw forbidden();
        if (step.kind !== 'review') throw invalid([issue('step', 'cases.stepKind')]);
        const stage = c.definition.stages[c.position.stageIndex];
        if (input.outcome === 'refuse' && stage?.type !== 'parallel') throw invalid([issue('outcome', 'cases.refuseOnlyParallel')]);
        if (input.outcome === 'return') {
          if (!input.returnTo) throw invalid([issue('returnTo', 'cases.returnToMissing')]);
          const target = c.definition.stages.findIndex(
            (s, i) => i < c.position.stageIndex && (s.type === 'step' ? [s.step] : s.branches).some((st) => st.key === input.returnTo),
          );
          if (target < 1) throw invalid([issue('returnTo', 'cases.returnTo')]);
        }
        return {
          event: {
            type: 'step_completed',
            at: today(),
            step: step.key,
            outcome: input.outcome,
            returnTo: input.outcome === 'return' ? input.returnTo : undefined,
          },
          actorRole: step.role,
          opinion: input.opinion,
          details: { stepName: step.name, departmentId: step.departmentId ?? c.row.departmentId },
          audit: 'case.step',
        };
      }),

    /** 特别程序 (听证、检验、检测、鉴定、专家评审 …): the clock stops until it ends. */
    startSpecial: (actor: Actor, caseNo: string, input: In<typeof startSpecialSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, (c) => {
        requireState(c, 'special_started');
        const step = holdsAnOpenStep(actor, c);
        return {
          event: { type: 'special_started', at: today(), procedure: input.procedure },
          actorRole: step.role,
          opinion: input.reason,
          details: { reason: input.reason },
          audit: 'case.special_start',
        };
      }),

    endSpecial: (actor: Actor, caseNo: string, input: In<typeof endSpecialSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, (c) => {
        requireState(c, 'special_ended');
        const step = holdsAnOpenStep(actor, c);
        return {
          event: { type: 'special_ended', at: today() },
          actorRole: step.role,
          opinion: input.opinion || null,
          details: { result: input.result },
          audit: 'case.special_end',
        };
      }),

    /** 延长审批: asked for by whoever holds an open step … */
    requestExtension: (actor: Actor, caseNo: string, input: In<typeof requestExtensionSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, (c) => {
        requireState(c, 'extension_requested');
        const step = holdsAnOpenStep(actor, c);
        return {
          event: { type: 'extension_requested', at: today(), workingDays: input.workingDays },
          actorRole: step.role,
          opinion: input.reason,
          details: { reason: input.reason },
          audit: 'case.extension_request',
        };
      }),

    /** … and approved (or not) by an approver of the case's department. */
    decideExtension: (actor: Actor, caseNo: string, input: In<typeof decideExtensionSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, (c) => {
        requireState(c, 'extension_decided');
        if (!canApproveExtension(actor, c.row)) throw forbidden();
        return {
          event: { type: 'extension_decided', at: today(), approved: input.approved },
          actorRole: 'approver',
          opinion: input.opinion,
          details: { workingDays: c.state.pendingExtension },
          audit: 'case.extension_decide',
        };
      }),

    /** 决定: 准予 (refused while a 容缺 material is missing, or after a department refused), 不予, 容缺通过. */
    decide: (actor: Actor, caseNo: string, input: In<typeof decideCaseSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, (c) => {
        requireState(c, 'decided');
        const step = heldStep(actor, c, 'decide');
        if (input.decision !== 'reject' && c.position.refusedBy.length)
          throw invalidState({ status: c.state.status, reason: 'refused_by', refusedBy: c.position.refusedBy });
        return {
          event: { type: 'decided', at: today(), decision: input.decision },
          actorRole: step.role,
          opinion: input.opinion,
          details: { resultName: input.resultName ?? null, resultNo: input.resultNo ?? null },
          audit: 'case.decide',
        };
      }),

    /** 送达: window pickup, post or electronic, with its record. */
    deliver: (actor: Actor, caseNo: string, input: In<typeof deliverCaseSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, (c) => {
        requireState(c, 'delivered');
        const step = heldStep(actor, c, 'deliver');
        const address = c.row.delivery.method === 'post' ? c.row.delivery.address : null;
        return {
          event: { type: 'delivered', at: today() },
          actorRole: step.role,
          opinion: input.note ?? null,
          details: {
            method: input.method,
            trackingNo: input.trackingNo ?? null,
            recipient: input.recipient ?? address?.recipient ?? null,
            address: input.method === 'post' ? (address?.address ?? null) : null,
          },
          audit: 'case.deliver',
        };
      }),

    /** 绿色通道: handled first; set by the window or the centre. */
    setGreenChannel: (actor: Actor, caseNo: string, input: In<typeof greenChannelSchema>, meta: Meta) =>
      run(actor, caseNo, meta, input.version, (c) => {
        requireState(c, 'green_channel_set');
        if (!canActAtWindow(actor, c.row)) throw forbidden();
        return {
          event: { type: 'green_channel_set', at: today(), on: input.on },
          actorRole: actor.roles.includes('window') ? 'window' : 'centre_admin',
          opinion: input.reason,
          details: { reason: input.reason },
          audit: 'case.green_channel',
        };
      }),
  };
}
