/**
 * The training content in Finnish, Estonian and Latvian beside the English: every English item
 * (course and module texts, lessons, quizzes, exercise briefs, library entries) has a counterpart
 * in each language with the same structure — the same quiz questions and answers, the same
 * headings, tables and images in a text — and says whether a native speaker has reviewed it
 * (`reviewed: false` until one does; the pages show it). Items not translated yet are listed in
 * training/untranslated.txt; the list may only shrink: a new English item needs its translations,
 * and a translated item leaves the list.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { CourseLibrary, DEFAULT_COURSE_ROOT } from './library.ts';
import { DEFAULT_PRACTICE_ROOT, PracticeLibrary } from './goodPractices.ts';

const TRAINING = fileURLToPath(new URL('../../../training/', import.meta.url));
const LANGS = ['fi', 'et', 'lv'] as const;

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir).flatMap((n) =>
        statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)],
      )
    : [];

/** Every English item as [its English file, the same item's file in `lang`], paths from training/. */
function pairs(lang: string): [string, string][] {
  const out: [string, string][] = [];
  for (const course of readdirSync(DEFAULT_COURSE_ROOT)) {
    const en = join(DEFAULT_COURSE_ROOT, course, 'en');
    for (const f of filesUnder(en)) out.push([f, join(DEFAULT_COURSE_ROOT, course, lang, relative(en, f))]);
  }
  const en = join(DEFAULT_PRACTICE_ROOT, 'en');
  for (const f of filesUnder(en)) out.push([f, join(DEFAULT_PRACTICE_ROOT, lang, relative(en, f))]);
  return out;
}

const untranslated = new Set(
  readFileSync(join(TRAINING, 'untranslated.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
);

const frontOf = (text: string): Record<string, unknown> => {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return (m ? YAML.parse(m[1] ?? '') : {}) as Record<string, unknown>;
};
const bodyOf = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

/** What must match between a text and its translation: headings by level, table rows, images, lists. */
function shape(markdown: string): string {
  const lines = bodyOf(markdown).split('\n');
  return JSON.stringify({
    headings: lines.filter((l) => /^#{1,6} /.test(l)).map((l) => l.split(' ')[0]),
    tableRows: lines.filter((l) => /^\|/.test(l)).length,
    images: [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]),
  });
}

interface QuizQuestion {
  id: string;
  type: string;
  options?: { id: string; correct?: boolean }[];
  pairs?: { id: string }[];
  answer?: number;
  tolerance?: number;
}
const answers = (q: { questions: QuizQuestion[] }) =>
  q.questions.map((x) => [
    x.id,
    x.type,
    x.options?.map((o) => [o.id, !!o.correct]),
    x.pairs?.map((p) => p.id),
    x.answer,
    x.tolerance,
  ]);
type QuizFile = { questions: QuizQuestion[] };

describe('training content in every language', () => {
  for (const lang of LANGS)
    it(`${lang}: every English item translated with the same structure and a review flag, but the listed gaps`, () => {
      const problems: string[] = [];
      let translated = 0;
      for (const [enFile, own] of pairs(lang)) {
        const rel = relative(TRAINING, own);
        if (!existsSync(own)) {
          if (!untranslated.has(rel)) problems.push(`missing: ${rel}`);
          continue;
        }
        translated++;
        if (untranslated.has(rel)) problems.push(`translated, so leaves training/untranslated.txt: ${rel}`);
        const [a, b] = [readFileSync(enFile, 'utf8'), readFileSync(own, 'utf8')];
        const meta = own.endsWith('.md') ? frontOf(b) : ((YAML.parse(b) ?? {}) as Record<string, unknown>);
        if (typeof meta['reviewed'] !== 'boolean') problems.push(`no review flag (reviewed: false|true): ${rel}`);
        if (own.endsWith('quiz.yaml')) {
          if (JSON.stringify(answers(YAML.parse(a) as QuizFile)) !== JSON.stringify(answers(YAML.parse(b) as QuizFile)))
            problems.push(`quiz questions or answers differ from the English: ${rel}`);
        } else if (own.endsWith('.md') && shape(a) !== shape(b)) problems.push(`structure differs: ${rel}`);
      }
      for (const rel of untranslated)
        if (rel.startsWith(`${lang}/`) || rel.includes(`/${lang}/`))
          if (!pairs(lang).some(([, own]) => relative(TRAINING, own) === rel)) problems.push(`listed but no such item: ${rel}`);
      console.log(`${lang}: ${translated} of ${pairs(lang).length} items translated`);
      expect(problems).toEqual([]);
    });

  it('gives the reader’s language, English where it is missing, and says when a translation is unreviewed', () => {
    const lib = new CourseLibrary();
    const lv = lib.lesson('thb-investigation', 'legal-framework', 'what-is-thb', 'lv');
    expect([lv.language, lv.fallback, lv.unreviewed]).toEqual(['lv', false, true]);
    const en = lib.lesson('thb-investigation', 'legal-framework', 'what-is-thb', 'en');
    expect([en.language, en.fallback, en.unreviewed]).toEqual(['en', false, false]);
    const entry = new PracticeLibrary().entry('wage-kick-backs', 'fi');
    expect(entry.fallback ? entry.language : entry.unreviewed).toBe(entry.fallback ? 'en' : true);
  });
});
