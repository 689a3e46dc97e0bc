/**
 * Drafts of applications (草稿), on the server so that they resume on any device, and what a
 * submission that finishes a draft needs of it: its idempotency key, and its deletion in the
 * submitting transaction. Also the download of a case's material files.
 */
import { randomBytes } from 'node:crypto';
import { DRAFT_LIMIT, type CaseDraft, type CaseDraftSummary, type FileMeta, type Page, type SaveDraft } from '@tongban/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/client.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { caseFileIds, filesOf, materialFileIssues, noFiles, type CaseFiles } from './case-draft-files.ts';
import { draftsRepository as repo, type DraftRow } from './case-draft.repository.ts';
import { createCaseEngine, type CasesDeps, type Meta } from './case-engine.ts';
import type { Issue } from './case-materials.ts';

const invalid = (issues: Issue[]) => new AppError('VALIDATION_FAILED', { issues });
const issue = (path: string, message: string): Issue => ({ path, code: 'custom', message });
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,100}$/;

/** The draft a submission names was deleted meanwhile (most likely by the same submission sent twice). */
export class DraftGone extends AppError {
  constructor() {
    super('VALIDATION_FAILED', { issues: [issue('draftId', 'drafts.notFound')] });
  }
}

/** What submitting a draft needs: its key, then its deletion inside the submitting transaction. */
export function draftSubmission({ db }: Pick<CasesDeps, 'db'>) {
  return {
    /**
     * The idempotency key of a submission that finishes draft `draftId`: the draft's own. A key
     * sent with it must be that key; once the draft is gone (submitted), the key sent is used as
     * it is, so that a retry finds the case the first attempt made.
     */
    async key(actor: Actor, input: { implCode: string; draftId: string; idempotencyKey?: string | undefined }, headerKey: string | undefined): Promise<string> {
      const bodyKey = input.idempotencyKey;
      if (bodyKey !== undefined && headerKey !== undefined && bodyKey !== headerKey) throw invalid([issue('idempotencyKey', 'cases.idempotencyKey')]);
      const given = bodyKey ?? headerKey;
      if (given !== undefined && !KEY_PATTERN.test(given)) throw invalid([issue('idempotencyKey', 'cases.idempotencyKey')]);
      const draft = await repo.find(db, actor.id, input.draftId);
      if (!draft) {
        if (given !== undefined) return given;
        throw invalid([issue('draftId', 'drafts.notFound')]);
      }
      if (draft.implCode !== input.implCode) throw invalid([issue('draftId', 'drafts.otherItem')]);
      if (given !== undefined && given !== draft.idempotencyKey) throw invalid([issue('idempotencyKey', 'drafts.keyMismatch')]);
      return draft.idempotencyKey;
    },

    /** Deletes the draft in the submitting transaction; `DraftGone` when another submission took it first. */
    async consume(tx: Executor, accountId: string, draftId: string): Promise<void> {
      if (!(await repo.delete(tx, accountId, draftId))) throw new DraftGone();
    },
  };
}

export function createDrafts(deps: CasesDeps) {
  const { db, now, catalog } = deps;
  const files: CaseFiles = deps.files ?? noFiles;
  const engine = createCaseEngine(deps);

  async function present(row: DraftRow): Promise<CaseDraft> {
    const described = await files.describe(filesOf(row.materials));
    return {
      id: row.id,
      implCode: row.implCode,
      itemName: row.itemName,
      itemVersion: row.itemVersion,
      formData: row.formData,
      materials: row.materials.map((m) => ({
        materialKey: m.materialKey,
        provided: m.provided,
        files: (m.files ?? []).flatMap((id) => described.get(id) ?? []),
      })),
      delivery: row.delivery ?? null,
      step: row.step,
      idempotencyKey: row.idempotencyKey,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  const summary = (row: DraftRow): CaseDraftSummary => ({
    id: row.id,
    implCode: row.implCode,
    itemName: row.itemName,
    step: row.step,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });

  /** 404 when the draft is missing; 409 CONFLICT (with the version now) when it is there at another version. */
  async function missedWrite(actor: Actor, id: string): Promise<never> {
    const current = await repo.find(db, actor.id, id);
    throw current ? conflict({ version: current.version }) : notFound('draft');
  }

  return {
    /** Starts a draft of a published item, with the key its submission will carry. */
    async create(actor: Actor, input: { implCode: string }, meta: Meta): Promise<CaseDraft> {
      const { item, version } = await catalog.guide(input.implCode);
      const at = now();
      const row = await db.transaction(async (tx) => {
        if ((await repo.count(tx, actor.id)) >= DRAFT_LIMIT) throw new AppError('DRAFT_LIMIT_REACHED', { limit: DRAFT_LIMIT });
        const inserted = await repo.insert(tx, {
          accountId: actor.id,
          itemId: item.id,
          implCode: item.implCode,
          itemName: item.name,
          itemVersion: version,
          regionCode: item.regionCode,
          formData: {},
          materials: [],
          delivery: null,
          step: 0,
          idempotencyKey: `draft-${randomBytes(16).toString('hex')}`,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
        await appendAudit(
          tx,
          { actorId: actor.id, action: 'draft.create', targetType: 'draft', targetId: inserted.id, ...meta, details: { implCode: item.implCode } },
          at,
        );
        return inserted;
      });
      return present(row);
    },

    /** My drafts, the last saved first. */
    async list(actor: Actor, q: { page: number; pageSize: number }): Promise<Page<CaseDraftSummary>> {
      const { rows, total } = await repo.page(db, actor.id, q.pageSize, (q.page - 1) * q.pageSize);
      return { items: rows.map(summary), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string): Promise<CaseDraft> {
      const row = await repo.find(db, actor.id, id);
      if (!row) throw notFound('draft');
      return present(row);
    },

    /** Saves what has been entered, however incomplete; only the files are checked (they must be the applicant's own). */
    async save(actor: Actor, id: string, input: SaveDraft): Promise<CaseDraft> {
      const issues = await materialFileIssues(files, actor.id, input.materials, { requireFiles: false });
      if (issues.length) throw invalid(issues);
      const row = await repo.update(db, actor.id, id, input.version, {
        formData: input.formData,
        materials: input.materials,
        delivery: input.delivery,
        step: input.step,
        updatedAt: now(),
      });
      return row ? present(row) : missedWrite(actor, id);
    },

    async remove(actor: Actor, id: string, version: number | undefined, meta: Meta): Promise<void> {
      const at = now();
      const removed = await db.transaction(async (tx) => {
        if (!(await repo.delete(tx, actor.id, id, version))) return false;
        await appendAudit(tx, { actorId: actor.id, action: 'draft.delete', targetType: 'draft', targetId: id, ...meta }, at);
        return true;
      });
      if (!removed) await missedWrite(actor, id);
    },

    /** A file of a case's materials, for whoever may see the case (404 for a file not of this case); staff reads are audited. */
    async caseFile(actor: Actor, caseNo: string, fileId: string, meta: Meta): Promise<{ meta: FileMeta; bytes: Buffer }> {
      const c = await engine.load(actor, caseNo);
      if (!caseFileIds(c).has(fileId)) throw notFound('file');
      const file = await files.read(fileId);
      if (!file) throw notFound('file');
      if (actor.kind === 'staff') {
        await db.transaction((tx) =>
          appendAudit(tx, { actorId: actor.id, action: 'case.file_read', targetType: 'case', targetId: caseNo, ...meta, details: { fileId } }, now()),
        );
      }
      return file;
    },
  };
}

export type DraftsService = ReturnType<typeof createDrafts>;
