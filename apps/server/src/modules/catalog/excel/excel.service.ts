/**
 * Excel import and export of the implementation list (实施清单): the template, the export of
 * the items an admin maintains, and imports that run as jobs (validate every row of every sheet,
 * then write everything in one transaction, or nothing).
 */
import { createHash } from 'node:crypto';
import {
  errorMessage,
  fieldMessage,
  itemContentSchema,
  type ErrorCode,
  type FieldIssue,
  type ExportSource,
  type ImportError,
  type ImportJob,
  type Language,
  type Page,
} from '@tongban/contracts';
import { regionPrefix } from '@tongban/domain';
import type { Db } from '../../../platform/db/client.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError, forbidden, fromDatabaseError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/policy.ts';
import { canMaintainItems, maintainedScope } from '../catalog.policy.ts';
import type { Plan } from './check.ts';
import { excelRepository } from './excel.repository.ts';
import { toSheetRows } from './export.ts';
import { writePlan } from './import-writer.ts';
import { createJobRegistry, presentJob, type Job } from './jobs.ts';
import { openWorkbook, type OpenedWorkbook } from './parse.ts';
import { toImportError } from './problems.ts';
import { buildErrorReport } from './report.ts';
import { hasItems, sheetOrder, validateUpload } from './validate.ts';
import { buildWorkbook, toBuffer } from './workbook.ts';

type Meta = { requestId?: string; ip?: string };

export interface ImportOptions {
  publish: boolean;
  meta: Meta;
  /** Where an unexpected failure of the background job is logged. */
  log: (err: unknown) => void;
}

/** How long the upload request waits for the workbook to open before answering 202 anyway. */
const OPEN_WAIT_MS = 5000;

async function openChecked(data: Buffer): Promise<OpenedWorkbook> {
  const opened = await openWorkbook(data);
  if (!hasItems(opened)) throw new AppError('VALIDATION_FAILED', { issues: [{ path: '事项', code: 'empty', message: 'catalogExcel.noItems' }] });
  return opened;
}

function issuesOf(details: unknown): FieldIssue[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
}

function failureMessage(job: Job, lang: Language): string | null {
  if (!job.failure) return null;
  const issues = job.failureIssues.map((i) => `${i.path}：${fieldMessage(i.message, lang) ?? i.message}`);
  return issues.length ? `${errorMessage(job.failure, lang)}（${issues.join('；')}）` : errorMessage(job.failure, lang);
}

function scopeOf(actor: Actor) {
  const scope = maintainedScope(actor);
  if (!scope) throw forbidden();
  return scope;
}

export interface CatalogExcelDeps {
  db: Db;
  /** Called after an import that changed the public catalog has committed (empties the public page cache). */
  onPublicChange?: () => void;
  now?: () => Date;
  /** How long `startImport` waits for the workbook to open (tests shorten it). */
  openWaitMs?: number;
}

