/**
 * Dates, amounts and country names written the way each language's country writes them
 * (Intl, with the locale each platform language stands for). The report and other server
 * output use it; dates the records hold only in part (2021, 2021-05) stay as written.
 */
export const LOCALE_OF = { en: 'en-GB', fi: 'fi-FI', et: 'et-EE', lv: 'lv-LV' } as const;
export type LocaleLanguage = keyof typeof LOCALE_OF;

export interface LocaleFormat {
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  /** Minor units (cents) in the currency, e.g. "€1,234.50" or "1 234,50 €". */
  money(minor: number, currency: string): string;
  number(n: number): string;
  percent(fraction: number): string;
  /** A country's name from its ISO 3166 code, or the code when the code is not one. */
  country(code: string): string;
}

export function localeFormat(language: LocaleLanguage): LocaleFormat {
  const locale = LOCALE_OF[language];
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  const stamp = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const countries = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const date = (iso: string | null | undefined): string => {
    if (!iso) return '';
    if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
    const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : day.format(d);
  };
  const dateTime = (iso: string | null | undefined): string => {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : stamp.format(d);
  };
  const money = (minor: number, currency: string): string => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);
    } catch {
      return `${num.format(minor / 100)} ${currency}`;
    }
  };
  const country = (code: string): string => {
    if (!/^[a-z]{2}$/i.test(code)) return code;
    try {
      return countries.of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  };
  return { date, dateTime, money, number: (n) => num.format(n), percent: (f) => pct.format(f), country };
}
