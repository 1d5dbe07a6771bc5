/**
 * A cohort member's case exercises as use cases. The sandbox is a case of its own: opening it,
 * reading an exercise on it and submitting findings are recorded in that case's chain. To anyone
 * but a member of the cohort (with the course assigned) they do not exist.
 */
import type { ExerciseResultOut, FindingsSubmitIn } from '../../shared/contracts/training.ts';
import type { Language } from '../../domain/training/schema.ts';
import { globalUseCase } from '../useCase/index.ts';
import { exerciseFor, openSandbox, submitFindings } from './exercises.ts';

interface CohortCourseIn {
  cohortId: string;
  courseId: string;
}
interface ExerciseIn extends CohortCourseIn {
  exerciseId: string;
}
type ExerciseReadIn = ExerciseIn & { lang: Language };
type SubmissionIn = ExerciseIn & { findings: FindingsSubmitIn };

/** Opens the learner's sandbox case (made once, from the cohort's seed); a second call finds it. */
export const openOwnSandbox = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'collection', target: 'case', caseOf: (_i: CohortCourseIn, out: { caseId: string }) => out.caseId },
  run: async ({ store, actor, audit }, { cohortId, courseId }: CohortCourseIn) => {
    const out = await openSandbox(store, actor, cohortId, courseId);
    audit.target(out.caseId);
    audit.detail(out.created ? { purpose: 'training' } : { purpose: 'training', reopened: true });
    return out;
  },
});

export const trainingExercise = globalUseCase({
  permission: 'authenticated',
  audit: {
    action: 'consultation',
    target: 'training_exercise',
    targetOf: (i: ExerciseReadIn) => i.exerciseId,
    caseOf: (_i: ExerciseReadIn, out: { sandboxCaseId: string | null }) => out.sandboxCaseId,
  },
  run: ({ store, actor, audit }, i: ExerciseReadIn) => {
    audit.detail({ courseId: i.courseId, cohortId: i.cohortId });
    return exerciseFor(store, actor, i.cohortId, i.courseId, i.exerciseId, i.lang);
  },
});

/** The sandbox each graded result was made on: its record belongs in that case's chain. */
const gradedOn = new WeakMap<ExerciseResultOut, string>();

export const exerciseSubmission = globalUseCase({
  permission: 'authenticated',
  audit: {
    action: 'combination',
    target: 'exercise',
    caseOf: (_i: SubmissionIn, out: ExerciseResultOut) => gradedOn.get(out) ?? null,
  },
  run: async ({ store, actor, audit }, i: SubmissionIn) => {
    // Grading reads the case's ground truth and combines it with the trainee's findings.
    const { sandboxCaseId, result } = await submitFindings(
      store,
      actor,
      i.cohortId,
      i.courseId,
      i.exerciseId,
      i.findings,
    );
    gradedOn.set(result, sandboxCaseId);
    audit.target(result.attemptId);
    audit.detail({ score: result.score });
    return result;
  },
});
