/**
 * The good-practice library: the lessons learned and good practices ELECT THB set out to
 * collect — case studies of schemes, cooperation practices, victim-support practices — kept as
 * files beside the courses and edited the same way (pull request per entry, translators per
 * language folder):
 *
 *   training/library/en/<entry>.md     the entry: front matter (kind, tags, where it is used,
 *                                      sources) + Markdown; English is the authoritative file
 *   training/library/<lang>/<entry>.md a translation: front matter (title, summary, sources) +
 *                                      Markdown; tags and links stay in the English file, so
 *                                      translations cannot disagree on them
 *
 * A missing translation falls back to English and says so, as lessons do. Entries carry no
 * pictures (rendered with no image base, any image is dropped).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  AGENCY_TAGS,
  COUNTRY_TAGS,
  ENTRY_KINDS,
  EXPLOITATION_TAGS,
  SCHEME_TAGS,
} from '../../shared/contracts/training.ts';
import { errors } from '../../shared/errors.ts';
import type { CourseLibrary, InLanguage } from './library.ts';
import { imagesOf, parseFrontMatter } from '../../domain/training/markdown.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, sourceSchema } from '../../domain/training/schema.ts';
import type { Language } from '../../domain/training/schema.ts';

export const DEFAULT_PRACTICE_ROOT = fileURLToPath(new URL('../../../training/library', import.meta.url));

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by dashes');
const unique = <T extends string>(values: readonly [T, ...T[]]) =>
  z.array(z.enum(values)).refine((xs) => new Set(xs).size === xs.length, 'a tag is listed twice');

/** A module (optionally one lesson of it) or a case exercise that uses the entry. */
const useSchema = z.union([
  z.strictObject({ course: slug, module: slug, lesson: slug.optional() }),
  z.strictObject({ course: slug, exercise: slug }),
]);
export type PracticeUse = z.infer<typeof useSchema>;

export const practiceFrontSchema = z
  .strictObject({
    title: z.string().min(5),
    summary: z.string().min(40).max(600),
    kind: z.enum(ENTRY_KINDS),
    /**
     * True for a composite case put together from the public sources for teaching; the reader
     * says so. A case study must say either way, so no story passes for a real case by omission.
     */
    illustrative: z.boolean().optional(),
    tags: z.strictObject({
      country: unique(COUNTRY_TAGS).min(1),
      exploitation: unique(EXPLOITATION_TAGS).min(1),
      scheme: unique(SCHEME_TAGS).default([]),
      agency: unique(AGENCY_TAGS).min(1),
    }),
    usedIn: z.array(useSchema).min(1),
    sources: z.array(sourceSchema).min(1),
  })
  .superRefine((e, ctx) => {
    // A case study is about a scheme; a cooperation or support practice may apply to any.
    if (e.kind === 'case-study' && e.tags.scheme.length === 0)
      ctx.addIssue({ code: 'custom', message: 'A case study names at least one scheme', path: ['tags', 'scheme'] });
    if (e.kind === 'case-study' && e.illustrative === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'A case study says whether it is an illustrative composite (true) or not (false)',
        path: ['illustrative'],
      });
  });
export type PracticeFront = z.infer<typeof practiceFrontSchema>;

export const practiceTranslationSchema = z.strictObject({
  title: z.string().min(5),
  summary: z.string().min(40).max(600),
  sources: z.array(sourceSchema).min(1),
  /** A translation a native speaker has checked sets this; without it the reader is told it is unreviewed. */
  reviewed: z.boolean().optional(),
});

export interface Practice {
  id: string;
  front: PracticeFront;
  /** Title, summary, sources and text in the language it was found in. */
  title: string;
  summary: string;
  sources: PracticeFront['sources'];
  markdown: string;
}

export class PracticeLibrary {
  private readonly cache = new Map<string, unknown>();

  constructor(readonly root: string = DEFAULT_PRACTICE_ROOT) {}

