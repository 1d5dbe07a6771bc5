import fc from 'fast-check';
import { composeIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { normaliseIban } from './iban.ts';

const value = (raw: string): string | undefined => {
  const r = normaliseIban(raw);
  return r.ok ? r.value : undefined;
};

/** Valid IBANs from the ibantools check-digit computation, for any country with a BBAN format. */
const countries = Object.entries(getCountrySpecifications()).flatMap(([code, spec]) =>
  spec.bban_regexp && spec.chars ? [{ code, bban: new RegExp(spec.bban_regexp) }] : [],
);
// One arbitrary per country, built once (building stringMatching arbitraries is the slow part).
const validIban = fc
  .oneof(
    ...countries.map(({ code, bban }) =>
      fc.stringMatching(bban).map((b) => composeIBAN({ countryCode: code, bban: b })),
    ),
  )
  // Some countries (EE, PL, BE, FR, …) also have a national account checksum, which random
  // BBANs mostly fail; those draws are skipped rather than biasing the generator.
  .filter((iban): iban is string => iban !== null && isValidIBAN(iban));

/** Writes an IBAN the ways people do: groups of four or random separators, any case. */
const written = (iban: string) =>
  fc
    .tuple(
      fc.array(fc.constantFrom('', '', ' ', '-', '  ', '\u00a0', '.'), {
        minLength: iban.length,
        maxLength: iban.length,
      }),
      fc.array(fc.boolean(), { minLength: iban.length, maxLength: iban.length }),
    )
    .map(([seps, lower]) =>
      [...iban].map((c, i) => (lower[i] ? c.toLowerCase() : c) + (i < iban.length - 1 ? (seps[i] ?? '') : '')).join(''),
    );

describe('normaliseIban', () => {
  it.each([
    ['LV80 BANK 0000 4351 9500 1', 'LV80BANK0000435195001'],
    ['lv80bank0000435195001', 'LV80BANK0000435195001'],
    ['LV80-BANK-0000-4351-9500-1', 'LV80BANK0000435195001'],
    ['IBAN: LV80 BANK 0000 4351 9500 1', 'LV80BANK0000435195001'],
    ['  LV80\u00a0BANK\u00a00000\u00a04351\u00a09500\u00a01 ', 'LV80BANK0000435195001'],
    ['EE38 2200 2210 2014 5685', 'EE382200221020145685'],
    ['FI21 1234 5600 0007 85', 'FI2112345600000785'],
    ['LT12 1000 0111 0100 1000', 'LT121000011101001000'],
    ['PL61 1090 1014 0000 0712 1981 2874', 'PL61109010140000071219812874'],
    ['RO49 AAAA 1B31 0075 9384 0000', 'RO49AAAA1B31007593840000'],
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseIban(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /empty/],
    ['LV81 BANK 0000 4351 9500 1', /checksum/],
    ['LV80 BANK 0000 4351 9500', /length/],
    ['XX80 BANK 0000 4351 9500 1', /country/],
    ['LV8O BANK 0000 4351 9500 1', /check digits/],
    ['LV80 BANK 0000 4351 9500 €', /letters and digits/],
    ['EE38 2200 2210 2014 5686', /checksum/],
  ])('rejects %j', (raw, reason) => {
    const r = normaliseIban(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('normalises any valid IBAN back to itself (idempotent)', () => {
    fc.assert(
      fc.property(validIban, (iban) => {
        expect(value(iban)).toBe(iban);
      }),
    );
  });

  it('ignores separators and case', () => {
    fc.assert(
      fc.property(
        validIban.chain((iban) => written(iban).map((w) => [iban, w] as const)),
        ([iban, w]) => {
          expect(value(w)).toBe(iban);
        },
      ),
    );
  });

  it('rejects any single mistyped digit (mod-97 catches every single substitution)', () => {
    fc.assert(
      fc.property(validIban, fc.nat(), fc.integer({ min: 1, max: 9 }), (iban, at, delta) => {
        const digits = [...iban].flatMap((c, i) => (i >= 2 && /\d/.test(c) ? [i] : []));
        const i = digits[at % digits.length];
        if (i === undefined) return;
        const mistyped = iban.slice(0, i) + String((Number(iban[i]) + delta) % 10) + iban.slice(i + 1);
        expect(normaliseIban(mistyped).ok).toBe(false);
      }),
    );
  });

  it('only ever returns upper-case letters and digits', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const r = normaliseIban(raw);
        if (r.ok) expect(r.value).toMatch(/^[A-Z]{2}\d{2}[A-Z0-9]+$/);
      }),
    );
  });
});
