/**
 * The training programme's addresses: /training and below. Kept beside its pages; the app's
 * router (app/router.ts) hands every /training address here.
 */
export type TrainingRoute =
  | { name: 'training' }
  | { name: 'trainingCourse'; courseId: string }
  | { name: 'trainingLesson'; courseId: string; moduleId: string; lessonId: string }
  | { name: 'trainingQuiz'; courseId: string; moduleId: string }
  | { name: 'trainingExercise'; cohortId: string; courseId: string; exerciseId: string }
  | { name: 'trainingCohort'; cohortId: string }
  | { name: 'trainingLibrary' }
  | { name: 'trainingLibraryEntry'; entryId: string };

const seg = (s: string | undefined) => decodeURIComponent(s ?? '');
const enc = encodeURIComponent;

/** `parts` is the path split on '/', starting with 'training'; null when it is no training address. */
export function matchTraining(parts: readonly string[]): TrainingRoute | null {
  const [, b, c, d, e, f, g, h] = parts;
  const n = parts.length;
  if (n === 1) return { name: 'training' };
  if (b === 'courses' && n === 3) return { name: 'trainingCourse', courseId: seg(c) };
  if (b === 'courses' && d === 'modules' && f === 'lessons' && n === 7)
    return { name: 'trainingLesson', courseId: seg(c), moduleId: seg(e), lessonId: seg(g) };
  if (b === 'courses' && d === 'modules' && f === 'quiz' && n === 6)
    return { name: 'trainingQuiz', courseId: seg(c), moduleId: seg(e) };
  if (b === 'library' && n === 2) return { name: 'trainingLibrary' };
  if (b === 'library' && n === 3) return { name: 'trainingLibraryEntry', entryId: seg(c) };
  if (b === 'cohorts' && n === 3) return { name: 'trainingCohort', cohortId: seg(c) };
  if (b === 'cohorts' && d === 'courses' && f === 'exercises' && n === 7)
    return { name: 'trainingExercise', cohortId: seg(c), courseId: seg(e), exerciseId: seg(g) };
  void h;
  return null;
}

export const trainingPaths = {
  home: () => '/training',
  course: (courseId: string, cohortId?: string) =>
    `/training/courses/${enc(courseId)}${cohortId ? `?cohort=${enc(cohortId)}` : ''}`,
  lesson: (courseId: string, moduleId: string, lessonId: string) =>
    `/training/courses/${enc(courseId)}/modules/${enc(moduleId)}/lessons/${enc(lessonId)}`,
  quiz: (courseId: string, moduleId: string) => `/training/courses/${enc(courseId)}/modules/${enc(moduleId)}/quiz`,
  exercise: (cohortId: string, courseId: string, exerciseId: string) =>
    `/training/cohorts/${enc(cohortId)}/courses/${enc(courseId)}/exercises/${enc(exerciseId)}`,
  cohort: (cohortId: string) => `/training/cohorts/${enc(cohortId)}`,
  /** The good-practice library; its filters and words are in the query string. */
  library: (query?: Record<string, string>) => {
    const qs = new URLSearchParams(Object.entries(query ?? {}).filter(([, v]) => v !== '')).toString();
    return `/training/library${qs ? `?${qs}` : ''}`;
  },
  libraryEntry: (entryId: string) => `/training/library/${enc(entryId)}`,
  /** A module on its course's page (the page scrolls to it). */
  module: (courseId: string, moduleId: string) => `/training/courses/${enc(courseId)}#module-${enc(moduleId)}`,
};

export const isTrainingRoute = (name: string): boolean => name.startsWith('training');
