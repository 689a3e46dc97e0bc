/**
 * Import jobs, kept in this process's memory: enough for progress polling and the error report.
 * A restart forgets them; an import interrupted by it imports nothing, because everything is
 * written in one transaction. Finished jobs are dropped after an hour, and only the newest few
 * are kept.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorCode, FieldIssue, ImportJob, ImportJobStatus } from '@tongban/contracts';
import type { Problem } from './problems.ts';

export interface Job {
  id: string;
  actorId: string;
  publish: boolean;
  status: ImportJobStatus;
  processedRows: number;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: Problem[];
  /** Why the import failed when no row is to blame. */
  failure: ErrorCode | null;
  /** What exactly was wrong with a file refused after the upload request had returned (a very large one). */
  failureIssues: FieldIssue[];
  startedAt: Date;
  finishedAt: Date | null;
  /** The upload, kept while it may still be needed for the error report. */
  upload: Buffer | null;
  /** Error reports already rendered, per language. */
  reports: Map<string, Buffer>;
}

export interface JobRegistryOptions {
  ttlMs?: number;
  maxFinished?: number;
  now?: () => Date;
}

export function createJobRegistry({ ttlMs = 60 * 60 * 1000, maxFinished = 20, now = () => new Date() }: JobRegistryOptions = {}) {
  const jobs = new Map<string, Job>();

  function prune() {
    const finished = [...jobs.values()].filter((j) => j.finishedAt !== null).sort((a, b) => b.finishedAt!.getTime() - a.finishedAt!.getTime());
    finished.forEach((j, i) => {
      if (i >= maxFinished || now().getTime() - j.finishedAt!.getTime() > ttlMs) jobs.delete(j.id);
    });
  }

  return {
    start(actorId: string, publish: boolean, upload: Buffer): Job {
      prune();
      const job: Job = {
        id: randomUUID(),
        actorId,
        publish,
        status: 'validating',
        processedRows: 0,
        totalRows: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        problems: [],
        failure: null,
        failureIssues: [],
        startedAt: now(),
        finishedAt: null,
        upload,
        reports: new Map(),
      };
      jobs.set(job.id, job);
      return job;
    },

    finish(job: Job, status: 'succeeded' | 'failed', failure: ErrorCode | null = null, failureIssues: FieldIssue[] = []) {
      job.status = status;
      job.failure = failure;
      job.failureIssues = failureIssues;
      job.finishedAt = now();
      // Only a failed validation needs the upload again (to mark the bad cells).
      if (status === 'succeeded' || job.problems.length === 0) job.upload = null;
    },

    /** Forgets a job that never really started (its upload was refused). */
    discard(id: string) {
      jobs.delete(id);
    },

    /** The job, for the actor who started it only. */
    get(id: string, actorId: string): Job | undefined {
      prune();
      const job = jobs.get(id);
      return job && job.actorId === actorId ? job : undefined;
    },
  };
}

export type JobRegistry = ReturnType<typeof createJobRegistry>;

export function presentJob(job: Job, message: string | null): ImportJob {
  return {
    id: job.id,
    status: job.status,
    publish: job.publish,
    processedRows: job.processedRows,
    totalRows: job.totalRows,
    errorCount: job.problems.length,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    message,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
