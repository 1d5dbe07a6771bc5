/**
 * Identifiers in each country's real format with real check digits: IBANs (ISO 13616 mod-97
 * plus the national BBAN checks of FI, EE and PL), mobile numbers, personal codes, company
 * numbers, passport numbers. Check digits matter: the ingest and resolution code validates them,
 * and a demo full of invalid IBANs would exercise only the error paths.
 */
import type { Rng } from './prng.ts';
import type { Country, Nationality } from './constants.ts';
import type { Bank, BankCountry } from './places.ts';
import { civilOf } from './dates.ts';

/** Remainder of a long decimal string modulo 97, in 7-digit chunks to stay within doubles. */
export function mod97(digits: string): number {
  let rem = 0;
  for (let i = 0; i < digits.length; i += 7) rem = Number(String(rem) + digits.slice(i, i + 7)) % 97;
  return rem;
}

/** Letters to numbers as ISO 13616 says: A = 10 … Z = 35. */
function ibanDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    out += code >= 65 && code <= 90 ? String(code - 55) : ch;
  }
  return out;
}

export function ibanFromBban(country: string, bban: string): string {
  const cc = country.toUpperCase();
  const check = 98 - mod97(ibanDigits(bban + cc + '00'));
  return cc + String(check).padStart(2, '0') + bban;
}

/** True when the IBAN's check digits are right (mod 97 = 1). Length is not checked here. */
export function ibanChecksumValid(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(compact)) return false;
  return mod97(ibanDigits(compact.slice(4) + compact.slice(0, 4))) === 1;
}

/** Luhn check digit (Finnish account numbers). */
function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = digits.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {
    let d = Number(digits[i]) * (dbl ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Weighted check digit "10 − Σ mod 10" (Estonian 7-3-1 account method, Polish sort codes). */
function weightedMod10(digits: string, weights: readonly number[]): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (weights[i % weights.length] ?? 0);
  return String((10 - (sum % 10)) % 10);
}

export function drawBban(rng: Rng, bank: Bank): string {
  switch (bank.country) {
    case 'fi': {
      const body = bank.code + rng.digits(11);
      return body + luhnDigit(body);
    }
    case 'ee': {
      // Bank code, 13 account digits, then the 7-3-1 check digit over those 13 (weights run
      // 7, 3, 1 from the right, i.e. 7, 1, 3 from the left for 13 digits).
      const account = rng.digits(13);
      return bank.code + account + weightedMod10(account, [7, 1, 3]);
    }
    case 'lv':
      return bank.code + rng.digits(13);
    case 'lt':
      return bank.code + rng.digits(11);
    case 'pl': {
      const sort = bank.code + rng.digits(3);
      return sort + weightedMod10(sort, [3, 9, 7, 1]) + rng.digits(16);
    }
    case 'ro':
      return bank.code + rng.digits(16);
  }
}

/** Human-readable IBAN in groups of four, as printed on statements. */
export function groupIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

// ---- phones ---------------------------------------------------------------------------------

const CALLING_CODE: Record<Country, string> = {
  fi: '358',
  ee: '372',
  lv: '371',
  lt: '370',
  ua: '380',
  ro: '40',
  pl: '48',
};

/** A mobile number as E.164 (`+37126123456`), within ranges the national plans give mobiles. */
export function drawMobile(rng: Rng, country: Country): string {
  let nsn: string;
  switch (country) {
    case 'lv':
      // 230… and 232… are not allocated to mobiles: the 23 block is left out.
      nsn = '2' + rng.pick(['0', '1', '2', '4', '5', '6', '7', '8', '9']) + rng.digits(6);
      break;
    case 'ee':
      nsn = '5' + rng.digits(7);
      break;
    case 'fi':
      nsn = rng.pick(['40', '41', '44', '45', '46', '50']) + rng.digits(7);
      break;
    case 'lt':
      nsn = '6' + rng.digits(7);
      break;
    case 'ua':
      nsn = rng.pick(['50', '66', '67', '68', '73', '93', '95', '96', '97', '98', '99']) + rng.digits(7);
      break;
    case 'ro':
      nsn = '7' + rng.pick(['2', '3', '4', '5', '6', '7']) + rng.digits(7);
      break;
    case 'pl':
      nsn = rng.pick(['50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88']) + rng.digits(7);
      break;
  }
  return `+${CALLING_CODE[country]}${nsn}`;
}

function splitCc(e164: string, country: Country): [string, string] {
  const cc = CALLING_CODE[country];
  return [cc, e164.slice(1 + cc.length)];
}

/**
 * The same number written the ways people write it: with spaces, with the 00 prefix, in national
 * format with a trunk zero. Resolution has to see through all of them.
 */
export function phoneVariant(e164: string, country: Country, variant: number): string {
  const [cc, nsn] = splitCc(e164, country);
  switch (variant % 5) {
    case 0:
      return e164;
    case 1:
      return `+${cc} ${nsn}`;
    case 2:
      return `00${cc}${nsn}`;
    case 3:
      // National form (trunk 0) only for Finnish numbers: the cases are Finnish, and a foreign
      // number written nationally cannot be read back without knowing its country.
      return country === 'fi'
        ? `0${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${nsn.slice(5)}`
        : `(00${cc}) ${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${nsn.slice(5)}`;
    default:
      return `+${cc} ${nsn.slice(0, 3)} ${nsn.slice(3, 5)} ${nsn.slice(5)}`;
  }
}

/** How many forms `adPhoneForm` knows. */
export const AD_PHONE_FORMS = 9;

/**
 * A phone as people type it into an ad: the five register forms of `phoneVariant` and four looser
 * ones (dashes, a national number with a dash, the "(0)" trunk in an international number, digits
 * in pairs). Every form reads back to the same E.164 number.
 */
export function adPhoneForm(e164: string, country: Country, form: number): string {
  const f = form % AD_PHONE_FORMS;
  if (f < 5) return phoneVariant(e164, country, f);
  const [cc, nsn] = splitCc(e164, country);
  const fi = country === 'fi';
  switch (f) {
    case 5:
      return `+${cc}-${nsn.slice(0, 2)}-${nsn.slice(2)}`;
    case 6:
      return fi ? `0${nsn.slice(0, 2)}-${nsn.slice(2)}` : `+${cc} ${nsn.slice(0, 4)} ${nsn.slice(4)}`;
    case 7:
      return fi ? `+${cc} (0)${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${nsn.slice(5)}` : `00${cc} ${nsn}`;
    default:
      return `+${cc} ${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${nsn.slice(5, 7)} ${nsn.slice(7)}`;
  }
}

// ---- personal codes ---------------------------------------------------------------------------

const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * A national personal code for the birth date, when the country issues one we model. Check
 * digits follow the published algorithms (FI henkilötunnus, EE isikukood, LV personas kods,
 * PL PESEL, RO CNP). Returns null for Ukraine (identified by passport number here).
 */
export function drawPersonalCode(rng: Rng, nat: Nationality, birthDay: number, female: boolean): string | null {
  const { year, month, day } = civilOf(birthDay);
  const yy = p2(year % 100);
  const c2000 = year >= 2000;
  switch (nat) {
    case 'fi': {
      const ind = String(rng.int(1, 449) * 2 + (female ? 0 : 1)).padStart(3, '0');
      const num = Number(`${p2(day)}${p2(month)}${yy}${ind}`);
      return `${p2(day)}${p2(month)}${yy}${c2000 ? 'A' : '-'}${ind}${'0123456789ABCDEFHJKLMNPRSTUVWXY'[num % 31]}`;
    }
    case 'ee': {
      const body = `${(c2000 ? 5 : 3) + (female ? 1 : 0)}${yy}${p2(month)}${p2(day)}${rng.digits(3)}`;
      const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
      const w2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];
      const sum = (w: number[]) => [...body].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0) % 11;
      let check = sum(w1);
      if (check === 10) check = sum(w2) % 10;
      return body + String(check);
    }
    case 'lv': {
      for (;;) {
        const body = `${p2(day)}${p2(month)}${yy}${c2000 ? 2 : 1}${rng.digits(3)}`;
        const w = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const sum = [...body].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0);
        const check = (((1101 - sum) % 11) + 11) % 11;
        if (check < 10) return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
      }
    }
    case 'pl': {
      const mm = p2(month + (c2000 ? 20 : 0));
      const serial = rng.digits(3);
      const sex = String(rng.int(0, 4) * 2 + (female ? 0 : 1));
      const body = `${yy}${mm}${p2(day)}${serial}${sex}`;
      return body + weightedMod10(body, [1, 3, 7, 9]);
    }
    case 'ro': {
      const body = `${(c2000 ? 5 : 1) + (female ? 1 : 0)}${yy}${p2(month)}${p2(day)}${p2(rng.int(1, 46))}${String(rng.int(1, 999)).padStart(3, '0')}`;
      const w = '279146358279';
      const sum = [...body].reduce((s, d, i) => s + Number(d) * Number(w[i]), 0) % 11;
      return body + String(sum === 10 ? 1 : sum);
    }
    case 'ua':
      return null;
  }
}

