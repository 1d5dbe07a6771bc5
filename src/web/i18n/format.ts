/** Dates, numbers, money and sizes written the way each language's country writes them. */
import { useTranslation } from 'react-i18next';
import { localeFormat } from '../../shared/locale.ts';
import { isLanguage, LOCALES } from './index.ts';

const localeOf = (lng: string) => (isLanguage(lng) ? LOCALES[lng] : LOCALES.en);

export interface Formatters {
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  /** To the second, for the audit trail. */
  timestamp: (iso: string) => string;
  number: (n: number) => string;
  money: (amount: number, currency: string) => string;
  bytes: (n: number) => string;
  /** A country's name in the user's language, from its ISO code. */
  country: (code: string) => string;
  /** A property value: dates, numbers and countries as the user reads them, other text as written. */
  value: (type: string, raw: string) => string;
}

export function formatters(lng: string): Formatters {
  const locale = localeOf(lng);
  const dateTimeFmt = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const stampFmt = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  // Dates, numbers, amounts and countries: the one locale format the report and the CLI use too.
  const shared = localeFormat(isLanguage(lng) ? lng : 'en');
  const date = shared.date;
  const dateTime = (iso: string | null | undefined) => {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
  };
  // In major units here (the pages' amounts), minor units in the shared format. A word joiner after
  // the minus keeps it on the line of its amount ("-€" may otherwise break in a narrow cell).
  const money = (amount: number, currency: string) =>
    shared.money(Math.round(amount * 100), currency).replace(/^([-\u2212])/, '$1\u2060');
  const bytes = (n: number) => {
    const units = ['B', 'kB', 'MB', 'GB'];
    let v = n;
    let i = 0;
    while (v >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: i ? 1 : 0 }).format(v)} ${units[i]}`;
  };
  const country = shared.country;
  const value = (type: string, raw: string) => {
    if (type === 'date') return date(raw);
    if (type === 'country') return country(raw);
    if (type === 'number' && /^-?\d+(\.\d+)?$/.test(raw)) return shared.number(Number(raw));
    return raw;
  };
  const timestamp = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : stampFmt.format(d);
  };
  return { date, dateTime, timestamp, country, number: shared.number, money, bytes, value };
}

const cache = new Map<string, Formatters>();

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  let f = cache.get(lng);
  if (!f) cache.set(lng, (f = formatters(lng)));
  return f;
}
