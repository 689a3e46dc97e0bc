/**
 * The subject registry (主体库 · 人口库 / 法人库). Staff look subjects up inside the region of
 * their data scope (and below: persons and organisations are registered at county level, staff
 * often sit at city level), always stating a purpose; answers are masked (脱敏) unless a full view
 * is asked for. Every search, view, full view and change is written to the audit log.
 */
import {
  subjectIdentifierMessage,
  type Page,
  type SharedOrganisation,
  type Subject,
  type SubjectCheck,
  type SubjectCheckResult,
  type SubjectCounts,
  type SubjectLookup,
  type SubjectQuery,
  type UpsertSubject,
} from '@tongban/contracts';
import { SUBJECT_KINDS, maskCreditCode, maskName, maskPhone, maskResidentId, normaliseIdentifier, parseSubjectIdentifier, regionPrefix } from '@tongban/domain';
import type { Db, Executor } from '../../platform/db/client.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { subjectsRepository as repo, type SubjectWithRegion } from './subjects.repository.ts';

export interface SubjectsDeps {
  db: Db;
  now: () => Date;
}

type Meta = { requestId?: string; ip?: string };

const maskAddress = (address: string) => {
  const chars = Array.from(address);
  return chars.length <= 6 ? '*'.repeat(chars.length) : `${chars.slice(0, 6).join('')}${'*'.repeat(Math.min(chars.length - 6, 8))}`;
};

/** The fields of a subject's details that are personal data, and how they are masked. */
const PERSONAL: Record<string, (v: string) => string> = { phone: maskPhone, address: maskAddress, legalRepresentative: maskName };

function toSubject(row: SubjectWithRegion, masked: boolean): Subject {
  const person = row.kind === 'person';
  const parsed = parseSubjectIdentifier(row.kind, row.identifier);
  const birthDate = parsed.ok ? (parsed.birthDate ?? null) : null;
  const details = Object.fromEntries(
    Object.entries(row.details).map(([k, v]) => {
      // An organisation's address is public (公示); a person's is not.
      const mask = k === 'address' && !person ? undefined : PERSONAL[k];
      return [k, masked && mask ? mask(v) : v];
    }),
  );
  return {
    id: row.id,
    kind: row.kind,
    identifier: masked ? (person ? maskResidentId(row.identifier) : row.identifier) : row.identifier,
    name: masked && person ? maskName(row.name) : row.name,
    regionCode: row.regionCode,
    regionName: row.regionName,
    status: row.status,
    source: row.source,
    birthDate: birthDate && masked ? `${birthDate.slice(0, 4)}-**-**` : birthDate,
    gender: parsed.ok ? (parsed.gender ?? null) : null,
    details,
    updatedAt: row.updatedAt.toISOString(),
    masked,
  };
}

/** The region prefix of the actor's data scope: subjects registered there or below. */
function scopePrefixOf(actor: Actor): string {
  const prefix = actor.scope ? regionPrefix(actor.scope.regionCode) : null;
  if (!prefix) throw new AppError('FORBIDDEN', { reason: 'no data scope' });
  return prefix;
}

/** How a query is written to the audit log: an identifier masked, a name as typed. */
const auditedQuery = (q: string) => (/^[0-9A-Z]{18}$/.test(q) ? (/^\d{17}[\dX]$/.test(q) ? maskResidentId(q) : maskCreditCode(q)) : q);

