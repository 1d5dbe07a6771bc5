/**
 * The virtual training programme: cohorts a trainer runs, who is enrolled in them, which
 * courses they are assigned, quiz and exercise attempts, lessons read, and the trainees'
 * exercise sandboxes. Course content is not here: it is files in the repository
 * (training/courses), edited by pull request.
 *
 * Cohorts, enrolments, assignments, attempts and progress are small global tables (like
 * users): they describe people's learning, not case data. A sandbox is a case of purpose
 * `training`; `training_sandboxes` is case-scoped and tells the policy layer whose it is.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('training_cohorts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('seed', bigint, (c) => c.notNull())
    .addColumn('agency_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('training_enrolments')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('training_cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sandbox_case_id', 'text')
    .addColumn('enrolled_by', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_enrolments_pk', ['cohort_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('training_enrolments_user_idx')
    .on('training_enrolments')
    .columns(['user_id', 'cohort_id'])
    .execute();

  await db.schema
    .createTable('training_assignments')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('training_cohorts.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_assignments_pk', ['cohort_id', 'course_id'])
    .execute();

  await db.schema
    .createTable('training_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('cohort_id', 'text')
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('sandbox_case_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_attempts_user_idx')
    .on('training_attempts')
    .columns(['user_id', 'course_id', 'module_id', 'kind'])
    .execute();

  await db.schema
    .createTable('training_progress')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_progress_pk', ['user_id', 'course_id', 'module_id', 'lesson_id'])
    .execute();

  await db.schema
    .createTable('training_sandboxes')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('cohort_id', 'text', (c) => c.notNull())
    .addColumn('seed', bigint, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_sandboxes_pk', ['case_id'])
    .addForeignKeyConstraint('training_sandboxes_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
}
