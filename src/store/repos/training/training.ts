/**
 * The training programme's tables: cohorts, enrolments, assignments, attempts, lessons read
 * (global tables, keyed by user and cohort), and sandboxes (case-scoped, through CaseScope).
 */
import type { Kysely } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';
import type {
  Database,
  TrainingAssignmentsTable,
  TrainingAttemptsTable,
  TrainingCohortsTable,
  TrainingEnrolmentsTable,
  TrainingProgressTable,
  TrainingSandboxesTable,
} from '../../schema/index.ts';

export type CohortRow = TrainingCohortsTable;
export type EnrolmentRow = TrainingEnrolmentsTable;
export type AssignmentRow = TrainingAssignmentsTable;
export type AttemptRow = TrainingAttemptsTable;
export type ProgressRow = TrainingProgressTable;
export type SandboxRow = TrainingSandboxesTable;

type Db = Kysely<Database>;

export const insertCohort = (db: Db, row: CohortRow) => db.insertInto('training_cohorts').values(row).execute();
export const getCohort = (db: Db, id: string) =>
  db.selectFrom('training_cohorts').selectAll().where('id', '=', id).executeTakeFirst();
export const listCohorts = (db: Db, createdBy?: string) => {
  let q = db.selectFrom('training_cohorts').selectAll().orderBy('created_at', 'desc');
  if (createdBy) q = q.where('created_by', '=', createdBy);
  return q.execute();
};

export const insertEnrolment = (db: Db, row: EnrolmentRow) =>
  db.insertInto('training_enrolments').values(row).execute();
export const getEnrolment = (db: Db, cohortId: string, userId: string) =>
  db
    .selectFrom('training_enrolments')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
export const enrolmentsOfCohort = (db: Db, cohortId: string) =>
  db
    .selectFrom('training_enrolments')
    .innerJoin('users', 'users.id', 'training_enrolments.user_id')
    .select([
      'training_enrolments.user_id',
      'training_enrolments.sandbox_case_id',
      'users.username',
      'users.display_name',
    ])
    .where('training_enrolments.cohort_id', '=', cohortId)
    .orderBy('users.username')
    .execute();
export const enrolmentsOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('training_enrolments')
    .innerJoin('training_cohorts', 'training_cohorts.id', 'training_enrolments.cohort_id')
    .selectAll('training_cohorts')
    .select(['training_enrolments.sandbox_case_id'])
    .where('training_enrolments.user_id', '=', userId)
    .orderBy('training_cohorts.created_at', 'desc')
    .execute();
export const countEnrolments = async (db: Db, cohortId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('training_enrolments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('cohort_id', '=', cohortId)
        .executeTakeFirstOrThrow()
    ).n,
  );
export const setSandbox = (db: Db, cohortId: string, userId: string, caseId: string) =>
  db
    .updateTable('training_enrolments')
    .set({ sandbox_case_id: caseId })
    .where('cohort_id', '=', cohortId)
    .where('user_id', '=', userId)
    .execute();

export const upsertAssignment = async (db: Db, row: AssignmentRow): Promise<void> => {
  await db
    .deleteFrom('training_assignments')
    .where('cohort_id', '=', row.cohort_id)
    .where('course_id', '=', row.course_id)
    .execute();
  await db.insertInto('training_assignments').values(row).execute();
};
export const assignmentsOf = (db: Db, cohortId: string) =>
  db.selectFrom('training_assignments').selectAll().where('cohort_id', '=', cohortId).orderBy('course_id').execute();

export const insertAttempt = (db: Db, row: AttemptRow) => db.insertInto('training_attempts').values(row).execute();
export const attemptsOf = (db: Db, userId: string, courseId?: string) => {
  let q = db.selectFrom('training_attempts').selectAll().where('user_id', '=', userId).orderBy('created_at');
  if (courseId) q = q.where('course_id', '=', courseId);
  return q.execute();
};

export const markLesson = async (db: Db, row: ProgressRow): Promise<void> => {
  const seen = await db
    .selectFrom('training_progress')
    .select('lesson_id')
    .where('user_id', '=', row.user_id)
    .where('course_id', '=', row.course_id)
    .where('module_id', '=', row.module_id)
    .where('lesson_id', '=', row.lesson_id)
    .executeTakeFirst();
  if (!seen) await db.insertInto('training_progress').values(row).execute();
};
export const lessonsDoneOf = (db: Db, userId: string, courseId?: string) => {
  let q = db.selectFrom('training_progress').selectAll().where('user_id', '=', userId);
  if (courseId) q = q.where('course_id', '=', courseId);
  return q.execute();
};

export const insertSandbox = (scope: CaseScope, row: Omit<SandboxRow, 'case_id'>) =>
  scope.insertInto('training_sandboxes', row).execute();
/** The sandbox record of a case, or undefined when the case is not a trainee's sandbox. */
export const sandboxOf = (scope: CaseScope) => scope.selectFrom('training_sandboxes').selectAll().executeTakeFirst();

/** When the learner last attempted anything in the course (their completion date once complete). */
export const lastAttemptAt = async (db: Db, userId: string, courseId: string): Promise<string | null> =>
  (
    await db
      .selectFrom('training_attempts')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .where('user_id', '=', userId)
      .where('course_id', '=', courseId)
      .executeTakeFirst()
  )?.at ?? null;

/** Removes a sandbox case whose generation failed, so the learner can open it afresh. */
export async function dropSandboxCase(db: Db, caseId: string): Promise<void> {
  await db.deleteFrom('cases').where('case_id', '=', caseId).execute();
}
