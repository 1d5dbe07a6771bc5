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

const VOWELS = new Set([...'aeiouy']);
/**
 * One letter for another costs 1, a vowel for a vowel half: that is how transliteration and
 * folding differ (Mäkelä → Мэкелэ → Mekele; Yakovliv/Iakovliv), while a relative's name differs
 * in consonants too (Andres/Indrek).
 */
const substitution = (p: string, q: string) => (p === q ? 0 : VOWELS.has(p) && VOWELS.has(q) ? 0.5 : 1);

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

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring). */
export function wordEdits(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i++) rows.push(Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : 0)));
  for (let i = 1; i <= x.length; i++) {
    const row = rows[i] ?? [];
    row[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = substitution(x[i - 1] ?? '', y[j - 1] ?? '');
      let d = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row[j] = d;
    }
  }
  return rows[x.length]?.[y.length] ?? Math.max(x.length, y.length);
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
      if (!sameStart(w, v)) continue;
      const d = wordEdits(w, v);
      if (d > editsAllowed(Math.min([...w].length, [...v].length))) continue;
      used[j] = true;
      walk(i + 1, sum + d);
      used[j] = false;
    }
  };
  walk(0, 0);
  return best;
}
