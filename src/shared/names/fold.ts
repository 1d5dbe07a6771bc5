/**
 * Folding person and company names to a key, so that the spellings a name takes across
 * passports, registers, chats and three alphabets find each other:
 *
 *   "Jānis Bērziņš" = "JANIS BERZINS" = "Berziņš Jānis" = "Янис Берзиньш" = "Yanis Berzinsh"
 *
 * The key is for comparison only, never for display: it is deliberately lossy ("sh", "š", "ш"
 * all become "s"). Two different people may share a key; that is the price of not missing the
 * same person written differently, and investigators confirm matches by other means.
 *
 * Pipeline (foldText):
 *  1. NFKC + case folding: full-width and ligature forms become plain letters, and decomposed
 *     Cyrillic (и + breve) is recomposed so that й/ё/ї/ў are seen as whole letters.
 *  2. Cyrillic → Latin in the Latvian/Lithuanian style, already folded (translit.ts).
 *  3. NFKD and removal of combining marks: "ā č ē ģ ī ķ ļ ņ š ū ž õ ä ö ü å ą ć ę ń ó ś ź ż ă â
 *     î ș ț ş ţ" lose their diacritics. Letters without a decomposition (ø ß æ đ ł …) are mapped
 *     explicitly. Cyrillic is transliterated again, for letters that carried marks (ѐ, ѝ).
 *  4. Apostrophes are dropped ("O'Neill" → "oneill", Ukrainian "Мар'яна" → "marjana"); any
 *     other punctuation separates words; whitespace is collapsed.
 *  5. Latin spelling conventions are collapsed until nothing changes (collapseSpellings).
 */
import { foldLatinSpecials, transliterateCyrillic, usesUkrainianG } from './translit.ts';

/**
 * Rewrites applied to the folded Latin text, in order, repeatedly until none applies. Each
 * rule makes the text shorter or removes a letter (x, w, y) that no rule puts back, so the loop
 * ends, and the result is a fixed point, so folding is idempotent.
 */
const spellingRules: ReadonlyArray<readonly [RegExp, string]> = [
  // x is "ks" in Baltic and Slavic spelling: "Alexey" = "Aleksejs" = "Алексей".
  [/x/g, 'ks'],
  // w is "v" in Polish and German transliterations: "Iwanow" = "Ivanov" = "Иванов".
  [/w/g, 'v'],
  // English y: a consonant before or after a vowel ("Yanis", "Andrey" → "janis", "andrej",
  // matching я = "ja" and й = "j"), a vowel otherwise ("Krylov" → "krilov", as ы = "i").
  [/y(?=[aeiou])/g, 'j'],
  [/(?<=[aeiou])y/g, 'j'],
  [/y/g, 'i'],
  // Digraphs for one Baltic letter (š, ž, č, c, h after folding), longest first:
  // English/ICAO shch/sh/zh/ch/kh/ts, German tsch/sch, Polish sz/cz (szcz via sz + cz).
  [/shch/g, 'sc'],
  [/tsch/g, 'c'],
  [/sch/g, 's'],
  [/sh|sz/g, 's'],
  [/zh/g, 'z'],
  [/kh/g, 'h'],
  [/ch|cz|ts/g, 'c'],
  // Russian е after a vowel, a soft sign or at the start is pronounced "ye" and written so in
  // Latvian and English ("Jeļena", "Yelena", "Vasilyev") but "e" in Russian itself and in ICAO
  // passports ("Елена", "Elena", "Vasilev"). Dropping the j makes them one key.
  [/je/g, 'e'],
  // ICAO writes я/ю/є at the start of a word as "ia/iu/ie" ("Iurii"): a consonant i.
  [/(?<![\p{L}\p{N}])i(?=[aeou])/gu, 'j'],
  // ICAO writes word-final й after a vowel as "i" ("Andrei", "Nikolai" = "Андрей", "Николай").
  [/(?<=[aeou])i(?![\p{L}\p{N}])/gu, 'j'],
  // The ending -ий is "ij" (Latvian), "ii" (ICAO), "iy"/"y" (English), all read as "i"
  // ("Дмитрий" = "Dmitrij" = "Dmitrii" = "Dmitriy" = "Dmitry").
  [/i[ij](?![\p{L}\p{N}])/gu, 'i'],
];

function collapseSpellings(text: string): string {
  let current = text;
  for (;;) {
    let next = current;
    for (const [pattern, replacement] of spellingRules) next = next.replace(pattern, replacement);
    if (next === current) return current;
    current = next;
  }
}

/**
 * Apostrophe-like characters, dropped rather than turned into word breaks. Includes the
 * modifier letters ʼ (the Ukrainian apostrophe, U+02BC) and ʹ ʺ (ь and ъ in some
 * transliterations), which Unicode counts as letters.
 */
const apostrophes = /['‘’`´ʹʺʻʼ′″]/gu;

/**
 * Case folding. Upper-casing first maps letters whose lower case is not unique ("ß" → "SS",
 * "ı" → "I", Greek "ᾳ" → "ΑΙ") to the form their capitals take, so that a name in capitals and
 * the same name in small letters fold alike.
 */
const caseFold = (s: string): string => s.toUpperCase().toLowerCase();

/**
 * Lower-case, diacritic- and script-folded text; words separated by single spaces, in their
 * original order. Full-text search can fold both the indexed text and the query with it.
 * Prefix search on folded text works except right at a collapsed spelling: the query "Kuznet"
 * folds to "kuznet", which is not a prefix of "kuznecov" (from "Kuznetsov").
 */
export function foldText(raw: string): string {
  let s = caseFold(raw.normalize('NFKC'));
  const ukrainianG = usesUkrainianG(s);
  s = transliterateCyrillic(s, ukrainianG);
  s = s.normalize('NFKD').replace(/\p{M}/gu, '');
  s = caseFold(transliterateCyrillic(foldLatinSpecials(s), ukrainianG));
  s = s
    .replace(apostrophes, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return collapseSpellings(s);
}

/** The folded words of a name, in their original order (for partial or prefix matching). */
export function nameTokens(raw: string): string[] {
  const folded = foldText(raw);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * The comparison key of a name: folded words sorted, so word order does not matter
 * ("Bērziņš Jānis" = "Jānis Bērziņš"; registers and passports disagree on surname-first).
 * Returns '' when nothing is left.
 */
export function nameKey(raw: string): string {
  return nameTokens(raw)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(' ');
}
