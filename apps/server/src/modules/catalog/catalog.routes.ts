/** Transport only: contract in, policy, one service call, presenter out. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bundleDetailSchema,
  bundleQuerySchema,
  bundleSummarySchema,
  catalogQuerySchema,
  catalogStatsReportSchema,
  createItemSchema,
  errorBodySchema,
  itemActionSchema,
  itemStatusSchema,
  itemSummarySchema,
  itemVersionEntrySchema,
  itemVersionSchema,
  retireItemSchema,
  pageOf,
  updateDraftSchema,
  versionDiffSchema,
} from '@tongban/contracts';
import { contentDisposition, publicBaseUrl } from '../../platform/documents/links.ts';
import { sendJsonBytes } from '../../platform/http/json-text.ts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import type { CatalogService } from './catalog.service.ts';
import { createGuideDocuments, guidePageUrl } from './guide-pdf.ts';

const implCodeParams = z.object({ implCode: z.string().regex(/^[0-9A-Z-]{10,50}$/) });
const idParams = z.object({ id: z.uuid() });
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const meta = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
const maintainers = policies.roles('centre_admin', 'dept_admin');
const pdfResponse = {
  description: 'PDF document (application/pdf), shown inline',
  content: { 'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary', description: 'PDF' }) } },
};

export interface CatalogRouteOptions {
  /** PUBLIC_URL: the base of links printed in documents; the request's own origin otherwise. */
  publicUrl?: string | undefined;
}

