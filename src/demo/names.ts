/**
 * Invented person names. Given names and surnames are common ones in each country, combined at
 * random, so a generated person is nobody in particular. Combinations that would name a
 * well-known person were avoided when the lists were drawn up (e.g. surnames of public figures
 * are left out). Ukrainian names are kept in Cyrillic and romanised by rule (`romaniseUk`), which
 * is also how the transliteration duplicates are made.
 */
import type { Rng } from './prng.ts';
import type { Nationality } from './constants.ts';

export type Gender = 'male' | 'female';

interface NameList {
  male: readonly string[];
  female: readonly string[];
  /** [male form, female form]; identical when the language does not inflect surnames. */
  surnames: readonly (readonly [string, string])[];
}

const same = (names: readonly string[]): (readonly [string, string])[] => names.map((n) => [n, n] as const);

const LISTS: Record<Nationality, NameList> = {
  lv: {
    male: [
      'Jānis',
      'Andris',
      'Edgars',
      'Māris',
      'Kārlis',
      'Mārtiņš',
      'Aivars',
      'Artūrs',
      'Gints',
      'Valdis',
      'Uldis',
      'Dainis',
      'Kristaps',
      'Reinis',
      'Toms',
      'Normunds',
    ],
    female: [
      'Anna',
      'Ilze',
      'Inese',
      'Līga',
      'Kristīne',
      'Laura',
      'Dace',
      'Evija',
      'Santa',
      'Zane',
      'Agnese',
      'Ieva',
      'Sanita',
      'Elīna',
      'Baiba',
      'Dārta',
    ],
    surnames: [
      ['Bērziņš', 'Bērziņa'],
      ['Ozoliņš', 'Ozoliņa'],
      ['Jansons', 'Jansone'],
      ['Liepiņš', 'Liepiņa'],
      ['Krūmiņš', 'Krūmiņa'],
      ['Balodis', 'Balode'],
      ['Zariņš', 'Zariņa'],
      ['Kļaviņš', 'Kļaviņa'],
      ['Pētersons', 'Pētersone'],
      ['Vītols', 'Vītola'],
      ['Grīnbergs', 'Grīnberga'],
      ['Siliņš', 'Siliņa'],
      ['Eglītis', 'Eglīte'],
      ['Zālītis', 'Zālīte'],
      ['Auziņš', 'Auziņa'],
      ['Ābols', 'Ābola'],
    ],
  },
  ee: {
    male: [
      'Andres',
      'Tõnu',
      'Margus',
      'Rein',
      'Urmas',
      'Priit',
      'Siim',
      'Kristjan',
      'Jaan',
      'Tarmo',
      'Indrek',
      'Marko',
      'Aivar',
      'Kalev',
      'Meelis',
      'Lauri',
    ],
    female: [
      'Kadri',
      'Kristiina',
      'Tiina',
      'Piret',
      'Triin',
      'Liis',
      'Maarja',
      'Kertu',
      'Helen',
      'Merike',
      'Annika',
      'Eve',
      'Katrin',
      'Signe',
      'Kätlin',
      'Ülle',
    ],
    surnames: same([
      'Tamm',
      'Saar',
      'Sepp',
      'Kask',
      'Kukk',
      'Rebane',
      'Pärn',
      'Koppel',
      'Lepik',
      'Oja',
      'Kuusk',
      'Karu',
      'Raudsepp',
      'Vaher',
      'Mets',
      'Põder',
      'Luik',
      'Kivi',
      'Mänd',
      'Kõiv',
    ]),
  },
  fi: {
    male: [
      'Mikko',
      'Juha',
      'Timo',
      'Matti',
      'Jari',
      'Antti',
      'Jukka',
      'Markku',
      'Pekka',
      'Sami',
      'Ville',
      'Tuomas',
      'Janne',
      'Heikki',
      'Kari',
      'Lauri',
      'Eero',
      'Joonas',
    ],
    female: [
      'Anna',
      'Maria',
      'Sanna',
      'Johanna',
      'Laura',
      'Tiina',
      'Minna',
      'Päivi',
      'Riikka',
      'Hanna',
      'Elina',
      'Satu',
      'Katja',
      'Noora',
      'Aino',
      'Emmi',
      'Veera',
    ],
    surnames: same([
      'Korhonen',
      'Virtanen',
      'Mäkinen',
      'Nieminen',
      'Mäkelä',
      'Hämäläinen',
      'Laine',
      'Heikkinen',
      'Koskinen',
      'Järvinen',
      'Lehtonen',
      'Lehtinen',
      'Saarinen',
      'Salminen',
      'Heinonen',
      'Niemi',
      'Heikkilä',
      'Kinnunen',
      'Salonen',
      'Turunen',
    ]),
  },
  ua: {
    male: [
      'Олександр',
      'Андрій',
      'Сергій',
      'Володимир',
      'Дмитро',
      'Микола',
      'Василь',
      'Іван',
      'Юрій',
      'Петро',
      'Тарас',
      'Богдан',
      'Олег',
      'Віталій',
      'Роман',
      'Євген',
    ],
    female: [
      'Олена',
      'Наталія',
      'Ірина',
      'Тетяна',
      'Оксана',
      'Юлія',
      'Катерина',
      'Анастасія',
      'Марія',
      'Галина',
      'Вікторія',
      'Світлана',
      'Ольга',
      'Христина',
      'Яна',
      'Людмила',
    ],
    surnames: [
      ...same([
        'Коваленко',
        'Бондаренко',
        'Ткаченко',
        'Кравченко',
        'Шевчук',
        'Мельник',
        'Бойко',
        'Ковальчук',
        'Поліщук',
        'Лисенко',
        'Марченко',
        'Савчук',
        'Руденко',
        'Мороз',
        'Гнатюк',
        'Олійник',
      ]),
      ['Ковальський', 'Ковальська'],
      ['Яковлів', 'Яковлів'],
      ['Гуменюк', 'Гуменюк'],
      ['Зінченко', 'Зінченко'],
    ],
  },
  ro: {
    male: [
      'Ion',
      'Andrei',
      'Mihai',
      'Gheorghe',
      'Constantin',
      'Alexandru',
      'Florin',
      'Adrian',
      'Marius',
      'Cristian',
      'Bogdan',
      'Ionuț',
      'Vasile',
      'Dumitru',
      'Cătălin',
      'Sorin',
    ],
    female: [
      'Maria',
      'Elena',
      'Ioana',
      'Andreea',
      'Mihaela',
      'Ana',
      'Cristina',
      'Alina',
      'Gabriela',
      'Daniela',
      'Roxana',
      'Florentina',
      'Loredana',
      'Bianca',
      'Larisa',
      'Denisa',
    ],
    surnames: same([
      'Popescu',
      'Ionescu',
      'Popa',
      'Radu',
      'Dumitru',
      'Stan',
      'Stoica',
      'Matei',
      'Ciobanu',
      'Rusu',
      'Munteanu',
      'Moldovan',
      'Lungu',
      'Sârbu',
      'Ursu',
      'Cojocaru',
      'Țurcanu',
      'Neagu',
    ]),
  },
  pl: {
    male: [
      'Piotr',
      'Krzysztof',
      'Andrzej',
      'Tomasz',
      'Paweł',
      'Michał',
      'Marcin',
      'Jakub',
      'Łukasz',
      'Grzegorz',
      'Mateusz',
      'Wojciech',
      'Kamil',
      'Dariusz',
      'Sebastian',
      'Rafał',
    ],
    female: [
      'Katarzyna',
      'Małgorzata',
      'Agnieszka',
      'Barbara',
      'Ewa',
      'Magdalena',
      'Joanna',
      'Aleksandra',
      'Monika',
      'Natalia',
      'Karolina',
      'Zofia',
      'Justyna',
      'Beata',
      'Dorota',
      'Marta',
    ],
    surnames: [
      ...same(['Nowak', 'Wójcik', 'Kowalczyk', 'Woźniak', 'Mazur', 'Krawczyk', 'Pawlak', 'Sikora', 'Baran']),
      ['Jabłoński', 'Jabłońska'],
      ['Kowalski', 'Kowalska'],
      ['Wiśniewski', 'Wiśniewska'],
      ['Kamiński', 'Kamińska'],
      ['Zieliński', 'Zielińska'],
      ['Szymański', 'Szymańska'],
      ['Dąbrowski', 'Dąbrowska'],
      ['Kozłowski', 'Kozłowska'],
      ['Piotrowski', 'Piotrowska'],
    ],
  },
};

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
