/**
 * The virtual training programme: course catalogue, lessons, quizzes, case exercises on
 * personal sandboxes, cohorts and progress, certificates (PDF) and SCORM 1.2 export.
 * Each handler calls one use case of services/training and serialises its answer.
 */
import { z } from 'zod';
import {
  AssignBody,
  CohortCreate,
  CohortParams,
  CourseParams,
  EnrolBody,
  ExerciseParams,
  FindingsSubmit,
  ImageParams,
  LangQuery,
  LessonParams,
  ModuleParams,
  QuizSubmit,
} from '../../../shared/contracts/training.ts';
import {
  assignCohortCourse,
  cohortProgress,
  courseCatalogue,
  courseImage,
  enrolTrainee,
  exerciseSubmission,
  lessonDone,
  myTrainingOverview,
  openOwnSandbox,
  quizAttempt,
  scormPackage,
  startCohort,
  trainerCohorts,
  trainingCertificate,
  trainingCourse,
  trainingExercise,
  trainingLesson,
  trainingQuiz,
} from '../../../services/training/index.ts';
import type { Router } from '../router.ts';
import { trainingLibraryRoutes } from './library.ts';

const manage = { global: 'training:manage' } as const;
const SandboxParams = CohortParams.extend({ courseId: z.string().min(1).max(100) });

