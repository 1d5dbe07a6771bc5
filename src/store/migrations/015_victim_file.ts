/**
 * The victim's proceedings file: what the victim's contact person tracks so that a victim stays
 * supported through criminal proceedings (Directive 2011/36/EU art. 11–17; Directive 2012/29/EU;
 * CETS 197 art. 12–13, 26). One row per victim (a Person of the case): referral to assistance,
 * the recovery and reflection period with the reminders already acknowledged, residence-permit
 * status, interpreter and legal counsel, protective measures asked and granted, the
 * non-punishment flag, and the compensation claim as last computed from the proceeds estimate.
 * Case-scoped, keyed by case first; read and written only with the victim-contact permission.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('victim_files')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('referral_org', 'text')
    .addColumn('referral_date', 'text')
    .addColumn('referral_outcome', 'text')
    .addColumn('reflection_start', 'text')
    .addColumn('reflection_end', 'text')
    .addColumn('reminders_ack', 'text', (c) => c.notNull())
    .addColumn('residence_permit', 'text')
    .addColumn('residence_permit_until', 'text')
    .addColumn('interpreter_language', 'text')
    .addColumn('legal_counsel', 'text')
    .addColumn('protective_measures', 'text', (c) => c.notNull())
    .addColumn('non_punishment', 'integer', (c) => c.notNull())
    .addColumn('non_punishment_note', 'text')
    .addColumn('compensation', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('victim_files_pk', ['case_id', 'person_id'])
    .addForeignKeyConstraint('victim_files_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('victim_files_reflection_idx')
    .on('victim_files')
    .columns(['case_id', 'reflection_end'])
    .execute();
}
