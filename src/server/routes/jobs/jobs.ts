/**
 * A user's own jobs of a case, of every kind: rules runs, hit/no-hit exchanges, reports. Their
 * state is in the database, so the process that answers need not be the one that runs them.
 */
import { z } from 'zod';
import { JobList, JobOut } from '../../../shared/contracts/jobs.ts';
import { caseJob, caseJobs } from '../../../services/jobs/index.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const JobParams = CaseParams.extend({ jobId: z.string().min(1).max(100) });

export function jobRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/jobs',
    tag: 'jobs',
    summary: "The caller's jobs in the case, newest first: kind, state, progress and why one failed",
    params: CaseParams,
    response: JobList,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId }) => caseJobs(store, caller, caseId),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/jobs/:jobId',
    tag: 'jobs',
    summary: "One of the caller's jobs: state, step, progress, attempts and error",
    params: JobParams,
    response: JobOut,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, params }) => caseJob(store, caller, caseId, { jobId: params.jobId }),
  });
}
