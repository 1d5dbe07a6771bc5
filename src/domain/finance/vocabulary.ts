/**
 * Words that statement lines use for wages, taxes and contributions, housing and transport,
 * and cash. Kept as data, with where each list comes from, so an agency can extend them for its
 * banks. Matching is on folded text (lower case, no diacritics): an entry ending in `*` matches
 * a word start, any other entry a whole word or phrase.
 *
 * Sources: ISO 20022 External Code Sets (bank transaction codes: family/sub-family SALA salary,
 * CDPT cash deposit, CWDL cash withdrawal; purpose codes SALA, TAXS, SSBE); the national tax and
 * social-insurance bodies' own names (Verohallinto, Maksu- ja Tolliamet, Valsts ieņēmumu
 * dienests, VMI/Sodra, ZUS, ANAF…); common banking words in the region's languages.
 */

export interface Vocabulary {
  readonly words: readonly string[];
  readonly source: string;
}

export const WAGE_WORDS: Vocabulary = {
  source: 'ISO 20022 purpose/sub-family code SALA; salary words in EN, FI, ET, LV, LT, PL, RO, UK, DE, SV',
  words: [
    'sala',
    'salar*',
    'salair*',
    'wage',
    'wages',
    'payroll',
    'palk*',
    'palga*',
    'alga',
    'algas',
    'darba samaksa',
    'atlygin*',
    'uzmokest*',
    'wynagrodz*',
    'pensja',
    'zarplat*',
    'зарплат*',
    'заробітн*',
    'lohn',
    'gehalt',
    'lon',
    'loneutbetalning',
  ],
};

export const TAX_WORDS: Vocabulary = {
  source:
    'Names of tax, pension and social-insurance bodies and payments (FI, EE, LV, LT, PL, RO, DE, SE, UK, US); ISO 20022 purpose codes TAXS, SSBE',
  words: [
    'tax',
    'taxes',
    'taxs',
    'payroll tax',
    'social security',
    'social insurance',
    'national insurance',
    'pension*',
    'hmrc',
    'irs',
    'verohallinto',
    'vero',
    'verot',
    'ennakonpidatys',
    'tyel',
    'tyoelake*',
    'elake*',
    'sosiaaliturva*',
    'tyottomyysvakuutus*',
    'maksu- ja tolliamet',
    'emta',
    'sotsiaalmaks',
    'tulumaks',
    'valsts ienemumu dienests',
    'vid',
    'vsaoi',
    'nodok*',
    'vmi',
    'sodra',
    'mokesc*',
    'zus',
    'skladk*',
    'podat*',
    'urzad skarbowy',
    'anaf',
    'contributi*',
    'impozit*',
    'finanzamt',
    'sozialversicherung',
    'lohnsteuer',
    'skatteverket',
  ],
};

export const HOUSING_WORDS: Vocabulary = {
  source:
    'Rent, lodging and transport words in EN, FI, ET, LV, LT, PL, RO (FATF/APG 2018: deductions for accommodation and transport)',
  words: [
    'rent',
    'housing',
    'lodging',
    'accommodation',
    'bed',
    'transport',
    'travel',
    'vuokra*',
    'majoitus',
    'asunto',
    'kuljetus*',
    'matkat',
    'uur',
    'uuri*',
    'majutus',
    'korter*',
    'transpordi*',
    'ire',
    'ires',
    'dzivok*',
    'transports',
    'nuoma*',
    'czynsz',
    'wynajem',
    'zakwaterow*',
    'chirie',
    'cazare',
  ],
};

export const CASH_DEPOSIT_WORDS: Vocabulary = {
  source: 'ISO 20022 sub-family CDPT; cash-deposit words in EN, FI, ET, LV, PL',
  words: [
    'cdpt',
    'cash deposit',
    'cash-deposit',
    'cash in',
    'kateispano',
    'sularaha sissemakse',
    'skaidras naudas iemaksa',
    'wplata gotowki',
    'wplatomat',
  ],
};

export const CASH_WITHDRAWAL_WORDS: Vocabulary = {
  source: 'ISO 20022 sub-family CWDL; cash-withdrawal words in EN, FI, ET, LV, PL, DE',
  words: [
    'cwdl',
    'atm',
    'cash withdrawal',
    'cash-withdrawal',
    'kateisnosto',
    'kateisotto',
    'sularaha valjavote',
    'skaidras naudas izmaksa',
    'bankomat*',
    'wyplata gotowki',
    'geldautomat',
    'bargeldauszahlung',
  ],
};

/**
 * Escort, adult and classified-ad words for counterparty names (FATF/APG 2018 and FinCEN
 * FIN-2020-A008: payments to escort or classified-ad sites and web hosting). The case's own
 * captured ads add their sites to this list at run time.
 */
export const AD_SITE_WORDS: Vocabulary = {
  source:
    'FATF/APG 2018 §§ on sexual exploitation; FinCEN FIN-2020-A008 (escort and classified-ad websites); escort/dating words in EN, FI, ET, LV',
  words: [
    'escort*',
    'eskort*',
    'companion*',
    'adult*',
    'erotic*',
    'erotik*',
    'seuralai*',
    'seuraa',
    'sexy',
    'sex',
    'callgirl*',
    'call girl*',
    'kohtumis*',
    'iepazisan*',
    'intim*',
  ],
};

export const HOSTING_WORDS: Vocabulary = {
  source: 'FinCEN FIN-2020-A008 (web hosting for advertisement sites)',
  words: ['hosting', 'webhotel*', 'webhost*', 'domain registr*', 'vps'],
};

const ASCII = /^[\u0020-\u007e]*$/;

/** Lower case, diacritics removed, punctuation (except `-`) to spaces, spaces squeezed. */
export function foldWords(text: string): string {
  // Printable ASCII has no marks to strip and no ß: the common case skips Unicode normalisation.
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, ' ')
      .trim();
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ß]/g, 'ss')
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim();
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression for a word list (entries folded like the text they are matched against). */
export function wordMatcher(words: readonly string[]): RegExp {
  if (!words.length) return /$^/;
  const parts = words.map((w) => {
    const prefix = w.endsWith('*');
    const folded = foldWords(prefix ? w.slice(0, -1) : w);
    return prefix ? `${escape(folded)}[\\p{L}\\p{N}]*` : escape(folded);
  });
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}
