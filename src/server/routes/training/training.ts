/**
 * The virtual training programme: course catalogue, lessons, quizzes, case exercises on
 * personal sandboxes, cohorts and progress, certificates (PDF) and SCORM 1.2 export.
 * Handlers check input and call services/training*.ts.
 */
import { readFileSync } from 'node:fs';
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
import { errors } from '../../../shared/errors.ts';
import { completeLesson, courseDetail, listCourses, quizFor, readLesson, submitQuiz } from '../../../services/training/courses.ts';
import { certificatePdf } from '../../../services/training/certificate.ts';
import {
  assignCourse,
  cohortDetail,
  cohortsOf,
  createCohort,
  enrol,
  myTraining,
} from '../../../services/training/cohorts.ts';
import { exerciseFor, openSandbox, submitFindings } from '../../../services/training/exercises.ts';
import { courseLibrary } from '../../../ingest/training/library.ts';
import { buildScormPackage } from '../../../ingest/training/scorm.ts';
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
    handler: async ({ query }) => ({ courses: listCourses(query.lang) }),
  });

  r({
    method: 'GET',
    url: '/api/training/courses/:courseId',
    tag: 'training',
    summary: 'A course: its modules, lessons, quizzes and exercises, with your progress',
    params: CourseParams,
    query: LangQuery,
    access: 'authenticated',
    handler: async ({ store, actor, params, query }) => courseDetail(store, actor, params.courseId, query.lang),
  });

  r({
    method: 'GET',
    url: '/api/training/courses/:courseId/images/:file',
    tag: 'training',
    summary: 'An image a lesson shows',
    params: ImageParams,
    access: 'authenticated',
    handler: async ({ params, reply }) => {
      const file = courseLibrary().imageFile(params.courseId, params.file);
      if (!file) throw errors.notFound('Image');
      void reply
        .type(params.file.endsWith('.svg') ? 'image/svg+xml' : 'image/png')
        .header('x-content-type-options', 'nosniff')
        // An SVG opened on its own must not run anything.
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('cache-control', 'private, max-age=3600');
      return readFileSync(file);
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
    handler: async ({ store, actor, params, query }) =>
      readLesson(store, actor, params.courseId, params.moduleId, params.lessonId, query.lang),
  });

  r({
    method: 'POST',
    url: '/api/training/courses/:courseId/modules/:moduleId/lessons/:lessonId/complete',
    tag: 'training',
    summary: 'Mark a lesson as read',
    params: LessonParams,
    access: 'authenticated',
    status: 204,
    handler: async ({ store, actor, params }) => {
      await completeLesson(store, actor, params.courseId, params.moduleId, params.lessonId);
    },
  });

  r({
    method: 'GET',
    url: '/api/training/courses/:courseId/modules/:moduleId/quiz',
    tag: 'training',
    summary: "A module's quiz to answer (without the answers), with your attempts",
    params: ModuleParams,
    query: LangQuery,
    access: 'authenticated',
    handler: async ({ store, actor, params, query }) =>
      quizFor(store, actor, params.courseId, params.moduleId, query.lang),
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
    handler: async ({ store, actor, params, body }) =>
      submitQuiz(store, actor, params.courseId, params.moduleId, body.answers, body.lang),
  });

  r({
    method: 'GET',
    url: '/api/training/courses/:courseId/certificate',
    tag: 'training',
    summary: 'Your certificate of completion (PDF), once every module is complete',
    params: CourseParams,
    query: LangQuery,
    access: 'authenticated',
    handler: async ({ store, actor, params, query, reply }) => {
      const { fileName, pdf } = await certificatePdf(store, actor, params.courseId, query.lang);
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
    handler: async ({ params, query, reply }) => {
      const pkg = buildScormPackage(courseLibrary(), params.courseId, params.moduleId, query.lang);
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
    handler: async ({ store, actor }) => myTraining(store, actor),
  });

  r({
    method: 'GET',
    url: '/api/training/cohorts',
    tag: 'training',
    summary: 'The cohorts you run',
    access: manage,
    handler: async ({ store, actor }) => ({ cohorts: await cohortsOf(store, actor) }),
  });

  r({
    method: 'POST',
    url: '/api/training/cohorts',
    tag: 'training',
    summary: 'Start a cohort (its own scenario seed for every sandbox)',
    body: CohortCreate,
    access: manage,
    status: 201,
    handler: async ({ store, actor, body }) => createCohort(store, actor, body),
  });

  r({
    method: 'GET',
    url: '/api/training/cohorts/:cohortId',
    tag: 'training',
    summary: "A cohort you run: each member's progress and scores",
    params: CohortParams,
    access: manage,
    handler: async ({ store, actor, params }) => cohortDetail(store, actor, params.cohortId),
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
    handler: async ({ store, actor, params, body }) => enrol(store, actor, params.cohortId, body.username),
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
    handler: async ({ store, actor, params, body }) => assignCourse(store, actor, params.cohortId, body),
  });

  r({
    method: 'POST',
    url: '/api/training/cohorts/:cohortId/courses/:courseId/sandbox',
    tag: 'training',
    summary: "Open your personal sandbox case for the cohort (made once, from the cohort's seed)",
    params: SandboxParams,
    access: 'authenticated',
    status: 201,
    handler: async ({ store, actor, params }) => openSandbox(store, actor, params.cohortId, params.courseId),
  });

  r({
    method: 'GET',
    url: '/api/training/cohorts/:cohortId/courses/:courseId/exercises/:exerciseId',
    tag: 'training',
    summary: 'A case exercise: the brief, your sandbox and your last graded result',
    params: ExerciseParams,
    query: LangQuery,
    access: 'authenticated',
    handler: async ({ store, actor, params, query }) =>
      exerciseFor(store, actor, params.cohortId, params.courseId, params.exerciseId, query.lang),
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
    handler: async ({ store, actor, params, body }) =>
      submitFindings(store, actor, params.cohortId, params.courseId, params.exerciseId, body),
  });
}
