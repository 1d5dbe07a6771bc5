/** Names: folding to a comparison key (fold.ts, translit.ts) and the one name matcher (match.ts). */
export { foldText, nameKey, nameTokens } from './fold.ts';
export { MAX_QUERY_WORDS, nameMatcher, nameMatches, queryWords } from './match.ts';
