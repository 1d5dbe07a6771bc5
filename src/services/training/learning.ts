/**
 * The learner's side of the training programme as use cases, each leaving one record: the
 * catalogue, a course, its images, lessons (read, marked as read), quizzes (read, answered), the
 * certificate, a module as a SCORM package (trainers) and the learner's own overview.
 */
import { readFileSync } from 'node:fs';
import { errors } from '../../shared/errors.ts';
import { courseLibrary } from '../../ingest/training/library.ts';
import { buildScormPackage } from '../../ingest/training/scorm.ts';
import type { Answer } from '../../domain/training/quiz.ts';
import type { Language } from '../../domain/training/schema.ts';
import { globalUseCase } from '../useCase/index.ts';
import { certificatePdf } from './certificate.ts';
import { myTraining } from './cohorts.ts';
import { completeLesson, courseDetail, listCourses, quizFor, readLesson, submitQuiz } from './courses.ts';

interface CourseIn {
  courseId: string;
}
interface ModuleIn extends CourseIn {
  moduleId: string;
}
interface LessonIn extends ModuleIn {
  lessonId: string;
}
const courseOf = (i: CourseIn) => i.courseId;
const moduleOf = (i: ModuleIn) => i.moduleId;
const lessonOf = (i: LessonIn) => i.lessonId;

export const courseCatalogue = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'training_course' },
  run: async (_ctx, { lang }: { lang: Language }) => ({ courses: listCourses(lang) }),
});

export const trainingCourse = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'training_course', targetOf: courseOf },
  run: ({ store, actor }, { courseId, lang }: CourseIn & { lang: Language }) =>
    courseDetail(store, actor, courseId, lang),
});

/** An image a lesson shows, as bytes with its type. */
export const courseImage = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'training_course', targetOf: courseOf },
  run: async (_ctx, { courseId, file }: CourseIn & { file: string }) => {
    const path = courseLibrary().imageFile(courseId, file);
    if (!path) throw errors.notFound('Image');
    return { contentType: file.endsWith('.svg') ? 'image/svg+xml' : 'image/png', bytes: readFileSync(path) };
  },
});

export const trainingLesson = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'training_lesson', targetOf: lessonOf },
  run: ({ store, actor, audit }, i: LessonIn & { lang: Language }) => {
    audit.detail({ courseId: i.courseId, moduleId: i.moduleId });
    return readLesson(store, actor, i.courseId, i.moduleId, i.lessonId, i.lang);
  },
});

export const lessonDone = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'collection', target: 'training_lesson', targetOf: lessonOf },
  run: async ({ store, actor, audit }, i: LessonIn): Promise<void> => {
    audit.detail({ courseId: i.courseId, moduleId: i.moduleId });
    await completeLesson(store, actor, i.courseId, i.moduleId, i.lessonId);
  },
});

export const trainingQuiz = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'training_quiz', targetOf: moduleOf },
  run: ({ store, actor, audit }, i: ModuleIn & { lang: Language }) => {
    audit.detail({ courseId: i.courseId });
    return quizFor(store, actor, i.courseId, i.moduleId, i.lang);
  },
});

export const quizAttempt = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'collection', target: 'training_quiz', targetOf: moduleOf },
  run: async ({ store, actor, audit }, i: ModuleIn & { answers: Record<string, Answer>; lang: Language }) => {
    const out = await submitQuiz(store, actor, i.courseId, i.moduleId, i.answers, i.lang);
    audit.detail({ courseId: i.courseId, score: out.score, passed: out.passed });
    return out;
  },
});

/** The learner's certificate of completion (PDF): a disclosure of their results. */
export const trainingCertificate = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'disclosure', target: 'training_certificate', targetOf: courseOf },
  run: ({ store, actor }, { courseId, lang }: CourseIn & { lang: Language }) =>
    certificatePdf(store, actor, courseId, lang),
});

/** A module as a SCORM 1.2 package (zip) for another learning platform: teaching material only. */
export const scormPackage = globalUseCase({
  permission: 'training:manage',
  audit: { action: 'consultation', target: 'training_module', targetOf: moduleOf },
  run: async ({ audit }, i: ModuleIn & { lang: Language }) => {
    audit.detail({ courseId: i.courseId });
    return buildScormPackage(courseLibrary(), i.courseId, i.moduleId, i.lang);
  },
});

export const myTrainingOverview = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'training_progress' },
  run: async ({ store, actor, audit }) => {
    audit.target(actor.id);
    return myTraining(store, actor);
  },
});
