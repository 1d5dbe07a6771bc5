import fc from 'fast-check';
import { isValidIBAN } from 'ibantools';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from './constants.ts';
import { dayOf } from './dates.ts';
import { typo } from './duplicates.ts';
import {
  drawBban,
  drawMobile,
  drawPersonalCode,
  ibanChecksumValid,
  ibanFromBban,
  mod97,
  phoneVariant,
} from './identifiers.ts';
import { foldDiacritics, romaniseUk, romaniseUkLegacy } from './names.ts';
import { BANKS, type BankCountry } from './places.ts';
import { Rng } from './prng.ts';

const BANK_COUNTRIES = Object.keys(BANKS) as BankCountry[];

describe('IBANs', () => {
  it('computes mod 97 like big-integer arithmetic', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,40}$/), (digits) => {
        expect(mod97(digits)).toBe(Number(BigInt(digits) % 97n));
      }),
    );
  });

  it('gives valid IBANs, national check digits included, for every bank country', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(...BANK_COUNTRIES), (seed, country) => {
        const rng = new Rng(seed);
        const iban = ibanFromBban(country, drawBban(rng, rng.pick(BANKS[country])));
        expect(ibanChecksumValid(iban)).toBe(true);
        expect(isValidIBAN(iban)).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('rejects an IBAN with one digit changed', () => {
    const iban = 'FI2112345600000785';
    expect(ibanChecksumValid(iban)).toBe(true);
    expect(ibanChecksumValid('FI2112345600000786')).toBe(false);
  });
});

describe('phone numbers', () => {
  it('draws mobile numbers the national numbering plans accept', () => {
    const rng = new Rng(11);
    for (const country of COUNTRIES) {
      for (let i = 0; i < 40; i++) {
        const e164 = drawMobile(rng, country);
        expect(isValidPhoneNumber(e164), `${country} ${e164}`).toBe(true);
      }
    }
  });

  it('writes the same number in several formats that keep its digits', () => {
    const rng = new Rng(3);
    for (const country of COUNTRIES) {
      const e164 = drawMobile(rng, country);
      const nsn = e164.replace(/^\+(358|372|371|370|380|40|48)/, '');
      const variants = [0, 1, 2, 3, 4].map((v) => phoneVariant(e164, country, v));
      expect(new Set(variants).size).toBe(5);
      for (const v of variants) expect(v.replace(/\D/g, '').endsWith(nsn)).toBe(true);
    }
  });
});

describe('personal codes', () => {
  const birth = dayOf(1990, 3, 14);
  it('writes a Finnish henkilötunnus whose check character is right', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 50; i++) {
      const code = drawPersonalCode(rng, 'fi', birth, i % 2 === 0) ?? '';
      expect(code).toMatch(/^140390-\d{3}[0-9A-Y]$/);
      const n = Number(code.slice(0, 6) + code.slice(7, 10));
      expect(code[10]).toBe('0123456789ABCDEFHJKLMNPRSTUVWXY'[n % 31]);
    }
  });

  it('writes a PESEL and an isikukood with valid check digits', () => {
    const rng = new Rng(2);
    const pesel = drawPersonalCode(rng, 'pl', birth, true) ?? '';
    const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    const sum = [...pesel.slice(0, 10)].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0);
    expect(Number(pesel[10])).toBe((10 - (sum % 10)) % 10);
    const ik = drawPersonalCode(rng, 'ee', birth, false) ?? '';
    expect(ik).toMatch(/^3900314\d{4}$/);
    expect(drawPersonalCode(rng, 'ua', birth, false)).toBeNull();
  });
});

describe('names', () => {
  it('romanises Ukrainian by the 2010 standard, and differently by the older one', () => {
    expect(romaniseUk('Юлія Гнатюк')).toBe('Yuliia Hnatiuk');
    expect(romaniseUk('Сергій Олійник')).toBe('Serhii Oliinyk');
    expect(romaniseUk('Євген Ковальський')).toBe('Yevhen Kovalskyi');
    expect(romaniseUkLegacy('Сергій')).toBe('Sergiy');
  });

  it('folds diacritics', () => {
    expect(foldDiacritics('Bērziņš Kļaviņa Põder Wiśniewski Łukasz')).toBe('Berzins Klavina Poder Wisniewski Lukasz');
  });

  it('makes a typo that always changes the word', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string({ minLength: 1, maxLength: 20 }), (seed, word) => {
        expect(typo(new Rng(seed), word)).not.toBe(word);
      }),
    );
  });
});
