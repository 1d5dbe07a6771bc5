/**
 * Victim identification: indicator catalogues imported by an agency (a small global table, like
 * saved mappings — the built-in catalogues live in code), observations recorded about a person
 * and the indicator assessments made from them. Assessments are never updated: each save is a
 * new row naming the one it supersedes, so the history of a decision is kept.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('indicator_catalogues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_catalogues_key_version_uq', ['key', 'version'])
    .execute();

  await db.schema
    .createTable('indicator_observations')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('catalogue', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('strength', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text')
    .addColumn('entity_ids', 'text', (c) => c.notNull())
    .addColumn('transaction_refs', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_observations_pk', ['case_id', 'id'])
    .addForeignKeyConstraint('indicator_observations_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('indicator_observations_person_idx')
    .on('indicator_observations')
    .columns(['case_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('catalogue_key', 'text', (c) => c.notNull())
    .addColumn('catalogue_version', 'integer', (c) => c.notNull())
    .addColumn('list_id', 'text', (c) => c.notNull())
    .addColumn('population', 'text', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('acts', 'text', (c) => c.notNull())
    .addColumn('screening', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('supersedes', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessments_pk', ['case_id', 'id'])
    .addForeignKeyConstraint('assessments_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('assessments_person_idx')
    .on('assessments')
    .columns(['case_id', 'person_id', 'created_at'])
    .execute();
}
