/**
 * Textual red flags of ads and job offers, as data: each flag names what it points at, the
 * source that describes it, and its phrases in English, Finnish, Estonian, Latvian, Russian and
 * Ukrainian. A phrase ending in "*" also matches longer words (case endings). One match is a
 * reason to look closer, never a finding of trafficking by itself: honest ads say "new in town"
 * too, which is why clusters of ads and their contacts carry the weight, not single phrases.
 *
 * Sources:
 * - UNODC, Human trafficking indicators (observable signs): moved between locations, ads
 *   offering women of one nationality, sexual services at low prices.
 * - ILO/European Commission, Operational indicators of trafficking in human beings (Delphi,
 *   2009): deceptive recruitment (conditions, housing, travel), debt bondage.
 * - ILO C181 Private Employment Agencies Convention (1997), art. 7, and ILO General principles
 *   and operational guidelines for fair recruitment (2019): no fees or costs charged to workers.
 * - Europol, The challenges of countering human trafficking in the digital era (2020):
 *   "new in town"/touring ads, third-party contact numbers, 24/7 availability.
 * - Polaris, On-Ramps, Intersections, and Exit Routes (2018): recruitment ads promising
 *   housing, travel and high pay for unskilled work.
 */
import { extractAges } from './adFacts.ts';

export const RED_FLAG_KINDS = [
  'movement',
  'accommodationProvided',
  'noExperienceNeeded',
  'advanceFee',
  'travelPaid',
  'constantAvailability',
  'nationalityAdvertised',
  'youthEmphasis',
  'thirdPartyContact',
  'minorAge',
] as const;
export type RedFlagKind = (typeof RED_FLAG_KINDS)[number];

export type FlagLanguage = 'en' | 'fi' | 'et' | 'lv' | 'ru' | 'uk';

export interface RedFlagDef {
  kind: RedFlagKind;
  /** What it may point at, in plain words. */
  meaning: string;
  source: string;
  phrases: Readonly<Partial<Record<FlagLanguage, readonly string[]>>>;
}

const UNODC = 'UNODC, Human trafficking indicators';
const DELPHI = 'ILO/EC, Operational indicators of trafficking in human beings (2009)';
const FAIR = 'ILO C181 art. 7 (1997); ILO General principles and operational guidelines for fair recruitment (2019)';
const EUROPOL = 'Europol, The challenges of countering human trafficking in the digital era (2020)';
const POLARIS = 'Polaris, On-Ramps, Intersections, and Exit Routes (2018)';

