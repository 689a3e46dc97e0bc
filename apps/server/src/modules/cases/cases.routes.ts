/** Transport only: contract in, policy, one service call, presenter out. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  acceptCaseSchema,
  caseDetailSchema,
  caseExchangeSchema,
  caseListQuerySchema,
  caseNoParamsSchema,
  caseSummarySchema,
  completeStepSchema,
  decideCaseSchema,
  decideExtensionSchema,
  deliverCaseSchema,
  endSpecialSchema,
  errorBodySchema,
  greenChannelSchema,
  pageOf,
  provideSupplementSchema,
  refuseCaseSchema,
  requestExtensionSchema,
  requestSupplementSchema,
  startSpecialSchema,
  submitCaseSchema,
  supplyDeferredSchema,
  withdrawCaseSchema,
} from '@tongban/contracts';
import { actorOf, policies, type Actor, type Policy } from '../../platform/http/policy.ts';
import type { Meta } from './case-engine.ts';
import type { CasesService } from './cases.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const meta = (req: { id: string; ip: string }): Meta => ({ requestId: req.id, ip: req.ip });
/** Staff who may hold a process step; the service decides which step is theirs (403 otherwise). */
const stepHolders = policies.roles('window', 'reviewer', 'approver', 'dept_admin', 'centre_admin');
const applicantSide = policies.roles('applicant', 'agent');
const staffReaders = policies.roles('window', 'reviewer', 'approver', 'dept_admin', 'centre_admin', 'supervisor');

type Action<B extends z.ZodType> = (
  service: CasesService,
) => (actor: Actor, caseNo: string, body: z.infer<B>, meta: Meta) => Promise<z.infer<typeof caseDetailSchema>>;

export function casesRoutes(service: CasesService): FastifyPluginAsyncZod {
  return async (app) => {
    /** One POST /cases/:caseNo/<path> action: its body contract, its policy, one service call. */
    function action<B extends z.ZodType>(path: string, summary: string, body: B, policy: Policy, call: Action<B>) {
      app.post(
        `/cases/:caseNo/${path}`,
        {
          schema: { tags: ['cases'], summary, params: caseNoParamsSchema, body, response: { 200: caseDetailSchema, ...errors } },
          config: { policy },
        },
        async (req) => call(service)(actorOf(req), req.params.caseNo, req.body as z.infer<B>, meta(req)),
      );
    }

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
      '/cases/inbox',
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

    action('withdraw', 'Withdraw the application before the decision (撤回)', withdrawCaseSchema, applicantSide, (s) => s.withdraw);
    action(
      'supplement',
      'Provide what the supplement notice asked for (补正材料)',
      provideSupplementSchema,
      policies.roles('applicant', 'agent', 'window'),
      (s) => s.provideSupplement,
    );
    action(
      'deferred-materials',
      'A deferred (容缺) material arrives',
      supplyDeferredSchema,
      policies.roles('applicant', 'agent', 'window', 'centre_admin'),
      (s) => s.supplyDeferred,
    );
    action('accept', 'Accept (受理): the due date runs from the next working day', acceptCaseSchema, stepHolders, (s) => s.accept);
    action('refuse', 'Refuse to accept (不予受理), with reason and legal basis', refuseCaseSchema, stepHolders, (s) => s.refuse);
    action('supplement-request', 'Ask once for every missing material (一次性告知补正)', requestSupplementSchema, stepHolders, (s) => s.requestSupplement);
    action('steps', 'Complete an open review step: approve, refuse (parallel block) or return', completeStepSchema, stepHolders, (s) => s.completeStep);
    action('special-procedures', 'Start a special procedure (特别程序): the clock stops', startSpecialSchema, stepHolders, (s) => s.startSpecial);
    action('special-procedures/end', 'End the running special procedure', endSpecialSchema, stepHolders, (s) => s.endSpecial);
    action('extension', 'Ask for an extension (延长审批) in working days', requestExtensionSchema, stepHolders, (s) => s.requestExtension);
    action(
      'extension/decision',
      'Approve or refuse the pending extension (approver)',
      decideExtensionSchema,
      policies.roles('approver'),
      (s) => s.decideExtension,
    );
    action('decision', 'Decide (准予 / 不予 / 容缺通过)', decideCaseSchema, stepHolders, (s) => s.decide);
    action('delivery', 'Deliver the result (送达): window pickup, post or electronic', deliverCaseSchema, stepHolders, (s) => s.deliver);
    action(
      'green-channel',
      'Flag or unflag the green channel (绿色通道)',
      greenChannelSchema,
      policies.roles('window', 'centre_admin'),
      (s) => s.setGreenChannel,
    );
  };
}
