/**
 * Address texts to one comparison key, so that the ways a register, a posting notification, a
 * bank's KYC record and a worker's statement write one address meet:
 *
 *   "Brīvības iela 12-3, Rīga" = "BRIVIBAS IE. 12 - 3 RIGA"
 *   "Hämeenkatu 5 A" = "Hämeenk. 5a"          "Pärnu maantee 22" = "Pärnu mnt 22"
 *   "Gedimino prospektas 1" = "Gedimino pr. 1"   "ул. Ленина, д. 5" = "улица Ленина 5"
 *
 * Steps: lower case; street-type abbreviations written out (Latvian iela/ie., Estonian
 * tänav/tn, maantee/mnt, puiestee/pst, Lithuanian gatvė/g., prospektas/pr., Finnish …katu/…k.
 * and …tie/…t. at the end of the street name, Russian улица/ул., English st/rd/ave); words that
 * only announce a number ("nr", "no", "д.", "dz.", "kv.", "as.") dropped; a house letter joined
 * to its number ("12 A", "12-a" → "12a"); then the name fold (names.ts): diacritics, Cyrillic,
 * punctuation and spacing. The key is for comparison only, never for display.
 */
import { foldText } from '../../shared/names/index.ts';

/** Street-type words and their abbreviations → the written-out word. */
const STREET_WORDS: Readonly<Record<string, string>> = {
  ie: 'iela',
  tn: 'tänav',
  tän: 'tänav',
  mnt: 'maantee',
  pst: 'puiestee',
  g: 'gatvė',
  pr: 'prospekt',
  prosp: 'prospekt',
  prospektas: 'prospekt',
  prospekts: 'prospekt',
  prospekt: 'prospekt',
  bulv: 'bulvāris',
  ул: 'улица',
  пр: 'проспект',
  st: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
};

/** Words that only announce the number after them. */
const NUMBER_WORDS = new Set([
  'nr',
  'no',
  'n',
  '№',
  'д',
  'дом',
  'кв',
  'kv',
  'dz',
  'dzīv',
  'as',
  'asunto',
  'apt',
  'flat',
]);

/** Finnish street names carry the type at their end: "Hämeenk." is Hämeenkatu, "Mannerheimint." Mannerheimintie. */
const FINNISH_SUFFIX: Readonly<Record<string, string>> = { k: 'katu', t: 'tie' };

const TOKEN = /[\p{L}\p{N}№]+(\.?)/gu;

/** The comparison key of an address text ("" for an empty one). */
export function addressKey(raw: string): string {
  const tokens: { word: string; dotted: boolean }[] = [];
  for (const m of raw.normalize('NFKC').toLowerCase().matchAll(TOKEN))
    tokens.push({ word: m[0].replace(/\.$/, ''), dotted: m[1] === '.' });
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const next = tokens[i + 1]?.word ?? '';
    const prev = out[out.length - 1];
    // A house letter after its number: "12 A", "12-a" and "12a" are one house.
    if (prev !== undefined && /^\d+$/.test(prev) && /^\p{L}$/u.test(t.word) && !/^\p{L}/u.test(next)) {
      out[out.length - 1] = prev + t.word;
      continue;
    }
    if (NUMBER_WORDS.has(t.word) && /^\d/.test(next)) continue;
    const written = STREET_WORDS[t.word];
    const suffix = FINNISH_SUFFIX[t.word.slice(-1)];
    if (written) out.push(written);
    else if (t.dotted && suffix && t.word.length >= 5 && /^\d/.test(next)) out.push(t.word.slice(0, -1) + suffix);
    else out.push(t.word);
  }
  return foldText(out.join(' '));
}
