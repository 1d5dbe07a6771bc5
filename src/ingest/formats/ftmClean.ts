/**
 * Cleaning property values the way FtM's property types do when a mapping adds them, so the
 * entities a mapping produces here equal those FtM produces (names with collapsed spaces,
 * countries as ISO codes, dates as ISO prefixes…). A value a type cannot read is dropped, as
 * FtM drops it ("Discarding unclean value"); the caller may report it.
 *
 * Where the platform already normalises a kind of value (phones to E.164, IBANs, e-mails) the
 * platform's selector normalisers are used, so mapped values meet values from other sources.
 */
import { isNumeric, type PropertyType } from '../../domain/schema/index.ts';
import { normaliseEmail, normaliseIban, normalisePhone } from '../../domain/selectors/index.ts';
import { lookupCountry } from './countries.ts';
import { parseIsoPrefix, parseWithFormat } from './dates.ts';

export interface CleanOptions {
  /** strptime format for dates (`%d.%m.%Y`). */
  format?: string | undefined;
  /** Countries already on the entity: hints for reading national phone numbers. */
  countries?: readonly string[];
}

/**
 * A raw cell as FtM's sources hand it on: Unicode NFC, NUL characters removed, blank → absent.
 * Surrounding spaces are kept here (FtM templates keep them); type cleaning trims.
 */
export function sanitizeCell(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw.normalize('NFC').replace(/\0/g, '');
  return text.trim() === '' ? undefined : text;
}

const collapseSpaces = (text: string) => text.replace(/\s+/gu, ' ').trim();

const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", '“': '”', '„': '“', '‘': '’', '«': '»', '»': '«' };

/** Drops one pair of quotes around the whole name (`"Acme Ltd"`), not quotes inside it. */
function stripQuotes(text: string): string {
  const close = QUOTE_PAIRS[text[0] ?? ''];
  if (close !== undefined && text.length >= 2 && text.endsWith(close)) return text.slice(1, -1).trim();
  return text;
}

// FtM's address type turns line breaks, tabs and semicolons into commas and tidies doubled ones.
const ADDRESS_BREAKS = /(\r\n|\n|<BR\/>|<BR>|\t|ESQ\.,|ESQ,|;)/g;
const ADDRESS_COMMATA = /(,\s?[,.])/g;

const GENDERS: Record<string, string> = {
  m: 'male',
  male: 'male',
  man: 'male',
  masculine: 'male',
  männlich: 'male',
  maennlich: 'male',
  f: 'female',
  female: 'female',
  woman: 'female',
  feminine: 'female',
  weiblich: 'female',
  w: 'female',
  o: 'other',
  other: 'other',
  d: 'other',
  divers: 'other',
  x: 'other',
  nonbinary: 'other',
};

/** Digits grouped by commas or spaces ("1,000.50", "1 000"), as FtM's number parser reads them. */
const GROUPED_NUMBER = /^[+-]?\s?(?:\d{1,3}(?:[,\s]\d{2,3})+|\d+)(?:\.\d+)?$/;

/**
 * FtM keeps numbers as written, but our model only stores plain decimals: thousands separators
 * are removed, and anything else (units, decimal commas, ranges) is dropped for the caller to
 * report rather than failing the whole import later.
 */
function cleanNumber(text: string): string | null {
  if (isNumeric(text)) return text;
  if (!GROUPED_NUMBER.test(text)) return null;
  const plain = text.replace(/[,\s]/g, '');
  return isNumeric(plain) ? plain : null;
}

function cleanPhone(text: string, countries: readonly string[]): string | null {
  // As FtM: try the entity's countries as the number's home, then the number on its own.
  for (const hint of [...countries, undefined]) {
    const result = normalisePhone(text, hint);
    if (result.ok) return result.value;
  }
  return null;
}

/** The cleaned value of `raw` for a property of `type`, or null when FtM would drop it. */
export function cleanValue(type: PropertyType, raw: string, opts: CleanOptions = {}): string | null {
  const text = raw.normalize('NFC').replace(/\0/g, '').trim();
  if (text === '') return null;
  switch (type) {
    case 'name': {
      const name = collapseSpaces(stripQuotes(text));
      return name === '' ? null : name;
    }
    case 'address': {
      const address = collapseSpaces(text.replace(ADDRESS_BREAKS, ', ').replace(ADDRESS_COMMATA, ', '));
      return address === '' ? null : address;
    }
    case 'country':
      return lookupCountry(text);
    case 'date':
      return opts.format ? parseWithFormat(text, opts.format) : parseIsoPrefix(text);
    case 'phone':
      return cleanPhone(text, opts.countries ?? []);
    case 'email': {
      const result = normaliseEmail(text);
      return result.ok ? result.value : null;
    }
    case 'iban': {
      const result = normaliseIban(text);
      return result.ok ? result.value : null;
    }
    case 'number':
      return cleanNumber(text);
    case 'gender':
      return GENDERS[text.toLowerCase()] ?? null;
    case 'language':
    case 'mimetype':
      return text.toLowerCase();
    default:
      // string, text, identifier, url, entity…: kept as written, as FtM does.
      return text;
  }
}
