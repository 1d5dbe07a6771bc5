/**
 * What a prosecutor must not find in the text of a case report: words meant for programmers
 * (translation keys, camelCase, PascalCase or snake_case identifiers, dotted keys), internal ids
 * (UUIDs, generated ids) and dates or amounts not written the way the report's language writes
 * them. Used by the report tests on the PDF's own text (pdftotext), page by page.
 */
import type { ReportLanguage } from './report.ts';

/** Text a report quotes as it is and that may look like an identifier: links, e-mails, file names. */
const QUOTED = [
  /\bhttps?:\/\/\S+/g,
  /\S+@\S+/g,
  /\S+\.(?:xml|csv|pdf|html?|mhtml|png|jpe?g|txt|json|sta|mt940|ofx|xlsx?|docx?|eml|anx)\b/gi,
  /\b(?:www\.)?[a-z0-9-]+\.(?:lv|ee|fi|lt|com|net|org|eu)\b/gi,
];
const unquoted = (text: string): string => QUOTED.reduce((t, re) => t.replace(re, ' '), text);

const IDENTIFIERS = [
  /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g, // camelCase: birthDate, wageKickback
  /\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\b/g, // PascalCase schema names: UnknownLink, BankAccount
  /\b[a-z]+_[a-z_]+\b/g, // snake_case
  /\b[a-z][A-Za-z0-9]+(?:\.[a-z][A-Za-z0-9]+)+\b/g, // dotted keys: preview.kinds.statement
];

/** Proper names written in mixed case that are no identifiers. */
const NAMES: ReadonlySet<string> = new Set(['FinCEN']);

export function rawWordsIn(text: string): string[] {
  const t = unquoted(text);
  return [...new Set(IDENTIFIERS.flatMap((re) => t.match(re) ?? []))].filter((w) => !NAMES.has(w));
}

const IDS = [
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  /\bdemo-\d+-[A-Za-z0-9-]+/g,
  /\b(?:party|acct|pers|ent|src|file|job)-[0-9a-f]{6,}/g,
];

/** Ids outside quoted text: an evidence file keeps the name it came with, whatever it looks like. */
export function idsIn(text: string): string[] {
  const t = unquoted(text);
  return [...new Set(IDS.flatMap((re) => t.match(re) ?? []))];
}

/** ISO dates, and amounts written in another language's way (decimal mark, currency's place). */
const WRONG: Record<'en' | 'comma', RegExp[]> = {
  // en-GB: €1,234.56 — a decimal comma or a trailing currency is another language's
  en: [/\d,\d{2}\s?€/g, /\d[\d ]*[.,]\d{2}\s?(?:EUR|€)/g],
  // fi, et, lv: 1 234,56 € — a decimal point or a leading currency is English
  comma: [/€\s?-?\d/g, /\d\.\d{2}\s?(?:EUR|€)/g, /\d[\d ]*\.\d{2} EUR/g],
};

export function wrongLocaleIn(text: string, language: ReportLanguage): string[] {
  const t = text.replace(/\s+/g, ' ');
  const found = [...(t.match(/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g) ?? [])];
  for (const re of WRONG[language === 'en' ? 'en' : 'comma']) found.push(...(t.match(re) ?? []));
  return [...new Set(found)];
}
