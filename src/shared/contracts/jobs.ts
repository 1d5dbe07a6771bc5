/**
 * A job as its owner sees it, whatever its kind (a rules run, a hit/no-hit exchange, a report):
 * its state lives in the database, so any server process answers it the same.
 */
import { z } from 'zod';

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

export const JobOut = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  /** What the job is doing now ('reading statements', 'writing'), or how it ended. */
  step: z.string().nullable(),
  /** Kind-specific: a fraction, or counts read so far. */
  progress: z.unknown(),
  /** Why it failed (a restart interrupted it, the partner did not answer …). */
  error: z.string().nullable(),
  /** How many times a runner started it (more than one: resumed after a restart). */
  attempts: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobOut = z.infer<typeof JobOut>;

export const JobList = z.object({ jobs: z.array(JobOut) });
