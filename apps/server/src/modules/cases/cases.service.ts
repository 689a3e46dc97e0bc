/** Case use cases (办件): submit, read, lists, the exchange view, and every action through the engine. */
import type {
  CaseAction,
  CaseActionName,
  SubmitBundle,
  CaseDetail,
  CaseExchange,
  CaseSearchQuery,
  CaseSummary,
  CaseTimelineEntry,
  Page,
  SubmitCase,
} from '@tongban/contracts';
import { chinaToday, regionPrefix, type WorkingCalendar } from '@tongban/domain';
import { appendAudit } from '../../platform/audit/audit.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { LRUCache } from 'lru-cache';
import { createBundleSubmit } from './case-bundle-submit.ts';
import { counterActions, type Handler, type Handlers } from './case-actions.ts';
import { allowedActions } from './case-allowed.ts';
import { officeActions } from './case-office-actions.ts';
import { createCaseEngine, ensureVisible, type CasesDeps, type LoadedCase, type Meta } from './case-engine.ts';
import { toExchange } from './case-exchange.ts';
import { toDetail, toSummary } from './case-presenter.ts';
import { filesOf, noFiles } from './case-draft-files.ts';
import { licencesOf, noLicences, type AttachedLicence } from './case-licences.ts';
import { createSubmit } from './case-submit.ts';
import { assigneeTokens, canActOnStep, regionalRoles } from './cases.policy.ts';
import { casesRepository as repo, type CaseSummaryRow } from './cases.repository.ts';
import { processDepartments } from './process.service.ts';

export type { CasesDeps } from './case-engine.ts';

type Departments = Awaited<ReturnType<typeof repo.departments>>;

