/** Transport only: contract in, policy, one service call, presenter out. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bundleNoParamsSchema,
  caseActionSchema,
  caseBundleSchema,
  caseDetailSchema,
  caseExchangeSchema,
  caseListQuerySchema,
  caseSearchQuerySchema,
  caseNoParamsSchema,
  caseSummarySchema,
  caseTimelineEntrySchema,
  errorBodySchema,
  pageOf,
  submitBundleSchema,
  submitCaseSchema,
} from '@tongban/contracts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import type { Meta } from './case-engine.ts';
import type { CasesService } from './cases.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const meta = (req: { id: string; ip: string }): Meta => ({ requestId: req.id, ip: req.ip });
/** Staff who may hold a process step; the service decides which step is theirs (403 otherwise). */
const stepHolders = policies.roles('window', 'reviewer', 'approver', 'dept_admin', 'centre_admin');
const applicantSide = policies.roles('applicant', 'agent');
const staffReaders = policies.roles('window', 'reviewer', 'approver', 'dept_admin', 'centre_admin', 'supervisor');

export function casesRoutes(service: CasesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Submit an application (申请). Idempotent per Idempotency-Key: a retry answers 200 with the same case',
          body: submitCaseSchema,
          response: { 200: caseDetailSchema, 201: caseDetailSchema, ...errors },
        },
        config: { policy: policies.roles('applicant', 'agent', 'window') },
      },
      async (req, reply) => {
        const header = req.headers['idempotency-key'];
        const { created, detail } = await service.submit(actorOf(req), req.body, typeof header === 'string' ? header : undefined, meta(req));
        return reply.status(created ? 201 : 200).send(detail);
      },
    );
    app.post(
      '/cases/bundles',
      {
        schema: {
          tags: ['cases'],
          summary:
            'Apply for a 一件事 bundle: one shared form and the merged materials once, one case per item. Idempotent per key: a retry completes and returns the same cases (200)',
          body: submitBundleSchema,
          response: { 200: caseBundleSchema, 201: caseBundleSchema, ...errors },
        },
        config: { policy: policies.roles('applicant', 'agent', 'window') },
      },
      async (req, reply) => {
        const { created, bundle } = await service.submitBundle(actorOf(req), req.body, meta(req));
        return reply.status(created ? 201 : 200).send(bundle);
      },
    );
    app.get(
      '/cases/bundles/:bundleNo',
      {
        schema: {
          tags: ['cases'],
          summary: 'A 一件事 application and its cases',
          params: bundleNoParamsSchema,
          response: { 200: caseBundleSchema, ...errors },
        },
        config: { policy: policies.authenticated },
      },
      async (req) => service.getBundle(actorOf(req), req.params.bundleNo),
    );
    app.get(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Case search (办件查询) for staff: case number, applicant or item name, status; within the caller’s department and region',
          querystring: caseSearchQuerySchema,
          response: { 200: pageOf(caseSummarySchema), ...errors },
        },
        config: { policy: staffReaders },
      },
      async (req) => service.search(actorOf(req), req.query),
    );
    app.get(
      '/cases/mine',
      {
        schema: {
          tags: ['cases'],
          summary: 'My applications (我的办件)',
          querystring: caseListQuerySchema,
          response: { 200: pageOf(caseSummarySchema), ...errors },
        },
        config: { policy: applicantSide },
      },
      async (req) => service.mine(actorOf(req), req.query),
    );
    app.get(
      '/tasks',
      {
        schema: {
          tags: ['cases'],
          summary: 'My open tasks (待办): cases with an open step for my role and department, with deadline lights',
          querystring: caseListQuerySchema,
          response: { 200: pageOf(caseSummarySchema), ...errors },
        },
        config: { policy: stepHolders },
      },
      async (req) => service.inbox(actorOf(req), req.query),
    );
    app.get(
      '/cases/:caseNo',
      {
        schema: { tags: ['cases'], summary: 'A case with its timeline (办件详情)', params: caseNoParamsSchema, response: { 200: caseDetailSchema, ...errors } },
        config: { policy: policies.authenticated },
      },
      async (req) => service.get(actorOf(req), req.params.caseNo),
    );
    app.get(
      '/cases/:caseNo/exchange',
      {
        schema: {
          tags: ['cases'],
          summary: 'The case in the national exchange shape (up_pro_accept / process / special_procedure / result / material)',
          params: caseNoParamsSchema,
          response: { 200: caseExchangeSchema, ...errors },
        },
        config: { policy: staffReaders },
      },
      async (req) => service.exchange(actorOf(req), req.params.caseNo, meta(req)),
    );

    app.get(
      '/cases/:caseNo/events',
      {
        schema: {
          tags: ['cases'],
          summary: 'The event log of a case, in order: actor, role, action, from → to, opinion, time (办件日志)',
          params: caseNoParamsSchema,
          response: { 200: z.object({ items: z.array(caseTimelineEntrySchema) }), ...errors },
        },
        config: { policy: policies.authenticated },
      },
      async (req) => ({ items: await service.events(actorOf(req), req.params.caseNo) }),
    );
    app.post(
      '/cases/:caseNo/actions',
      {
        schema: {
          tags: ['cases'],
          summary:
            'One action on a case (办理动作), appended as one event: accept, refuse, request-supplement, supplement, supply-deferred, withdraw, claim, transfer, approve, disapprove, return, suspend, resume, extend, decide-extension, decide, deliver, green-channel, post-check, revoke. The service checks the role, the post, the data scope and the state; `version` guards against acting on a stale read (409)',
          params: caseNoParamsSchema,
          body: caseActionSchema,
          response: { 200: caseDetailSchema, ...errors },
        },
        config: { policy: policies.authenticated },
      },
      async (req) => service.act(actorOf(req), req.params.caseNo, req.body, meta(req)),
    );
  };
}
