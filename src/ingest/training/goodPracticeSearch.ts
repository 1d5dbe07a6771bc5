/**
 * Finding entries in the good-practice library: facet filters (AND across facets) and simple
 * full-text search in memory. The library is a few dozen files, so an index is a folded string
 * per entry: every query word must begin a word of the entry, after both are folded with the
 * platform's one text folding (domain/selectors foldText: case, diacritics, Cyrillic), so
 * "Bērziņš", "BERZINS" and "berzins" find each other. Entries where words hit the title rank first.
 */
import { foldText } from '../../domain/selectors/index.ts';
import { FACET_NAMES, FACETS } from '../../shared/contracts/training.ts';
import type { Facet } from '../../shared/contracts/training.ts';
import type { Practice, PracticeUse } from './goodPractices.ts';

export type PracticeFilter = Partial<Record<Facet, string>> & {
  q?: string | undefined;
  course?: string | undefined;
  module?: string | undefined;
  lesson?: string | undefined;
  exercise?: string | undefined;
};

export interface PracticeHits {
  entries: Practice[];
  facets: Record<Facet, { value: string; count: number }[]>;
}

/** The values an entry has along one facet. */
export function valuesOf(p: Practice, facet: Facet): readonly string[] {
  return facet === 'kind' ? [p.front.kind] : p.front.tags[facet];
}

/** Folded words of a text, space-separated with a leading and trailing space, for word-prefix tests. */
const indexText = (...parts: string[]): string => ` ${foldText(parts.join(' '))} `;

interface Indexed {
  title: string;
  all: string;
}

const indexes = new WeakMap<Practice, Indexed>();
function indexOf(p: Practice): Indexed {
  let i = indexes.get(p);
  if (!i) {
    const tags = FACET_NAMES.flatMap((f) => valuesOf(p, f));
    i = {
      title: indexText(p.title),
      all: indexText(p.title, p.summary, p.markdown, ...tags, ...p.sources.map((s) => s.title)),
    };
    indexes.set(p, i);
  }
  return i;
}

/** The query's folded words; none for an empty or punctuation-only query. */
export const queryWords = (q: string | undefined): string[] => {
  const folded = foldText(q ?? '');
  return folded === '' ? [] : [...new Set(folded.split(' '))];
};

/** 0 when some word is missing; otherwise higher for words that also begin a word of the title. */
export function textScore(p: Practice, words: readonly string[]): number {
  if (!words.length) return 1;
  const i = indexOf(p);
  let score = 1;
  for (const w of words) {
    if (!i.all.includes(` ${w}`)) return 0;
    if (i.title.includes(` ${w}`)) score += 2;
  }
  return score;
}

const usedBy = (u: PracticeUse, f: PracticeFilter): boolean =>
  (!f.course || u.course === f.course) &&
  (!f.module || ('module' in u && u.module === f.module)) &&
  // A link to the whole module counts for each of its lessons.
  (!f.lesson || ('module' in u && (u.lesson === undefined || u.lesson === f.lesson))) &&
  (!f.exercise || ('exercise' in u && u.exercise === f.exercise));

const linked = (p: Practice, f: PracticeFilter): boolean =>
  !(f.course || f.module || f.lesson || f.exercise) || p.front.usedIn.some((u) => usedBy(u, f));

const matchesFacets = (p: Practice, f: PracticeFilter, except?: Facet): boolean =>
  FACET_NAMES.every((facet) => facet === except || !f[facet] || valuesOf(p, facet).includes(f[facet]));

export function searchPractices(all: readonly Practice[], f: PracticeFilter): PracticeHits {
  const words = queryWords(f.q);
  const base = all.map((p) => ({ p, score: textScore(p, words) })).filter((x) => x.score > 0 && linked(x.p, f));
  const entries = base
    .filter((x) => matchesFacets(x.p, f))
    .sort((a, b) => b.score - a.score || a.p.title.localeCompare(b.p.title))
    .map((x) => x.p);
  const facets = Object.fromEntries(
    FACET_NAMES.map((facet) => {
      const pool = base.filter((x) => matchesFacets(x.p, f, facet));
      // Every value the library uses, in the vocabulary's order, so the filter's choices stay put.
      const present = (FACETS[facet] as readonly string[]).filter((v) =>
        all.some((p) => valuesOf(p, facet).includes(v)),
      );
      return [
        facet,
        present.map((value) => ({ value, count: pool.filter((x) => valuesOf(x.p, facet).includes(value)).length })),
      ];
    }),
  ) as PracticeHits['facets'];
  return { entries, facets };
}
