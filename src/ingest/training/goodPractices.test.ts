/**
 * The good-practice library as content: every entry parses, cites a source, is tagged along
 * every facet that applies, is substantive, is linked to modules or exercises that exist, and
 * every tag has a label in the workspace. A library with a broken link or an orphan translation
 * is caught, and a missing translation falls back to English and says so.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACETS } from '../../shared/contracts/training.ts';
import { ContentError } from '../../domain/training/markdown.ts';
import { DEFAULT_PRACTICE_ROOT, PracticeLibrary, practiceProblems } from './goodPractices.ts';
import { CourseLibrary, DEFAULT_COURSE_ROOT } from './library.ts';
import { LANGUAGES } from '../../domain/training/schema.ts';

const lib = new PracticeLibrary(DEFAULT_PRACTICE_ROOT);
const courses = new CourseLibrary(DEFAULT_COURSE_ROOT);

describe('the good-practice library content', () => {
  it('has at least ten entries, with case studies, cooperation and victim-support practices', () => {
    const all = lib.all('en').map((e) => e.value);
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(new Set(all.map((e) => e.front.kind))).toEqual(
      new Set(['case-study', 'cooperation-practice', 'victim-support-practice']),
    );
    // The schemes ELECT THB named for collection each have a case study.
    for (const scheme of ['fraudulent-posting', 'bogus-self-employment', 'wage-kick-backs', 'online-recruitment']) {
      expect(
        all.some((e) => e.front.kind === 'case-study' && e.front.tags.scheme.includes(scheme as never)),
        scheme,
      ).toBe(true);
    }
  });

  it('parses every entry in every language, each with sources, tags of every facet that applies and a substantive text', () => {
    for (const lang of LANGUAGES) {
      for (const e of lib.all(lang)) {
        const p = e.value;
        const where = `${lang}/${p.id}`;
        expect(p.sources.length, where).toBeGreaterThanOrEqual(1);
        expect(p.front.tags.country.length, where).toBeGreaterThanOrEqual(1);
        expect(p.front.tags.exploitation.length, where).toBeGreaterThanOrEqual(1);
        expect(p.front.tags.agency.length, where).toBeGreaterThanOrEqual(1);
        if (p.front.kind === 'case-study') expect(p.front.tags.scheme.length, where).toBeGreaterThanOrEqual(1);
        expect(p.front.usedIn.length, where).toBeGreaterThanOrEqual(1);
        expect(p.markdown.trim().length, `${where} is substantive`).toBeGreaterThan(1500);
      }
    }
  });

  it('has every case study say whether it is an illustrative composite', () => {
    for (const e of lib.all('en'))
      if (e.value.front.kind === 'case-study') expect(typeof e.value.front.illustrative, e.value.id).toBe('boolean');
  });

  it('links only to modules, lessons and exercises that exist, and has no orphan translation', () => {
    expect(practiceProblems(lib, courses)).toEqual([]);
  });

  it('has a label in every language of the workspace for every tag of every facet', () => {
    for (const lang of LANGUAGES) {
      const library = (
        JSON.parse(readFileSync(new URL(`../../web/i18n/${lang}.json`, import.meta.url), 'utf8')) as {
          library?: { international?: string; tag?: Record<string, Record<string, string>> };
        }
      ).library;
      for (const [facet, values] of Object.entries(FACETS)) {
        // Countries are named by the browser (Intl.DisplayNames, which knows "EU"); only "international" is ours.
        if (facet === 'country') expect(library?.international, `${lang}: library.international`).toBeTruthy();
        else
          for (const v of values) expect(library?.tag?.[facet]?.[v], `${lang}: library.tag.${facet}.${v}`).toBeTruthy();
      }
    }
  });
});

describe('the library loader on a made-up library', () => {
  const front = (usedIn: string, extra = '') => `---
title: A test entry of the library
summary: A summary long enough to pass the rule of forty characters at least.
kind: cooperation-practice
tags:
  country: [FI]
  exploitation: [labour]
  agency: [police]
usedIn:
${usedIn}
sources:
  - title: A public source of the entry
${extra}---
Text of the entry.
`;
  function library(files: Record<string, string>): PracticeLibrary {
    const root = mkdtempSync(join(tmpdir(), 'practices-'));
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    return new PracticeLibrary(root);
  }

  it('reports links to a module, lesson or exercise that does not exist, and orphan translations', () => {
    const broken = library({
      'en/no-module.md': front('  - course: thb-investigation\n    module: no-such-module'),
      'en/no-lesson.md': front('  - course: thb-investigation\n    module: indicators\n    lesson: no-such-lesson'),
      'en/no-exercise.md': front('  - course: thb-investigation\n    exercise: no-such-exercise'),
      'en/no-course.md': front('  - course: no-such-course\n    module: indicators'),
      'en/fine.md': front('  - course: thb-investigation\n    exercise: posted-workers'),
      'fi/orphan.md':
        '---\ntitle: Orpo käännös\nsummary: Käännös merkinnästä, jota ei ole englanniksi olemassa lainkaan.\nsources:\n  - title: Julkinen lähde\n---\nTeksti.\n',
    });
    const problems = practiceProblems(broken, courses);
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/no-module: usedIn names module "no-such-module"/);
    expect(problems.join('\n')).toMatch(/no-lesson: usedIn names lesson "no-such-lesson"/);
    expect(problems.join('\n')).toMatch(/no-exercise: usedIn names exercise "no-such-exercise"/);
    expect(problems.join('\n')).toMatch(/no-course: usedIn names course "no-such-course"/);
    expect(problems.join('\n')).toMatch(/fi\/orphan: a translation of an entry that has no English file/);
  });

  it('refuses an entry without sources, tags or links, or a case study without a scheme, naming the file and field', () => {
    const noSource = library({
      'en/x.md': front('  - course: thb-investigation\n    module: indicators').replace(
        /sources:\n {2}- title: A public source of the entry\n/,
        'sources: []\n',
      ),
    });
    expect(() => noSource.entry('x', 'en')).toThrow(/en\/x\.md: sources/);
    const caseStudy = library({
      'en/y.md': front('  - course: thb-investigation\n    module: indicators').replace(
        'kind: cooperation-practice',
        'kind: case-study',
      ),
    });
    expect(() => caseStudy.entry('y', 'en')).toThrow(ContentError);
    expect(() => caseStudy.entry('y', 'en')).toThrow(/tags\.scheme: A case study names at least one scheme/);
    expect(() => caseStudy.entry('y', 'en')).toThrow(
      /illustrative: A case study says whether it is an illustrative composite/,
    );
    const badTag = library({
      'en/z.md': front('  - course: thb-investigation\n    module: indicators').replace(
        'country: [FI]',
        'country: [XX]',
      ),
    });
    expect(() => badTag.entry('z', 'en')).toThrow(/tags\.country/);
    const noLink = library({ 'en/w.md': front('  []') });
    expect(() => noLink.entry('w', 'en')).toThrow(/usedIn/);
  });

  it('serves a translation where there is one and English, marked as fallback, where there is none', () => {
    const two = library({
      'en/a.md': front('  - course: thb-investigation\n    module: indicators'),
      'en/b.md': front('  - course: thb-investigation\n    module: indicators'),
      'lv/a.md':
        '---\ntitle: Labās prakses ieraksts\nsummary: Kopsavilkums, kas ir pietiekami garš, lai izpildītu četrdesmit rakstzīmju noteikumu.\nsources:\n  - title: Publisks avots\n---\nIeraksta teksts.\n',
    });
    const a = two.entry('a', 'lv');
    expect([a.language, a.fallback, a.value.title, a.value.front.tags.country]).toEqual([
      'lv',
      false,
      'Labās prakses ieraksts',
      ['FI'],
    ]);
    const b = two.entry('b', 'lv');
    expect([b.language, b.fallback, b.value.title]).toEqual(['en', true, 'A test entry of the library']);
    expect(two.entry('a', 'en').fallback).toBe(false);
    expect(() => two.entry('nope', 'en')).toThrow(/not found/i);
  });
});
