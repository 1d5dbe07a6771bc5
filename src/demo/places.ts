/**
 * Places. Cities and towns are real (an investigation is about real places); street names are
 * common generic words combined with random house numbers, postal codes follow each country's
 * format. Merchants, hotels and ad sites are invented; web domains use the reserved `.example`
 * top-level domain so no generated URL or e-mail address can reach a real site.
 */
import type { Rng } from './prng.ts';
import type { Country } from './constants.ts';

export interface City {
  name: string;
  country: Country;
  /** Postal code prefix that places the code in the right region. */
  postal: string;
}

const c = (country: Country, list: readonly (readonly [string, string])[]): City[] =>
  list.map(([name, postal]) => ({ name, country, postal }));

export const CITIES: Record<Country, readonly City[]> = {
  fi: c('fi', [
    ['Helsinki', '00'],
    ['Espoo', '02'],
    ['Vantaa', '01'],
    ['Tampere', '33'],
    ['Turku', '20'],
    ['Oulu', '90'],
    ['Lahti', '15'],
    ['Jyväskylä', '40'],
    ['Kuopio', '70'],
    ['Pori', '28'],
  ]),
  ee: c('ee', [
    ['Tallinn', '1'],
    ['Tartu', '5'],
    ['Pärnu', '8'],
    ['Narva', '2'],
    ['Viljandi', '7'],
    ['Rakvere', '4'],
  ]),
  lv: c('lv', [
    ['Rīga', '10'],
    ['Daugavpils', '54'],
    ['Liepāja', '34'],
    ['Jelgava', '30'],
    ['Ventspils', '36'],
    ['Rēzekne', '46'],
  ]),
  lt: c('lt', [
    ['Vilnius', '0'],
    ['Kaunas', '4'],
    ['Klaipėda', '9'],
  ]),
  ua: c('ua', [
    ['Kyiv', '0'],
    ['Lviv', '79'],
    ['Rivne', '33'],
    ['Ternopil', '46'],
    ['Vinnytsia', '21'],
    ['Chernivtsi', '58'],
  ]),
  ro: c('ro', [
    ['Iași', '70'],
    ['Suceava', '72'],
    ['Bacău', '60'],
    ['Botoșani', '71'],
    ['Galați', '80'],
    ['București', '0'],
  ]),
  pl: c('pl', [
    ['Warszawa', '0'],
    ['Lublin', '20'],
    ['Białystok', '15'],
    ['Rzeszów', '35'],
    ['Gdańsk', '80'],
    ['Olsztyn', '10'],
  ]),
};

/** Generic street-name stems per language; the street type is added by `formatStreet`. */
const STREETS: Record<Country, readonly string[]> = {
  fi: [
    'Koivukuja',
    'Rantatie',
    'Myllykatu',
    'Puistotie',
    'Kivikatu',
    'Pajutie',
    'Kuusitie',
    'Tehtaankatu',
    'Satamakatu',
    'Lehtokuja',
    'Harjutie',
    'Vanhatie',
  ],
  ee: ['Kase', 'Pärna', 'Tamme', 'Vahtra', 'Männi', 'Kooli', 'Aia', 'Sadama', 'Jõe', 'Metsa', 'Põllu', 'Veski'],
  lv: ['Ozolu', 'Liepu', 'Bērzu', 'Dzirnavu', 'Skolas', 'Dārza', 'Meža', 'Upes', 'Ostas', 'Krasta', 'Ābeļu', 'Priežu'],
  lt: ['Liepų', 'Beržų', 'Sodų', 'Mokyklos', 'Pušų', 'Upės'],
  ua: ['Sadova', 'Shkilna', 'Lisova', 'Tsentralna', 'Zarichna', 'Molodizhna', 'Pidhirna', 'Sonyachna'],
  ro: ['Teilor', 'Morii', 'Școlii', 'Florilor', 'Livezii', 'Plopilor', 'Viilor', 'Bradului'],
  pl: ['Lipowa', 'Polna', 'Leśna', 'Słoneczna', 'Ogrodowa', 'Szkolna', 'Łąkowa', 'Brzozowa'],
};

export function formatStreet(country: Country, stem: string, no: number): string {
  switch (country) {
    case 'fi':
      return `${stem} ${no}`;
    case 'ee':
      return `${stem} tn ${no}`;
    case 'lv':
      return `${stem} iela ${no}`;
    case 'lt':
      return `${stem} g. ${no}`;
    case 'ua':
      return `vul. ${stem}, ${no}`;
    case 'ro':
      return `Strada ${stem} nr. ${no}`;
    case 'pl':
      return `ul. ${stem} ${no}`;
  }
}

export function postalCode(rng: Rng, city: City): string {
  const rest = (n: number) => city.postal + rng.digits(n - city.postal.length);
  switch (city.country) {
    case 'fi':
    case 'ee':
    case 'ua':
      return rest(5);
    case 'lv':
      return `LV-${rest(4)}`;
    case 'lt':
      return `LT-${rest(5)}`;
    case 'ro':
      return rest(6);
    case 'pl': {
      const d = rest(5);
      return `${d.slice(0, 2)}-${d.slice(2)}`;
    }
  }
}

