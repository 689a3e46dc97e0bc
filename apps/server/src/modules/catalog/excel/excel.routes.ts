/** Transport only: Excel template, export and import jobs of the implementation list (实施清单). */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  XLSX_MIME,
  errorBodySchema,
  exportQuerySchema,
  importAcceptedSchema,
  importErrorSchema,
  importErrorsQuerySchema,
  importJobSchema,
  importQuerySchema,
  pageOf,
} from '@tongban/contracts';
import { contentDisposition } from '../../../platform/documents/links.ts';
import { languageOf } from '../../../platform/http/error-handler.ts';
import { actorOf, policies } from '../../../platform/http/policy.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CatalogExcelService } from './excel.service.ts';
import { Upload, acceptXlsxBodies } from './upload.ts';

const maintainers = policies.roles('centre_admin', 'dept_admin');
const idParams = z.object({ id: z.uuid() });
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const xlsxResponse = {
  description: 'Excel workbook (.xlsx), as an attachment',
  content: { [XLSX_MIME]: { schema: z.any().meta({ type: 'string', format: 'binary', description: 'xlsx' }) } },
};
const meta = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
const day = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

function sendXlsx(reply: FastifyReply, buffer: Buffer, name: string, ascii: string) {
  return reply
    .type(XLSX_MIME)
    .header('content-disposition', contentDisposition(name, ascii, 'attachment'))
    .send(buffer);
}

export function catalogExcelRoutes(service: CatalogExcelService): FastifyPluginAsyncZod {
  return async (app) => {
    acceptXlsxBodies(app);

    app.get(
      '/catalog/admin/template.xlsx',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'The blank Excel template of the implementation list (说明, 事项, 材料, 收费, 办理流程, 常见问题, 代码表)',
          response: { 200: xlsxResponse, 401: errorBodySchema, 403: errorBodySchema },
        },
        config: { policy: maintainers },
      },
      async (_req, reply) => sendXlsx(reply, await service.template(), '实施清单导入模板.xlsx', 'catalog-template.xlsx'),
    );

    app.get(
      '/catalog/admin/export.xlsx',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'Export the items I maintain in the template: their published version (default) or their latest version, drafts included',
          querystring: exportQuerySchema,
          response: { 200: xlsxResponse, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req, reply) => sendXlsx(reply, await service.export(actorOf(req), req.query.source), `实施清单-${day()}.xlsx`, `catalog-${day()}.xlsx`),
    );

    app.post(
      '/catalog/admin/imports',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'Start importing an .xlsx in the template (raw body); 202 with the job id, then poll the job',
          description:
            'Body: the workbook itself, `content-type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, at most 8 MB ' +
            '(413 FILE_TOO_LARGE). A file that is not an .xlsx answers 400 SPREADSHEET_UNREADABLE, one without the template’s sheets or ' +
            'columns 400 SPREADSHEET_TEMPLATE_MISMATCH (details.issues name them). Rows are then validated in the background; if any row ' +
            'is wrong nothing is imported. `publish=false` leaves the imported items as drafts.',
          querystring: importQuerySchema,
          response: { 202: importAcceptedSchema, ...errors, 413: errorBodySchema, 415: errorBodySchema },
        },
        config: { policy: maintainers },
      },
      async (req, reply) => {
        const body: unknown = req.body;
        if (body === undefined || body === null) throw new AppError('SPREADSHEET_UNREADABLE', { reason: 'empty' });
        if (!(body instanceof Upload)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { expected: XLSX_MIME });
        const started = await service.startImport(actorOf(req), body.bytes, {
          publish: req.query.publish === 'true',
          meta: meta(req),
          log: (err) => req.log.error({ err }, 'catalog import failed'),
        });
        return reply.status(202).send(started);
      },
    );

    app.get(
      '/catalog/admin/imports/:id',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'Progress and outcome of an import I started',
          params: idParams,
          response: { 200: importJobSchema, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.job(actorOf(req), req.params.id, languageOf(req)),
    );

    app.get(
      '/catalog/admin/imports/:id/errors',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'The problems an import found, each with sheet, row and column, in workbook order',
          params: idParams,
          querystring: importErrorsQuerySchema,
          response: { 200: pageOf(importErrorSchema), ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.errors(actorOf(req), req.params.id, req.query, languageOf(req)),
    );

    app.get(
      '/catalog/admin/imports/:id/report.xlsx',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'The uploaded workbook with every bad cell marked and an 错误 sheet listing the problems (409 unless validation failed)',
          params: idParams,
          response: { 200: xlsxResponse, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req, reply) => {
        const report = await service.report(actorOf(req), req.params.id, languageOf(req));
        return sendXlsx(reply, report, '实施清单导入错误报告.xlsx', 'catalog-import-errors.xlsx');
      },
    );
  };
}
