/** Background jobs on PostgreSQL (the outbox): see job-queue.ts and docs/adr/0011-postgres-job-queue.md. */
import type { FastifyInstance } from 'fastify';
import type { JobQueue } from './job-queue.ts';

export { createJobQueue, retryDelay, slotStart } from './job-queue.ts';
export type { JobContext, JobHandler, JobLog, JobQueue, JobQueueOptions, JobRow, JobSpec } from './job-queue.ts';
export { jobsRepository } from './jobs.repository.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The application's job queue: the server starts its poller; tests call `drainJobs`. */
    jobs: JobQueue;
  }
}

/** Runs every due job of an application now, without the poller (deterministic, for tests). */
export function drainJobs(app: FastifyInstance) {
  return app.jobs.drain();
}
