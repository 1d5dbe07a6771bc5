/**
 * The training capability's public face: the learner's and the trainer's use cases (each leaves
 * one record), the good-practice library, and the outline and library reads the command line
 * offers without signing in (teaching material only).
 */
export {
  courseCatalogue,
  courseImage,
  lessonDone,
  myTrainingOverview,
  quizAttempt,
  scormPackage,
  trainingCertificate,
  trainingCourse,
  trainingLesson,
  trainingQuiz,
} from './learning.ts';
export { assignCohortCourse, cohortProgress, enrolTrainee, startCohort, trainerCohorts } from './cohortUseCases.ts';
export { exerciseSubmission, openOwnSandbox, trainingExercise } from './exerciseUseCases.ts';
export { listPractices, practiceEntry, practiceList, readPractice } from './library.ts';
export type { PracticeFilter } from './library.ts';
export { courseOutline } from './courses.ts';
/** Plain cohort set-up for the demo's first start, which seeds cohorts before anyone signs in. */
export { assignCourse, createCohort, enrol } from './cohorts.ts';
/** Generated scenarios as an import format: training sandboxes load through it, and so does the demo case. */
export { DEMO_GENERATOR, scenarioImporter } from './scenarioImporter.ts';
export type { DemoImportOptions } from './scenarioImporter.ts';
