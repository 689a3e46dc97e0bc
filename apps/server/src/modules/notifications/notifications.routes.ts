/** Transport only: contract in, policy, one service call, presenter out. Everyone reads only their own messages. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  errorBodySchema,
  messageIdParamsSchema,
  messageListQuerySchema,
  messageSchema,
  pageOf,
  readAllResultSchema,
  unreadCountSchema,
} from '@tongban/contracts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import type { NotificationsService } from './notifications.service.ts';

const tags = ['messages'];
const mine = { policy: policies.authenticated };

export function notificationsRoutes(service: NotificationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/messages',
      {
        schema: {
          tags,
          summary: 'My messages (消息中心), newest first; unread=true for the unread ones only',
          querystring: messageListQuerySchema,
          response: { 200: pageOf(messageSchema), 400: errorBodySchema, 401: errorBodySchema },
        },
        config: mine,
      },
      async (req) => service.list(actorOf(req), req.query),
    );
    app.get(
      '/messages/unread-count',
      {
        schema: { tags, summary: 'How many of my messages are unread (the bell)', response: { 200: unreadCountSchema, 401: errorBodySchema } },
        config: mine,
      },
      async (req) => service.unreadCount(actorOf(req)),
    );
    app.post(
      '/messages/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark one of my messages read (another account’s message is 404)',
          params: messageIdParamsSchema,
          response: { 200: messageSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema },
        },
        config: mine,
      },
      async (req) => service.markRead(actorOf(req), req.params.id),
    );
    app.post(
      '/messages/read-all',
      {
        schema: { tags, summary: 'Mark all my messages read', response: { 200: readAllResultSchema, 401: errorBodySchema, 403: errorBodySchema } },
        config: mine,
      },
      async (req) => service.markAllRead(actorOf(req)),
    );
  };
}
