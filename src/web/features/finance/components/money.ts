/** Money as stored (signed minor units) written in the reader's locale, per currency, never converted. */
import type { Formatters } from '../../../i18n/format.ts';

export const moneyOf = (f: Formatters, minor: number, currency: string): string => f.money(minor / 100, currency);

/** Amounts typed in major units (`1 250,50` or `1250.5`) as minor units; null when not a number. */
export function minorOf(typed: string): number | null {
  const s = typed.replace(/[\s\u00a0']/g, '').replace(',', '.');
  if (!s) return null;
  if (!/^\d+(\.\d{0,2})?$/.test(s)) return Number.NaN;
  return Math.round(Number(s) * 100);
}
