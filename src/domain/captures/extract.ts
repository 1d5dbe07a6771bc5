/** Everything read from a capture's visible text, in one pass per extractor. */
import { extractAges, extractPrices } from './adFacts.ts';
import type { FoundAge, FoundPrice } from './adFacts.ts';
import { extractEmails } from '../extraction/emails.ts';
import type { FoundEmail } from '../extraction/emails.ts';
import { extractHandles } from '../extraction/handles.ts';
import type { FoundHandle } from '../extraction/handles.ts';
import { extractPhones } from '../extraction/phones.ts';
import type { FoundPhone } from '../extraction/phones.ts';
import { extractPlaces } from '../extraction/places.ts';
import type { FoundPlace } from '../extraction/places.ts';
import { findRedFlags } from './redFlags.ts';
import type { FoundRedFlag } from './redFlags.ts';

export interface Extraction {
  phones: FoundPhone[];
  emails: FoundEmail[];
  handles: FoundHandle[];
  prices: FoundPrice[];
  ages: FoundAge[];
  places: FoundPlace[];
  redFlags: FoundRedFlag[];
}

/** Country of a site's top-level domain, as a hint for numbers written without a country code. */
export function countryOfHost(host: string): string | null {
  const tld = host.toLowerCase().split('.').pop() ?? '';
  const map: Record<string, string> = {
    fi: 'FI',
    ee: 'EE',
    lv: 'LV',
    lt: 'LT',
    se: 'SE',
    no: 'NO',
    pl: 'PL',
    ru: 'RU',
    ua: 'UA',
    by: 'BY',
    ro: 'RO',
    uk: 'GB',
  };
  return map[tld] ?? null;
}

/** Country whose numbers a page in this ISO 639-1 language most likely gives (none for English). */
const LANGUAGE_COUNTRY: Readonly<Record<string, string>> = {
  fi: 'FI',
  et: 'EE',
  lv: 'LV',
  lt: 'LT',
  ru: 'RU',
  uk: 'UA',
  sv: 'SE',
  pl: 'PL',
  ro: 'RO',
};

export interface PageOrigin {
  /** Host name of the ad site or the document's address. */
  host?: string | null;
  /** The site's country when the analyst states it (a .com site serving one country). */
  siteCountry?: string | null;
  /** The language the page declares (ISO 639-1, "lv" or "lv-LV"). */
  language?: string | null;
  caseCountry?: string | null;
}

/**
 * Where a number written without a country code is read, strongest first: the site's stated
 * country, its domain's country, the page language's country, then the case's country.
 */
export function phoneCountries(o: PageOrigin): string[] {
  const lang = o.language?.slice(0, 2).toLowerCase();
  return distinct(
    [o.siteCountry, o.host ? countryOfHost(o.host) : null, lang ? LANGUAGE_COUNTRY[lang] : null, o.caseCountry]
      .filter((c): c is string => !!c && /^[A-Za-z]{2}$/.test(c))
      .map((c) => c.toUpperCase()),
  );
}

export function extractAll(
  text: string,
  countries: readonly string[] = [],
  language: string | null = null,
): Extraction {
  const emails = extractEmails(text);
  // Digits inside an e-mail address ("nika1990@…") are not a phone number.
  const inEmail = (p: { start: number; end: number }) => emails.some((e) => p.start < e.end && p.end > e.start);
  return {
    phones: extractPhones(text, { countries, language }).filter((p) => !inEmail(p)),
    emails,
    handles: extractHandles(text, countries),
    prices: extractPrices(text),
    ages: extractAges(text),
    places: extractPlaces(text),
    redFlags: findRedFlags(text),
  };
}

/** Distinct values, first occurrence order. */
export const distinct = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
