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

export function extractAll(text: string, countries: readonly string[] = []): Extraction {
  const emails = extractEmails(text);
  // Digits inside an e-mail address ("nika1990@…") are not a phone number.
  const inEmail = (p: { start: number; end: number }) => emails.some((e) => p.start < e.end && p.end > e.start);
  return {
    phones: extractPhones(text, { countries }).filter((p) => !inEmail(p)),
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
