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

export interface TrainingCohortsTable {
  id: string;
  name: string;
  /** Seeds the scenario generator for every sandbox of the cohort (0 … 2³²−1). */
  seed: number;
  agency_id: string | null;
  created_by: string;
  created_at: string;
}

export interface TrainingEnrolmentsTable {
  cohort_id: string;
  user_id: string;
  /** The trainee's personal sandbox case for this cohort, once opened. */
  sandbox_case_id: string | null;
  enrolled_by: string;
  enrolled_at: string;
}

export interface TrainingAssignmentsTable {
  cohort_id: string;
  course_id: string;
  /** YYYY-MM-DD or null. */
  due_date: string | null;
  assigned_by: string;
  assigned_at: string;
}

export interface TrainingAttemptsTable {
  id: string;
  user_id: string;
  /** Set for exercises (their case comes from the cohort's seed); null for quizzes. */
  cohort_id: string | null;
  course_id: string;
  module_id: string;
  /** quiz or exercise */
  kind: string;
  /** 0–100 */
  score: number;
  passed: number;
  /** The answers and per-answer feedback, as JSON text. */
  detail: string;
  sandbox_case_id: string | null;
  created_at: string;
}

export interface TrainingProgressTable {
  user_id: string;
  course_id: string;
  module_id: string;
  lesson_id: string;
  completed_at: string;
}

/** Case-scoped: marks a training case as one trainee's sandbox. */
export interface TrainingSandboxesTable {
  case_id: string;
  owner_id: string;
  cohort_id: string;
  seed: number;
  created_at: string;
}

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
