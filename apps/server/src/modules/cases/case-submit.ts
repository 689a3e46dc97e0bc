/**
 * Submitting an application (申请): who applies for whom, the form and materials checked
 * against the item's published version, the case number issued once, idempotently.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Authorisation, Principal, SubmitCase } from '@tongban/contracts';
import {
  applyCaseEvent,
  caseNumberPrefix,
  chinaToday,
  exchangeCodeOfState,
  formatCaseNumber,
  initialCaseState,
  openSteps,
  type CaseEvent,
} from '@tongban/domain';
import { auditSteps, canonicalJson } from '../../platform/audit/audit.ts';
import { AppError, pgErrorCode } from '../../platform/errors.ts';
import { validateFormData } from '../../platform/forms/form-schema.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { checkMaterials, type Issue } from './case-materials.ts';
import { attachLicences, licencesOf, noLicences } from './case-licences.ts';
import { filesOf, materialFileIssues, noFiles } from './case-draft-files.ts';
import { DraftGone, draftSubmission } from './case-draft.service.ts';
import { openProjection, payloadOf, writeEvent, type CaseEventFact, type CasesDeps, type LoadedCase, type Meta } from './case-engine.ts';
import type { ApplicantSnapshot } from './cases.schema.ts';
import { casesRepository as repo, type CaseEventRow } from './cases.repository.ts';

const invalid = (issues: Issue[]) => new AppError('VALIDATION_FAILED', { issues });
const issue = (path: string, message: string): Issue => ({ path, code: 'custom', message });

interface Parties {
  applicantAccountId: string | null;
  applicant: ApplicantSnapshot;
  agentAccountId: string | null;
  authorisation: Authorisation | null;
  actorRole: 'applicant' | 'agent' | 'window';
}

function snapshotOf(p: Principal): ApplicantSnapshot {
  return p.idType === 'resident_id'
    ? { name: p.name, kind: 'person', idType: 'resident_id', idNumber: p.idNumber, phone: p.phone ?? null, contactName: null }
    : { name: p.name, kind: 'organisation', idType: 'credit_code', idNumber: p.idNumber, phone: p.phone ?? null, contactName: p.contactName ?? null };
}

/** The one idempotency key of a submission: the header or the body field (the same when both are given). */
function keyOf(bodyKey: string | undefined, headerKey: string | undefined): string {
  const key = bodyKey ?? headerKey;
  if (!key || !/^[A-Za-z0-9._:-]{8,100}$/.test(key) || (bodyKey !== undefined && headerKey !== undefined && bodyKey !== headerKey))
    throw invalid([issue('idempotencyKey', 'cases.idempotencyKey')]);
  return key;
}