export function catalogRoutes(service: CatalogService, { publicUrl }: CatalogRouteOptions = {}): FastifyPluginAsyncZod {
  const documents = createGuideDocuments();
  return async (app) => {
    // ---- Public (十公开: no login)
    app.get(
      '/catalog/items',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Search and filter published items (事项搜索)',
          querystring: catalogQuerySchema,
          response: { 200: pageOf(itemSummarySchema), 400: errorBodySchema },
        },
        config: { policy: policies.public },
      },
      // Sent as cached JSON bytes built from typed summaries (see sendJsonBytes).
      async (req, reply) => sendJsonBytes(reply, await service.searchJson(req.query)),
    );
    app.get(
      '/catalog/items/:implCode',
      {
        schema: {
          tags: ['catalog'],
          summary: 'The published guide of an item with every element (办事指南)',
          params: implCodeParams,
          response: { 200: itemVersionSchema, ...errors },
        },
        config: { policy: policies.public },
      },
      // Sent as the cached JSON text: the response was checked against the contract when it was built.
      async (req, reply) => sendJsonBytes(reply, await service.guideJson(req.params.implCode)),
    );
    app.get(
      '/catalog/items/:implCode/versions/:version',
      {
        schema: {
          tags: ['catalog'],
          summary: 'An earlier published version of a guide (cases stay pinned to theirs)',
          params: implCodeParams.extend({ version: z.coerce.number().int().min(1) }),
          response: { 200: itemVersionSchema, ...errors },
        },
        config: { policy: policies.public },
      },
      async (req, reply) => sendJsonBytes(reply, await service.guideJson(req.params.implCode, req.params.version)),
    );
    for (const [kind, summary] of [
      ['guide', 'The published guide as a printable A4 PDF (办事指南), with a QR code of the online guide'],
      ['notice', 'The one-time notice of everything needed as a printable A4 PDF (一次性告知书), with a signature and seal area'],
    ] as const) {
      app.get(
        `/catalog/items/:implCode/${kind}.pdf`,
        {
          schema: {
            tags: ['catalog'],
            summary,
            description: 'Produces `application/pdf` (`content-disposition: inline`). Errors are JSON.',
            params: implCodeParams,
            response: { 200: pdfResponse, ...errors },
          },
          config: { policy: policies.public },
        },
        async (req, reply) => {
          const guide = await service.guide(req.params.implCode);
          const url = guidePageUrl(publicBaseUrl(publicUrl, req), guide.item.implCode);
          const pdf = await documents.render(kind, guide, url);
          const file = documents.fileName(kind, guide);
          return reply.type('application/pdf').header('content-disposition', contentDisposition(file.name, file.ascii)).send(pdf);
        },
      );
    }
    app.get(
      '/catalog/stats',
      {
        schema: {
          tags: ['catalog'],
          summary: '马上办 / 网上办 / 一次办 / 跑零次 / 就近办 proportions and the time-limit compression ratio',
          querystring: z.object({
            dept: z.uuid().optional(),
            region: z
              .string()
              .regex(/^\d{6}(\d{3}|\d{6})?$/)
              .optional(),
          }),
          response: { 200: catalogStatsReportSchema, 400: errorBodySchema },
        },
        config: { policy: policies.public },
      },
      async (req) => service.stats({ departmentId: req.query.dept, region: req.query.region }),
    );

    app.get(
      '/catalog/bundles',
      {
        schema: {
          tags: ['catalog'],
          summary: '一件事 bundles of a region (and of the regions above it)',
          querystring: bundleQuerySchema,
          response: { 200: z.array(bundleSummarySchema), 400: errorBodySchema },
        },
        config: { policy: policies.public },
      },
      async (req) => service.bundles(req.query),
    );
    app.get(
      '/catalog/bundles/:key',
      {
        schema: {
          tags: ['catalog'],
          summary: 'A 一件事 bundle: its items as implemented in the region and one de-duplicated list of materials',
          params: z.object({ key: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
          querystring: bundleQuerySchema.pick({ region: true }),
          response: { 200: bundleDetailSchema, ...errors },
        },
        config: { policy: policies.public },
      },
      async (req) => service.bundle(req.params.key, req.query.region),
    );

    // ---- Maintenance (管理后台)
    app.get(
      '/catalog/admin/items',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'Items I maintain, every status',
          querystring: z.object({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(20),
            q: z.string().trim().max(100).optional(),
            status: itemStatusSchema.optional(),
            /** A department (centre admins; a department admin always sees their own). */
            dept: z.uuid().optional(),
          }),
          response: { 200: pageOf(itemSummarySchema), ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.listMaintained(actorOf(req), req.query),
    );
    app.post(
      '/catalog/admin/items',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'Create an item as a draft (version 1)',
          body: createItemSchema,
          response: { 201: itemVersionSchema, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req, reply) => reply.status(201).send(await service.create(actorOf(req), req.body, meta(req))),
    );
    app.put(
      '/catalog/admin/items/:id/draft',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'Edit the draft; editing a published item opens version n+1',
          params: idParams,
          body: updateDraftSchema,
          response: { 200: itemVersionSchema, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.updateDraft(actorOf(req), req.params.id, req.body, meta(req)),
    );
    app.post(
      '/catalog/admin/items/:id/submit',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'Submit the draft for publication',
          params: idParams,
          body: itemActionSchema,
          response: { 200: itemVersionSchema, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.submit(actorOf(req), req.params.id, req.body.rowVersion, meta(req)),
    );
    app.post(
      '/catalog/admin/items/:id/publish',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'Publish the latest version; 422 RULES_BROKEN lists every broken consistency rule',
          params: idParams,
          body: itemActionSchema,
          response: { 200: itemVersionSchema, 422: errorBodySchema, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.publish(actorOf(req), req.params.id, req.body.rowVersion, meta(req)),
    );
    app.post(
      '/catalog/admin/items/:id/retire',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'Withdraw the item from the public catalog',
          params: idParams,
          body: retireItemSchema,
          response: { 200: itemSummarySchema, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.retire(actorOf(req), req.params.id, req.body, meta(req)),
    );
    app.get(
      '/catalog/admin/items/:id/versions',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'Version history: who changed what and when',
          params: idParams,
          response: { 200: z.array(itemVersionEntrySchema), ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.versions(actorOf(req), req.params.id),
    );
    app.get(
      '/catalog/admin/items/:id/versions/:version',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'One version, any status',
          params: idParams.extend({ version: z.coerce.number().int().min(1) }),
          response: { 200: itemVersionSchema, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.version(actorOf(req), req.params.id, req.params.version),
    );
    app.get(
      '/catalog/admin/items/:id/diff',
      {
        schema: {
          tags: ['catalog admin'],
          summary: 'Readable differences between two versions',
          params: idParams,
          querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
          response: { 200: versionDiffSchema, ...errors },
        },
        config: { policy: maintainers },
      },
      async (req) => service.diff(actorOf(req), req.params.id, req.query.from, req.query.to),
    );
  };
}
