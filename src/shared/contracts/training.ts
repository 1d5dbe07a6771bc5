/**
 * The training programme's API contracts: what the API accepts (zod) and returns (types),
 * shared by the server, the CLI and the web pages. Courses, cohorts and exercises first, then
 * the good-practice library.
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
  /** A translation not yet reviewed by a native speaker (the page says so). */
  unreviewed: boolean;
  lessons: { id: string; title: string; language: string; fallback: boolean; unreviewed: boolean }[];
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
  /** A translation not yet reviewed by a native speaker (the page says so). */
  unreviewed: boolean;
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
  /** A translation not yet reviewed by a native speaker (the page says so). */
  unreviewed: boolean;
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
  /** A translation not yet reviewed by a native speaker (the page says so). */
  unreviewed: boolean;
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
  /** A translation not yet reviewed by a native speaker (the page says so). */
  unreviewed: boolean;
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

/*
 * The good-practice library and its tag vocabularies: case studies of schemes, cooperation
 * practices and victim-support practices, tagged by country, exploitation type, scheme and
 * agency kind. The vocabularies are closed lists so that every tag has a translated label in
 * the workspace and a filter can name only a tag that exists.
 */
export const ENTRY_KINDS = ['case-study', 'cooperation-practice', 'victim-support-practice'] as const;
/** ISO 3166 codes of the countries the entries are about; EU for EU-level practice, INT for international bodies. */
export const COUNTRY_TAGS = ['FI', 'EE', 'LV', 'LT', 'PL', 'RO', 'UA', 'NL', 'EU', 'INT'] as const;
export const EXPLOITATION_TAGS = ['labour', 'sexual', 'criminal-activities', 'begging'] as const;
export const SCHEME_TAGS = [
  'fraudulent-posting',
  'bogus-self-employment',
  'wage-kick-backs',
  'online-recruitment',
  'subcontracting-chains',
  'letterbox-companies',
  'phoenix-companies',
  'debt-bondage',
  'online-ads',
] as const;
export const AGENCY_TAGS = [
  'police',
  'border-guard',
  'labour-inspection',
  'tax-authority',
  'prosecution',
  'fiu',
  'victim-support',
  'eu-agency',
] as const;

export type EntryKind = (typeof ENTRY_KINDS)[number];
export type CountryTag = (typeof COUNTRY_TAGS)[number];
export type ExploitationTag = (typeof EXPLOITATION_TAGS)[number];
export type SchemeTag = (typeof SCHEME_TAGS)[number];
export type AgencyTag = (typeof AGENCY_TAGS)[number];

/** The facets an entry is tagged along, with the values each may take. */
export const FACETS = {
  country: COUNTRY_TAGS,
  exploitation: EXPLOITATION_TAGS,
  scheme: SCHEME_TAGS,
  agency: AGENCY_TAGS,
  kind: ENTRY_KINDS,
} as const;
export type Facet = keyof typeof FACETS;
export const FACET_NAMES = Object.keys(FACETS) as Facet[];

export interface EntryTags {
  country: CountryTag[];
  exploitation: ExploitationTag[];
  scheme: SchemeTag[];
  agency: AgencyTag[];
}

export const LibraryQuery = z.object({
  lang: z.enum(TRAINING_LANGUAGES).default('en'),
  /**
   * Words to find; letter case and diacritics do not matter ("kick-backs" finds "Kick-backs", "berzins" finds
   * "Bērziņš").
   */
  q: z.string().trim().max(200).optional(),
  country: z.enum(COUNTRY_TAGS).optional(),
  exploitation: z.enum(EXPLOITATION_TAGS).optional(),
  scheme: z.enum(SCHEME_TAGS).optional(),
  agency: z.enum(AGENCY_TAGS).optional(),
  kind: z.enum(ENTRY_KINDS).optional(),
  /** Entries used by this course, module, lesson or exercise ("good practices used here"). */
  course: slug.optional(),
  module: slug.optional(),
  lesson: slug.optional(),
  exercise: slug.optional(),
});
export type LibraryQueryIn = z.infer<typeof LibraryQuery>;
export const EntryParams = z.object({ entryId: slug });

/** Where an entry is used: a module (optionally one of its lessons) or a case exercise of a course. */
export interface EntryUseOut {
  courseId: string;
  moduleId: string;
  moduleTitle: string;
  lessonId: string | null;
  lessonTitle: string | null;
  exerciseId: string | null;
  exerciseTitle: string | null;
}

export interface EntrySummaryOut {
  id: string;
  kind: EntryKind;
  title: string;
  summary: string;
  tags: EntryTags;
  /** A composite case put together for teaching from the public sources, not one real case. */
  illustrative: boolean;
  language: string;
  fallback: boolean;
  /** A translation not yet reviewed by a native speaker (the page says so). */
  unreviewed: boolean;
}

export interface LibraryListOut {
  entries: EntrySummaryOut[];
  total: number;
  /** For each facet, its values with how many entries would match if it were chosen (the other filters kept). */
  facets: Record<Facet, { value: string; count: number }[]>;
}

export interface EntryOut extends EntrySummaryOut {
  html: string;
  sources: { title: string; url?: string | undefined }[];
  usedIn: EntryUseOut[];
}