export const RED_FLAGS: readonly RedFlagDef[] = [
  {
    kind: 'movement',
    meaning: 'Short stays, touring between towns: people moved from place to place',
    source: `${UNODC}; ${EUROPOL}`,
    phrases: {
      en: [
        'new in town',
        'new in the city',
        'just arrived',
        'only this week',
        'only a few days',
        'few days only',
        'visiting',
        'on tour',
      ],
      fi: [
        'uusi kaupungissa',
        'uutena kaupungissa',
        'vain muutama päivä',
        'vain tämän viikon',
        'käymässä',
        'vain muutaman päivän',
      ],
      et: ['uus linnas', 'ainult mõned päevad', 'ainult sel nädalal', 'äsja saabunud'],
      lv: ['jauna pilsētā', 'tikai dažas dienas', 'tikai šonedēļ', 'tikko ieradusies'],
      ru: ['новенькая', 'впервые в городе', 'только несколько дней', 'проездом', 'только на этой неделе'],
      uk: ['нова в місті', 'лише кілька днів', 'проїздом', 'тільки цього тижня'],
    },
  },
  {
    kind: 'accommodationProvided',
    meaning: 'Housing arranged by the employer or advertiser: a means of control and of deductions',
    source: `${DELPHI}; ${POLARIS}`,
    phrases: {
      en: [
        'accommodation provided',
        'housing provided',
        'free accommodation',
        'accommodation included',
        'we provide accommodation',
      ],
      fi: [
        'majoitus järjestetään',
        'asunto järjestetään',
        'majoitus tarjotaan',
        'ilmainen majoitus',
        'majoitus järjestyy',
      ],
      et: ['majutus tagatud', 'tasuta majutus', 'elukoht tagatud', 'majutus olemas'],
      lv: [
        'dzīvesvieta tiek nodrošināta',
        'nodrošinām dzīvesvietu',
        'bezmaksas dzīvesvieta',
        'dzīvoklis tiek nodrošināts',
      ],
      ru: [
        'жильё предоставляется',
        'жилье предоставляется',
        'бесплатное жильё',
        'бесплатное жилье',
        'проживание бесплатно',
      ],
      uk: ['житло надається', 'безкоштовне житло', 'проживання надається', 'надаємо житло'],
    },
  },
  {
    kind: 'noExperienceNeeded',
    meaning: 'Unskilled work offered without language or experience: recruitment of the vulnerable',
    source: `${POLARIS}; ${DELPHI}`,
    phrases: {
      en: [
        'no experience needed',
        'no experience required',
        'no experience necessary',
        'no language required',
        'no english required',
      ],
      fi: ['ei kokemusta tarvita', 'kokemusta ei vaadita', 'kielitaitoa ei tarvita', 'ei vaadi kokemusta'],
      et: ['kogemus pole vajalik', 'kogemust ei nõuta', 'keeleoskus pole vajalik', 'kogemus ei ole vajalik'],
      lv: ['pieredze nav nepieciešama', 'valodas zināšanas nav nepieciešamas', 'bez pieredzes'],
      ru: ['опыт не требуется', 'без опыта', 'знание языка не требуется', 'без знания языка'],
      uk: ['досвід не потрібен', 'без досвіду', 'знання мови не потрібне', 'без знання мови'],
    },
  },
  {
    kind: 'advanceFee',
    meaning: 'A fee charged to the worker before the job: a road to debt bondage',
    source: `${FAIR}; ${DELPHI}`,
    phrases: {
      en: [
        'registration fee',
        'visa fee',
        'pay for the visa',
        'advance payment',
        'pay in advance',
        'deposit required',
        'placement fee',
        'recruitment fee',
      ],
      fi: ['ennakkomaksu*', 'rekisteröintimaksu*', 'välityspalkkio*', 'maksu etukäteen'],
      et: ['ettemaks*', 'registreerimistasu*', 'vahendustasu*'],
      lv: ['priekšapmaksa*', 'reģistrācijas maksa*', 'starpniecības maksa*'],
      ru: ['предоплата*', 'оплата за визу', 'регистрационный взнос', 'оплата за трудоустройство'],
      uk: ['передоплата*', 'оплата за візу', 'реєстраційний внесок', 'оплата за працевлаштування'],
    },
  },
  {
    kind: 'travelPaid',
    meaning: 'Travel paid by the recruiter: often turned into a debt later',
    source: `${DELPHI}; ${POLARIS}`,
    phrases: {
      en: ['travel paid', 'tickets paid', 'we pay your travel', 'free travel', 'transport provided'],
      fi: ['matkat maksetaan', 'matkaliput maksetaan', 'kuljetus järjestetään'],
      et: ['reis tasutakse', 'sõit tasutakse', 'transport tagatud'],
      lv: ['ceļš tiek apmaksāts', 'apmaksājam ceļu', 'transports tiek nodrošināts'],
      ru: ['дорога оплачивается', 'билеты оплачиваем', 'проезд оплачивается'],
      uk: ['дорога оплачується', 'квитки оплачуємо', 'проїзд оплачується'],
    },
  },
  {
    kind: 'constantAvailability',
    meaning: 'Available at all hours: no control over working time',
    source: EUROPOL,
    phrases: {
      en: ['24/7', '24h', 'available all day', 'all day and night', 'day and night'],
      fi: ['ympäri vuorokauden', 'yötä päivää', 'aina tavoitettavissa'],
      et: ['ööpäevaringselt', 'öösel ja päeval'],
      lv: ['visu diennakti', 'diennakts'],
      ru: ['круглосуточно', 'днём и ночью', '24 часа'],
      uk: ['цілодобово', 'вдень і вночі'],
    },
  },
  {
    kind: 'nationalityAdvertised',
    meaning: 'Women advertised by nationality',
    source: UNODC,
    phrases: {
      en: [
        'romanian girl*',
        'ukrainian girl*',
        'latvian girl*',
        'estonian girl*',
        'polish girl*',
        'russian girl*',
        'asian girl*',
        'thai girl*',
        'nigerian girl*',
      ],
      fi: [
        'romanialainen tyttö',
        'ukrainalainen tyttö',
        'virolainen tyttö',
        'latvialainen tyttö',
        'venäläinen tyttö',
        'aasialainen tyttö',
      ],
      et: ['rumeenia tüdruk', 'ukraina tüdruk', 'läti tüdruk', 'vene tüdruk'],
      lv: ['rumāņu meitene', 'ukraiņu meitene', 'krievu meitene'],
      ru: ['украинка', 'румынка', 'латышка', 'эстонка'],
      uk: ['українка', 'румунка'],
    },
  },
  {
    kind: 'youthEmphasis',
    meaning: 'Youth stressed: possible minors',
    source: `${UNODC}; ${EUROPOL}`,
    phrases: {
      en: ['teen', 'barely legal', 'schoolgirl', 'young and fresh', 'fresh girl*'],
      fi: ['teini*', 'nuori ja tuore', 'koulutyttö'],
      et: ['teismeline', 'noor ja värske'],
      lv: ['pusaudze', 'jauna un svaiga'],
      ru: ['молоденькая', 'юная', 'свежая девочка', 'школьница'],
      uk: ['молоденька', 'юна', 'школярка'],
    },
  },
  {
    kind: 'thirdPartyContact',
    meaning: 'Someone else answers for her: a controller between client and person',
    source: EUROPOL,
    phrases: {
      en: ['call my manager', 'contact my friend', 'book through', 'call the driver', 'my manager will answer'],
      fi: ['soita managerille', 'varaukset kuljettajalta'],
      et: ['helista mänedžerile', 'broneeri autojuhilt'],
      lv: ['zvaniet menedžerim'],
      ru: ['звонить администратору', 'звоните менеджеру', 'запись через администратора'],
      uk: ['дзвоніть менеджеру', 'запис через адміністратора'],
    },
  },
];

