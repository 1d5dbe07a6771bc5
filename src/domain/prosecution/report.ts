/**
 * The case report for a prosecutor: which sections exist, in which order, and the small pieces
 * of arithmetic a report and a victim's compensation claim share. The sections follow what a
 * prosecution file must show for trafficking (DOMAIN §5–§7): who is who, the legal elements per
 * suspect, how the chain worked, when, the money and the evidence with its custody.
 */

export const REPORT_SECTIONS = [
  'summary',
  'persons',
  'legalMatrix',
  'chain',
  'charts',
  'timeline',
  'finance',
  'evidence',
  'audit',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const isReportSection = (s: string): s is ReportSection => (REPORT_SECTIONS as readonly string[]).includes(s);

export const REPORT_LANGUAGES = ['en', 'fi', 'et', 'lv'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** Sections in report order, whatever order they were chosen in; an empty choice means all. */
export function orderSections(chosen: readonly string[]): ReportSection[] {
  const set = new Set(chosen);
  const out = REPORT_SECTIONS.filter((s) => set.has(s));
  return out.length ? out : [...REPORT_SECTIONS];
}

/** Minor units as "1 234.56 EUR" — one format in every language, so figures can be compared. */
export function money(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

/** One proceeds item as the estimate gives it (domain/finance/proceeds.ts ProceedsItem). */
export interface ClaimSourceItem {
  kind: string;
  amountMinor: number;
  currency: string;
  explanation: string;
  assumptions: readonly string[];
}

export interface CompensationClaim {
  currency: string;
  /** Wages the victim earned and did not keep: owed by statutory or collective minimum, or handed back. */
  wagesOwedMinor: number;
  /** Deductions and fees taken from the victim (housing, transport, recruitment). */
  deductionsMinor: number;
  totalMinor: number;
  lines: { kind: string; amountMinor: number; explanation: string }[];
  assumptions: string[];
}

const WAGE_KINDS: ReadonlySet<string> = new Set(['wagesOwed', 'wageKickback']);
const DEDUCTION_KINDS: ReadonlySet<string> = new Set(['deduction', 'recruitmentFee']);

/**
 * A victim's compensation claim from their part of the proceeds estimate (Directive 2011/36/EU
 * art. 17: access to compensation). Wages owed and kicked back are claimed as wages; deductions
 * and fees as money taken. Sexual-exploitation proceeds are the offender's gain, not the
 * victim's claim, and are left to the court.
 */
export function compensationClaim(items: readonly ClaimSourceItem[], currency = 'EUR'): CompensationClaim {
  const lines = items
    .filter((i) => (WAGE_KINDS.has(i.kind) || DEDUCTION_KINDS.has(i.kind)) && i.currency === currency)
    .map((i) => ({ kind: i.kind, amountMinor: i.amountMinor, explanation: i.explanation }));
  const sum = (kinds: ReadonlySet<string>) =>
    lines.filter((l) => kinds.has(l.kind)).reduce((a, l) => a + l.amountMinor, 0);
  const wagesOwedMinor = sum(WAGE_KINDS);
  const deductionsMinor = sum(DEDUCTION_KINDS);
  return {
    currency,
    wagesOwedMinor,
    deductionsMinor,
    totalMinor: wagesOwedMinor + deductionsMinor,
    lines,
    assumptions: [...new Set(items.flatMap((i) => i.assumptions))],
  };
}