export function createSubmit(deps: CasesDeps) {
  const { db, now, catalog, processes } = deps;
  const drafts = draftSubmission(deps);
  /** Who applies: applicants for themselves (online, kiosk), agents with an authorisation, window officers for the person at the counter. */
  async function partiesOf(actor: Actor, input: SubmitCase, today: string): Promise<Parties> {
    if (actor.roles.includes('applicant')) {
      if (input.channel !== 'online' && input.channel !== 'kiosk') throw invalid([issue('channel', 'cases.channel')]);
      if (input.onBehalfOf) throw invalid([issue('onBehalfOf', 'cases.onBehalfOfNotAllowed')]);
      const p = await repo.accountProfile(db, actor.id);
      const organisation = p?.kind === 'enterprise' && p.organisationName && p.creditCode;
      const applicant: ApplicantSnapshot | null = organisation
        ? { name: p.organisationName!, kind: 'organisation', idType: 'credit_code', idNumber: p.creditCode!, phone: p.phone, contactName: p.displayName }
        : p?.residentId
          ? { name: p.displayName, kind: 'person', idType: 'resident_id', idNumber: p.residentId, phone: p.phone, contactName: null }
          : null;
      if (!applicant) throw invalid([issue('applicant', 'generic.required')]);
      return { applicantAccountId: actor.id, applicant, agentAccountId: null, authorisation: null, actorRole: 'applicant' };
    }
    const asAgent = actor.roles.includes('agent') && input.channel === 'agent';
    const asWindow = actor.roles.includes('window') && input.channel === 'window';
    if (!asAgent && !asWindow) throw invalid([issue('channel', 'cases.channel')]);
    if (!input.onBehalfOf) throw invalid([issue('onBehalfOf', 'cases.onBehalfOfRequired')]);
    if (asAgent && !input.authorisation) throw invalid([issue('authorisation', 'cases.authorisationRequired')]);
    if (asAgent && input.authorisation && input.authorisation.validUntil < today)
      throw invalid([issue('authorisation.validUntil', 'cases.authorisationExpired')]);
    const principal = input.onBehalfOf;
    return {
      applicantAccountId: await repo.applicantAccountId(db, principal.idType, principal.idNumber),
      applicant: snapshotOf(principal),
      agentAccountId: asAgent ? actor.id : null,
      authorisation: asAgent ? (input.authorisation ?? null) : null,
      actorRole: asAgent ? 'agent' : 'window',
    };
  }

  /** A retried submission: the same case, unless the key was used for a different request. */
  function replay(existing: { caseNo: string; requestHash: string }, requestHash: string) {
    if (existing.requestHash !== requestHash) throw new AppError('ALREADY_EXISTS', { reason: 'idempotencyKeyReused', caseNo: existing.caseNo });
    return { caseNo: existing.caseNo, created: false };
  }

  /** The case number, whether it was created now, and the new case as it stands (not for a retry). */
  return async function submit(
    actor: Actor,
    input: SubmitCase,
    headerKey: string | undefined,
    meta: Meta,
  ): Promise<{ caseNo: string; created: boolean; loaded?: LoadedCase }> {
    const key = input.draftId ? await drafts.key(actor, { ...input, draftId: input.draftId }, headerKey) : keyOf(input.idempotencyKey, headerKey);
    const { idempotencyKey: _key, draftId: _draft, ...request } = input;
    const requestHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
    const existing = await repo.findByIdempotencyKey(db, actor.id, key);
    if (existing) return replay(existing, requestHash);

    const at = now();
    const today = chinaToday(at);
    const parties = await partiesOf(actor, input, today);
    const { item, content, version: itemVersion } = await catalog.guide(input.implCode);
    const formIssues = validateFormData(content.formSchema, input.formData).map((p) => ({
      path: ['formData', p.path].filter(Boolean).join('.'),
      code: p.keyword,
      message: 'cases.formField',
    }));
    const materials = checkMaterials(content.materials, input.materials);
    // Files must be the submitter's own; only at the window are papers checked instead of files.
    const fileIssues = await materialFileIssues(deps.files ?? noFiles, actor.id, input.materials, { requireFiles: input.channel !== 'window' });
    if (formIssues.length || materials.issues.length || fileIssues.length) throw invalid([...formIssues, ...materials.issues, ...fileIssues]);
    const staff = actor.kind === 'staff' && actor.scope;
    const takenRegionCode = staff ? actor.scope!.regionCode : item.regionCode;
    const takenHallId = staff ? await repo.hallOf(db, actor.id) : null;
    const library = deps.licences ?? noLicences;
    const stored = await attachLicences(library, content.materials, materials.list, {
      idNumber: parties.applicant.idNumber,
      consent: input.licenceConsent,
      today,
    });

    try {
      const loaded = await db.transaction(async (tx) => {
        if (input.draftId) await drafts.consume(tx, actor.id, input.draftId);
        const process = await processes.pinForCase(tx, item.id, content.caseType);
        const prefix = caseNumberPrefix(item.implCode);
        const caseNo = formatCaseNumber(prefix, today, await repo.nextSequence(tx, prefix, today));
        const event: CaseEvent = { type: 'submitted', at: today };
        const state = applyCaseEvent(initialCaseState, event);
        const open = openProjection(process.definition, [event], state, item.departmentId);
        const row = repo.newCaseRow({
          id: randomUUID(),
          caseNo,
          itemId: item.id,
          itemVersion,
          processVersion: process.version,
          implCode: item.implCode,
          itemName: item.name,
          caseType: content.caseType,
          departmentId: item.departmentId,
          regionCode: item.regionCode,
          takenRegionCode,
          takenHallId,
          applicantAccountId: parties.applicantAccountId,
          applicant: parties.applicant,
          agentAccountId: parties.agentAccountId,
          agentAuthorisation: parties.authorisation,
          submittedBy: actor.id,
          channel: input.channel,
          formData: input.formData,
          materials: stored,
          delivery: input.delivery,
          status: state.status,
          exchangeStatus: exchangeCodeOfState(state),
          submittedAt: at,
          ...open,
          version: state.version,
          idempotencyKey: key,
          requestHash,
          updatedAt: at,
        });
        const eventRow: CaseEventRow = {
          caseId: row.id,
          seq: 1,
          type: 'submitted',
          payload: payloadOf(event),
          details: {
            channel: input.channel,
            itemVersion,
            processVersion: process.version,
            files: filesOf(stored),
            licenceConsent: input.licenceConsent,
            licences: licencesOf(stored),
          },
          actorId: actor.id,
          actorName: actor.displayName,
          actorRole: parties.actorRole,
          fromStatus: null,
          toStatus: state.status,
          exchangeCode: '1',
          opinion: null,
          dueDate: null,
          regionCode: item.regionCode,
          at,
        };
        const uses = library.useSteps(
          stored.flatMap((m) =>
            m.licenceIdentifier
              ? [
                  {
                    identifier: m.licenceIdentifier,
                    caseNo,
                    implCode: item.implCode,
                    itemName: item.name,
                    materialKey: m.materialKey,
                    usedBy: actor.id,
                    usedByName: actor.displayName,
                    purpose: `办理「${item.name}」`,
                    at,
                  },
                ]
              : [],
          ),
        );
        const fact: CaseEventFact = {
          caseId: row.id,
          caseNo,
          itemName: item.name,
          type: 'submitted',
          fromStatus: null,
          toStatus: state.status,
          applicantAccountId: parties.applicantAccountId,
          agentAccountId: parties.agentAccountId,
          departmentId: item.departmentId,
          regionCode: item.regionCode,
          actorId: actor.id,
          dueDate: null,
          exchangeStatus: exchangeCodeOfState(state),
          deliveryMethod: input.delivery.method,
          openSteps: open.openSteps,
          details: { channel: input.channel },
          at,
        };
        const audit = auditSteps(
          {
            actorId: actor.id,
            action: 'case.submit',
            targetType: 'case',
            targetId: caseNo,
            ...meta,
            details: { implCode: item.implCode, channel: input.channel },
          },
          at,
        );
        // The case, its first event, the licences' use log, the listeners' writes and the audit entry: one statement.
        await writeEvent(deps, tx, [...repo.submitSteps(tx, row, eventRow), ...uses], fact, audit);
        const loaded: LoadedCase = {
          row,
          events: [eventRow],
          domainEvents: [event],
          state,
          definition: process.definition,
          position: openSteps(process.definition, [event]),
        };
        return loaded;
      });
      return { caseNo: loaded.row.caseNo, created: true, loaded };
    } catch (err) {
      // A concurrent retry with the same key committed first: answer with its case.
      if (pgErrorCode(err) === '23505' || err instanceof DraftGone) {
        const winner = await repo.findByIdempotencyKey(db, actor.id, key);
        if (winner) return replay(winner, requestHash);
      }
      throw err;
    }
  };
}
