/**
 * Inflected forms of personal names in the four languages of the region that decline them, so a
 * chat saying "sūti naudu Jāņa Bērziņa kontā" or "soita Virtaselle" names Jānis Bērziņš or
 * Virtanen. The rules are data: for a nominative ending, the endings that replace it in the other
 * cases (consonant changes given as alternative stems). Forms are compared folded (foldText), so
 * diacritics, and with them most Latvian palatalisations (n/ņ, l/ļ, s/š), need no rule of their own.
 *
 * Sources (facts only):
 * - Latvian: the nominal declensions I–VI as tabulated in "Mūsdienu latviešu valodas gramatika"
 *   (LU LVI, 2013) §§ on lietvārdu deklinācijas; the consonant alternation of the 2nd declension
 *   (d→ž, t→š, z→ž, s→š, c→č, l→ļ, n→ņ) from the same chapter.
 * - Lithuanian: the declension paradigms of "Dabartinės lietuvių kalbos gramatika" (MELI, 2006),
 *   masculine -as, -is, -ys, -us, -ius and feminine -a, -ė (married -ienė, unmarried -aitė, -ytė).
 * - Estonian: "Eesti keele käsiraamat" (EKI, 2007), käänded: the case endings -le, -ga, -l, -lt,
 *   -s, -st, -sse, -ni, -na, -ta, -ks added to the genitive stem; a consonant-final name takes a
 *   stem vowel (Tamm → Tamme, Peeter → Peetri) and weak-grade stops (Mart → Mardi); -ne names the
 *   stem -se- (Rebane → Rebase).
 * - Finnish: "Iso suomen kielioppi" (VISK, 2004) §§ 70–90 on nominal inflection and consonant
 *   gradation; -nen names take the stem -se- (Virtanen → Virtasen, Virtaselle, Virtasta).
 */
import { foldText } from '../../shared/names/index.ts';

export type InflectingLanguage = 'lv' | 'lt' | 'et' | 'fi';

export interface EndingRule {
  /** The nominative ending this rule applies to (the longest that fits wins, per language). */
  ending: string;
  /** Endings replacing it in the other cases. */
  cases: readonly string[];
  /** Stem changes before those endings: [the stem's last letters, what they become]. */
  stemChanges?: readonly (readonly [string, string])[];
}

const LV_ALTERNATION: readonly (readonly [string, string])[] = [
  ['d', 'ž'],
  ['t', 'š'],
  ['z', 'ž'],
  ['s', 'š'],
  ['c', 'č'],
  ['l', 'ļ'],
  ['n', 'ņ'],
  ['sn', 'šņ'],
  ['zn', 'žņ'],
];

/** The rules per language, as the sources above give them. */
export const INFLECTION_RULES: Readonly<Record<InflectingLanguage, readonly EndingRule[]>> = {
  lv: [
    // II declension (Jānis → Jāņa, Jānim, Jāni): genitive with the consonant alternation.
    { ending: 'is', cases: ['a', 'im', 'i', 'ī'], stemChanges: LV_ALTERNATION },
    // I declension (Bērziņš → Bērziņa, Bērziņam, Bērziņu, Bērziņā; Kalns → Kalna).
    { ending: 'š', cases: ['a', 'am', 'u', 'ā', 'i'] },
    { ending: 's', cases: ['a', 'am', 'u', 'ā', 'i'] },
    // III declension (Ingus → Ingum, Ingu).
    { ending: 'us', cases: ['us', 'um', 'u', 'ū'] },
    // IV and V declensions (Anna → Annas, Annai, Annu; Alise → Alises, Alisei, Alisi).
    { ending: 'a', cases: ['as', 'ai', 'u', 'ā'] },
    { ending: 'e', cases: ['es', 'ei', 'i', 'ē'] },
  ],
  lt: [
    { ending: 'ius', cases: ['iaus', 'iui', 'ių', 'iumi', 'iuje', 'iau'] },
    { ending: 'as', cases: ['o', 'ui', 'ą', 'u', 'e', 'ai'] },
    { ending: 'is', cases: ['io', 'iui', 'į', 'iu', 'yje', 'i'] },
    { ending: 'ys', cases: ['io', 'iui', 'į', 'iu', 'yje', 'y'] },
    { ending: 'us', cases: ['aus', 'ui', 'ų', 'umi', 'uje', 'au'] },
    { ending: 'a', cases: ['os', 'ai', 'ą', 'a', 'oje', 'ą'] },
    { ending: 'ė', cases: ['ės', 'ei', 'ę', 'e', 'ėje'] },
  ],
  et: [],
  fi: [
    // -nen names: Virtanen → Virtasen, Virtaselle, Virtasella, Virtasesta, Virtaseen, Virtasta.
    {
      ending: 'nen',
      cases: ['sen', 'selle', 'sella', 'selta', 'sessa', 'sesta', 'seen', 'sena', 'seksi', 'sta', 'se'],
    },
    // -e names: Laine → Laineen, Lainetta, Laineelle.
    { ending: 'e', cases: ['een', 'eelle', 'eella', 'eelta', 'eessa', 'eesta', 'etta', 'eena', 'eeksi', 'eeseen'] },
  ],
};

