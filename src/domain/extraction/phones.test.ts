import fc from 'fast-check';
import { getExampleNumber, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../selectors/phone.ts';
import { phoneCountries } from '../captures/extract.ts';
import { extractPhones } from './phones.ts';

const e164s = (text: string, countries: string[] = [], language?: string) =>
  extractPhones(text, { countries, language }).map((p) => p.e164);

describe('extractPhones: written forms', () => {
  it.each([
    // Latvia: international, 00, national (no trunk prefix in Latvia), spaced, dotted, dashed
    ['Zvani +371 2612 3456', [], '+37126123456'],
    ['tel. 00371 26 123 456', [], '+37126123456'],
    ['(+371) 26-12-34-56', [], '+37126123456'],
    ['zvanīt 2612 3456', ['LV'], '+37126123456'],
    ['26.12.34.56', ['LV'], '+37126123456'],
    // Estonia (no trunk prefix): international with brackets around 00, national
    ['helista (00372) 51 234 567', [], '+37251234567'],
    ['5123 4567', ['EE'], '+37251234567'],
    ['+372-5123-4567', [], '+37251234567'],
    // Grouped like a date but not a real one: still a number
    ['+371 2123-40-00', [], '+37121234000'],
    // Finland: trunk 0 and without it, brackets, dots, letters for digits, words for digits and between groups
    ['soita 040 123 4567', ['FI'], '+358401234567'],
    ['(040) 123.45.67', ['FI'], '+358401234567'],
    ['40 123 4567', ['FI'], '+358401234567'],
    ['O4O l23 4567', ['FI'], '+358401234567'],
    ['o4o-I23-4567', ['FI'], '+358401234567'],
    ['nolla neljä nolla 123 4567', ['FI'], '+358401234567'],
    ['040 dot 123 dot 4567', ['FI'], '+358401234567'],
    ['040 piste 123 väli 45 67', ['FI'], '+358401234567'],
    ['plus three five eight four zero one two three four five six seven', [], '+358401234567'],
    // Lithuania: trunk 8 and without
    ['8 612 34567', ['LT'], '+37061234567'],
    ['(8-612) 34567', ['LT'], '+37061234567'],
    ['+370 612 34567', [], '+37061234567'],
    // Russia: trunk 8 with brackets and dashes, and without trunk
    ['звоните 8 (916) 123-45-67', ['RU'], '+79161234567'],
    ['+7 916 123 45 67', [], '+79161234567'],
    ['916 123 45 67', ['RU'], '+79161234567'],
    // Ukraine: trunk 0, words in Ukrainian between groups
    ['067 123 45 67', ['UA'], '+380671234567'],
    ['+380 (67) 123-45-67', [], '+380671234567'],
    ['нуль шість сім 123 45 67', ['UA'], '+380671234567'],
    // United Kingdom
    ['07911 123456', ['GB'], '+447911123456'],
    ['+44 (0) 7911 123 456', [], '+447911123456'],
    // Sweden
    ['070-123 45 67', ['SE'], '+46701234567'],
  ])('%s → %s', (text, countries, expected) => {
    expect(e164s(text, countries)).toEqual([expected]);
  });

  it('keeps an age or a date away from a number, and finds several numbers in one text', () => {
    expect(e164s('Nika 23 040 123 4567', ['FI'])).toEqual(['+358401234567']);
    expect(e164s('published 2023-05-14 and 14.05.2023, 10:00–22:00')).toEqual([]);
    expect(e164s('150 EUR / 1 h, 24/7, room 12')).toEqual([]);
    expect(e164s('+358 40 123 4567 tai +372 5123 4567')).toEqual(['+358401234567', '+37251234567']);
  });

  it('gives the offsets of the number as written', () => {
    const text = 'Call me: (040) 123.45.67!';
    const [p] = extractPhones(text, { countries: ['FI'] });
    expect(p && text.slice(p.start, p.end)).toBe('(040) 123.45.67');
    expect(p?.assumedCountry).toBe('FI');
  });
});

describe('extractPhones: which country (issue 18)', () => {
  // A Latvian ad in a Finnish case: the site's country is tried before the case's.
  const latvianAd = phoneCountries({ host: 'www.sludinajumi.lv', language: 'lv', caseCountry: 'FI' });

  it('orders the hints: stated site country, domain, page language, case', () => {
    expect(latvianAd).toEqual(['LV', 'FI']);
    expect(phoneCountries({ host: 'ads.com', siteCountry: 'lt', language: 'ru-RU', caseCountry: 'FI' })).toEqual([
      'LT',
      'RU',
      'FI',
    ]);
    expect(phoneCountries({ host: 'ads.com', language: 'en', caseCountry: 'EE' })).toEqual(['EE']);
  });

  it.each([
    ['Zvani 2612 3456'],
    ['two six one two three four five six'],
    ['divi seši viens divi trīs četri pieci seši'],
    ['divi sesi viens divi tris cetri pieci sesi'],
  ])('reads "%s" on a Latvian site as Latvian, not as the case country’s', (text) => {
    expect(e164s(text, latvianAd, 'lv')).toEqual(['+37126123456']);
    expect(e164s(text, ['FI', 'LV'], 'lv')).toEqual(['+35826123456']);
  });

  it('reads a language’s local number words only on a page in that language', () => {
    const spoken = 'soita nolla neljä nolla yks kaks kolme nelonen viis kuus seiska';
    expect(e164s(spoken, ['FI'])).not.toContain('+358401234567');
    expect(e164s(spoken, ['FI'], 'fi')).toEqual(['+358401234567']);
    expect(e164s('zvani divi sesi viens divi tris cetri pieci sesi', ['LV'])).toEqual([]);
    expect(e164s('звоните восемь девять один шесть 123 45 67', ['RU'], 'ru')).toEqual(['+79161234567']);
    expect(e164s('zvoni vosem devyat odin shest 123 45 67', ['RU'], 'ru')).toEqual(['+79161234567']);
  });

  it('reports an ambiguous number with its candidates instead of guessing', () => {
    const [p, ...rest] = extractPhones('call 46 123 456');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ e164: null, assumedCountry: null, raw: '46 123 456' });
    expect(p?.candidates.sort()).toEqual(['+35846123456', '+4746123456']);
    // A hint decides it.
    expect(e164s('call 46 123 456', ['NO'])).toEqual(['+4746123456']);
    // A mobile reading beats fixed lines where no hint decides (ads give mobiles).
    expect(extractPhones('zvani 2612 3456')[0]).toMatchObject({ e164: '+37126123456', candidates: [] });
  });
});

