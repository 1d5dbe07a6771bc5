/**
 * Digits written as words, and filler words put between digit groups, as ad writers use them to
 * slip phone numbers past site filters ("nolla neljä viisi 123 45 67", "040 dot 123 dot 4567").
 * Cardinal numbers 0–9 from the standard grammars of each language (EN, FI, ET, LV, LT, RU, UK);
 * the filler words are the ones for "dot", "dash", "space" and "and" in the same languages.
 */

/** Folded spelling (lower case, NFKC) → digit. Inflected forms are not listed: ads use the base form. */
export const NUMBER_WORDS: Readonly<Record<string, string>> = Object.freeze({
  // English
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  // Finnish
  nolla: '0',
  yksi: '1',
  kaksi: '2',
  kolme: '3',
  neljä: '4',
  viisi: '5',
  kuusi: '6',
  seitsemän: '7',
  kahdeksan: '8',
  yhdeksän: '9',
  // Estonian
  null: '0',
  üks: '1',
  kaks: '2',
  kolm: '3',
  neli: '4',
  viis: '5',
  kuus: '6',
  seitse: '7',
  kaheksa: '8',
  üheksa: '9',
  // Latvian
  nulle: '0',
  viens: '1',
  divi: '2',
  trīs: '3',
  četri: '4',
  pieci: '5',
  seši: '6',
  septiņi: '7',
  astoņi: '8',
  deviņi: '9',
  // Lithuanian
  nulis: '0',
  vienas: '1',
  du: '2',
  trys: '3',
  keturi: '4',
  penki: '5',
  šeši: '6',
  septyni: '7',
  aštuoni: '8',
  devyni: '9',
  // Russian
  ноль: '0',
  нуль: '0',
  один: '1',
  два: '2',
  три: '3',
  четыре: '4',
  пять: '5',
  шесть: '6',
  семь: '7',
  восемь: '8',
  девять: '9',
  // Ukrainian (один, два, три and нуль are spelt as in Russian, listed above)
  чотири: '4',
  пʼять: '5',
  "п'ять": '5',
  шість: '6',
  сім: '7',
  вісім: '8',
  девʼять: '9',
  "дев'ять": '9',
});

/** Words that only separate digit groups. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'dot',
  'dash',
  'hyphen',
  'space',
  'and',
  'then',
  'slash',
  'piste',
  'viiva',
  'väli',
  'ja',
  'punkt',
  'kriips',
  'tühik',
  'punkts',
  'domuzīme',
  'un',
  'taškas',
  'brūkšnys',
  'ir',
  'точка',
  'тире',
  'дефис',
  'пробел',
  'и',
  'крапка',
  'пробіл',
  'та',
  'і',
]);

/** Words that stand for the international "+". */
export const PLUS_WORDS: ReadonlySet<string> = new Set(['plus', 'pluss', 'плюс']);
