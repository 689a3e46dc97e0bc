/** Transport only: contract in, policy, one service call. Staff look up within their scope; only a centre admin changes the registry. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorBodySchema,
  pageOf,
  subjectCheckResultSchema,
  subjectCheckSchema,
  subjectCountsSchema,
  subjectIdParamsSchema,
  subjectLookupSchema,
  subjectPurposeQuerySchema,
  subjectQuerySchema,
  subjectSchema,
  upsertSubjectSchema,
} from '@tongban/contracts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import type { SubjectsService } from './subjects.service.ts';

const tags = ['subjects'];
const lookUp = { policy: policies.roles('window', 'reviewer', 'approver', 'dept_admin', 'centre_admin', 'supervisor') };
/** 查看完整信息: the staff who handle applications, and the registry's keeper. */
const reveal = { policy: policies.roles('window', 'reviewer', 'approver', 'centre_admin') };
const keeper = { policy: policies.roles('centre_admin', 'supervisor') };
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };
const meta = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });

export function subjectsRoutes(service: SubjectsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/subjects',
      {
        schema: {
          tags,
          summary: 'Look up persons and organisations in the data scope (主体库查询): exact identifier or part of a name, with a purpose; masked; audited',
          querystring: subjectQuerySchema,
          response: { 200: pageOf(subjectSchema), ...errors },
        },
        config: lookUp,
      },
      async (req) => service.search(actorOf(req), req.query, meta(req)),
    );
    app.post(
      '/subjects/check',
      {
        schema: {
          tags,
          summary: 'Identity check (身份核验): does the name go with the ID number or credit code? Audited',
          body: subjectCheckSchema,
          response: { 200: subjectCheckResultSchema, ...errors },
        },
        config: lookUp,
      },
      async (req) => service.check(actorOf(req), req.body, meta(req)),
    );
    app.get(
      '/subjects/counts',
      { schema: { tags, summary: 'Subjects in the data scope by kind', response: { 200: subjectCountsSchema, ...errors } }, config: lookUp },
      async (req) => service.counts(actorOf(req)),
    );
    app.get(
      '/subjects/:id',
      {
        schema: {
          tags,
          summary: 'One subject, masked; audited with its purpose',
          params: subjectIdParamsSchema,
          querystring: subjectPurposeQuerySchema,
          response: { 200: subjectSchema, 404: errorBodySchema, ...errors },
        },
        config: lookUp,
      },
      async (req) => service.view(actorOf(req), req.params.id, req.query.purpose, meta(req)),
    );
    app.post(
      '/subjects/:id/reveal',
      {
        schema: {
          tags,
          summary: 'The full record (查看完整信息); audited with its purpose',
          params: subjectIdParamsSchema,
          body: subjectPurposeQuerySchema,
          response: { 200: subjectSchema, 404: errorBodySchema, ...errors },
        },
        config: reveal,
      },
      async (req) => service.reveal(actorOf(req), req.params.id, req.body.purpose, meta(req)),
    );
    app.get(
      '/subjects/:id/lookups',
      {
        schema: {
          tags,
          summary: 'Who looked this subject up, when and why (from the audit log)',
          params: subjectIdParamsSchema,
          response: { 200: z.array(subjectLookupSchema), 404: errorBodySchema, ...errors },
        },
        config: keeper,
      },
      async (req) => service.lookups(actorOf(req), req.params.id),
    );
    app.post(
      '/subjects',
      {
        schema: {
          tags,
          summary: 'Add or update a subject (by identifier, checked against its kind); audited',
          body: upsertSubjectSchema,
          response: { 200: subjectSchema, 201: subjectSchema, ...errors },
        },
        config: { policy: policies.roles('centre_admin') },
      },
      async (req, reply) => {
        const { subject, created } = await service.upsert(actorOf(req), req.body, meta(req));
        return reply.code(created ? 201 : 200).send(subject);
      },
    );
  };
}
