/**
 * The training programme's API contracts: what the API accepts (zod) and returns (types),
 * shared by the server, the CLI and the web pages.
 */
import { z } from 'zod';

export const TRAINING_LANGUAGES = ['en', 'fi', 'et', 'lv'] as const;
export type TrainingLanguage = (typeof TRAINING_LANGUAGES)[number];

const slug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by dashes');
export const LangQuery = z.object({ lang: z.enum(TRAINING_LANGUAGES).default('en') });
export const CourseParams = z.object({ courseId: slug });
export const ModuleParams = CourseParams.extend({ moduleId: slug });
export const LessonParams = ModuleParams.extend({ lessonId: slug });
export const ImageParams = CourseParams.extend({
  file: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9-]*\.(svg|png)$/, 'an image name such as chain.svg'),
});
export const CohortParams = z.object({ cohortId: z.string().min(1).max(200) });
export const ExerciseParams = CohortParams.extend({ courseId: slug, exerciseId: slug });

export const CohortCreate = z.strictObject({
  name: z.string().trim().min(2).max(200),
  /** Seeds every sandbox of the cohort; a random one when not given. */
  seed: z.int().min(0).max(4294967295).optional(),
});

export const EnrolBody = z.strictObject({ username: z.string().trim().min(2).max(64) });
export const AssignBody = z.strictObject({
  courseId: slug,
  dueDate: z.iso.date().optional(),
});

/** An answer: an option id (single), option ids (multiple), left id → right item (matching), a number (numeric). */
export const QuizAnswer = z.union([
  z.string().max(200),
  z.array(z.string().max(200)).max(50),
  z.record(z.string().max(100), z.string().max(1000)),
  z.number(),
]);
export const QuizSubmit = z.strictObject({
  answers: z.record(z.string().max(100), QuizAnswer),
  lang: z.enum(TRAINING_LANGUAGES).default('en'),
});

export const FindingsSubmit = z.strictObject({
  victims: z.array(z.string().min(1).max(200)).max(200).optional(),
  controllerAccount: z.string().min(1).max(200).optional(),
  letterbox: z.string().min(1).max(200).optional(),
  /** Criminal proceeds in euros. */
  gained: z.number().min(0).max(1e12).optional(),
});
export type FindingsSubmitIn = z.infer<typeof FindingsSubmit>;

export interface SourceOut {
  title: string;
  url?: string | undefined;
}

export interface ExerciseSummaryOut {
  id: string;
  network: 'labour' | 'sexual';
  findings: ('victims' | 'controllerAccount' | 'letterbox' | 'gained')[];
  passMark: number;
  maxSubmissions: number;
}

export interface ModuleProgressOut {
  lessonsDone: string[];
  quizBest: number | null;
  quizPassed: boolean;
  quizAttempts: number;
  exerciseBest: number | null;
  exercisePassed: boolean;
  exerciseSubmissions: number;
  complete: boolean;
}

export interface ModuleOut {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  language: string;
  fallback: boolean;
  lessons: { id: string; title: string; language: string; fallback: boolean }[];
  quiz: { passMark: number; maxAttempts: number; questions: number };
  exercise: ExerciseSummaryOut | null;
  progress: ModuleProgressOut;
}

export interface CourseSummaryOut {
  id: string;
  title: string;
  description: string;
  audience: string;
  language: string;
  fallback: boolean;
  modules: number;
  languages: string[];
}

export interface CourseOut extends CourseSummaryOut {
  version: number;
  modulesDetail: ModuleOut[];
  complete: boolean;
}

export interface LessonOut {
  courseId: string;
  moduleId: string;
  id: string;
  title: string;
  /** Safe HTML rendered from the lesson's Markdown (no raw HTML from the file). */
  html: string;
  sources: SourceOut[];
  language: string;
  fallback: boolean;
  previous: string | null;
  next: string | null;
  done: boolean;
}

export type PlayerQuestionOut =
  | { id: string; type: 'single' | 'multiple'; prompt: string; options: { id: string; text: string }[] }
  | { id: string; type: 'matching'; prompt: string; left: { id: string; text: string }[]; right: string[] }
  | { id: string; type: 'numeric'; prompt: string; unit: string | null };

export interface QuizOut {
  passMark: number;
  maxAttempts: number;
  attemptsUsed: number;
  best: number | null;
  passed: boolean;
  language: string;
  fallback: boolean;
  questions: PlayerQuestionOut[];
}

export interface QuizResultOut {
  score: number;
  passed: boolean;
  passMark: number;
  attemptsUsed: number;
  attemptsLeft: number;
  questions: { questionId: string; points: number; correct: boolean; feedback: string[] }[];
}

export interface FindingResultOut {
  finding: 'victims' | 'controllerAccount' | 'letterbox' | 'gained';
  verdict: 'correct' | 'partial' | 'wrong' | 'missing';
  points: number;
  max: number;
  code: string;
  params: Record<string, number | string>;
  message: string;
  items?: { id: string; caption: string; verdict: 'victim' | 'duplicate' | 'notVictim' }[];
}

export interface ExerciseResultOut {
  attemptId: string;
  score: number;
  passed: boolean;
  passMark: number;
  submissionsUsed: number;
  submissionsLeft: number;
  findings: FindingResultOut[];
}

export interface ExerciseOut {
  courseId: string;
  moduleId: string;
  cohortId: string;
  spec: ExerciseSummaryOut;
  title: string;
  html: string;
  language: string;
  fallback: boolean;
  sandboxCaseId: string | null;
  submissionsUsed: number;
  last: ExerciseResultOut | null;
}

export interface SandboxOut {
  caseId: string;
  created: boolean;
}

export interface CohortOut {
  id: string;
  name: string;
  seed?: number;
  createdBy: string;
  createdAt: string;
  trainees: number;
  courses: { courseId: string; dueDate: string | null }[];
}

export interface TraineeProgressOut {
  userId: string;
  username: string;
  displayName: string;
  courses: {
    courseId: string;
    modulesComplete: number;
    modules: number;
    lessonsDone: number;
    lessons: number;
    quizzes: { moduleId: string; best: number | null; passed: boolean; attempts: number }[];
    exercises: { moduleId: string; exerciseId: string; best: number | null; passed: boolean; submissions: number }[];
    complete: boolean;
  }[];
}

export interface CohortDetailOut extends CohortOut {
  members: TraineeProgressOut[];
}

export interface MyTrainingOut {
  cohorts: (CohortOut & { sandboxCaseId: string | null })[];
  progress: TraineeProgressOut;
}
