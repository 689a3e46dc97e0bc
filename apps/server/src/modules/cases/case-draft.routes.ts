/** Transport only: drafts (草稿) of the signed-in applicant, and the download of a case's material files. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  caseFileParamsSchema,
  createDraftSchema,
  draftDeleteQuerySchema,
  draftIdParamsSchema,
  draftListQuerySchema,
  draftSchema,
  draftSummarySchema,
  errorBodySchema,
  okSchema,
  pageOf,
  saveDraftSchema,
} from '@tongban/contracts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import { fileResponse, sendStoredFile } from '../files/index.ts';
import type { Meta } from './case-engine.ts';
import type { DraftsService } from './case-draft.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const meta = (req: { id: string; ip: string }): Meta => ({ requestId: req.id, ip: req.ip });
const applicants = policies.roles('applicant', 'agent');

export function draftRoutes(drafts: DraftsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/drafts',
      {
        schema: {
          tags: ['drafts'],
          summary: 'Start a draft application (草稿) of a published item; it carries the idempotency key of its submission',
          body: createDraftSchema,
          response: { 201: draftSchema, ...errors },
        },
        config: { policy: applicants },
      },
      async (req, reply) => reply.status(201).send(await drafts.create(actorOf(req), req.body, meta(req))),
    );
    app.get(
      '/drafts',
      {
        schema: {
          tags: ['drafts'],
          summary: 'My drafts, the last saved first',
          querystring: draftListQuerySchema,
          response: { 200: pageOf(draftSummarySchema), ...errors },
        },
        config: { policy: applicants },
      },
      async (req) => drafts.list(actorOf(req), req.query),
    );
    app.get(
      '/drafts/:id',
      {
        schema: { tags: ['drafts'], summary: 'One of my drafts, with its files', params: draftIdParamsSchema, response: { 200: draftSchema, ...errors } },
        config: { policy: applicants },
      },
      async (req) => drafts.get(actorOf(req), req.params.id),
    );
    app.put(
      '/drafts/:id',
      {
        schema: {
          tags: ['drafts'],
          summary: 'Save a draft over the version read (409 CONFLICT when another device saved first)',
          params: draftIdParamsSchema,
          body: saveDraftSchema,
          response: { 200: draftSchema, ...errors },
        },
        config: { policy: applicants },
      },
      async (req) => drafts.save(actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/drafts/:id',
      {
        schema: {
          tags: ['drafts'],
          summary: 'Delete a draft (at `version`, when given)',
          params: draftIdParamsSchema,
          querystring: draftDeleteQuerySchema,
          response: { 200: okSchema, ...errors },
        },
        config: { policy: applicants },
      },
      async (req) => {
        await drafts.remove(actorOf(req), req.params.id, req.query.version, meta(req));
        return { ok: true as const };
      },
    );
    app.get(
      '/cases/:caseNo/files/:fileId',
      {
        schema: {
          tags: ['cases'],
          summary: 'A file of a case’s materials, for whoever may see the case (404 for a file not of this case)',
          params: caseFileParamsSchema,
          response: { 200: fileResponse, ...errors },
        },
        config: { policy: policies.authenticated },
      },
      async (req, reply) => sendStoredFile(reply, await drafts.caseFile(actorOf(req), req.params.caseNo, req.params.fileId, meta(req))),
    );
  };
}