export function trainingRoutes(r: Router): void {
  trainingLibraryRoutes(r);

  r({
    method: 'GET',
    url: '/api/training/courses',
    tag: 'training',
    summary: 'The course catalogue, in the language asked for (English where a translation is missing)',
    query: LangQuery,
    access: 'authenticated',
    handler: ({ store, caller, query }) => courseCatalogue(store, caller, { lang: query.lang }),
  });

  r({
    method: 'GET',
    url: '/api/training/courses/:courseId',
    tag: 'training',
    summary: 'A course: its modules, lessons, quizzes and exercises, with your progress',
    params: CourseParams,
    query: LangQuery,
    access: 'authenticated',
    handler: ({ store, caller, params, query }) =>
      trainingCourse(store, caller, { courseId: params.courseId, lang: query.lang }),
  });

  r({
    method: 'GET',
    url: '/api/training/courses/:courseId/images/:file',
    tag: 'training',
    summary: 'An image a lesson shows',
    params: ImageParams,
    access: 'authenticated',
    handler: async ({ store, caller, params, reply }) => {
      const image = await courseImage(store, caller, { courseId: params.courseId, file: params.file });
      void reply
        .type(image.contentType)
        .header('x-content-type-options', 'nosniff')
        // An SVG opened on its own must not run anything.
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('cache-control', 'private, max-age=3600');
      return image.bytes;
    },
  });

  r({
    method: 'GET',
    url: '/api/training/courses/:courseId/modules/:moduleId/lessons/:lessonId',
    tag: 'training',
    summary: 'A lesson as safe HTML, with its sources',
    params: LessonParams,
    query: LangQuery,
    access: 'authenticated',
    handler: ({ store, caller, params, query }) => trainingLesson(store, caller, { ...params, lang: query.lang }),
  });

  r({
    method: 'POST',
    url: '/api/training/courses/:courseId/modules/:moduleId/lessons/:lessonId/complete',
    tag: 'training',
    summary: 'Mark a lesson as read',
    params: LessonParams,
    access: 'authenticated',
    status: 204,
    handler: ({ store, caller, params }) => lessonDone(store, caller, params),
  });

  r({
    method: 'GET',
    url: '/api/training/courses/:courseId/modules/:moduleId/quiz',
    tag: 'training',
    summary: "A module's quiz to answer (without the answers), with your attempts",
    params: ModuleParams,
    query: LangQuery,
    access: 'authenticated',
    handler: ({ store, caller, params, query }) => trainingQuiz(store, caller, { ...params, lang: query.lang }),
  });

  r({
    method: 'POST',
    url: '/api/training/courses/:courseId/modules/:moduleId/quiz/attempts',
    tag: 'training',
    summary: 'Answer the quiz: score, pass or not, and feedback for each answer',
    params: ModuleParams,
    body: QuizSubmit,
    access: 'authenticated',
    status: 201,
    handler: ({ store, caller, params, body }) =>
      quizAttempt(store, caller, { ...params, answers: body.answers, lang: body.lang }),
  });

  r({
    method: 'GET',
    url: '/api/training/courses/:courseId/certificate',
    tag: 'training',
    summary: 'Your certificate of completion (PDF), once every module is complete',
    params: CourseParams,
    query: LangQuery,
    access: 'authenticated',
    handler: async ({ store, caller, params, query, reply }) => {
      const { fileName, pdf } = await trainingCertificate(store, caller, {
        courseId: params.courseId,
        lang: query.lang,
      });
      void reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store');
      return Buffer.from(pdf);
    },
  });

  r({
    method: 'GET',
    url: '/api/training/courses/:courseId/modules/:moduleId/scorm',
    tag: 'training',
    summary: 'The module as a SCORM 1.2 package (zip) for another learning platform',
    params: ModuleParams,
    query: LangQuery,
    access: manage,
    handler: async ({ store, caller, params, query, reply }) => {
      const pkg = await scormPackage(store, caller, { ...params, lang: query.lang });
      void reply.type('application/zip').header('content-disposition', `attachment; filename="${pkg.fileName}"`);
      return Buffer.from(pkg.zip);
    },
  });

  r({
    method: 'GET',
    url: '/api/training/me',
    tag: 'training',
    summary: 'Your cohorts, sandboxes and progress',
    access: 'authenticated',
    handler: ({ store, caller }) => myTrainingOverview(store, caller),
  });

  r({
    method: 'GET',
    url: '/api/training/cohorts',
    tag: 'training',
    summary: 'The cohorts you run',
    access: manage,
    handler: ({ store, caller }) => trainerCohorts(store, caller),
  });

  r({
    method: 'POST',
    url: '/api/training/cohorts',
    tag: 'training',
    summary: 'Start a cohort (its own scenario seed for every sandbox)',
    body: CohortCreate,
    access: manage,
    status: 201,
    handler: ({ store, caller, body }) => startCohort(store, caller, body),
  });

  r({
    method: 'GET',
    url: '/api/training/cohorts/:cohortId',
    tag: 'training',
    summary: "A cohort you run: each member's progress and scores",
    params: CohortParams,
    access: manage,
    handler: ({ store, caller, params }) => cohortProgress(store, caller, { cohortId: params.cohortId }),
  });

  r({
    method: 'POST',
    url: '/api/training/cohorts/:cohortId/members',
    tag: 'training',
    summary: 'Enrol a user in a cohort you run',
    params: CohortParams,
    body: EnrolBody,
    access: manage,
    status: 201,
    handler: ({ store, caller, params, body }) =>
      enrolTrainee(store, caller, { cohortId: params.cohortId, username: body.username }),
  });

  r({
    method: 'POST',
    url: '/api/training/cohorts/:cohortId/assignments',
    tag: 'training',
    summary: 'Assign a course to a cohort you run',
    params: CohortParams,
    body: AssignBody,
    access: manage,
    status: 201,
    handler: ({ store, caller, params, body }) =>
      assignCohortCourse(store, caller, { cohortId: params.cohortId, ...body }),
  });

  r({
    method: 'POST',
    url: '/api/training/cohorts/:cohortId/courses/:courseId/sandbox',
    tag: 'training',
    summary: "Open your personal sandbox case for the cohort (made once, from the cohort's seed)",
    params: SandboxParams,
    access: 'authenticated',
    status: 201,
    handler: ({ store, caller, params }) =>
      openOwnSandbox(store, caller, { cohortId: params.cohortId, courseId: params.courseId }),
  });

  r({
    method: 'GET',
    url: '/api/training/cohorts/:cohortId/courses/:courseId/exercises/:exerciseId',
    tag: 'training',
    summary: 'A case exercise: the brief, your sandbox and your last graded result',
    params: ExerciseParams,
    query: LangQuery,
    access: 'authenticated',
    handler: ({ store, caller, params, query }) => trainingExercise(store, caller, { ...params, lang: query.lang }),
  });

  r({
    method: 'POST',
    url: '/api/training/cohorts/:cohortId/courses/:courseId/exercises/:exerciseId/submissions',
    tag: 'training',
    summary: 'Submit findings from your sandbox; graded against its ground truth, with feedback per finding',
    params: ExerciseParams,
    body: FindingsSubmit,
    access: 'authenticated',
    status: 201,
    handler: ({ store, caller, params, body }) => exerciseSubmission(store, caller, { ...params, findings: body }),
  });
}