/** Estonian case endings on the genitive stem (EKI käsiraamat): nominative-like genitive included. */
export const ESTONIAN_CASES: readonly string[] = [
  '',
  'le',
  'ga',
  'l',
  'lt',
  's',
  'st',
  'sse',
  'ni',
  'na',
  'ta',
  't',
  'ks',
];
/** Stem vowels an Estonian consonant-final name takes in the genitive (Tamm → Tamme, Mart → Mardi). */
const ESTONIAN_STEM_VOWELS = ['i', 'e', 'a', 'u'];
/** Estonian weak grade of a final stop before the stem vowel (Mart → Mardi, Kask-type changes are lexical). */
const ESTONIAN_WEAK: readonly (readonly [string, string])[] = [
  ['t', 'd'],
  ['k', 'g'],
  ['p', 'b'],
  ['er', 'r'],
  ['el', 'l'],
];

/** Finnish case endings on a vowel stem (the weak grade for those that close the syllable). */
const FINNISH_STRONG = ['a', 'na', 'ssa', 'sta', 'lla', 'lta', 'lle'];
const FINNISH_WEAK = ['n', 'lle', 'lla', 'lta', 'ssa', 'sta', 'ksi', 'na', 't'];
/** Finnish consonant gradation, strong → weak (VISK § 41). */
export const FINNISH_GRADATION: readonly (readonly [string, string])[] = [
  ['kk', 'k'],
  ['pp', 'p'],
  ['tt', 't'],
  ['nt', 'nn'],
  ['nk', 'ng'],
  ['mp', 'mm'],
  ['lt', 'll'],
  ['rt', 'rr'],
  ['ht', 'hd'],
];

function ruleForms(word: string, rules: readonly EndingRule[]): string[] {
  const rule = [...rules].sort((a, b) => b.ending.length - a.ending.length).find((r) => word.endsWith(r.ending));
  if (!rule || word.length - rule.ending.length < 2) return [];
  const stem = word.slice(0, word.length - rule.ending.length);
  const stems = [stem];
  for (const [from, to] of rule.stemChanges ?? [])
    if (stem.endsWith(from)) stems.push(stem.slice(0, -from.length) + to);
  return stems.flatMap((s) => rule.cases.map((c) => s + c));
}

function estonianForms(word: string): string[] {
  const stems = new Set<string>();
  // -ne names take the stem -se- (Rebane → Rebase, Rebasele).
  if (word.endsWith('ne')) stems.add(`${word.slice(0, -2)}se`);
  if (/[aeiouõäöü]$/u.test(word)) stems.add(word);
  else {
    for (const v of ESTONIAN_STEM_VOWELS) stems.add(word + v);
    for (const [from, to] of ESTONIAN_WEAK)
      if (word.endsWith(from)) for (const v of ESTONIAN_STEM_VOWELS) stems.add(word.slice(0, -from.length) + to + v);
  }
  return [...stems].flatMap((s) => ESTONIAN_CASES.map((c) => s + c));
}

/** Consonant-final names take a stem -i- (Niklas → Niklasin, Staffing → Staffingilta). */
const FINNISH_CONSONANT = ['in', 'ille', 'illa', 'ilta', 'issa', 'ista', 'ia', 'iin', 'iksi', 'ina'];

function finnishVowelForms(word: string): string[] {
  if (/[^aeiouyäö]$/u.test(word)) return FINNISH_CONSONANT.map((c) => word + c);
  if (!/[aeiouyäö]$/u.test(word) || word.endsWith('nen') || word.endsWith('e')) return [];
  const last = word.slice(-1);
  const stem = word.slice(0, -1);
  const weakStems = [word];
  for (const [strong, weak] of FINNISH_GRADATION)
    if (stem.endsWith(strong)) weakStems.push(stem.slice(0, -strong.length) + weak + last);
  // Illative lengthens the stem vowel: Matti → Mattiin, Pekka → Pekkaan.
  return [
    ...FINNISH_STRONG.map((c) => word + c),
    `${word}${last}n`,
    ...weakStems.flatMap((s) => FINNISH_WEAK.map((c) => s + c)),
  ];
}

/**
 * The inflected forms of one name word, folded, in every language given (all four by default;
 * the base form itself included). Over-generation is harmless: a form is only looked for next to
 * the other words of a name the case already holds.
 */
export function inflectedForms(
  word: string,
  languages: readonly InflectingLanguage[] = ['lv', 'lt', 'et', 'fi'],
): Set<string> {
  const lower = word.toLowerCase();
  const forms = new Set<string>([foldText(word)]);
  for (const lang of languages) {
    const made =
      lang === 'et'
        ? estonianForms(lower)
        : [...ruleForms(lower, INFLECTION_RULES[lang]), ...(lang === 'fi' ? finnishVowelForms(lower) : [])];
    for (const f of made) {
      const folded = foldText(f);
      if (folded) forms.add(folded);
    }
  }
  return forms;
}
