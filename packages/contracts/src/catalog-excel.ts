/**
 * Excel import and export of the implementation list (实施清单). The template itself (sheets,
 * columns, keys, allowed values) is documented in docs/catalog.md and built by the server.
 */
import { z } from 'zod';

/** MIME type of an .xlsx workbook. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Largest workbook an import accepts (8 MB, about 16,000 items; ExcelJS needs 100–200 times the file size in memory): larger answers 413 FILE_TOO_LARGE. */
export const CATALOG_IMPORT_MAX_BYTES = 8 * 1024 * 1024;

export const importJobStatuses = ['validating', 'importing', 'succeeded', 'failed'] as const;
export const importJobStatusSchema = z.enum(importJobStatuses);
export type ImportJobStatus = z.infer<typeof importJobStatusSchema>;

/** `POST /api/catalog/admin/imports?publish=true|false`: publish the imported items at once (default) or leave them as drafts. */
export const importQuerySchema = z.object({ publish: z.enum(['true', 'false']).default('true') });

/** `GET /api/catalog/admin/export.xlsx?source=`: the published version of each item, or the latest version (drafts included). */
export const exportQuerySchema = z.object({ source: z.enum(['published', 'latest']).default('published') });
export type ExportSource = z.infer<typeof exportQuerySchema>['source'];

export const importAcceptedSchema = z.object({ id: z.uuid() }).meta({ id: 'CatalogImportAccepted' });

/** Progress and outcome of one import. Rows count the non-blank data rows of every sheet. */
export const importJobSchema = z
  .object({
    id: z.uuid(),
    status: importJobStatusSchema,
    publish: z.boolean(),
    /** While validating: rows read so far; while importing: rows of the items written so far. */
    processedRows: z.number().int(),
    totalRows: z.number().int(),
    /** Problems found, one per cell and message (each listed by `…/errors` and in the report). */
    errorCount: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    /** Why a failed import stopped when no row is to blame (e.g. someone changed an item meanwhile). */
    message: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'CatalogImportJob' });
export type ImportJob = z.infer<typeof importJobSchema>;

/** One problem in an uploaded workbook, where the user sees it. */
export const importErrorSchema = z
  .object({
    /** Sheet name as in the workbook, e.g. 材料. */
    sheet: z.string(),
    /** Excel row number (1-based, as shown at the left of the sheet). */
    row: z.number().int(),
    /** Column letter, e.g. H. */
    column: z.string(),
    /** Column header as in the template, e.g. 材料必要性. */
    header: z.string(),
    /** The column's stable machine key, e.g. necessity. */
    key: z.string(),
    /** What is wrong, in the caller's language. */
    message: z.string(),
  })
  .meta({ id: 'CatalogImportError' });
export type ImportError = z.infer<typeof importErrorSchema>;

export const importErrorsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
