/**
 * Statutory minimum wages per country and year, each with the act that sets it, for comparing
 * what a worker kept with the legal floor and for the proceeds estimate's norms. Finland has no
 * statutory minimum wage: pay floors come from generally binding collective agreements, which
 * differ by sector, so the table says so and the analyst enters the agreement's figure.
 * Figures are gross per month for full-time work, in euros.
 */

export interface WageNorm {
  country: string;
  year: number;
  /** Gross monthly minimum for full-time work, minor units (cents); null when the law sets none. */
  monthlyMinor: number | null;
  /** Gross hourly minimum, minor units, when the law states one. */
  hourlyMinor: number | null;
  currency: 'EUR';
  source: string;
}

const EE_SOURCE = (year: number) =>
  `Estonia: Vabariigi Valitsuse määrus "Töötasu alammäära kehtestamine" in force from 1 January ${year} ` +
  '(Riigi Teataja, riigiteataja.ee); Employment Contracts Act § 29(5)';
const LV_SOURCE =
  'Latvia: Ministru kabineta noteikumi Nr. 656 (24.11.2015) "Noteikumi par minimālās mēneša darba algas ' +
  'apmēru normālā darba laika ietvaros un minimālās stundas tarifa likmes aprēķināšanu", as amended (likumi.lv)';
const FI_SOURCE =
  'Finland: no statutory minimum wage; Työsopimuslaki 55/2001 ch. 2 § 7 (generally binding collective ' +
  'agreements) and Laki lähetetyistä työntekijöistä 447/2016 § 5 (posted workers) — use the sector agreement';

/** EUR per month (and per hour where the act states one). */
const TABLE: readonly [country: string, year: number, monthly: number | null, hourly: number | null][] = [
  ['EE', 2021, 584, 3.48],
  ['EE', 2022, 654, 3.86],
  ['EE', 2023, 725, 4.3],
  ['EE', 2024, 820, 4.86],
  ['EE', 2025, 886, 5.25],
  ['LV', 2021, 500, null],
  ['LV', 2022, 500, null],
  ['LV', 2023, 620, null],
  ['LV', 2024, 700, null],
  ['LV', 2025, 740, null],
];

const FI_YEARS = [2021, 2022, 2023, 2024, 2025];

export const WAGE_NORMS: readonly WageNorm[] = [
  ...TABLE.map(([country, year, monthly, hourly]) => ({
    country,
    year,
    monthlyMinor: monthly === null ? null : Math.round(monthly * 100),
    hourlyMinor: hourly === null ? null : Math.round(hourly * 100),
    currency: 'EUR' as const,
    source: country === 'EE' ? EE_SOURCE(year) : LV_SOURCE,
  })),
  ...FI_YEARS.map((year) => ({
    country: 'FI',
    year,
    monthlyMinor: null,
    hourlyMinor: null,
    currency: 'EUR' as const,
    source: FI_SOURCE,
  })),
];

/** The norm of a country (ISO 3166 alpha-2, any case) in force on an ISO date; undefined when the table lacks it. */
export function wageNormOn(country: string, isoDate: string): WageNorm | undefined {
  const year = Number(isoDate.slice(0, 4));
  const c = country.toUpperCase();
  return WAGE_NORMS.find((n) => n.country === c && n.year === year);
}

/** The country of an IBAN (its first two letters), or null for another account number. */
export const countryOfIban = (iban: string): string | null => {
  const m = /^([A-Z]{2})\d{2}[A-Z0-9]{8,30}$/.exec(iban.replace(/\s+/g, '').toUpperCase());
  return m?.[1] ?? null;
};
