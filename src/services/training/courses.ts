/**
 * The learning side of the training programme: the course catalogue in the trainee's
 * language (English where a translation is missing, and saying so), lessons rendered safely,
 * lessons marked as read, quizzes played and graded with retries, and each learner's progress.
 */
import type {
  CourseOut,
  CourseSummaryOut,
  LessonOut,
  ModuleOut,
  ModuleProgressOut,
  QuizOut,
  QuizResultOut,
  TraineeProgressOut,
} from '../../shared/contracts/training.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { attemptsOf, insertAttempt, lessonsDoneOf, markLesson } from '../../store/repos/training/training.ts';
import type { AttemptRow, ProgressRow } from '../../store/repos/training/training.ts';
import type { Store } from '../../store/store.ts';
import { courseLibrary } from '../../ingest/training/library.ts';
import type { CourseLibrary } from '../../ingest/training/library.ts';
import { renderMarkdown } from '../../domain/training/markdown.ts';
import { gradeQuiz, playerQuestion } from '../../domain/training/quiz.ts';
import type { Answer } from '../../domain/training/quiz.ts';
import type { Language, ModuleStructure } from '../../domain/training/schema.ts';
import type { Actor } from '../access/index.ts';

export const imageBase = (courseId: string): string => `/api/training/courses/${encodeURIComponent(courseId)}/images/`;

export function listCourses(lang: Language, lib: CourseLibrary = courseLibrary()): CourseSummaryOut[] {
  return lib.courseIds().map((id) => courseSummary(lib, id, lang));
}

/**
 * The courses with their modules' titles, lesson counts and exercises: the programme's outline
 * for the command line (teaching material only, readable without signing in).
 */
export function courseOutline(lang: Language, lib: CourseLibrary = courseLibrary()) {
  return listCourses(lang, lib).map((c) => ({
    ...c,
    modules: lib.structure(c.id).modules.map((m) => {
      const t = lib.moduleText(c.id, m.id, lang);
      return {
        id: m.id,
        title: t.value.title,
        fallback: t.fallback,
        unreviewed: t.unreviewed,
        lessons: m.lessons.length,
        exercise: m.exercise?.id ?? null,
      };
    }),
  }));
}

function courseSummary(lib: CourseLibrary, id: string, lang: Language): CourseSummaryOut {
  const s = lib.structure(id);
  const t = lib.courseText(id, lang);
  return {
    id,
    ...t.value,
    language: t.language,
    fallback: t.fallback,
    unreviewed: t.unreviewed,
    modules: s.modules.length,
    languages: s.languages,
  };
}

/** What one learner has done in one course: lessons read, quiz and exercise attempts. */
export interface LearnerRecord {
  lessons: Pick<ProgressRow, 'module_id' | 'lesson_id'>[];
  attempts: Pick<AttemptRow, 'module_id' | 'kind' | 'score' | 'passed' | 'cohort_id'>[];
}

export async function learnerRecord(
  store: Store,
  userId: string,
  courseId: string,
  cohortId?: string,
): Promise<LearnerRecord> {
  const [lessons, attempts] = await Promise.all([
    lessonsDoneOf(store.db, userId, courseId),
    attemptsOf(store.db, userId, courseId),
  ]);
  // In a cohort's view, exercises count only when done on that cohort's sandbox.
  return { lessons, attempts: attempts.filter((a) => a.kind !== 'exercise' || !cohortId || a.cohort_id === cohortId) };
}

export function moduleProgress(m: ModuleStructure, rec: LearnerRecord): ModuleProgressOut {
  const lessonsDone = m.lessons.filter((l) => rec.lessons.some((r) => r.module_id === m.id && r.lesson_id === l));
  const quiz = rec.attempts.filter((a) => a.module_id === m.id && a.kind === 'quiz');
  const exercise = rec.attempts.filter((a) => a.module_id === m.id && a.kind === 'exercise');
  const best = (xs: typeof quiz) => (xs.length ? Math.max(...xs.map((x) => x.score)) : null);
  const quizPassed = quiz.some((a) => a.passed === 1);
  const exercisePassed = exercise.some((a) => a.passed === 1);
  return {
    lessonsDone,
    quizBest: best(quiz),
    quizPassed,
    quizAttempts: quiz.length,
    exerciseBest: best(exercise),
    exercisePassed,
    exerciseSubmissions: exercise.length,
    complete: lessonsDone.length === m.lessons.length && quizPassed && (!m.exercise || exercisePassed),
  };
}

export async function courseDetail(
  store: Store,
  actor: Actor,
  courseId: string,
  lang: Language,
  lib: CourseLibrary = courseLibrary(),
): Promise<CourseOut> {
  const s = lib.structure(courseId);
  const rec = await learnerRecord(store, actor.id, courseId);
  const modulesDetail = s.modules.map((m): ModuleOut => {
    const t = lib.moduleText(courseId, m.id, lang);
    const quiz = lib.quiz(courseId, m.id, lang).value;
    return {
      id: m.id,
      ...t.value,
      language: t.language,
      fallback: t.fallback,
      unreviewed: t.unreviewed,
      lessons: m.lessons.map((l) => {
        const lesson = lib.lesson(courseId, m.id, l, lang);
        return {
          id: l,
          title: lesson.value.title,
          language: lesson.language,
          fallback: lesson.fallback,
          unreviewed: lesson.unreviewed,
        };
      }),
      quiz: { passMark: quiz.passMark, maxAttempts: quiz.maxAttempts, questions: quiz.questions.length },
      exercise: m.exercise ?? null,
      progress: moduleProgress(m, rec),
    };
  });
  return {
    ...courseSummary(lib, courseId, lang),
    version: s.version,
    modulesDetail,
    complete: modulesDetail.every((m) => m.progress.complete),
  };
}