export interface FoundRedFlag {
  kind: RedFlagKind;
  language: FlagLanguage | null;
  phrase: string;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface Compiled {
  kind: RedFlagKind;
  language: FlagLanguage;
  phrase: string;
  re: RegExp;
}

/** Each phrase as a case-insensitive pattern on word edges; spaces match any run of spaces. */
const COMPILED: readonly Compiled[] = RED_FLAGS.flatMap((f) =>
  (Object.entries(f.phrases) as [FlagLanguage, readonly string[]][]).flatMap(([language, phrases]) =>
    phrases.map((phrase) => {
      const stem = phrase.endsWith('*');
      const body = escape(stem ? phrase.slice(0, -1) : phrase).replace(/ /g, '\\s+');
      const edgeStart = /^[\p{L}\p{N}]/u.test(phrase) ? '(?<![\\p{L}\\p{N}])' : '';
      const edgeEnd = stem ? '[\\p{L}]*' : /[\p{L}\p{N}]$/u.test(phrase) ? '(?![\\p{L}\\p{N}])' : '';
      return { kind: f.kind, language, phrase, re: new RegExp(`${edgeStart}${body}${edgeEnd}`, 'giu') };
    }),
  ),
);

/** The red flags in `text`, in order of appearance; overlapping phrases of one kind count once. */
export function findRedFlags(text: string): FoundRedFlag[] {
  const hits: FoundRedFlag[] = [];
  for (const c of COMPILED) {
    for (const m of text.matchAll(c.re))
      hits.push({ kind: c.kind, language: c.language, phrase: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const a of extractAges(text))
    if (a.age < 18) hits.push({ kind: 'minorAge', language: null, phrase: a.raw, start: a.start, end: a.end });
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits.filter(
    (h, i) => !hits.slice(0, i).some((o) => o.kind === h.kind && o.start <= h.start && o.end >= h.end),
  );
}
