/** Transport only: contract in, policy, one service call, presenter out. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarAdjustmentSchema,
  calendarRegionQuerySchema,
  calendarYearParamsSchema,
  calendarYearSchema,
  calendarYearSummarySchema,
  createCalendarAdjustmentSchema,
  createCalendarYearSchema,
  deadlineQuerySchema,
  deadlineSchema,
  errorBodySchema,
  okSchema,
  publishCalendarYearSchema,
  updateCalendarYearSchema,
} from '@tongban/contracts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import type { CalendarService } from './calendar.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const meta = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
const centreAdmin = policies.roles('centre_admin');
const tags = ['calendar'];

export function calendarRoutes(service: CalendarService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendar/deadline',
      {
        schema: {
          tags,
          summary: 'Due date of N working days from acceptance (day 1 = the first working day after `from`), flagged provisional across unpublished years',
          querystring: deadlineQuerySchema,
          response: { 200: deadlineSchema, 400: errorBodySchema },
        },
        config: { policy: policies.public },
      },
      async (req) => service.deadline(req.query),
    );
    app.get(
      '/calendar/years',
      {
        schema: { tags, summary: 'National schedules (放假安排) by year, drafts included', response: { 200: z.array(calendarYearSummarySchema) } },
        config: { policy: policies.public },
      },
      async () => service.listYears(),
    );
    app.get(
      '/calendar/years/:year',
      {
        schema: {
          tags,
          summary: 'A year’s special days: its national schedule and the adjustments of the region and the regions above it',
          params: calendarYearParamsSchema,
          querystring: calendarRegionQuerySchema,
          response: { 200: calendarYearSchema, 400: errorBodySchema },
        },
        config: { policy: policies.public },
      },
      async (req) => service.getYear(req.params.year, req.query.region),
    );
    app.post(
      '/calendar/years',
      {
        schema: {
          tags,
          summary: 'Add a year’s national schedule as a draft',
          body: createCalendarYearSchema,
          response: { 201: calendarYearSchema, ...errors },
        },
        config: { policy: centreAdmin },
      },
      async (req, reply) => reply.status(201).send(await service.createYear(actorOf(req), req.body, meta(req))),
    );
    app.put(
      '/calendar/years/:year',
      {
        schema: {
          tags,
          summary: 'Replace a draft schedule (send the version you read)',
          params: calendarYearParamsSchema,
          body: updateCalendarYearSchema,
          response: { 200: calendarYearSchema, ...errors },
        },
        config: { policy: centreAdmin },
      },
      async (req) => service.updateYear(actorOf(req), req.params.year, req.body, meta(req)),
    );
    app.post(
      '/calendar/years/:year/publish',
      {
        schema: {
          tags,
          summary: 'Publish a draft schedule: its days count from now on (send the version you read)',
          params: calendarYearParamsSchema,
          body: publishCalendarYearSchema,
          response: { 200: calendarYearSchema, ...errors },
        },
        config: { policy: centreAdmin },
      },
      async (req) => service.publishYear(actorOf(req), req.params.year, req.body.version, meta(req)),
    );
    app.post(
      '/calendar/adjustments',
      {
        schema: {
          tags,
          summary: 'Add a regional day off or working day (valid in the region and below it)',
          body: createCalendarAdjustmentSchema,
          response: { 201: calendarAdjustmentSchema, ...errors },
        },
        config: { policy: centreAdmin },
      },
      async (req, reply) => reply.status(201).send(await service.addAdjustment(actorOf(req), req.body, meta(req))),
    );
    app.delete(
      '/calendar/adjustments/:id',
      {
        schema: { tags, summary: 'Remove a regional adjustment', params: z.object({ id: z.uuid() }), response: { 200: okSchema, ...errors } },
        config: { policy: centreAdmin },
      },
      async (req) => {
        await service.removeAdjustment(actorOf(req), req.params.id, meta(req));
        return { ok: true as const };
      },
    );
  };
}
