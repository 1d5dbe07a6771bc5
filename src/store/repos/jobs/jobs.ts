/**
 * Job state and staged uploads (migration 020). A job's row is its user-visible state; the
 * runner that claimed it (`claimed_by`) is the only writer while it runs, and says it is alive
 * through `heartbeat_at`, so another process can tell a job whose runner died from a slow one.
 *
 * Claiming is per row and routed by case (one shard on Citus): PostgreSQL locks the queued row
 * with `FOR UPDATE SKIP LOCKED`, so two runners never take one job and neither waits for the
 * other; SQLite has one writer, so a conditional update is the claim.
 */
import { sql } from 'kysely';
import type { Kysely, Updateable } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';
import type { Database, JobsTable, JobUploadsTable } from '../../schema/index.ts';
import type { Store } from '../../store.ts';

export type JobRow = JobsTable;
export type JobUploadRow = JobUploadsTable;
export type JobPatch = Omit<Updateable<JobsTable>, 'case_id' | 'id' | 'kind' | 'owner_id' | 'created_at'>;
export interface JobKey {
  case_id: string;
  id: string;
}

export const FINISHED_STATES = ['succeeded', 'failed', 'cancelled'] as const;

export async function insertJob(scope: CaseScope, row: Omit<JobRow, 'case_id'>): Promise<void> {
  await scope.insertInto('jobs', row).execute();
}

export const getJob = (scope: CaseScope, id: string): Promise<JobRow | undefined> =>
  scope.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

/** A user's jobs in a case, newest first (jobs with a ticket are answered only with their ticket). */
export const ownerJobs = (scope: CaseScope, ownerId: string, limit: number): Promise<JobRow[]> =>
  scope
    .selectFrom('jobs')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('ticket_hash', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/** A job by its id alone (an import's status is opened by id and ticket, without the case). */
export const findJob = (db: Kysely<Database>, id: string): Promise<JobRow | undefined> =>
  db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Writes a running job's state, only while `runner` still holds it (a job handed to another
 * runner, or cancelled as stale, is not overwritten); false when it no longer does.
 */
export async function updateClaimedJob(
  scope: CaseScope,
  id: string,
  runner: string,
  patch: JobPatch,
): Promise<boolean> {
  const r = await scope
    .updateTable('jobs')
    .set(patch)
    .where('id', '=', id)
    .where('claimed_by', '=', runner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Writes a job's state whoever holds it (a cancel request, a stale job marked failed). */
export async function updateJob(scope: CaseScope, id: string, patch: JobPatch, onlyInState?: string): Promise<boolean> {
  let q = scope.updateTable('jobs').set(patch).where('id', '=', id);
  if (onlyInState) q = q.where('state', '=', onlyInState);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Takes a queued job for `runner`; false when another runner has it (or it is no longer queued). */
export async function claimJob(store: Store, key: JobKey, runner: string, now: string): Promise<boolean> {
  return store.transaction(async (trx) => {
    if (store.dialect === 'postgres') {
      const locked = await sql<{ id: string }>`
        SELECT id FROM jobs WHERE case_id = ${key.case_id} AND id = ${key.id} AND state = 'queued'
        FOR UPDATE SKIP LOCKED`.execute(trx);
      if (locked.rows.length === 0) return false;
    }
    const r = await trx
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        claimed_by: runner,
        heartbeat_at: now,
        updated_at: now,
        attempts: eb('attempts', '+', 1),
      }))
      .where('case_id', '=', key.case_id)
      .where('id', '=', key.id)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  });
}

/** Queued jobs of the given kinds, oldest first (candidates to claim; the claim decides). */
export const queuedJobs = (db: Kysely<Database>, kinds: readonly string[], limit: number): Promise<JobKey[]> =>
  kinds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('jobs')
        .select(['case_id', 'id'])
        .where('state', '=', 'queued')
        .where('kind', 'in', kinds)
        .orderBy('created_at')
        .limit(limit)
        .execute();

/**
 * Running jobs whose runner is gone: not `runner` itself and silent since `before` (every
 * running job not this runner's when `before` is null — one process on SQLite, so a job
 * another runner held was interrupted by a restart).
 */
export function orphanedJobs(db: Kysely<Database>, runner: string, before: string | null): Promise<JobRow[]> {
  let q = db
    .selectFrom('jobs')
    .selectAll()
    .where('state', '=', 'running')
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '!=', runner)]));
  if (before !== null) q = q.where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', before)]));
  return q.execute();
}

/** Says `runner` is alive for every job it holds; the ids of those with a cancel request. */
export async function heartbeat(db: Kysely<Database>, runner: string, now: string): Promise<JobKey[]> {
  await db
    .updateTable('jobs')
    .set({ heartbeat_at: now })
    .where('claimed_by', '=', runner)
    .where('state', '=', 'running')
    .execute();
  return db
    .selectFrom('jobs')
    .select(['case_id', 'id'])
    .where('claimed_by', '=', runner)
    .where('state', '=', 'running')
    .where('cancel_requested', '=', 1)
    .execute();
}

/** Finished jobs past their expiry, with their files. */
export const expiredJobs = (
  db: Kysely<Database>,
  now: string,
): Promise<Pick<JobRow, 'case_id' | 'id' | 'result_file'>[]> =>
  db
    .selectFrom('jobs')
    .select(['case_id', 'id', 'result_file'])
    .where('expires_at', '<', now)
    .where('state', 'in', FINISHED_STATES)
    .execute();

export async function deleteJob(scope: CaseScope, id: string): Promise<void> {
  await scope.deleteFrom('jobs').where('id', '=', id).execute();
}

export async function insertUpload(scope: CaseScope, row: Omit<JobUploadRow, 'case_id'>): Promise<void> {
  await scope.insertInto('job_uploads', row).execute();
}

export const getUpload = (scope: CaseScope, id: string): Promise<JobUploadRow | undefined> =>
  scope.selectFrom('job_uploads').selectAll().where('id', '=', id).executeTakeFirst();

export const expiredUploads = (db: Kysely<Database>, now: string): Promise<JobUploadRow[]> =>
  db.selectFrom('job_uploads').selectAll().where('expires_at', '<', now).execute();

export async function deleteUpload(scope: CaseScope, id: string): Promise<void> {
  await scope.deleteFrom('job_uploads').where('id', '=', id).execute();
}
