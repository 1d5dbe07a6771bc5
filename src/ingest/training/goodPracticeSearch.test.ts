/**
 * Finding good practices: facet filters, links to modules and exercises, word search that
 * ignores letter case and diacritics, and facet counts that predict what choosing a value gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACET_NAMES } from '../../shared/contracts/training.ts';
import type { Facet } from '../../shared/contracts/training.ts';
import { DEFAULT_PRACTICE_ROOT, PracticeLibrary } from './goodPractices.ts';
import { queryWords, searchPractices, valuesOf } from './goodPracticeSearch.ts';
import type { PracticeFilter } from './goodPracticeSearch.ts';

const all = new PracticeLibrary(DEFAULT_PRACTICE_ROOT).all('en').map((e) => e.value);
const ids = (f: PracticeFilter) => searchPractices(all, f).entries.map((p) => p.id);

/** Words of the entries' titles, long enough to be meaningful queries. */
const titleWords = [...new Set(all.flatMap((p) => p.title.split(/[^\p{L}]+/u)).filter((w) => w.length >= 5))];

/** The same letters with random capitals and combining diacritics (ā, č, ö …). */
const decorated = (word: string) =>
  fc
    .array(fc.tuple(fc.boolean(), fc.constantFrom('', '\u0301', '\u0304', '\u030C', '\u0308', '\u0327')), {
      minLength: word.length,
      maxLength: word.length,
    })
    .map((marks) =>
      [...word]
        .map((ch, i) => {
          const [upper, mark] = marks[i] ?? [false, ''];
          return ((upper ? ch.toUpperCase() : ch) + mark).normalize('NFC');
        })
        .join(''),
    );

describe('searching the good-practice library', () => {
  it('lists every entry, by title, when nothing is asked', () => {
    const got = searchPractices(all, {}).entries.map((p) => p.title);
    expect(got).toHaveLength(all.length);
    expect(got).toEqual([...got].sort((a, b) => a.localeCompare(b)));
  });

  it('filters by each facet: every entry found has the tag, and every entry with the tag is found', () => {
    for (const facet of FACET_NAMES) {
      for (const { value } of searchPractices(all, {}).facets[facet]) {
        const found = ids({ [facet]: value });
        expect(found.length, `${facet}=${value}`).toBeGreaterThan(0);
        expect(found.sort()).toEqual(
          all
            .filter((p) => valuesOf(p, facet).includes(value))
            .map((p) => p.id)
            .sort(),
        );
      }
    }
  });

  it('combines facets with AND', () => {
    const found = ids({ exploitation: 'sexual', scheme: 'online-ads' });
    expect(found).toContain('online-recruitment-and-advertising');
    for (const id of found) {
      const p = all.find((x) => x.id === id);
      expect(p?.front.tags.exploitation).toContain('sexual');
      expect(p?.front.tags.scheme).toContain('online-ads');
    }
    expect(ids({ exploitation: 'sexual', scheme: 'fraudulent-posting' })).toEqual([]);
  });

  it('finds the entries a module, a lesson or an exercise uses; a module-wide link counts for each lesson', () => {
    expect(ids({ course: 'thb-investigation', exercise: 'posted-workers' }).sort()).toEqual([
      'fraudulent-posting-of-workers',
      'subcontracting-chains-and-letterboxes',
    ]);
    const lesson = ids({
      course: 'thb-investigation',
      module: 'labour-exploitation',
      lesson: 'subcontracting-and-letterboxes',
    });
    // Linked to that lesson, and linked to the whole module (joint inspections) — not to the module's other lesson.
    expect(lesson).toContain('subcontracting-chains-and-letterboxes');
    expect(lesson).toContain('joint-inspections-and-referral');
    expect(lesson).not.toContain('bogus-self-employment');
    expect(ids({ course: 'thb-investigation', module: 'labour-exploitation' })).toContain('bogus-self-employment');
  });

  it('finds words anywhere in the entry, each word beginning a word, ranking title hits first', () => {
    const found = ids({ q: 'kick-backs' });
    expect(found[0]).toBe('wage-kick-backs');
    expect(found).toContain('parallel-financial-investigation');
    // Every word must be found: one unknown word empties the result.
    expect(ids({ q: 'kick-backs zanzibar' })).toEqual([]);
    // Prefixes of words match; the middle of a word does not.
    expect(ids({ q: 'letterb' })).toContain('subcontracting-chains-and-letterboxes');
    expect(ids({ q: 'etterbox' })).toEqual([]);
    // Sources and tags are searched too.
    expect(ids({ q: 'Ma³tch' })).toEqual(['hit-no-hit-information-exchange']);
    expect(ids({ q: 'Eurojust' })).toContain('joint-investigation-teams');
  });

  it('ignores letter case and diacritics in the query (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...titleWords).chain((w) => fc.tuple(fc.constant(w), decorated(w))),
        ([plain, fancy]) => {
          expect(ids({ q: fancy })).toEqual(ids({ q: plain }));
          expect(ids({ q: plain }).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('ignores diacritics in the text: a Latvian or Estonian spelling finds its plain form', () => {
    // "Krimināllikums" and "Karistusseadustik" are cited by no entry, so take words that are.
    expect(ids({ q: 'MA3TCH' })).toEqual(ids({ q: 'ma³tch' }));
    expect(queryWords('  Bērziņš, Jõgeva!! ')).toEqual(['berzins', 'jogeva']);
    expect(queryWords('—')).toEqual([]);
  });

  it('counts for each facet value exactly the entries that choosing it would give (property)', () => {
    const facetValue = fc
      .constantFrom(...FACET_NAMES)
      .chain((f) =>
        fc.tuple(fc.constant(f), fc.constantFrom(...searchPractices(all, {}).facets[f].map((x) => x.value))),
      );
    fc.assert(
      fc.property(
        fc.option(facetValue, { nil: undefined }),
        fc.constantFrom(...FACET_NAMES),
        fc.option(fc.constantFrom('', 'victims', 'accounts', 'posting', 'interview'), { nil: undefined }),
        (chosen, facet, q) => {
          const filter: PracticeFilter = { q, ...(chosen ? { [chosen[0]]: chosen[1] } : {}) };
          const hits = searchPractices(all, filter);
          for (const { value, count } of hits.facets[facet as Facet]) {
            expect(searchPractices(all, { ...filter, [facet]: value }).entries.length, `${facet}=${value}`).toBe(count);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
