/** Dates, numbers, money and sizes written the way each language's country writes them. */
import { useTranslation } from 'react-i18next';
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
  const dateFmt = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const numberFmt = new Intl.NumberFormat(locale);
  const stampFmt = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const date = (iso: string | null | undefined) => {
    if (!iso) return '';
    // FtM dates may be partial (2021, 2021-05): those stay as written.
    if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
    const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
  };
  const dateTime = (iso: string | null | undefined) => {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
  };
  const money = (amount: number, currency: string) => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
    } catch {
      return `${numberFmt.format(amount)} ${currency}`;
    }
  };
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
  const regions = (() => {
    try {
      return new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      return null;
    }
  })();
  const country = (code: string) => {
    try {
      return regions?.of(code.toUpperCase()) ?? code;
    } catch {
      return code; // not a region code (FtM also has e.g. "zz", "eu"): shown as written
    }
  };
  const value = (type: string, raw: string) => {
    if (type === 'date') return date(raw);
    if (type === 'country') return country(raw);
    if (type === 'number' && /^-?\d+(\.\d+)?$/.test(raw)) return numberFmt.format(Number(raw));
    return raw;
  };
  const timestamp = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : stampFmt.format(d);
  };
  return { date, dateTime, timestamp, country, number: (n) => numberFmt.format(n), money, bytes, value };
}

const cache = new Map<string, Formatters>();

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  let f = cache.get(lng);
  if (!f) cache.set(lng, (f = formatters(lng)));
  return f;
}
