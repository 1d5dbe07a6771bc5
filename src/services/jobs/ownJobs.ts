/**
 * A user's own jobs of a case, of every kind, read from the `jobs` table (or from this process
 * while it runs one here): a job started through one server process is followed through another.
 * Another user's job does not exist for the caller.
 */
import type { JobOut } from '../../shared/contracts/jobs.ts';
import { errors } from '../../shared/errors.ts';
import { ownerJobs } from '../../store/repos/jobs/jobs.ts';
import type { JobRow } from '../../store/repos/jobs/jobs.ts';
import { caseUseCase } from '../useCase/index.ts';
import { jobRunner } from './runner.ts';

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
};

export const presentJob = (row: JobRow): JobOut => ({
  id: row.id,
  kind: row.kind,
  state: row.state as JobOut['state'],
  step: row.step,
  progress: parsed(row.progress),
  error: row.error,
  attempts: row.attempts,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
});

export const caseJob = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'job', targetOf: (i: { jobId: string }) => i.jobId },
  run: async ({ store, actor, caseId }, { jobId }: { jobId: string }): Promise<JobOut> => {
    const row = await jobRunner(store).state(caseId, jobId);
    // Jobs opened with a ticket (imports) are answered only with it, at their own route.
    if (!row || row.owner_id !== actor.id || row.ticket_hash !== null) throw errors.notFound('Job');
    return presentJob(row);
  },
});

export const caseJobs = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'jobs' },
  run: async ({ store, actor, caseId }): Promise<{ jobs: JobOut[] }> => {
    const rows = await ownerJobs(store.scope(caseId), actor.id, 50);
    return { jobs: rows.map(presentJob) };
  },
});