export function createSubjectsService({ db, now }: SubjectsDeps) {
  /** One subject inside the actor's scope; 404 otherwise (the registry is not probed from outside). */
  async function inScope(actor: Actor, id: string): Promise<SubjectWithRegion> {
    const row = await repo.byId(db, id);
    if (!row || !row.regionCode.startsWith(scopePrefixOf(actor))) throw notFound('subject');
    return row;
  }

  async function audited(actor: Actor, action: SubjectLookup['action'], targetId: string | undefined, details: Record<string, unknown>, meta: Meta) {
    await db.transaction(async (tx) =>
      appendAudit(tx, { actorId: actor.id, action, targetType: 'subject', ...(targetId ? { targetId } : {}), ...meta, details }, now()),
    );
  }

  async function save(tx: Executor, input: UpsertSubject, regionCode?: string) {
    const parsed = parseSubjectIdentifier(input.kind, input.identifier, now());
    if (!parsed.ok)
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'identifier', code: 'custom', message: subjectIdentifierMessage(input.kind, parsed.reason) }],
      });
    const at = now();
    return repo.upsert(tx, {
      kind: input.kind,
      identifier: parsed.identifier,
      name: input.name,
      regionCode: regionCode ?? parsed.regionCode,
      status: input.status,
      source: input.source,
      details: input.details,
      createdAt: at,
      updatedAt: at,
    });
  }

  return {
    async search(actor: Actor, q: SubjectQuery, meta: Meta): Promise<Page<Subject>> {
      const prefix = scopePrefixOf(actor);
      const identifier = normaliseIdentifier(q.q);
      const { rows, total } = await repo.search(db, {
        regionPrefix: prefix,
        identifier: /^[0-9A-Z]{18}$/.test(identifier) ? identifier : null,
        name: q.q,
        kind: q.kind,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      await audited(
        actor,
        'subject.search',
        undefined,
        { q: auditedQuery(identifier), kind: q.kind ?? null, purpose: q.purpose, total, ids: rows.map((r) => r.id) },
        meta,
      );
      return { items: rows.map((r) => toSubject(r, true)), total, page: q.page, pageSize: q.pageSize };
    },

    async view(actor: Actor, id: string, purpose: string, meta: Meta): Promise<Subject> {
      const row = await inScope(actor, id);
      await audited(actor, 'subject.view', id, { purpose }, meta);
      return toSubject(row, true);
    },

    /** 查看完整信息: the unmasked record, audited as such. */
    async reveal(actor: Actor, id: string, purpose: string, meta: Meta): Promise<Subject> {
      const row = await inScope(actor, id);
      await audited(actor, 'subject.reveal', id, { purpose }, meta);
      return toSubject(row, false);
    },

    /**
     * 身份核验: whether the name goes with the identifier, across the whole registry (an applicant
     * may come from anywhere: 通办). Only an organisation's registered name is told back; it is public.
     */
    async check(actor: Actor, input: SubjectCheck, meta: Meta): Promise<SubjectCheckResult> {
      scopePrefixOf(actor);
      const row = await repo.byIdentifier(db, input.identifier);
      const found = row && (row.kind === 'person') === (input.kind === 'person') ? row : undefined;
      const result: SubjectCheckResult = {
        result: !found ? 'not_found' : found.name === input.name ? 'consistent' : 'inconsistent',
        cancelled: found?.status === 'cancelled',
        registeredName: found && found.kind !== 'person' ? found.name : null,
      };
      const details = { purpose: input.purpose, result: result.result, ...(found ? {} : { q: auditedQuery(input.identifier) }) };
      await audited(actor, 'subject.check', found?.id, details, meta);
      return result;
    },

    /** Who looked this subject up, when and why (newest first, at most 50). */
    async lookups(actor: Actor, id: string): Promise<SubjectLookup[]> {
      await inScope(actor, id);
      const rows = await repo.lookupsOf(db, id, 50);
      return rows.map((r) => ({
        at: r.at.toISOString(),
        actorName: r.actorName,
        action: r.action as SubjectLookup['action'],
        purpose: typeof r.details?.purpose === 'string' ? r.details.purpose : null,
      }));
    },

    async counts(actor: Actor): Promise<SubjectCounts> {
      const rows = await repo.countsByKind(db, scopePrefixOf(actor));
      return Object.fromEntries(SUBJECT_KINDS.map((k) => [k, rows.find((r) => r.kind === k)?.n ?? 0])) as SubjectCounts;
    },

    /** Adds or updates a subject inside the actor's scope (centre admin), audited. */
    async upsert(actor: Actor, input: UpsertSubject, meta: Meta): Promise<{ subject: Subject; created: boolean }> {
      const prefix = scopePrefixOf(actor);
      const parsed = parseSubjectIdentifier(input.kind, input.identifier, now());
      if (parsed.ok && !parsed.regionCode.startsWith(prefix)) throw new AppError('FORBIDDEN', { reason: 'subject outside the data scope' });
      return db.transaction(async (tx) => {
        const { row, created } = await save(tx, input);
        await appendAudit(
          tx,
          { actorId: actor.id, action: 'subject.upsert', targetType: 'subject', targetId: row.id, ...meta, details: { created, kind: row.kind } },
          now(),
        );
        const full = await repo.byId(tx, row.id);
        return { subject: toSubject(full!, false), created };
      });
    },

    /** 数据归集: a record from a source system (the demo seed), in the caller's transaction. */
    async importRecord(tx: Executor, input: UpsertSubject & { regionCode?: string }): Promise<void> {
      await save(tx, input, input.regionCode);
    },

    async hasAny(): Promise<boolean> {
      return repo.hasAny(db);
    },

    /** For department systems (scope subject.org.read): an organisation's public base information. */
    async sharedOrganisation(creditCode: string): Promise<SharedOrganisation | null> {
      const row = await repo.byIdentifier(db, normaliseIdentifier(creditCode));
      if (!row || row.kind === 'person') return null;
      const d = row.details;
      return {
        creditCode: row.identifier,
        name: row.name,
        kind: row.kind,
        status: row.status,
        regionCode: row.regionCode,
        legalRepresentative: d.legalRepresentative ?? null,
        address: d.address ?? null,
        establishedOn: d.establishedOn ?? null,
        registrationAuthority: d.registrationAuthority ?? null,
        scope: d.scope ?? null,
      };
    },

    /** For department systems (scope subject.person.verify): whether an ID number and a name belong together (身份核验); nothing else. */
    async personMatches(idNumber: string, name: string): Promise<boolean> {
      const row = await repo.byIdentifier(db, normaliseIdentifier(idNumber));
      return row?.kind === 'person' && row.status === 'active' && row.name === name.trim();
    },
  };
}

export type SubjectsService = ReturnType<typeof createSubjectsService>;