const COUNTRIES: CountryCode[] = ['LV', 'EE', 'FI', 'LT', 'RU', 'UA', 'GB', 'SE', 'PL'];

/** A valid mobile number of `country`: its example number with other final digits, if still valid. */
const validNumber = fc
  .tuple(fc.constantFrom(...COUNTRIES), fc.integer({ min: 0, max: 999 }))
  .map(([country, tail]) => {
    const example = getExampleNumber(country, examples);
    const nsn = example?.nationalNumber ?? '';
    const candidate = `${nsn.slice(0, -3)}${String(tail).padStart(3, '0')}`;
    const r = normalisePhone(candidate, country);
    return r.ok ? { country, e164: r.value } : null;
  })
  .filter((x): x is { country: CountryCode; e164: string } => x !== null);

const SEPARATORS = [' ', '-', '.', ' - ', '  ', ' dot '];
const group = (digits: string, sizes: readonly number[]): string[] => {
  const out: string[] = [];
  let i = 0;
  for (const s of sizes) {
    if (i >= digits.length) break;
    out.push(digits.slice(i, i + s));
    i += s;
  }
  if (i < digits.length) out.push(digits.slice(i));
  return out.filter((g) => g !== '');
};

/** The written forms investigators meet, for one number. */
function render(
  e164: string,
  country: CountryCode,
  form: number,
  sep: string,
  sizes: readonly number[],
  disguise: boolean,
): string {
  const n = parsePhoneNumberWithError(e164);
  const nsn = n.nationalNumber;
  const groups = group(nsn, sizes);
  const join = (gs: string[]) => gs.join(sep);
  const national = n.formatNational().replace(/\D/g, '');
  let text: string;
  switch (form % 5) {
    case 0:
      text = `+${n.countryCallingCode} ${join(groups)}`;
      break;
    case 1:
      text = `00${n.countryCallingCode}${sep}${join(groups)}`;
      break;
    case 2:
      text = `(+${n.countryCallingCode}) ${join(groups)}`;
      break;
    case 3:
      text = join(group(national, sizes));
      break;
    default:
      text = join(groups);
      break;
  }
  if (disguise) text = text.replace(/0/g, 'O').replace(/1/g, 'l');
  void country;
  return text;
}

describe('extractPhones: properties', () => {
  it('reads any valid number in any written form back to the same E.164', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...SEPARATORS),
        fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        ({ country, e164 }, form, sep, sizes, disguise) => {
          const written = render(e164, country, form, sep, sizes, disguise);
          const found = e164s(`Contact: ${written}. Thanks`, [country]);
          expect(found, written).toContain(e164);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and returns spans inside the text, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        for (const p of extractPhones(text, { countries: ['FI', 'LV'] })) {
          expect(p.start).toBeGreaterThanOrEqual(0);
          expect(p.end).toBeLessThanOrEqual(text.length);
          for (const n of p.e164 ? [p.e164] : p.candidates) expect(n).toMatch(/^\+[1-9]\d{6,14}$/);
          expect(p.e164 === null).toBe(p.candidates.length > 1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
