/**
 * How many typing errors stand between two names: each word of one paired with a word of the
 * other (any order), and the letters to add, drop, replace or swap counted (optimal string
 * alignment distance). Jaro–Winkler cannot tell "Indrek Kivi"/"Indnek Kovi" (one error in each
 * word, one person) from "Andres Kukk"/"Indrek Kukk" (a family): both come out near 0.89. An
 * edit count can — a clerk's slip changes a letter, a relative's name changes a word.
 */

/** Errors a word of this length may carry and still be the same word: none in short words. */
export function editsAllowed(length: number): number {
  return length <= 3 ? 0 : length <= 7 ? 1 : 2;
}

/**
 * One letter for another costs 1, a vowel for a vowel half: that is how transliteration and
 * folding differ (Mäkelä → Мэкелэ → Mekele; Yakovliv/Iakovliv), while a relative's name differs
 * in consonants too (Andres/Indrek).
 */
const VOWEL_CODES = new Set([...'aeiouy'].map((c) => c.codePointAt(0) ?? 0));

/**
 * Whether two words begin alike: writers seldom slip on a word's first letter (Pollock and
 * Zamora 1984, the reason for Jaro–Winkler's prefix bonus), while relatives' names often differ
 * just there (Anna/Hanna). I, J and Y stand for one another in transliterations (Yana/Jana/Iana).
 */
export function sameStart(a: string, b: string): boolean {
  const x = a.charAt(0);
  const y = b.charAt(0);
  return x === y || ('ijy'.includes(x) && 'ijy'.includes(y) && x !== '' && y !== '');
}

/**
 * A word as it sounds, for the spellings transliteration makes of one letter: Ukrainian г is
 * "h" (Halyna) or "g" (Galyna, the Russian reading), and Estonian/Finnish ü is written ю in
 * Cyrillic (Ülle → Юлле → julle) but "u" once its dots are folded away (ulle). Compared besides
 * the folded word, never instead of it, so no difference the fold keeps is lost.
 */
export function soundForm(word: string): string {
  // Most words have neither; scoring compares millions of word pairs in a large case.
  if (!word.includes('h') && !word.includes('ju')) return word;
  return word.replace(/h/g, 'g').replace(/ju/g, 'u');
}

/** Whether two words may be one written differently: as sameStart, on the written or the sounded form. */
export function mayBeSameWord(a: string, b: string): boolean {
  return sameStart(a, b) || sameStart(soundForm(a), soundForm(b));
}

/** A word without its doubled letters ("sepp" → "sep"). */
const undoubled = (word: string): string => word.replace(/(.)\1+/gu, '$1');

/**
 * The errors between two words when they may be one word (as nameEdits allows), else null: the
 * fewer of the written and the sounded forms' edits. A short word allows no slip but a doubled
 * letter written once or twice (Sep/Sepp, Ott/Ot): a different short name differs otherwise.
 */
export function wordSlips(a: string, b: string): number | null {
  let best: number | null = null;
  const consider = (x: string, y: string) => {
    if (!sameStart(x, y)) return;
    const d = wordEdits(x, y);
    const allowed = editsAllowed(Math.min(x.length, y.length));
    if (d <= allowed || (d === 1 && undoubled(x) === undoubled(y))) best = best === null ? d : Math.min(best, d);
  };
  consider(a, b);
  const [sa, sb] = [soundForm(a), soundForm(b)];
  if (sa !== a || sb !== b) consider(sa, sb);
  return best;
}

/** Code points of a word into a reusable buffer (scoring runs millions of times in a large case). */
function codesOf(word: string, into: Int32Array): number {
  let n = 0;
  for (const ch of word) into[n++] = ch.codePointAt(0) ?? 0;
  return n;
}

let xs = new Int32Array(64);
let ys = new Int32Array(64);
let table = new Float64Array(64 * 64);

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring). */
export function wordEdits(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length >= xs.length || b.length >= ys.length) {
    const size = Math.max(a.length, b.length) * 2;
    xs = new Int32Array(size);
    ys = new Int32Array(size);
    table = new Float64Array((size + 1) * (size + 1));
  }
  const m = codesOf(a, xs);
  const n = codesOf(b, ys);
  const w = n + 1;
  for (let j = 0; j <= n; j++) table[j] = j;
  for (let i = 1; i <= m; i++) {
    table[i * w] = i;
    const p = xs[i - 1] ?? 0;
    for (let j = 1; j <= n; j++) {
      const q = ys[j - 1] ?? 0;
      const cost = p === q ? 0 : VOWEL_CODES.has(p) && VOWEL_CODES.has(q) ? 0.5 : 1;
      let d = Math.min(
        (table[(i - 1) * w + j] ?? 0) + 1,
        (table[i * w + j - 1] ?? 0) + 1,
        (table[(i - 1) * w + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && p === ys[j - 2] && xs[i - 2] === q) d = Math.min(d, (table[(i - 2) * w + j - 2] ?? 0) + 1);
      table[i * w + j] = d;
    }
  }
  return table[m * w + n] ?? Math.max(m, n);
}

/**
 * The fewest errors (a vowel for a vowel counting half) turning one name (folded words) into
 * the other when both have the same number of words (at most four) and every word begins as its
 * partner and stays within `editsAllowed` of it; null when no such pairing exists (another word,
 * another name).
 */
export function nameEdits(a: readonly string[], b: readonly string[]): number | null {
  if (a.length !== b.length || a.length === 0 || a.length > 4) return null;
  let best: number | null = null;
  const used = new Array<boolean>(b.length).fill(false);
  const walk = (i: number, sum: number) => {
    if (best !== null && sum >= best) return;
    if (i === a.length) {
      best = sum;
      return;
    }
    const w = a[i] ?? '';
    for (let j = 0; j < b.length; j++) {
      if (used[j]) continue;
      const v = b[j] ?? '';
      const d = wordSlips(w, v);
      if (d === null) continue;
      used[j] = true;
      walk(i + 1, sum + d);
      used[j] = false;
    }
  };
  walk(0, 0);
  return best;
}
