/**
 * The one name matcher behind every box where a user types part of a name: global search, the
 * entity list's name filter, the entity pickers (chart start, link forms, entity-valued
 * properties), the resolution queue, the persons and accounts lists and the transaction filter
 * (also used by its CSV export).
 *
 * A text matches a query when every folded word of the query (foldText: case, diacritics,
 * Cyrillic → Latin, spelling conventions) begins a folded word of the text, in any order, so
 * "Arturs Grinbergs", "Grīnbergs Artūrs", "Артурс Гринбергс" and "grinb art" all find
 * "Artūrs Grīnbergs". The server's full-text index (store/repos/search) stores the same folded
 * words and matches query words as prefixes, so a filter run in the database and one run in
 * the browser agree. A query that is a literal part of the text (any case) matches as well,
 * so digits in the middle of a phone number or an IBAN still find it.
 */
import { foldText } from './fold.ts';

/** At most this many query words count (the full-text index takes the same number). */
export const MAX_QUERY_WORDS = 16;

/** The folded words of a query, in order, at most MAX_QUERY_WORDS. */
export function queryWords(query: string): string[] {
  const folded = foldText(query);
  return folded === '' ? [] : folded.split(' ').slice(0, MAX_QUERY_WORDS);
}

/**
 * A test for one query against many texts (the query is folded once). An empty query matches
 * everything. Texts are the name and, where a box offers them, aliases or other names.
 */
export function nameMatcher(query: string): (...texts: readonly string[]) => boolean {
  const words = queryWords(query);
  const literal = query.trim().toLowerCase();
  if (literal === '') return () => true;
  return (...texts) => {
    if (texts.some((t) => t.toLowerCase().includes(literal))) return true;
    if (words.length === 0) return false;
    const textWords = texts.flatMap((t) => foldText(t).split(' '));
    return words.every((w) => textWords.some((tw) => tw.startsWith(w)));
  };
}

/** Whether `text` (or any of `more`) matches `query`; see nameMatcher. */
export const nameMatches = (query: string, text: string, ...more: readonly string[]): boolean =>
  nameMatcher(query)(text, ...more);
