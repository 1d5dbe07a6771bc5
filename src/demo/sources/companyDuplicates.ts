/**
 * One company written differently by two sources, as registers and banks do: the register gives
 * the name with its legal-form abbreviation, diacritics and registration number; a bank's
 * customer record may spell the legal form out (or abbreviate it otherwise), write capitals
 * without diacritics, and lack the registration number. Beside them, innocent firms whose names
 * come close (another firm under the same first word) are added to the registers, so telling two
 * records of one firm from two firms is measured both ways.
 */
import type { EntityRecord } from '../../domain/records.ts';
import type { Country } from '../constants.ts';
import { drawCompanyNumber } from '../identifiers.ts';
import { foldDiacritics } from '../names.ts';
import { Rng } from '../prng.ts';
import { first } from './keys.ts';

/** Legal forms as registers abbreviate them and as they are written out in full. */
const LEGAL_FORMS: { country: string; short: RegExp; long: string }[] = [
  { country: 'fi', short: /\s+Oy$/u, long: 'Osakeyhtiö' },
  { country: 'ee', short: /\s+OÜ$/u, long: 'osaühing' },
  { country: 'lv', short: /^SIA\s+/u, long: 'Sabiedrība ar ierobežotu atbildību' },
  { country: 'pl', short: /\s+Sp\. z o\.o\.$/u, long: 'spółka z ograniczoną odpowiedzialnością' },
];

/** Chance a business customer's bank record is written so (no registration number). */
const BANK_VARIANT_RATE = 0.4;
/** Chance a registered company has an unrelated firm of a close name in the same register. */
const LOOKALIKE_RATE = 0.3;

/** Words another firm under the same first word trades as (florists, bakeries, driving schools). */
const OTHER_TRADES: Record<string, string[]> = {
  fi: ['Kukka', 'Leipomo', 'Autokoulu', 'Tilitoimisto'],
  ee: ['Lilled', 'Pagar', 'Autokool', 'Raamatupidamine'],
  lv: ['Ziedi', 'Maiznīca', 'Autoskola', 'Grāmatvedība'],
  pl: ['Kwiaty', 'Piekarnia', 'Autoszkoła', 'Rachunkowość'],
};

const STREET: Record<string, string> = { fi: 'katu', ee: 'tänav', lv: 'iela', pl: 'ulica' };

export type CompanyVariantKind = 'legalForm' | 'missingRegistration';

export interface BankCompanyRecord {
  canonicalId: string;
  duplicateId: string;
  name: string;
  variant: CompanyVariantKind;
}

export interface LookalikeFirm {
  id: string;
  closeTo: string;
  name: string;
  registrationNumber: string;
  jurisdiction: string;
  address: string;
  incorporationDate: string;
}

const seedOf = (seed: number, id: string) =>
  [...id].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), seed >>> 0);

/** The name as a bank's system writes it: capitals without diacritics, the legal form perhaps in full. */
function bankName(name: string, country: string, spellOut: boolean): string {
  const form = LEGAL_FORMS.find((f) => f.country === country && f.short.test(name));
  const spelled =
    spellOut && form
      ? country === 'lv'
        ? `${form.long} ${name.replace(form.short, '')}`
        : `${name.replace(form.short, '')} ${form.long}`
      : name;
  return foldDiacritics(spelled.replace(/["„“”]/gu, '')).toUpperCase();
}

/** Which business customers a bank records without a registration number, and how it names them. */
export function bankCompanyRecords(seed: number, companies: readonly EntityRecord[]): Map<string, BankCompanyRecord> {
  const out = new Map<string, BankCompanyRecord>();
  for (const c of companies) {
    const rng = new Rng(seedOf(seed, c.id));
    if (!rng.chance(BANK_VARIANT_RATE)) continue;
    const country = first(c, 'jurisdiction');
    const spellOut = LEGAL_FORMS.some((f) => f.country === country) && rng.chance(0.6);
    const name = bankName(first(c, 'name'), country, spellOut);
    out.set(c.id, {
      canonicalId: c.id,
      duplicateId: `${c.id}-bank`,
      name,
      variant: spellOut ? 'legalForm' : 'missingRegistration',
    });
  }
  return out;
}

/** Unrelated firms registered under a name close to a company's (the same first word, another trade). */
export function lookalikeFirms(seed: number, companies: readonly EntityRecord[]): LookalikeFirm[] {
  const taken = new Set(companies.map((c) => first(c, 'registrationNumber')));
  const out: LookalikeFirm[] = [];
  for (const c of companies) {
    const country = first(c, 'jurisdiction');
    const trades = OTHER_TRADES[country];
    const form = LEGAL_FORMS.find((f) => f.country === country);
    const name = first(c, 'name');
    if (!trades || !form || !form.short.test(name)) continue;
    const rng = new Rng(seedOf(seed ^ 0x1f0a, c.id));
    if (!rng.chance(LOOKALIKE_RATE)) continue;
    const core = name.replace(form.short, '').replace(/"/g, '');
    const word = core.split(' ')[0] ?? core;
    const other = `${word} ${rng.pick(trades)}`;
    const year = rng.int(1998, 2021);
    let reg = drawCompanyNumber(rng, country as Country, year);
    while (taken.has(reg)) reg = drawCompanyNumber(rng, country as Country, year);
    taken.add(reg);
    out.push({
      id: `${c.id}-lookalike`,
      closeTo: c.id,
      name: country === 'lv' ? `SIA "${other}"` : name.replace(core, other),
      registrationNumber: reg,
      jurisdiction: country,
      address: `${word} ${STREET[country] ?? 'street'} ${rng.int(1, 90)}`,
      incorporationDate: `${year}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
    });
  }
  return out;
}
