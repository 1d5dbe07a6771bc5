/**
 * The course library: reads course content from its folder (training/courses), with one
 * rule for languages — take the file in the asked language, else the English one, and say
 * so (`fallback`), so a partly translated course still works and shows what is missing.
 * Files are read once and kept; content changes ship with a new version of the platform.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { z } from 'zod';
import { errors } from '../../shared/errors.ts';
import { ContentError, IMAGE_NAME, parseFrontMatter } from '../../domain/training/markdown.ts';
import {
  courseStructureSchema,
  courseTextSchema,
  DEFAULT_LANGUAGE,
  exerciseFrontSchema,
  LANGUAGES,
  lessonFrontSchema,
  moduleTextSchema,
  quizSchema,
} from '../../domain/training/schema.ts';
import type { CourseStructure, Language, ModuleStructure, Quiz } from '../../domain/training/schema.ts';

export const DEFAULT_COURSE_ROOT = fileURLToPath(new URL('../../../training/courses', import.meta.url));

/** A piece of content and the language it was found in. */
export interface InLanguage<T> {
  value: T;
  language: Language;
  /** True when the asked language has no such file and English was used. */
  fallback: boolean;
  /**
   * True for a translation no native speaker has checked yet (its file does not say
   * `reviewed: true`); the English original is never unreviewed.
   */
  unreviewed: boolean;
}

export interface Lesson {
  title: string;
  sources: z.infer<typeof lessonFrontSchema>['sources'];
  markdown: string;
  reviewed?: boolean | undefined;
}

export const isLanguage = (s: string | undefined): s is Language => (LANGUAGES as readonly string[]).includes(s ?? '');

export class CourseLibrary {
  private readonly cache = new Map<string, unknown>();

  constructor(readonly root: string = DEFAULT_COURSE_ROOT) {}

  courseIds(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(this.root, d.name, 'course.yaml')))
      .map((d) => d.name)
      .sort();
  }

  structure(courseId: string): CourseStructure {
    if (!this.courseIds().includes(courseId)) throw errors.notFound('Course');
    return this.cached(`s:${courseId}`, () =>
      parseYaml(join(this.root, courseId, 'course.yaml'), courseStructureSchema),
    );
  }

  module(courseId: string, moduleId: string): ModuleStructure {
    const m = this.structure(courseId).modules.find((x) => x.id === moduleId);
    if (!m) throw errors.notFound('Module');
    return m;
  }

  courseText(courseId: string, lang: Language): InLanguage<z.infer<typeof courseTextSchema>> {
    this.structure(courseId);
    return this.localised(courseId, lang, 'course.yaml', (f) => parseYaml(f, courseTextSchema));
  }

  moduleText(courseId: string, moduleId: string, lang: Language): InLanguage<z.infer<typeof moduleTextSchema>> {
    this.module(courseId, moduleId);
    return this.localised(courseId, lang, join(moduleId, 'module.yaml'), (f) => parseYaml(f, moduleTextSchema));
  }

  lesson(courseId: string, moduleId: string, lessonId: string, lang: Language): InLanguage<Lesson> {
    if (!this.module(courseId, moduleId).lessons.includes(lessonId)) throw errors.notFound('Lesson');
    return this.localised(courseId, lang, join(moduleId, `${lessonId}.md`), (f) => {
      const doc = parseFrontMatter(readFileSync(f, 'utf8'), lessonFrontSchema, f);
      return { title: doc.front.title, sources: doc.front.sources, markdown: doc.body, reviewed: doc.front.reviewed };
    });
  }

  quiz(courseId: string, moduleId: string, lang: Language): InLanguage<Quiz> {
    this.module(courseId, moduleId);
    return this.localised(courseId, lang, join(moduleId, 'quiz.yaml'), (f) => parseYaml(f, quizSchema));
  }

  exerciseBrief(
    courseId: string,
    moduleId: string,
    lang: Language,
  ): InLanguage<{ title: string; markdown: string; reviewed?: boolean | undefined }> {
    if (!this.module(courseId, moduleId).exercise) throw errors.notFound('Exercise');
    return this.localised(courseId, lang, join(moduleId, 'exercise.md'), (f) => {
      const doc = parseFrontMatter(readFileSync(f, 'utf8'), exerciseFrontSchema, f);
      return { title: doc.front.title, markdown: doc.body, reviewed: doc.front.reviewed };
    });
  }

  /** The exercise with this id anywhere in the course, with its module. */
  exercise(
    courseId: string,
    exerciseId: string,
  ): { module: ModuleStructure; spec: NonNullable<ModuleStructure['exercise']> } {
    const module = this.structure(courseId).modules.find((m) => m.exercise?.id === exerciseId);
    if (!module?.exercise) throw errors.notFound('Exercise');
    return { module, spec: module.exercise };
  }

  /** The file of an image of the course, or null when there is no such image. */
  imageFile(courseId: string, name: string): string | null {
    this.structure(courseId);
    if (!IMAGE_NAME.test(name)) return null;
    const f = join(this.root, courseId, 'images', name);
    return existsSync(f) ? f : null;
  }

  private localised<T extends { reviewed?: boolean | undefined }>(
    courseId: string,
    lang: Language,
    rel: string,
    read: (file: string) => T,
  ): InLanguage<T> {
    const own = join(this.root, courseId, lang, rel);
    const language: Language = existsSync(own) ? lang : DEFAULT_LANGUAGE;
    const file = join(this.root, courseId, language, rel);
    if (!existsSync(file)) throw errors.notFound(`Course content ${rel}`);
    const value = this.cached(`f:${file}`, () => read(file));
    return {
      value,
      language,
      fallback: language !== lang,
      unreviewed: language !== DEFAULT_LANGUAGE && value.reviewed !== true,
    };
  }

  private cached<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }
}

function parseYaml<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = YAML.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ContentError(`${file}: not YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success)
    throw new ContentError(
      `${file}: ${r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`,
    );
  return r.data;
}

let shared: CourseLibrary | undefined;
/** The platform's own course library (training/courses in this repository). */
export const courseLibrary = (): CourseLibrary => (shared ??= new CourseLibrary());