export function createCatalogExcelService({ db, onPublicChange = () => undefined, now = () => new Date(), openWaitMs = OPEN_WAIT_MS }: CatalogExcelDeps) {
  const jobs = createJobRegistry({ now });

  function jobOf(actor: Actor, id: string): Job {
    const job = jobs.get(id, actor.id);
    if (!job) throw notFound('import');
    return job;
  }

  async function write(job: Job, plans: Plan[], opts: ImportOptions) {
    job.status = 'importing';
    job.processedRows = 0;
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const ctx = { actorId: job.actorId, publish: job.publish, jobId: job.id, meta: opts.meta, now: now() };
    await db.transaction(async (tx) => {
      for (const plan of plans) {
        if (plan.kind === 'unchanged') counts.unchanged++;
        else {
          await writePlan(tx, plan, ctx);
          if (plan.kind === 'create') counts.created++;
          else counts.updated++;
        }
        job.processedRows += plan.item.rowCount;
      }
      await appendAudit(tx, {
        actorId: job.actorId,
        action: 'catalog.import_job',
        targetType: 'catalog_import',
        targetId: job.id,
        ...opts.meta,
        details: { ...counts, publish: job.publish, sha256: job.upload ? createHash('sha256').update(job.upload).digest('hex') : null },
      });
    });
    Object.assign(job, counts);
    if (job.publish && counts.created + counts.updated > 0) onPublicChange();
  }

  async function run(job: Job, opening: Promise<OpenedWorkbook>, actor: Actor, opts: ImportOptions) {
    try {
      const opened = await opening;
      const { plans, problems } = await validateUpload(db, opened, actor, job.publish, job);
      if (problems.count) {
        job.problems = problems.sorted(sheetOrder);
        jobs.finish(job, 'failed');
        return;
      }
      await write(job, plans, opts);
      jobs.finish(job, 'succeeded');
    } catch (err) {
      const code: ErrorCode = err instanceof AppError ? err.code : (fromDatabaseError(err)?.code ?? 'INTERNAL');
      if (code === 'INTERNAL') opts.log(err);
      jobs.finish(job, 'failed', code, err instanceof AppError ? issuesOf(err.details) : []);
    }
  }

  return {
    /** The blank template. */
    async template(): Promise<Buffer> {
      return toBuffer(buildWorkbook());
    },

    /** Every item the actor maintains, in the template's shape. */
    async export(actor: Actor, source: ExportSource): Promise<Buffer> {
      const scope = scopeOf(actor);
      const rows = await excelRepository.itemsForExport(db, {
        departmentId: scope.departmentId,
        regionPrefix: scope.regionCode ? (scope.includeSubRegions ? regionPrefix(scope.regionCode) : scope.regionCode) : null,
        source,
      });
      const items = rows
        .filter((r) => canMaintainItems(actor, r.department))
        .map((r) => ({ implCode: r.implCode, level: r.level, department: r.department, content: itemContentSchema.parse(r.content) }));
      return toBuffer(buildWorkbook(toSheetRows(items)));
    },

    /**
     * Checks the file's shape (4xx when it is not the template) and starts the import job; the
     * rows are validated and imported in the background.
     */
    async startImport(actor: Actor, data: Buffer, opts: ImportOptions): Promise<{ id: string }> {
      scopeOf(actor);
      const job = jobs.start(actor.id, opts.publish, data);
      const opening = openChecked(data);
      // Most files open within the wait: a file that is not the template answers 4xx right here.
      // A very large one is still being read: the job reports its progress, and a bad shape as its failure.
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<void>((resolve) => (timer = setTimeout(resolve, openWaitMs)));
      try {
        await Promise.race([opening, slow]);
      } catch (err) {
        jobs.discard(job.id);
        throw err;
      } finally {
        clearTimeout(timer);
      }
      void run(job, opening, actor, opts);
      return { id: job.id };
    },

    job(actor: Actor, id: string, lang: Language): ImportJob {
      const job = jobOf(actor, id);
      return presentJob(job, failureMessage(job, lang));
    },

    errors(actor: Actor, id: string, q: { page: number; pageSize: number }, lang: Language): Page<ImportError> {
      const job = jobOf(actor, id);
      const start = (q.page - 1) * q.pageSize;
      return {
        items: job.problems.slice(start, start + q.pageSize).map((p) => toImportError(p, lang)),
        total: job.problems.length,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** The uploaded workbook with its problems marked; only for an import that failed validation. */
    async report(actor: Actor, id: string, lang: Language): Promise<Buffer> {
      const job = jobOf(actor, id);
      if (job.status !== 'failed' || job.problems.length === 0 || !job.upload) throw new AppError('INVALID_STATE', { status: job.status });
      let report = job.reports.get(lang);
      if (!report) {
        report = await buildErrorReport(job.upload, job.problems, lang);
        job.reports.set(lang, report);
      }
      return report;
    },
  };
}

export type CatalogExcelService = ReturnType<typeof createCatalogExcelService>;
