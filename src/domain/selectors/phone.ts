/**
 * Phone numbers → E.164 ("+37126123456").
 *
 * We use libphonenumber-js with the `max` metadata: it is bundled (works offline) and, unlike
 * `min`, carries the per-type number patterns, so `isValid()` rejects numbers in ranges that do
 * not exist (e.g. a Latvian number starting with 1) instead of only checking the length. This
 * code runs server-side, so the larger metadata costs nothing that matters.
 */
import { isSupportedCountry, parsePhoneNumberWithError, ParseError } from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import { fail, ok } from './result.ts';
import type { SelectorResult } from './result.ts';

/** Human-readable reasons for libphonenumber's error codes. */
const parseReasons: Readonly<Record<string, string>> = {
  INVALID_COUNTRY: 'no country code: write the number with + or 00 and the country code, or give a default country',
  NOT_A_NUMBER: 'not a phone number',
  TOO_SHORT: 'too short to be a phone number',
  TOO_LONG: 'too long to be a phone number',
  INVALID_LENGTH: 'wrong number of digits',
};

/**
 * "00" is the international call prefix in almost all of Europe, but libphonenumber only
 * understands it when it knows the caller's country. Investigators often have no such country
 * (a number copied out of a chat), so "0037126123456" is read as "+37126123456".
 * Leading spaces or an opening bracket ("(00371) …") are allowed before the 00.
 */
const leadingDoubleZero = /^[\s(]*00/u;

type Attempt = { number: PhoneNumber } | { reason: string };

function attempt(text: string, defaultCountry: CountryCode | undefined): Attempt {
  try {
    const number = parsePhoneNumberWithError(text, defaultCountry ? { defaultCountry } : {});
    if (!number.isValid()) {
      const where = number.country ?? `+${number.countryCallingCode}`;
      return { reason: `not a valid phone number for ${where}` };
    }
    return { number };
  } catch (e) {
    if (e instanceof ParseError) return { reason: parseReasons[e.message] ?? `not a phone number (${e.message})` };
    throw e;
  }
}

/**
 * Normalise a phone number to E.164. `defaultCountry` (ISO 3166-1 alpha-2, any case) is used for
 * numbers written in national form ("26 12 34 56" with 'LV'); numbers with + or 00 ignore it.
 * Extensions ("ext. 12") are dropped: the selector is the line, not the desk.
 */
export function normalisePhone(raw: string, defaultCountry?: string): SelectorResult {
  // NFKC turns full-width digits and plus signs ("＋３７１…", common in text pasted from
  // East-Asian keyboards and some OCR) into ASCII, which libphonenumber does not do itself.
  const text = raw.normalize('NFKC').trim();
  if (text === '') return fail('empty phone number');

  let country: CountryCode | undefined;
  if (defaultCountry !== undefined && defaultCountry.trim() !== '') {
    const code = defaultCountry.trim().toUpperCase();
    if (!isSupportedCountry(code)) return fail(`unknown default country "${defaultCountry}"`);
    country = code;
  }

  const attempts: Array<[string, CountryCode | undefined]> = [];
  if (leadingDoubleZero.test(text)) attempts.push([text.replace(leadingDoubleZero, '+'), undefined]);
  // Also try as written: with a default country whose international prefix is not 00, or a
  // national number that happens to start with 00, libphonenumber knows better than we do.
  attempts.push([text, country]);

  let firstReason: string | undefined;
  for (const [candidate, cc] of attempts) {
    const result = attempt(candidate, cc);
    if ('number' in result) return ok(result.number.number);
    firstReason ??= result.reason;
  }
  return fail(firstReason ?? 'not a phone number');
}