export function createCasesService(deps: CasesDeps) {
  const { db, now, calendar, catalog } = deps;
  const engine = createCaseEngine(deps);
  const submit = createSubmit(deps);
  const bundles = createBundleSubmit(deps, submit);
  const handlers: Handlers<CaseActionName> = { ...counterActions(deps), ...officeActions(deps) };

  // The departments of a case's process change rarely (a rename shows within a minute).
  const departmentCache = new LRUCache<string, Promise<Departments>>({ max: 1000, ttl: 60_000 });
  function departmentsOf(c: LoadedCase): Promise<Departments> {
    const ids = [...new Set([c.row.departmentId, ...processDepartments(c.definition)])].sort();
    const key = ids.join(',');
    const cached = departmentCache.get(key);
    if (cached) return cached;
    const loading = repo.departments(db, ids);
    departmentCache.set(key, loading);
    loading.catch(() => departmentCache.delete(key));
    return loading;
  }

  async function detail(actor: Actor, c: LoadedCase): Promise<CaseDetail> {
    const at = now();
    const today = chinaToday(at);
    const attached = licencesOf(c.row.materials);
    const [content, departments, cal, files, licences] = await Promise.all([
      catalog.guide(c.row.implCode, c.row.itemVersion).then((g) => g.content),
      departmentsOf(c),
      calendar.workingCalendar(c.row.regionCode),
      (deps.files ?? noFiles).describe(filesOf(c.row.materials)),
      attached.length ? (deps.licences ?? noLicences).describe(attached) : new Map<string, AttachedLicence>(),
    ]);
    // A running special procedure moves the due date every day it lasts.
    const due =
      c.state.status === 'suspended'
        ? await engine.deadline(c.row.regionCode, c.state, c.row.limitWorkingDays, today)
        : { dueDate: c.row.dueDate, dueProvisional: c.row.dueProvisional };
    const agentName = c.row.agentAccountId ? (c.events[0]?.actorName ?? null) : null;
    return toDetail({ loaded: c, content, departments, cal, today, ...due, agentName, files, licences, allowedActions: allowedActions(actor, c) });
  }

  async function summaries(rows: CaseSummaryRow[], mine?: (step: CaseSummaryRow['openSteps'][number], row: CaseSummaryRow) => boolean): Promise<CaseSummary[]> {
    const today = chinaToday(now());
    const calendars = new Map<string, WorkingCalendar>();
    for (const r of rows) if (!calendars.has(r.regionCode)) calendars.set(r.regionCode, await calendar.workingCalendar(r.regionCode));
    const departments = await repo.departments(db, [...new Set(rows.flatMap((r) => r.openSteps.map((s) => s.departmentId)))]);
    return rows.map((r) => toSummary(r, calendars.get(r.regionCode)!, today, departments, mine ? (s) => mine(s, r) : undefined));
  }

  return {
    /** Submits an application; a retry with the same idempotency key returns the same case (`created: false`). */
    async submit(actor: Actor, input: SubmitCase, headerKey: string | undefined, meta: Meta): Promise<{ created: boolean; detail: CaseDetail }> {
      const { caseNo, created, loaded } = await submit(actor, input, headerKey, meta);
      if (loaded) ensureVisible(actor, loaded.row, loaded.definition);
      return { created, detail: await detail(actor, loaded ?? (await engine.load(actor, caseNo))) };
    },

    /** 一件事: one application, one case per item of the bundle. */
    submitBundle: (actor: Actor, input: SubmitBundle, meta: Meta) => bundles.submit(actor, input, meta),
    getBundle: (actor: Actor, bundleNo: string) => bundles.get(actor, bundleNo),

    async get(actor: Actor, caseNo: string): Promise<CaseDetail> {
      return detail(actor, await engine.load(actor, caseNo));
    },

    /** The case in the national exchange shape, with the full ID number: staff only, and the reading is audited. */
    async exchange(actor: Actor, caseNo: string, meta: Meta): Promise<CaseExchange> {
      if (actor.kind !== 'staff') throw forbidden();
      const c = await engine.load(actor, caseNo);
      const [content, departments] = await Promise.all([catalog.guide(c.row.implCode, c.row.itemVersion).then((g) => g.content), departmentsOf(c)]);
      await db.transaction((tx) => appendAudit(tx, { actorId: actor.id, action: 'case.exchange_read', targetType: 'case', targetId: caseNo, ...meta }, now()));
      return toExchange(c, content, departments);
    },

    /** 待办: cases with an open step the caller may act on, green channel first, then by due date. */
    async inbox(actor: Actor, q: { page: number; pageSize: number }): Promise<Page<CaseSummary>> {
      const scope = actor.scope;
      const region = scope ? { code: scope.regionCode, prefix: scope.includeSubRegions ? regionPrefix(scope.regionCode) : null } : null;
      const { rows, total } = await repo.inbox(db, {
        tokens: assigneeTokens(actor),
        regionalRoles: regionalRoles(actor),
        region,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const items = await summaries(
        rows,
        (s, r) =>
          (!s.claimedBy || s.claimedBy.id === actor.id) &&
          canActOnStep(actor, s, {
            departmentId: s.departmentId,
            regionCode: r.regionCode,
            takenRegionCode: r.takenRegionCode,
            applicantAccountId: null,
            agentAccountId: null,
          }),
      );
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    /** 办件查询: the cases of the caller's department, and for window, centre admin and supervisor those handled or taken in their region. */
    async search(actor: Actor, q: CaseSearchQuery): Promise<Page<CaseSummary>> {
      const scope = actor.scope;
      const regional = actor.roles.some((r) => r === 'window' || r === 'centre_admin' || r === 'supervisor');
      const { rows, total } = await repo.search(db, {
        departmentId: scope?.departmentId ?? null,
        region: scope && regional ? { code: scope.regionCode, prefix: scope.includeSubRegions ? regionPrefix(scope.regionCode) : null } : null,
        text: q.q || undefined,
        status: q.status,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: await summaries(rows), total, page: q.page, pageSize: q.pageSize };
    },

    /** The applicant's own cases (and an agent's, for the people they applied for). */
    async mine(actor: Actor, q: { page: number; pageSize: number }): Promise<Page<CaseSummary>> {
      const { rows, total } = await repo.mine(db, actor.id, q.pageSize, (q.page - 1) * q.pageSize);
      return { items: await summaries(rows), total, page: q.page, pageSize: q.pageSize };
    },

    /**
     * One action on a case: loaded and replayed, checked by its handler (state, post, input),
     * appended as exactly one event under the version read (409 to the loser of a race).
     */
    async act(actor: Actor, caseNo: string, input: CaseAction, meta: Meta): Promise<CaseDetail> {
      const c = await engine.load(actor, caseNo);
      // Acting on a stale read is a conflict, whatever the action would say about the newer state.
      // (The row and the log are read one after the other: a commit between them shows as two versions.)
      const current = Math.max(c.row.version, c.state.version);
      if (input.version !== undefined && input.version !== current) throw conflict({ version: current });
      const handler = handlers[input.action] as Handler<CaseActionName>;
      return detail(actor, await engine.append(actor, c, await handler(actor, c, input), meta, input.version));
    },

    /** The log of a case as its timeline (every event, in order). */
    async events(actor: Actor, caseNo: string): Promise<CaseTimelineEntry[]> {
      return (await detail(actor, await engine.load(actor, caseNo))).timeline;
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
