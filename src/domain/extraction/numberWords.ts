/**
 * Digits written as words, and filler words put between digit groups, as ad writers use them to
 * slip phone numbers past site filters ("nolla neljä viisi 123 45 67", "040 dot 123 dot 4567").
 * Cardinal numbers 0–9 from the standard grammars of each language (EN, FI, ET, LV, LT, RU, UK);
 * the filler words are the ones for "dot", "dash", "space" and "and" in the same languages.
 */

/** A language's digit words: read in any text, and read only in a page declared in that language. */
interface DigitWords {
  /** Cardinals 0–9 and their common written forms (gender forms, the spelling without diacritics). */
  always: Readonly<Record<string, string>>;
  /**
   * Forms that are other words elsewhere or too short to trust without knowing the language
   * (Finnish spoken forms "kasi", "ysi"; Latvian without diacritics "tris", "sesi").
   */
  local: Readonly<Record<string, string>>;
}

const digits = (words: string): Record<string, string> =>
  Object.fromEntries(
    words.split(';').flatMap((group, digit) =>
      group
        .trim()
        .split(/\s+/)
        .filter((w) => w !== '')
        .map((w) => [w, String(digit)]),
    ),
  );

/**
 * Per ISO 639-1 language, words for 0…9 in digit order (";" between digits). Folded spelling:
 * lower case, NFKC. Cardinals (and gender forms) from the standard grammars; the local forms are
 * spoken Finnish numerals and digit names, Baltic words without their diacritics, and Russian
 * dictation "раз" and Latin transliterations — the forms ad writers use to slip numbers past filters.
 */
export const DIGIT_WORDS: Readonly<Record<string, DigitWords>> = Object.freeze({
  en: { always: digits('zero oh; one; two; three; four; five; six; seven; eight; nine'), local: digits('nought nil') },
  fi: {
    always: digits(
      'nolla; yksi; kaksi; kolme; neljä nelja; viisi; kuusi; seitsemän seitseman; kahdeksan; yhdeksän yhdeksan',
    ),
    local: digits(
      '; yks ykkönen; kaks kakkonen; kolmonen; nelonen; viis vitonen; kuus kutonen; seittemän seiska; ' +
        'kaheksan kasi; yheksän ysi',
    ),
  },
  et: {
    always: digits('null; üks; kaks; kolm; neli; viis; kuus; seitse; kaheksa; üheksa'),
    local: digits('; uks; ; ; ; ; ; ; ; uheksa'),
  },
  lv: {
    always: digits(
      'nulle; viens viena; divi divas; trīs; četri četras; pieci piecas; seši sešas; septiņi septiņas; ' +
        'astoņi astoņas; deviņi deviņas',
    ),
    local: digits('; ; ; tris; cetri cetras; ; sesi sesas; septini septinas; astoni astonas; devini devinas'),
  },
  lt: {
    always: digits(
      'nulis; vienas viena; du dvi; trys; keturi keturios; penki penkios; šeši šešios; septyni septynios; ' +
        'aštuoni aštuonios; devyni devynios',
    ),
    local: digits('; ; ; ; ; ; sesi sesios; ; astuoni astuonios'),
  },
  ru: {
    always: digits('ноль нуль; один одна; два две; три; четыре; пять; шесть; семь; восемь; девять'),
    local: digits('nol nul; раз raz odin; dva dve; tri; chetyre; pyat; shest; sem; vosem; devyat'),
  },
  // один, два, три and нуль are spelt as in Russian.
  uk: {
    always: digits("нуль; один одна; два дві; три; чотири; пʼять п'ять; шість; сім; вісім; девʼять дев'ять"),
    local: {},
  },
});

/** Every language's words read in any text. */
export const NUMBER_WORDS: Readonly<Record<string, string>> = Object.freeze(
  Object.assign({}, ...Object.values(DIGIT_WORDS).map((l) => l.always)) as Record<string, string>,
);

/** The words read in a page: every language's usual words, and its own language's local forms too. */
export function numberWordsFor(language: string | null | undefined): Readonly<Record<string, string>> {
  const local = language ? DIGIT_WORDS[language.slice(0, 2).toLowerCase()]?.local : undefined;
  return local ? { ...local, ...NUMBER_WORDS } : NUMBER_WORDS;
}

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