export interface PostalAddress {
  street: string;
  city: string;
  postalCode: string;
  country: Country;
  full: string;
}

const COUNTRY_NAME: Record<Country, string> = {
  fi: 'Finland',
  ee: 'Estonia',
  lv: 'Latvia',
  lt: 'Lithuania',
  ua: 'Ukraine',
  ro: 'Romania',
  pl: 'Poland',
};

/** A street address in `city`; `flat` adds an apartment number (worker housing, shared flats). */
export function drawAddress(rng: Rng, city: City, flat = false): PostalAddress {
  const stem = rng.pick(STREETS[city.country]);
  let street = formatStreet(city.country, stem, rng.int(1, 120));
  if (flat) street += city.country === 'fi' ? ` A ${rng.int(1, 40)}` : `-${rng.int(1, 60)}`;
  const postalCodeValue = postalCode(rng, city);
  const full = `${street}, ${postalCodeValue} ${city.name}, ${COUNTRY_NAME[city.country]}`;
  return { street, city: city.name, postalCode: postalCodeValue, country: city.country, full };
}

export function pickCity(rng: Rng, country: Country): City {
  return rng.pick(CITIES[country]);
}

/** Invented bank names per country, with the letters or digits their IBANs carry as bank code. */
export type BankCountry = 'fi' | 'ee' | 'lv' | 'lt' | 'pl' | 'ro';

export interface Bank {
  name: string;
  country: BankCountry;
  code: string;
}

export const BANKS: Record<BankCountry, readonly Bank[]> = {
  fi: [
    { name: 'Kaleva Pankki', country: 'fi', code: '38' },
    { name: 'Saimaan Säästöpankki', country: 'fi', code: '47' },
    { name: 'Pohjan Osuuspankki', country: 'fi', code: '52' },
  ],
  ee: [
    { name: 'Toompea Pank', country: 'ee', code: '21' },
    { name: 'Emajõe Pank', country: 'ee', code: '37' },
  ],
  lv: [
    { name: 'Daugavas Banka', country: 'lv', code: 'DAUG' },
    { name: 'Gaujas Banka', country: 'lv', code: 'GAUJ' },
  ],
  lt: [{ name: 'Nemuno Bankas', country: 'lt', code: '71234' }],
  ro: [
    { name: 'Banca Prutului', country: 'ro', code: 'PRUT' },
    { name: 'Banca Siretului', country: 'ro', code: 'SIRE' },
  ],
  pl: [
    { name: 'Bank Wiślany', country: 'pl', code: '1090' },
    { name: 'Bank Mazurski', country: 'pl', code: '1140' },
  ],
};

/** Shops and services for card payments and bills; invented names. */
export const MERCHANTS: Record<Country, readonly string[]> = {
  fi: [
    'Lähikauppa Koivu',
    'Ruokatori Satama',
    'Apteekki Kivi',
    'Kahvila Puisto',
    'Rautakauppa Vasara',
    'Huoltoasema Tienhaara',
  ],
  ee: ['Toidupood Kask', 'Kohvik Mänd', 'Apteek Pärn', 'Ehituspood Naael', 'Tankla Rist'],
  lv: ['Pārtikas veikals Liepa', 'Kafejnīca Ozols', 'Aptieka Bērzs', 'Degvielas stacija Ceļš'],
  lt: ['Maisto parduotuvė Ąžuolas'],
  ua: ['Produkty Kalyna'],
  ro: ['Magazin Teiul'],
  pl: ['Sklep Lipa', 'Apteka Pod Dębem'],
};

export const UTILITIES: Record<Country, readonly string[]> = {
  fi: ['Lähisähkö Oy', 'Vesihuolto Kunnallinen', 'Nettiyhteys Oy'],
  ee: ['Kodukütte AS', 'Veevärk OÜ'],
  lv: ['Siltums SIA', 'Ūdensvads SIA'],
  lt: ['Šiluma UAB'],
  ua: ['Teplo TOV'],
  ro: ['Apa Canal SA'],
  pl: ['Ciepło Sp. z o.o.'],
};

/** Invented escort/classified-ad sites and hosting, on the reserved .example domain. */
export const AD_SITES = [
  'seuraa-illaksi.example',
  'kohtumised24.example',
  'iepazisanas-lv.example',
  'nordic-companions.example',
] as const;
export const MONEY_TRANSFER_SERVICE = 'QuickRemit Transfers';
export const RIDE_HAILING = 'KyytiNyt Ride';

/** Invented hotel names for a city (hotel companies are legitimate businesses). */
export function hotelName(rng: Rng, city: City): string {
  const base = rng.pick(['Satama', 'Keskus', 'Asema', 'Nord', 'Baltic', 'Park', 'Ranta', 'Vanalinn', 'Centrs']);
  return `Hotel ${base} ${city.name}`;
}