/** Passport numbers in each country's letter/digit pattern (values invented). */
export function drawPassport(rng: Rng, nat: Nationality): string {
  const L = () => String.fromCharCode(65 + rng.int(0, 25));
  switch (nat) {
    case 'fi':
      return `${L()}${L()}${rng.digits(7)}`;
    case 'ee':
      return `K${rng.digits(7)}`;
    case 'lv':
      return `P${L()}${rng.digits(7)}`;
    case 'ua':
      return `${L()}${L()}${rng.digits(6)}`;
    case 'ro':
      return rng.digits(9);
    case 'pl':
      return `${L()}${L()}${L()}${rng.digits(6)}`;
  }
}

// ---- companies --------------------------------------------------------------------------------

/** Business register number in the country's format (FI Y-tunnus with its mod-11 check). */
export function drawCompanyNumber(rng: Rng, country: Country, incorporationYear: number): string {
  switch (country) {
    case 'fi': {
      for (;;) {
        const body = String(rng.int(2, 3)) + rng.digits(6);
        const w = [7, 9, 10, 5, 8, 4, 2];
        const r = [...body].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0) % 11;
        if (r === 1) continue; // no valid check digit for remainder 1: draw again
        return `${body}-${r === 0 ? 0 : 11 - r}`;
      }
    }
    case 'ee':
      return `1${rng.int(0, 6)}${rng.digits(6)}`;
    case 'lv':
      return `40${rng.int(0, 2)}03${rng.digits(6)}`;
    case 'lt':
      return `30${rng.digits(7)}`;
    case 'pl':
      return `0000${rng.int(1, 9)}${rng.digits(5)}`;
    case 'ro':
      return `J${p2(rng.int(1, 40))}/${rng.int(100, 9999)}/${incorporationYear}`;
    case 'ua':
      return rng.digits(8);
  }
}

export const COMPANY_SUFFIX: Record<Country, string> = {
  fi: 'Oy',
  ee: 'OÜ',
  lv: 'SIA',
  lt: 'UAB',
  ua: 'TOV',
  ro: 'SRL',
  pl: 'Sp. z o.o.',
};

export type { BankCountry };
