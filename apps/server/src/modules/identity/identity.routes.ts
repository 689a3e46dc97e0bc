/** Transport only: contract in, policy, one service call, presenter out. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordSchema,
  createStaffSchema,
  errorBodySchema,
  loginRequestSchema,
  okSchema,
  pageOf,
  passwordSchema,
  registerRequestSchema,
  sessionUserSchema,
  staffQuerySchema,
  staffSchema,
  updateStaffSchema,
} from '@tongban/contracts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import type { IdentityService, RequestMeta } from './identity.service.ts';

const idParams = z.object({ id: z.uuid() });
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

export const metaOf = (req: FastifyRequest): RequestMeta => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? '', requestId: req.id });

export function identityRoutes(service: IdentityService, cookie: { secure: boolean }): FastifyPluginAsyncZod<{ loginRateLimitPerMinute: number }> {
  const setSessionCookies = (reply: FastifyReply, s: { token: string; expiresAt: Date; user: { csrfToken: string } }) => {
    void reply.setCookie('tb_session', s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookie.secure, expires: s.expiresAt });
  };

  return async (app, opts) => {
    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['identity'],
          summary: 'Log in with username, mobile number or resident ID number (登录)',
          body: loginRequestSchema,
          response: { 200: sessionUserSchema, 401: errorBodySchema, 403: errorBodySchema, 423: errorBodySchema, 429: errorBodySchema },
        },
        config: { policy: policies.public, rateLimit: { max: opts.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const session = await service.login(req.body, metaOf(req));
        setSessionCookies(reply, session);
        return session.user;
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['identity'], summary: 'Log out (退出登录)', response: { 200: okSchema } }, config: { policy: policies.public } },
      async (req, reply) => {
        await service.logout(req.cookies.tb_session);
        void reply.clearCookie('tb_session', { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/me',
      {
        schema: {
          tags: ['identity'],
          summary: 'The logged-in user, with masked identifiers and the CSRF token',
          response: { 200: sessionUserSchema, 401: errorBodySchema },
        },
        config: { policy: policies.authenticated },
      },
      async (req) => service.me(actorOf(req), req.cookies.tb_session),
    );

    app.post(
      '/auth/register',
      {
        schema: {
          tags: ['identity'],
          summary: 'Register a citizen (自然人) or enterprise (法人) account',
          body: registerRequestSchema,
          response: { 201: sessionUserSchema, ...errors },
        },
        config: { policy: policies.public, rateLimit: { max: opts.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const session = await service.register(req.body, metaOf(req));
        setSessionCookies(reply, session);
        return reply.status(201).send(session.user);
      },
    );

    app.post(
      '/auth/password',
      {
        schema: { tags: ['identity'], summary: 'Change my password', body: changePasswordSchema, response: { 200: okSchema, ...errors } },
        config: { policy: policies.authenticated },
      },
      async (req) => {
        await service.changePassword(actorOf(req), req.body.currentPassword, req.body.newPassword, metaOf(req));
        return { ok: true as const };
      },
    );

    const staffAdmins = policies.roles('centre_admin', 'dept_admin');

    app.get(
      '/staff',
      {
        schema: {
          tags: ['staff'],
          summary: 'Staff within my scope (工作人员)',
          querystring: staffQuerySchema,
          response: { 200: pageOf(staffSchema), ...errors },
        },
        config: { policy: staffAdmins },
      },
      async (req) => service.listStaff(actorOf(req), req.query),
    );
    app.get(
      '/staff/:id',
      {
        schema: { tags: ['staff'], summary: 'One staff member', params: idParams, response: { 200: staffSchema, ...errors } },
        config: { policy: staffAdmins },
      },
      async (req) => service.getStaff(actorOf(req), req.params.id),
    );
    app.post(
      '/staff',
      {
        schema: { tags: ['staff'], summary: 'Create a staff account', body: createStaffSchema, response: { 201: staffSchema, ...errors } },
        config: { policy: staffAdmins },
      },
      async (req, reply) => reply.status(201).send(await service.createStaff(actorOf(req), req.body, metaOf(req))),
    );
    app.put(
      '/staff/:id',
      {
        schema: {
          tags: ['staff'],
          summary: 'Update a staff account (optimistic: send the version you read)',
          params: idParams,
          body: updateStaffSchema,
          response: { 200: staffSchema, ...errors },
        },
        config: { policy: staffAdmins },
      },
      async (req) => service.updateStaff(actorOf(req), req.params.id, req.body, metaOf(req)),
    );
    app.post(
      '/staff/:id/unlock',
      {
        schema: { tags: ['staff'], summary: 'Unlock an account locked by failed logins', params: idParams, response: { 200: staffSchema, ...errors } },
        config: { policy: staffAdmins },
      },
      async (req) => service.unlockStaff(actorOf(req), req.params.id, metaOf(req)),
    );
    app.post(
      '/staff/:id/password',
      {
        schema: {
          tags: ['staff'],
          summary: 'Set a new password for a staff member',
          params: idParams,
          body: z.object({ password: passwordSchema }),
          response: { 200: okSchema, ...errors },
        },
        config: { policy: staffAdmins },
      },
      async (req) => {
        await service.resetStaffPassword(actorOf(req), req.params.id, req.body.password, metaOf(req));
        return { ok: true as const };
      },
    );
  };
}
