/**
 * What course content looks like, as zod schemas. Content is files in the repository
 * (training/courses/<course>/…), so a trainer edits it by pull request and a translator works
 * in one language folder; the content test parses every file with these schemas.
 *
 * Layout:
 *   <course>/course.yaml                  structure (languages, modules, lessons, exercises)
 *   <course>/images/*.svg|png             pictures the lessons show
 *   <course>/<lang>/course.yaml           title and description in that language
 *   <course>/<lang>/<module>/module.yaml  module title and summary
 *   <course>/<lang>/<module>/<lesson>.md  a lesson: YAML front matter (title, sources) + Markdown
 *   <course>/<lang>/<module>/quiz.yaml    the module's quiz
 *   <course>/<lang>/<module>/exercise.md  the case exercise's brief (modules that have one)
 */
import { z } from 'zod';

export const LANGUAGES = ['en', 'fi', 'et', 'lv'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by dashes');

/** What a trainee is asked to find in the sandbox case, graded against its ground truth. */
export const FINDING_KINDS = ['victims', 'controllerAccount', 'letterbox', 'gained'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const exerciseSpecSchema = z.strictObject({
  id: slug,
  /** Which of the generated networks the exercise is about. */
  network: z.enum(['labour', 'sexual']),
  findings: z.array(z.enum(FINDING_KINDS)).min(1),
  /** Percent of the full score needed to pass. */
  passMark: z.int().min(1).max(100),
  maxSubmissions: z.int().min(1).max(20),
});
export type ExerciseSpec = z.infer<typeof exerciseSpecSchema>;

export const courseStructureSchema = z.strictObject({
  id: slug,
  version: z.int().positive(),
  languages: z.array(z.enum(LANGUAGES)).min(1),
  modules: z
    .array(
      z.strictObject({
        id: slug,
        lessons: z.array(slug).min(1),
        exercise: exerciseSpecSchema.optional(),
      }),
    )
    .min(1),
});
export type CourseStructure = z.infer<typeof courseStructureSchema>;
export type ModuleStructure = CourseStructure['modules'][number];

export const courseTextSchema = z.strictObject({
  title: z.string().min(3),
  description: z.string().min(10),
  audience: z.string().min(3),
  /** A translation a native speaker has checked sets this; without it the reader is told it is unreviewed. */
  reviewed: z.boolean().optional(),
});

export const moduleTextSchema = z.strictObject({
  title: z.string().min(3),
  summary: z.string().min(10),
  /** About how long the module takes, for planning a cohort. */
  minutes: z.int().positive(),
  /** A translation a native speaker has checked sets this; without it the reader is told it is unreviewed. */
  reviewed: z.boolean().optional(),
});

export const sourceSchema = z.strictObject({
  title: z.string().min(5),
  /** Where the public text is; omitted for printed reports without a stable address. */
  url: z.url().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const lessonFrontSchema = z.strictObject({
  title: z.string().min(3),
  /** Every lesson names the public sources it rests on. */
  sources: z.array(sourceSchema).min(1),
  /** A translation a native speaker has checked sets this; without it the reader is told it is unreviewed. */
  reviewed: z.boolean().optional(),
});

export const exerciseFrontSchema = z.strictObject({ title: z.string().min(3), reviewed: z.boolean().optional() });

const feedback = z.string().min(3);
const optionSchema = z.strictObject({
  id: slug,
  text: z.string().min(1),
  correct: z.boolean().default(false),
  feedback,
});

const singleSchema = z.strictObject({
  id: slug,
  type: z.literal('single'),
  prompt: z.string().min(5),
  options: z.array(optionSchema).min(2),
});
const multipleSchema = z.strictObject({
  id: slug,
  type: z.literal('multiple'),
  prompt: z.string().min(5),
  options: z.array(optionSchema).min(2),
});
const matchingSchema = z.strictObject({
  id: slug,
  type: z.literal('matching'),
  prompt: z.string().min(5),
  /** Each left item belongs with its right item; the player shows the right items shuffled. */
  pairs: z.array(z.strictObject({ id: slug, left: z.string().min(1), right: z.string().min(1), feedback })).min(2),
});
const numericSchema = z.strictObject({
  id: slug,
  type: z.literal('numeric'),
  prompt: z.string().min(5),
  answer: z.number(),
  tolerance: z.number().min(0).default(0),
  unit: z.string().optional(),
  feedback: z.strictObject({ correct: feedback, incorrect: feedback }),
});

export const questionSchema = z.discriminatedUnion('type', [
  singleSchema,
  multipleSchema,
  matchingSchema,
  numericSchema,
]);
export type Question = z.infer<typeof questionSchema>;

export const quizSchema = z
  .strictObject({
    passMark: z.int().min(1).max(100),
    maxAttempts: z.int().min(1).max(20),
    questions: z.array(questionSchema).min(3),
    /** A translation a native speaker has checked sets this; without it the reader is told it is unreviewed. */
    reviewed: z.boolean().optional(),
  })
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>();
    quiz.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({ code: 'custom', message: `Question id "${q.id}" is used twice`, path: ['questions', i, 'id'] });
      seen.add(q.id);
      if (q.type === 'single' && q.options.filter((o) => o.correct).length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: 'A single-choice question has exactly one correct option',
          path: ['questions', i, 'options'],
        });
      }
      if (q.type === 'multiple' && q.options.filter((o) => o.correct).length < 1) {
        ctx.addIssue({
          code: 'custom',
          message: 'A multiple-choice question has at least one correct option',
          path: ['questions', i, 'options'],
        });
      }
      if (q.type === 'matching' && new Set(q.pairs.map((p) => p.right)).size !== q.pairs.length) {
        ctx.addIssue({
          code: 'custom',
          message: 'Matching pairs need distinct right-hand items',
          path: ['questions', i, 'pairs'],
        });
      }
    });
  });
export type Quiz = z.infer<typeof quizSchema>;
