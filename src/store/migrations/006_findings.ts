/**
 * Financial findings: what the red-flag rules reported on a case (with the statement lines
 * that show it), each confirmed or dismissed by an analyst; the runs that made them, with the
 * data version they saw so a changed case can be rerun; and the proceeds model (the assumptions
 * an analyst entered, with their sources). All case-scoped like everything else.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('findings')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('score', dialect === 'postgres' ? 'double precision' : 'real', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('account_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('data_version', 'text', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('findings_pk', ['case_id', 'id'])
    .addForeignKeyConstraint('findings_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('findings_rule_idx').on('findings').columns(['case_id', 'rule', 'score']).execute();
  await db.schema.createIndex('findings_subject_idx').on('findings').columns(['case_id', 'subject_id']).execute();

  await db.schema
    .createTable('finding_runs')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('data_version', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('transactions', 'integer', (c) => c.notNull())
    .addColumn('accounts', 'integer', (c) => c.notNull())
    .addColumn('findings', 'integer', (c) => c.notNull())
    .addColumn('run_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('finding_runs_pk', ['case_id', 'id'])
    .addForeignKeyConstraint('finding_runs_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('proceeds_models')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('proceeds_models_pk', ['case_id', 'id'])
    .addForeignKeyConstraint('proceeds_models_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
}
