/**
 * Invented company names in each country's style (legal form placed as the register writes it),
 * and the phoenix rename: a successor's name that looks like its predecessor's, one of the red
 * flags the HEUNI studies describe.
 */
import type { Rng } from './prng.ts';
import type { Country } from './constants.ts';

export type Sector = 'construction' | 'installation' | 'staffing' | 'maintenance' | 'promo' | 'logistics';

const STEMS: Record<Country, readonly string[]> = {
  fi: ['Koivu', 'Kallio', 'Tammi', 'Aalto', 'Revontuli', 'Kaleva', 'Pohjantähti', 'Sarastus', 'Vasara', 'Routa'],
  ee: ['Baltic', 'Tamme', 'Kalju', 'Põhja', 'Vesk', 'Linnus', 'Rand', 'Täht'],
  lv: ['Baltic', 'Daugava', 'Ozols', 'Zvaigzne', 'Gauja', 'Krasts', 'Stiprs', 'Nord'],
  lt: ['Baltic', 'Nemunas', 'Ąžuolas'],
  ua: ['Karpaty', 'Dnipro', 'Kalyna'],
  ro: ['Carpați', 'Siret', 'Prut'],
  pl: ['Wisła', 'Mazur', 'Polbud', 'Lipa', 'Orzeł', 'Bałtyk'],
};

const SECTOR_WORDS: Record<Country, Record<Sector, readonly string[]>> = {
  fi: {
    construction: ['Rakennus', 'Rakennuttajat', 'Talonrakennus'],
    installation: ['Asennus', 'Rakennuspalvelu', 'Sisävalmistus'],
    staffing: ['Henkilöstöpalvelut', 'Työvoimapalvelu'],
    maintenance: ['Kiinteistöhuolto', 'Siivouspalvelu'],
    promo: ['Promotions', 'Beauty & Events'],
    logistics: ['Kuljetus', 'Logistiikka'],
  },
  ee: {
    construction: ['Ehitus', 'Ehitusgrupp'],
    installation: ['Paigaldus', 'Montaaž'],
    staffing: ['Personal', 'Tööjõud'],
    maintenance: ['Hooldus'],
    promo: ['Model Agency', 'Promo'],
    logistics: ['Transport', 'Logistika'],
  },
  lv: {
    construction: ['Būve', 'Būvnieks', 'Construction'],
    installation: ['Montāža', 'Apdare'],
    staffing: ['Personāls', 'Darbaspēks'],
    maintenance: ['Serviss'],
    promo: ['Models', 'Promo'],
    logistics: ['Transports', 'Loģistika'],
  },
  lt: {
    construction: ['Statyba'],
    installation: ['Montavimas'],
    staffing: ['Personalas'],
    maintenance: ['Servisas'],
    promo: ['Promo'],
    logistics: ['Logistika'],
  },
  ua: {
    construction: ['Bud'],
    installation: ['Montazh'],
    staffing: ['Personal'],
    maintenance: ['Servis'],
    promo: ['Promo'],
    logistics: ['Trans'],
  },
  ro: {
    construction: ['Construct'],
    installation: ['Instal'],
    staffing: ['Personal'],
    maintenance: ['Service'],
    promo: ['Promo'],
    logistics: ['Trans'],
  },
  pl: {
    construction: ['Budownictwo', 'Bud'],
    installation: ['Instalacje', 'Montaż'],
    staffing: ['Personel', 'Praca'],
    maintenance: ['Serwis'],
    promo: ['Promocje'],
    logistics: ['Transport', 'Logistyka'],
  },
};

function withForm(country: Country, core: string): string {
  switch (country) {
    case 'fi':
      return `${core} Oy`;
    case 'ee':
      return `${core} OÜ`;
    case 'lv':
      return `SIA "${core}"`;
    case 'lt':
      return `UAB "${core}"`;
    case 'ua':
      return `TOV "${core}"`;
    case 'ro':
      return `${core} SRL`;
    case 'pl':
      return `${core} Sp. z o.o.`;
  }
}

export interface FirmName {
  core: string;
  full: string;
}

export function firmName(rng: Rng, country: Country, sector: Sector): FirmName {
  const core = `${rng.pick(STEMS[country])} ${rng.pick(SECTOR_WORDS[country][sector])}`;
  return { core, full: withForm(country, core) };
}

/** A successor's name close to the predecessor's: one word added or swapped. */
export function phoenixName(rng: Rng, country: Country, previous: FirmName): FirmName {
  const tail = rng.pick(['Group', 'Pro', 'Services', 'Partners', 'Plus', 'Nord']);
  const core =
    previous.core.includes(' ') && rng.chance(0.5)
      ? `${previous.core.split(' ')[0] ?? previous.core} ${tail}`
      : `${previous.core} ${tail}`;
  return { core, full: withForm(country, core) };
}

/** The contact e-mail a small firm would have, on a reserved .example domain. */
export function firmEmail(rng: Rng, core: string): string {
  const slug = core
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return `${rng.pick(['info', 'office', 'toimisto', 'birojs', 'kontor'])}@${slug}.example`;
}
