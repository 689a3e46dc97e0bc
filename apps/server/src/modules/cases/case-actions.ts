/**
 * The actions at the counter and of the applicant: the window's (受理, 不予受理, 补正, 绿色通道)
 * and the applicant's (补正材料, 容缺材料, 撤回). Each handler builds the one event its action
 * appends, after checking the case's state and the actor's post; the engine appends it.
 */
import type { CaseActionName, CaseActionOf } from '@tongban/contracts';
import { canApply, chinaToday, limitWorkingDays, type CaseEventType, type ProcessStep, type StepKind } from '@tongban/domain';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { canActAtWindow, canActOnStep, isApplicantSide } from './cases.policy.ts';
import { checkMaterials, keysProvidedAs, mergeMaterials, missingForAcceptance, type Issue } from './case-materials.ts';
import { materialFileIssues, noFiles } from './case-draft-files.ts';
import { invalidState, type CasesDeps, type EventDraft, type LoadedCase } from './case-engine.ts';

export const invalid = (issues: Issue[]) => new AppError('VALIDATION_FAILED', { issues });
export const issue = (path: string, message: string): Issue => ({ path, code: 'custom', message });

/** 409 unless the state machine allows the event now. */
export function requireState(c: LoadedCase, type: CaseEventType): void {
  if (!canApply(c.state, type)) throw invalidState({ status: c.state.status, event: type, reason: 'wrong_status' });
}

/** 403 unless the actor holds the step; 409 when another officer has claimed it (签收). */
export function requireHolder(actor: Actor, c: LoadedCase, step: ProcessStep): void {
  if (!canActOnStep(actor, step, c.row)) throw forbidden();
  const claim = c.position.claims[step.key];
  if (claim && claim.id !== actor.id) throw invalidState({ status: c.state.status, reason: 'claimed_by_other', step: step.key, claimedBy: claim.name });
}

/** The open step of a kind, held by the actor. */
export function heldStep(actor: Actor, c: LoadedCase, kind: StepKind): ProcessStep {
  const step = c.position.open.find((s) => s.kind === kind);
  if (!step) throw invalidState({ status: c.state.status, reason: 'step_not_open', step: kind, open: c.position.open.map((s) => s.key) });
  requireHolder(actor, c, step);
  return step;
}

/** Builds the event of one action on a loaded case, or throws the 4xx that says why not. */
export type Handler<A extends CaseActionName> = (actor: Actor, c: LoadedCase, input: CaseActionOf<A>) => Promise<EventDraft> | EventDraft;
export type Handlers<A extends CaseActionName> = { [K in A]: Handler<K> };

const applicantRole = (actor: Actor, c: LoadedCase) => (c.row.agentAccountId === actor.id ? 'agent' : 'applicant');

export function counterActions(deps: CasesDeps) {
  const { catalog, calendar, now } = deps;
  const contentOf = async (c: LoadedCase) => (await catalog.guide(c.row.implCode, c.row.itemVersion)).content;
  const today = () => chinaToday(now());

  const handlers: Handlers<'accept' | 'refuse' | 'request-supplement' | 'supplement' | 'supply-deferred' | 'withdraw' | 'green-channel'> = {
    /** 受理: the clock starts the working day after; 容缺 and 告知承诺 materials are recorded. */
    accept: async (actor, c, input) => {
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
    },

    /** 不予受理, with the reason and its legal basis. */
    refuse: (actor, c, input) => {
      requireState(c, 'refused');
      const step = heldStep(actor, c, 'accept');
      return {
        event: { type: 'refused', at: today() },
        actorRole: step.role,
        opinion: input.reason,
        details: { reason: input.reason, legalBasis: input.legalBasis },
        audit: 'case.refuse',
      };
    },

    /** 补正: one notice that lists every missing material once (一次性告知); the clock has not started. */
    'request-supplement': async (actor, c, input) => {
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
    },

    /** The applicant (or the window, from papers brought in) provides what the notice asked for: all of it. */
    supplement: async (actor, c, input) => {
      requireState(c, 'supplement_provided');
      const applicantSide = isApplicantSide(actor, c.row);
      if (!applicantSide && !canActAtWindow(actor, c.row)) throw forbidden();
      const notice = [...c.domainEvents].reverse().find((e) => e.type === 'supplement_requested');
      const asked = notice?.type === 'supplement_requested' ? notice.missing : [];
      const checked = checkMaterials((await contentOf(c)).materials, input.materials);
      const issues = [
        ...checked.issues,
        ...input.materials.flatMap((m, i) => (asked.includes(m.materialKey) ? [] : [issue(`materials.${i}.materialKey`, 'cases.notRequested')])),
        // The files must be the actor's own; online (not at the window) an upload needs one.
        ...(await materialFileIssues(deps.files ?? noFiles, actor.id, input.materials, { requireFiles: applicantSide })),
      ];
      const materials = mergeMaterials(c.row.materials, input.materials, { withFiles: true });
      const still = asked.filter((key) => materials.find((m) => m.materialKey === key)?.provided === 'missing');
      issues.push(...still.map((key) => issue(`materials.${key}`, 'cases.supplementIncomplete')));
      if (issues.length) throw invalid(issues);
      return {
        event: { type: 'supplement_provided', at: today() },
        actorRole: applicantSide ? applicantRole(actor, c) : 'window',
        details: { materials: input.materials },
        patch: { materials },
        audit: 'case.supplement_provide',
      };
    },

    /** 容缺后补: a deferred material arrives, so that 准予 becomes possible. */
    'supply-deferred': (actor, c, input) => {
      requireState(c, 'deferred_supplied');
      const applicantSide = isApplicantSide(actor, c.row);
      if (!applicantSide && !canActAtWindow(actor, c.row)) throw forbidden();
      if (!c.state.missingDeferred.includes(input.materialKey)) throw invalid([issue('materialKey', 'cases.notMissingDeferred')]);
      return {
        event: { type: 'deferred_supplied', at: today(), material: input.materialKey },
        actorRole: applicantSide ? applicantRole(actor, c) : 'window',
        patch: { materials: mergeMaterials(c.row.materials, [{ materialKey: input.materialKey, provided: 'upload', files: [] }]) },
        audit: 'case.deferred_supply',
      };
    },

    /** 撤回 by the applicant (or their agent) before the decision. */
    withdraw: (actor, c, input) => {
      requireState(c, 'withdrawn');
      if (!isApplicantSide(actor, c.row)) throw forbidden();
      return {
        event: { type: 'withdrawn', at: today() },
        actorRole: applicantRole(actor, c),
        opinion: input.reason,
        details: { reason: input.reason },
        audit: 'case.withdraw',
      };
    },

    /** 绿色通道: handled first; set by the window or the centre. */
    'green-channel': (actor, c, input) => {
      requireState(c, 'green_channel_set');
      if (!canActAtWindow(actor, c.row)) throw forbidden();
      return {
        event: { type: 'green_channel_set', at: today(), on: input.on },
        actorRole: actor.roles.includes('window') ? 'window' : 'centre_admin',
        opinion: input.reason,
        details: { reason: input.reason },
        audit: 'case.green_channel',
      };
    },
  };
  return handlers;
}