  /** The entries' ids: the English files. */
  ids(): string[] {
    return this.cached('ids', () => this.filesIn(DEFAULT_LANGUAGE));
  }

  /** The entry files of one language folder (translations may be fewer than the English ones). */
  filesIn(lang: Language): string[] {
    const dir = join(this.root, lang);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .map((n) => n.slice(0, -3))
      .sort();
  }

  entry(id: string, lang: Language): InLanguage<Practice> {
    if (!this.ids().includes(id)) throw errors.notFound('Library entry');
    const front = this.english(id).front;
    const own = join(this.root, lang, `${id}.md`);
    if (lang === DEFAULT_LANGUAGE || !existsSync(own)) {
      const en = this.english(id);
      return {
        value: { id, front, title: front.title, summary: front.summary, sources: front.sources, markdown: en.body },
        language: DEFAULT_LANGUAGE,
        fallback: lang !== DEFAULT_LANGUAGE,
        unreviewed: false,
      };
    }
    const t = this.cached(`f:${own}`, () =>
      parseFrontMatter(readFileSync(own, 'utf8'), practiceTranslationSchema, own),
    );
    return {
      value: { id, front, title: t.front.title, summary: t.front.summary, sources: t.front.sources, markdown: t.body },
      language: lang,
      fallback: false,
      unreviewed: t.front.reviewed !== true,
    };
  }

  all(lang: Language): InLanguage<Practice>[] {
    return this.ids().map((id) => this.entry(id, lang));
  }

  private english(id: string) {
    const file = join(this.root, DEFAULT_LANGUAGE, `${id}.md`);
    return this.cached(`f:${file}`, () => parseFrontMatter(readFileSync(file, 'utf8'), practiceFrontSchema, file));
  }

  private cached<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }
}

/**
 * What is wrong with the library as content: entries whose links name a course, module, lesson
 * or exercise that does not exist, translations of entries that do not exist, entry ids that are
 * not slugs, pictures. Empty when all is well; the content test asserts it.
 */
export function practiceProblems(lib: PracticeLibrary, courses: CourseLibrary): string[] {
  const problems: string[] = [];
  const ids = lib.ids();
  for (const id of ids)
    if (!slug.safeParse(id).success) problems.push(`${id}: the file name is not lower-case words joined by dashes`);
  for (const lang of LANGUAGES) {
    for (const id of lib.filesIn(lang))
      if (!ids.includes(id)) problems.push(`${lang}/${id}: a translation of an entry that has no English file`);
  }
  for (const id of ids) {
    for (const lang of LANGUAGES) {
      const e = lib.entry(id, lang).value;
      if (imagesOf(e.markdown).length) problems.push(`${lang}/${id}: library entries carry no pictures`);
    }
    for (const use of lib.entry(id, DEFAULT_LANGUAGE).value.front.usedIn) {
      const problem = useProblem(courses, use);
      if (problem) problems.push(`${id}: ${problem}`);
    }
  }
  return problems;
}

function useProblem(courses: CourseLibrary, use: PracticeUse): string | null {
  if (!courses.courseIds().includes(use.course)) return `usedIn names course "${use.course}", which does not exist`;
  const modules = courses.structure(use.course).modules;
  if ('exercise' in use)
    return modules.some((m) => m.exercise?.id === use.exercise)
      ? null
      : `usedIn names exercise "${use.exercise}", which course "${use.course}" does not have`;
  const m = modules.find((x) => x.id === use.module);
  if (!m) return `usedIn names module "${use.module}", which course "${use.course}" does not have`;
  if (use.lesson && !m.lessons.includes(use.lesson))
    return `usedIn names lesson "${use.lesson}", which module "${use.module}" does not have`;
  return null;
}

let shared: PracticeLibrary | undefined;
/** The platform's own good-practice library (training/library in this repository). */
export const practiceLibrary = (): PracticeLibrary => (shared ??= new PracticeLibrary());
