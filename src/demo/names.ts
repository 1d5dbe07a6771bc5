/**
 * Invented person names. Given names and surnames are common ones in each country, combined at
 * random, so a generated person is nobody in particular. Combinations that would name a
 * well-known person were avoided when the lists were drawn up (e.g. surnames of public figures
 * are left out). Ukrainian names are kept in Cyrillic and romanised by rule (`romaniseUk`), which
 * is also how the transliteration duplicates are made.
 */
import type { Rng } from './prng.ts';
import type { Nationality } from './constants.ts';
import { LISTS } from './nameLists.ts';

export type Gender = 'male' | 'female';

export interface PersonName {
  first: string;
  last: string;
  /** Original-script spelling when it differs (Ukrainian Cyrillic). */
  firstNative?: string;
  lastNative?: string;
}

/** Draw a name for a person of the given nationality and gender. */
export function drawName(rng: Rng, nat: Nationality, gender: Gender): PersonName {
  const list = LISTS[nat];
  const first = rng.pick(gender === 'male' ? list.male : list.female);
  const pair = rng.pick(list.surnames);
  const last = gender === 'male' ? pair[0] : pair[1];
  if (nat === 'ua') return { first: romaniseUk(first), last: romaniseUk(last), firstNative: first, lastNative: last };
  return { first, last };
}

// Ukrainian national romanisation (Cabinet of Ministers resolution 55 of 2010, the passport
// standard): є ї й ю я are written ye yi y yu ya at the start of a word, ie i i iu ia elsewhere.
const UK_2010: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  "'": '',
  '’': '',
};
const UK_2010_INITIAL: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

// Older, Russian-influenced spellings still found in documents issued before 2010 and in
// foreign registers: г → g, й → y, я → ya everywhere. The source of most transliteration misses.
const UK_LEGACY: Record<string, string> = {
  ...UK_2010,
  г: 'g',
  є: 'ye',
  ї: 'yi',
  й: 'y',
  ю: 'yu',
  я: 'ya',
  х: 'kh',
  и: 'y',
};

function romanise(text: string, table: Record<string, string>, initial: Record<string, string>): string {
  let out = '';
  let atStart = true;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = (atStart ? initial[lower] : undefined) ?? table[lower];
    if (mapped === undefined) {
      out += ch;
      atStart = !/\p{L}/u.test(ch);
      continue;
    }
    // Special case of the 2010 rule: зг is written zgh to keep it apart from ж.
    const piece = lower === 'г' && out.toLowerCase().endsWith('z') && table === UK_2010 ? 'gh' : mapped;
    out += ch !== lower && piece.length > 0 ? piece.charAt(0).toUpperCase() + piece.slice(1) : piece;
    atStart = false;
  }
  return out;
}

/** Romanise Ukrainian Cyrillic by the 2010 national standard. */
export function romaniseUk(text: string): string {
  return romanise(text, UK_2010, UK_2010_INITIAL);
}

/** Romanise by the older, Russian-influenced convention (a different but plausible spelling). */
export function romaniseUkLegacy(text: string): string {
  return romanise(text, UK_LEGACY, {});
}

/** Drop diacritics (ā → a, ö → o, ł → l): how Baltic and Polish names are written by foreign systems. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}

/** Full name as "First Last". */
export function fullName(n: PersonName): string {
  return `${n.first} ${n.last}`;
}

// Latin → Cyrillic as a Russian-speaking clerk writes a Baltic, Finnish or Polish name: longest
// spellings first, diacritics read by sound (š ш, ž ж, ä э, ö ё, ü ю), soft ļ ņ with a soft sign.
const TO_CYRILLIC: readonly (readonly [string, string])[] = [
  ['shch', 'щ'],
  ['sch', 'ш'],
  ['sh', 'ш'],
  ['sz', 'ш'],
  ['ch', 'ч'],
  ['cz', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ya', 'я'],
  ['yu', 'ю'],
  ['ye', 'е'],
  ['ja', 'я'],
  ['ju', 'ю'],
  ['ie', 'ие'],
  ['a', 'а'],
  ['ā', 'а'],
  ['ą', 'он'],
  ['ä', 'э'],
  ['b', 'б'],
  ['c', 'ц'],
  ['č', 'ч'],
  ['ć', 'ч'],
  ['d', 'д'],
  ['e', 'е'],
  ['ē', 'е'],
  ['ę', 'ен'],
  ['f', 'ф'],
  ['g', 'г'],
  ['ģ', 'г'],
  ['h', 'х'],
  ['i', 'и'],
  ['ī', 'и'],
  ['j', 'й'],
  ['k', 'к'],
  ['ķ', 'к'],
  ['l', 'л'],
  ['ļ', 'ль'],
  ['ł', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['ņ', 'нь'],
  ['ń', 'нь'],
  ['o', 'о'],
  ['ó', 'о'],
  ['õ', 'о'],
  ['ö', 'ё'],
  ['p', 'п'],
  ['q', 'к'],
  ['r', 'р'],
  ['s', 'с'],
  ['ś', 'с'],
  ['š', 'ш'],
  ['t', 'т'],
  ['u', 'у'],
  ['ū', 'у'],
  ['ü', 'ю'],
  ['v', 'в'],
  ['w', 'в'],
  ['x', 'кс'],
  ['y', 'ю'],
  ['z', 'з'],
  ['ž', 'ж'],
  ['ź', 'ж'],
  ['ż', 'ж'],
];

/** A Latin-script name written in Cyrillic, letter by sound (the cross-script duplicates). */
export function cyrillicOf(text: string): string {
  let out = '';
  let i = 0;
  const lower = text.toLowerCase();
  while (i < text.length) {
    const hit = TO_CYRILLIC.find(([lat]) => lower.startsWith(lat, i));
    if (!hit) {
      out += text.charAt(i);
      i++;
      continue;
    }
    const upper = text.charAt(i) !== lower.charAt(i);
    out += upper ? hit[1].charAt(0).toUpperCase() + hit[1].slice(1) : hit[1];
    i += hit[0].length;
  }
  return out;
}
