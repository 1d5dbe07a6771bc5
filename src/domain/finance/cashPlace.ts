/**
 * Where cash moved, read from what the bank printed on a cash line (DOMAIN.md §9): the ISO 20022
 * bank transaction code (`CNTR/CDPT`, `CCRD/CWDL`) or the words of the line say it is cash, and
 * the ATM or branch place follows the cash words in the additional entry or transaction
 * information, the `:86:` remittance text or a CSV message ("Cash deposit Tampere", "Käteispano
 * TAMPERE KESKUSTA", "ATM 1234 Vantaa Myyrmäki"). Numbers (terminal ids, card masks, dates,
 * times) are not places. The place keeps its letters as written, so "Rīga" stays "Rīga".
 */
import { CASH_DEPOSIT_WORDS, CASH_WITHDRAWAL_WORDS, foldWords, wordMatcher } from './vocabulary.ts';

const CASH = [...CASH_DEPOSIT_WORDS.words, ...CASH_WITHDRAWAL_WORDS.words];
const isCashLine = wordMatcher(CASH);
/** Cash words as folded token sequences (a trailing `*` matches any ending). */
const PHRASES = CASH.map((w) =>
  foldWords(w.replace(/\*$/, ''))
    .split(' ')
    .concat(w.endsWith('*') ? ['*'] : []),
);
/** Words around a place that are not part of it. */
const NOISE = new Set(['at', 'in', 'nr', 'no', 'card', 'kortti', 'kaart', 'karte', 'terminal', 'eur', 'ref']);
const MAX_PLACE_WORDS = 4;

/** Length in tokens of a cash phrase starting at `i`, or 0. */
function phraseAt(folded: readonly string[], i: number): number {
  for (const p of PHRASES) {
    const prefix = p[p.length - 1] === '*';
    const words = prefix ? p.slice(0, -1) : p;
    const ok = words.every((w, k) => {
      const t = folded[i + k];
      if (t === undefined) return false;
      return prefix && k === words.length - 1 ? t.startsWith(w) : t === w;
    });
    if (ok && words.length) return words.length;
  }
  return 0;
}

/** The place written after the cash words of one text segment, if any. */
function placeIn(segment: string): string | undefined {
  const tokens = segment.split(/\s+/).filter(Boolean);
  const folded = tokens.map((t) => foldWords(t));
  let best: string | undefined;
  for (let i = 0; i < tokens.length;) {
    const n = phraseAt(folded, i);
    if (!n) {
      i++;
      continue;
    }
    const words: string[] = [];
    let j = i + n;
    for (; j < tokens.length && words.length < MAX_PLACE_WORDS && !phraseAt(folded, j); j++) {
      const f = folded[j] ?? '';
      if (!f || /\d/.test(f) || NOISE.has(f)) {
        if (words.length) break;
        continue;
      }
      words.push((tokens[j] ?? '').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
    }
    const place = words.filter(Boolean).join(' ');
    if (place && !best) best = place;
    i = j;
  }
  return best;
}

const cache = new Map<string, string | null>();

/** The ATM or branch place of a cash line, from its kind (bank transaction code) and text. */
export function cashPlaceOf(kind: string | null | undefined, text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const key = `${kind ?? ''}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  let place: string | undefined;
  if (isCashLine.test(foldWords(`${kind ?? ''} ${text}`)))
    for (const segment of text.split(/\s*\|\s*/)) if ((place = placeIn(segment))) break;
  if (cache.size >= 50_000) cache.clear();
  cache.set(key, place ?? null);
  return place;
}
