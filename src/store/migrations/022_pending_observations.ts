/**
 * `pending_observations`: interview and inspection rows whose identifiers named no person of the
 * case when their file was imported. Files arrive in any order: a later import may bring the
 * person, and filling then attaches the row to them (it leaves this table for
 * `indicator_observations`) instead of losing what the officer wrote down.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pending_observations')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('passport', 'text', (c) => c.notNull())
    .addColumn('personal_code', 'text', (c) => c.notNull())
    .addColumn('catalogue', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('strength', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pending_observations_pk', ['case_id', 'id'])
    .addForeignKeyConstraint('pending_observations_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
}
