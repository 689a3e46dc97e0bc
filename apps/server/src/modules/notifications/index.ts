/**
 * The notifications module's public surface (消息): the message centre API, the listener the
 * cases module tells of every event, and the jobs that write, send and remind.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { createNotificationsService, NOTIFY_JOBS, type NotificationsDeps } from './notifications.service.ts';

export type { NotificationsService, NotificationsDeps } from './notifications.service.ts';
export { NOTIFY_JOBS, REMIND_WITHIN_WORKING_DAYS } from './notifications.service.ts';
export { CHANNEL_ADAPTERS, channelsFor, logChannels, maskAddress, type ChannelAdapter, type ChannelName, type MessageChannel } from './channels.ts';

const HOUR = 3_600_000;

/** Registers the module's job handlers on the queue (the deadline reminder runs hourly, through the queue itself). */
function registerJobs(jobs: JobQueue, service: ReturnType<typeof createNotificationsService>) {
  jobs.register(NOTIFY_JOBS.message, async ({ job }) => service.writeMessage(job.id, job.payload));
  jobs.register(NOTIFY_JOBS.deliver, async ({ job, lastAttempt }) => service.deliver(job.payload, lastAttempt));
  jobs.register(NOTIFY_JOBS.deadlines, async () => void (await service.remindDeadlines()), { every: HOUR });
}

export function createNotificationsModule(deps: Omit<NotificationsDeps, 'now'> & { now?: () => Date }) {
  const service = createNotificationsService({ ...deps, now: deps.now ?? (() => new Date()) });
  registerJobs(deps.jobs, service);
  const routes: FastifyPluginAsyncZod = notificationsRoutes(service);
  return { service, caseListener: service.caseListener, routes };
}
