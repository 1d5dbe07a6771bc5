/**
 * The training programme: cohorts, enrolments, assigned courses, attempts and lessons read (small global
 * tables about people's learning) and the trainees' sandbox cases (case-scoped, with the seed the
 * exercise grader regenerates the ground truth from). Course content is not here: it is files in the repository.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

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