export async function readLesson(
  store: Store,
  actor: Actor,
  courseId: string,
  moduleId: string,
  lessonId: string,
  lang: Language,
  lib: CourseLibrary = courseLibrary(),
): Promise<LessonOut> {
  const m = lib.module(courseId, moduleId);
  const lesson = lib.lesson(courseId, moduleId, lessonId, lang);
  const i = m.lessons.indexOf(lessonId);
  const done = (await lessonsDoneOf(store.db, actor.id, courseId)).some(
    (r) => r.module_id === moduleId && r.lesson_id === lessonId,
  );
  return {
    courseId,
    moduleId,
    id: lessonId,
    title: lesson.value.title,
    html: renderMarkdown(lesson.value.markdown, imageBase(courseId)),
    sources: lesson.value.sources,
    language: lesson.language,
    fallback: lesson.fallback,
    unreviewed: lesson.unreviewed,
    previous: m.lessons[i - 1] ?? null,
    next: m.lessons[i + 1] ?? null,
    done,
  };
}

export async function completeLesson(
  store: Store,
  actor: Actor,
  courseId: string,
  moduleId: string,
  lessonId: string,
  lib: CourseLibrary = courseLibrary(),
): Promise<void> {
  if (!lib.module(courseId, moduleId).lessons.includes(lessonId)) throw errors.notFound('Lesson');
  await markLesson(store.db, {
    user_id: actor.id,
    course_id: courseId,
    module_id: moduleId,
    lesson_id: lessonId,
    completed_at: new Date().toISOString(),
  });
}

export async function quizFor(
  store: Store,
  actor: Actor,
  courseId: string,
  moduleId: string,
  lang: Language,
  lib: CourseLibrary = courseLibrary(),
): Promise<QuizOut> {
  const quiz = lib.quiz(courseId, moduleId, lang);
  const mine = (await attemptsOf(store.db, actor.id, courseId)).filter(
    (a) => a.module_id === moduleId && a.kind === 'quiz',
  );
  return {
    passMark: quiz.value.passMark,
    maxAttempts: quiz.value.maxAttempts,
    attemptsUsed: mine.length,
    best: mine.length ? Math.max(...mine.map((a) => a.score)) : null,
    passed: mine.some((a) => a.passed === 1),
    language: quiz.language,
    fallback: quiz.fallback,
    unreviewed: quiz.unreviewed,
    questions: quiz.value.questions.map(playerQuestion),
  };
}

export async function submitQuiz(
  store: Store,
  actor: Actor,
  courseId: string,
  moduleId: string,
  answers: Record<string, Answer>,
  lang: Language,
  lib: CourseLibrary = courseLibrary(),
): Promise<QuizResultOut> {
  const quiz = lib.quiz(courseId, moduleId, lang).value;
  return store.transaction(async (trx) => {
    const used = (await attemptsOf(trx, actor.id, courseId)).filter(
      (a) => a.module_id === moduleId && a.kind === 'quiz',
    ).length;
    if (used >= quiz.maxAttempts)
      throw errors.conflict(`All ${quiz.maxAttempts} attempts at this quiz are used`, 'answers');
    const result = gradeQuiz(quiz, answers);
    await insertAttempt(trx, {
      id: uuidv7(),
      user_id: actor.id,
      cohort_id: null,
      course_id: courseId,
      module_id: moduleId,
      kind: 'quiz',
      score: result.score,
      passed: result.passed ? 1 : 0,
      detail: JSON.stringify({ answers, questions: result.questions }),
      sandbox_case_id: null,
      created_at: new Date().toISOString(),
    });
    return { ...result, attemptsUsed: used + 1, attemptsLeft: quiz.maxAttempts - used - 1 };
  });
}

/** One learner's progress in the given courses (a cohort's assignments, or every course). */
export async function progressOf(
  store: Store,
  user: { id: string; username: string; displayName: string },
  courseIds: readonly string[],
  cohortId?: string,
  lib: CourseLibrary = courseLibrary(),
): Promise<TraineeProgressOut> {
  const courses: TraineeProgressOut['courses'] = [];
  for (const courseId of courseIds) {
    const s = lib.structure(courseId);
    const rec = await learnerRecord(store, user.id, courseId, cohortId);
    const per = s.modules.map((m) => ({ m, p: moduleProgress(m, rec) }));
    courses.push({
      courseId,
      modules: s.modules.length,
      modulesComplete: per.filter((x) => x.p.complete).length,
      lessons: s.modules.reduce((n, m) => n + m.lessons.length, 0),
      lessonsDone: per.reduce((n, x) => n + x.p.lessonsDone.length, 0),
      quizzes: per.map(({ m, p }) => ({
        moduleId: m.id,
        best: p.quizBest,
        passed: p.quizPassed,
        attempts: p.quizAttempts,
      })),
      exercises: per
        .filter(({ m }) => m.exercise)
        .map(({ m, p }) => ({
          moduleId: m.id,
          exerciseId: m.exercise?.id ?? '',
          best: p.exerciseBest,
          passed: p.exercisePassed,
          submissions: p.exerciseSubmissions,
        })),
      complete: per.every((x) => x.p.complete),
    });
  }
  return { userId: user.id, username: user.username, displayName: user.displayName, courses };
}
