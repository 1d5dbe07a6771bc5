/**
 * Work that outlives a request — case reports, imports — and files staged for an import, kept in
 * the database instead of one process's memory, so any server process can report on any job and
 * a restart finds what was in flight (to resume it or mark it failed with its reason).
 * Case-scoped: both tables lead their key with `case_id` and go with their case.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('step', 'text')
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('result_file', 'text')
    .addColumn('ticket_hash', 'text')
    .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('jobs_pk', ['case_id', 'id'])
    .addForeignKeyConstraint('jobs_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();
  // Runners look for queued, stale or expired jobs in every case (a per-shard index on Citus).
  await db.schema.createIndex('jobs_state_idx').on('jobs').columns(['state', 'updated_at']).execute();
  await db.schema.createIndex('jobs_expiry_idx').on('jobs').columns(['expires_at']).execute();

  await db.schema
    .createTable('job_uploads')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('stored_as', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_uploads_pk', ['case_id', 'id'])
    .addForeignKeyConstraint('job_uploads_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('job_uploads_expiry_idx').on('job_uploads').columns(['expires_at']).execute();
}
