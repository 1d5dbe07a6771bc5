import fc from 'fast-check';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone.ts';

const value = (raw: string, country?: string): string | undefined => {
  const r = normalisePhone(raw, country);
  return r.ok ? r.value : undefined;
};

describe('normalisePhone', () => {
  it.each([
    ['+371 2612 3456', undefined, '+37126123456'],
    ['0037126123456', undefined, '+37126123456'],
    ['26 12 34 56', 'LV', '+37126123456'],
    ['26 12 34 56', 'lv', '+37126123456'],
    ['(+371) 26-12-34-56', undefined, '+37126123456'],
    ['(00371) 26 12 34 56', undefined, '+37126123456'],
    ['+371 2612 3456', 'FI', '+37126123456'],
    ['+358 40 123 4567', undefined, '+358401234567'],
    ['040 123 4567', 'FI', '+358401234567'],
    ['00358 40 123 4567', 'FI', '+358401234567'],
    ['+372 5123 4567', undefined, '+37251234567'],
    ['+370 612 34567', undefined, '+37061234567'],
    ['8 612 34567', 'LT', '+37061234567'],
    ['+48 512 345 678', undefined, '+48512345678'],
    ['+40 712 345 678', undefined, '+40712345678'],
    ['+380 50 123 4567', undefined, '+380501234567'],
    ['tel:+37126123456', undefined, '+37126123456'],
    ['+371 2612 3456 ext. 12', undefined, '+37126123456'],
    ['＋３７１ ２６１２ ３４５６', undefined, '+37126123456'],
    // A US caller dialling abroad: 00 is not the US prefix, but no US number starts with 0.
    ['0037126123456', 'US', '+37126123456'],
  ])('%s (%s) → %s', (raw, country, expected) => {
    expect(normalisePhone(raw, country)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', undefined, /empty/],
    ['   ', 'LV', /empty/],
    ['26123456', undefined, /country code/],
    ['+371 1234 5678', undefined, /not a valid phone number for LV/],
    ['+371 2612', undefined, /./],
    ['hello', undefined, /not a phone number/],
    ['26123456', 'XX', /unknown default country/],
  ])('rejects %j (%s)', (raw, country, reason) => {
    const r = normalisePhone(raw, country);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  // Valid numbers from every country libphonenumber knows (its example mobile numbers).
  const pool = getCountries()
    .map((c) => getExampleNumber(c, examples)?.number)
    .filter((n): n is NonNullable<typeof n> => n !== undefined && normalisePhone(n).ok);

  it('has a large pool of example numbers', () => {
    expect(pool.length).toBeGreaterThan(200);
  });

  it('is idempotent on valid numbers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pool), (e164) => {
        expect(value(e164)).toBe(e164);
      }),
    );
  });

  it('ignores separators and the + / 00 spelling of the international prefix', () => {
    const separator = fc.constantFrom('', '', ' ', '-', '.', ' - ', '  ');
    fc.assert(
      fc.property(
        fc.constantFrom(...pool),
        fc.constantFrom('+', '00', '+ '),
        fc.array(separator, { minLength: 16, maxLength: 16 }),
        (e164, prefix, seps) => {
          const digits = [...e164.slice(1)];
          const written = prefix + digits.map((d, i) => d + (i < digits.length - 1 ? (seps[i] ?? '') : '')).join('');
          expect(value(written)).toBe(e164);
        },
      ),
    );
  });

  it('reads national and international forms of the same number alike', () => {
    // Latvian mobiles: 8 digits starting 2, but the max metadata knows which ranges are
    // allocated (23xx is only partly), so stay inside 20–22 and 24–29. Finnish 040/050 mobiles
    // have seven more digits.
    fc.assert(
      fc.property(fc.stringMatching(/^2[0-24-9]\d{6}$/), (national) => {
        expect(value(national, 'LV')).toBe(`+371${national}`);
        expect(value(`00371 ${national}`)).toBe(`+371${national}`);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('40', '50'), fc.stringMatching(/^\d{7}$/), (prefix, rest) => {
        expect(value(`0${prefix} ${rest}`, 'FI')).toBe(`+358${prefix}${rest}`);
      }),
    );
  });

  it('returns E.164 or a reason for any input, and E.164 normalises to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[+0(]?[\d ()-]{0,20}$/)),
        fc.constantFrom(undefined, 'LV', 'FI'),
        (raw, country) => {
          const r = normalisePhone(raw, country);
          if (r.ok) {
            expect(r.value).toMatch(/^\+[1-9]\d{6,14}$/);
            expect(value(r.value)).toBe(r.value);
          } else {
            expect(r.reason.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
