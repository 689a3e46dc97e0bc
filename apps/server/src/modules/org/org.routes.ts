/** Transport only: contract in, policy, one service call, presenter out. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createDepartmentSchema,
  createHallSchema,
  createHallWindowSchema,
  createRegionSchema,
  departmentQuerySchema,
  departmentSchema,
  errorBodySchema,
  hallQuerySchema,
  hallSchema,
  hallWindowSchema,
  okSchema,
  pageOf,
  regionCodeSchema,
  regionQuerySchema,
  regionSchema,
  updateDepartmentSchema,
  updateHallSchema,
  updateHallWindowSchema,
  updateRegionSchema,
} from '@tongban/contracts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import type { OrgService } from './org.service.ts';

const idParams = z.object({ id: z.uuid() });
const codeParams = z.object({ code: regionCodeSchema });
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const meta = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
const centreAdmin = policies.roles('centre_admin');

export function orgRoutes(service: OrgService): FastifyPluginAsyncZod {
  return async (app) => {
    // ---- Regions (行政区划)
    app.get(
      '/org/regions',
      {
        schema: {
          tags: ['org'],
          summary: 'Child regions of a region, or the top level (行政区划)',
          querystring: regionQuerySchema,
          response: { 200: z.array(regionSchema), 400: errorBodySchema },
        },
        config: { policy: policies.public },
      },
      async (req) => service.listRegions(req.query.parentCode, req.query.q),
    );
    app.get(
      '/org/regions/:code',
      { schema: { tags: ['org'], summary: 'One region', params: codeParams, response: { 200: regionSchema, ...errors } }, config: { policy: policies.public } },
      async (req) => service.getRegion(req.params.code),
    );
    app.post(
      '/org/regions',
      {
        schema: { tags: ['org'], summary: 'Add a region under a parent', body: createRegionSchema, response: { 201: regionSchema, ...errors } },
        config: { policy: centreAdmin },
      },
      async (req, reply) => reply.status(201).send(await service.createRegion(actorOf(req), req.body, meta(req))),
    );
    app.patch(
      '/org/regions/:code',
      {
        schema: { tags: ['org'], summary: 'Rename a region', params: codeParams, body: updateRegionSchema, response: { 200: regionSchema, ...errors } },
        config: { policy: centreAdmin },
      },
      async (req) => service.renameRegion(actorOf(req), req.params.code, req.body.name, meta(req)),
    );
    app.delete(
      '/org/regions/:code',
      {
        schema: { tags: ['org'], summary: 'Delete a region without children or references', params: codeParams, response: { 200: okSchema, ...errors } },
        config: { policy: centreAdmin },
      },
      async (req) => {
        await service.deleteRegion(actorOf(req), req.params.code, meta(req));
        return { ok: true as const };
      },
    );

    // ---- Departments (部门)
    app.get(
      '/org/departments',
      {
        schema: {
          tags: ['org'],
          summary: 'Departments, paginated and filtered',
          querystring: departmentQuerySchema,
          response: { 200: pageOf(departmentSchema), 400: errorBodySchema },
        },
        config: { policy: policies.public },
      },
      async (req) => service.listDepartments(req.query),
    );
    app.get(
      '/org/departments/:id',
      {
        schema: { tags: ['org'], summary: 'One department', params: idParams, response: { 200: departmentSchema, ...errors } },
        config: { policy: policies.public },
      },
      async (req) => service.getDepartment(req.params.id),
    );
    app.post(
      '/org/departments',
      {
        schema: { tags: ['org'], summary: 'Create a department', body: createDepartmentSchema, response: { 201: departmentSchema, ...errors } },
        config: { policy: centreAdmin },
      },
      async (req, reply) => reply.status(201).send(await service.createDepartment(actorOf(req), req.body, meta(req))),
    );
    app.put(
      '/org/departments/:id',
      {
        schema: {
          tags: ['org'],
          summary: 'Update a department (send the version you read)',
          params: idParams,
          body: updateDepartmentSchema,
          response: { 200: departmentSchema, ...errors },
        },
        config: { policy: policies.roles('centre_admin', 'dept_admin') },
      },
      async (req) => service.updateDepartment(actorOf(req), req.params.id, req.body, meta(req)),
    );
    app.delete(
      '/org/departments/:id',
      {
        schema: { tags: ['org'], summary: 'Delete a department with no staff or windows', params: idParams, response: { 200: okSchema, ...errors } },
        config: { policy: centreAdmin },
      },
      async (req) => {
        await service.deleteDepartment(actorOf(req), req.params.id, meta(req));
        return { ok: true as const };
      },
    );

    // ---- Halls (大厅) and windows (窗口)
    app.get(
      '/org/halls',
      {
        schema: {
          tags: ['org'],
          summary: 'Service halls, paginated and filtered',
          querystring: hallQuerySchema,
          response: { 200: pageOf(hallSchema), 400: errorBodySchema },
        },
        config: { policy: policies.public },
      },
      async (req) => service.listHalls(req.query),
    );
    app.get(
      '/org/halls/:id',
      { schema: { tags: ['org'], summary: 'One hall', params: idParams, response: { 200: hallSchema, ...errors } }, config: { policy: policies.public } },
      async (req) => service.getHall(req.params.id),
    );
    app.post(
      '/org/halls',
      {
        schema: { tags: ['org'], summary: 'Create a hall', body: createHallSchema, response: { 201: hallSchema, ...errors } },
        config: { policy: centreAdmin },
      },
      async (req, reply) => reply.status(201).send(await service.createHall(actorOf(req), req.body, meta(req))),
    );
    app.put(
      '/org/halls/:id',
      {
        schema: {
          tags: ['org'],
          summary: 'Update a hall (send the version you read)',
          params: idParams,
          body: updateHallSchema,
          response: { 200: hallSchema, ...errors },
        },
        config: { policy: centreAdmin },
      },
      async (req) => service.updateHall(actorOf(req), req.params.id, req.body, meta(req)),
    );
    app.delete(
      '/org/halls/:id',
      {
        schema: { tags: ['org'], summary: 'Delete a hall and its windows', params: idParams, response: { 200: okSchema, ...errors } },
        config: { policy: centreAdmin },
      },
      async (req) => {
        await service.deleteHall(actorOf(req), req.params.id, meta(req));
        return { ok: true as const };
      },
    );
    app.get(
      '/org/halls/:id/windows',
      {
        schema: { tags: ['org'], summary: 'Windows of a hall', params: idParams, response: { 200: z.array(hallWindowSchema), ...errors } },
        config: { policy: policies.public },
      },
      async (req) => service.listWindows(req.params.id),
    );
    app.post(
      '/org/halls/:id/windows',
      {
        schema: {
          tags: ['org'],
          summary: 'Add a window to a hall',
          params: idParams,
          body: createHallWindowSchema,
          response: { 201: hallWindowSchema, ...errors },
        },
        config: { policy: centreAdmin },
      },
      async (req, reply) => reply.status(201).send(await service.createWindow(actorOf(req), req.params.id, req.body, meta(req))),
    );
    app.put(
      '/org/windows/:id',
      {
        schema: {
          tags: ['org'],
          summary: 'Update a window (send the version you read)',
          params: idParams,
          body: updateHallWindowSchema,
          response: { 200: hallWindowSchema, ...errors },
        },
        config: { policy: centreAdmin },
      },
      async (req) => service.updateWindow(actorOf(req), req.params.id, req.body, meta(req)),
    );
    app.delete(
      '/org/windows/:id',
      { schema: { tags: ['org'], summary: 'Delete a window', params: idParams, response: { 200: okSchema, ...errors } }, config: { policy: centreAdmin } },
      async (req) => {
        await service.deleteWindow(actorOf(req), req.params.id, meta(req));
        return { ok: true as const };
      },
    );
  };
}
