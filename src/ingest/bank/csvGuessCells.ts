/**
 * What the values of one column of a bank export are: dates (and in which format), numbers
 * (and which decimal mark and thousands separator they show), currency codes, debit/credit
 * marks, row type codes. Each reader takes the column's non-empty values and says how many it
 * read, so a column is recognised by what most of it holds.
 */
import { compileDateFormat } from './dates.ts';

/** Stricter formats first: on a tie the first is taken (DD/MM before MM/DD, as in Europe). */
export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD.MM.YYYY',
  'DD.MM.YY',
  'D.M.YYYY',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'D/M/YYYY',
  'M/D/YYYY',
  'YYYY/MM/DD',
  'YYYY.MM.DD',
  'YYYY.MM.DD.',
  'DD-MM-YYYY',
  'D.M.YY',
  'YYYYMMDD',
] as const;

const READERS = DATE_FORMATS.map((f) => [f, compileDateFormat(f)] as const);

export interface DateColumn {
  format: string;
  read: number;
  /** Distinct values that are not dates ("Varaus" for a pending line). */
  others: string[];
}

/** The date format most of `values` are in: at least 80% of them dates, or half and the rest a few words. */
export function dateColumn(values: readonly string[]): DateColumn | null {
  if (!values.length) return null;
  let best: DateColumn | null = null;
  for (const [format, read] of READERS) {
    let n = 0;
    const others = new Set<string>();
    for (const v of values) {
      if (read(v)) n++;
      else others.add(v);
    }
    if (n > (best?.read ?? 0)) best = { format, read: n, others: [...others] };
  }
  if (!best || best.others.length > 3) return null;
  // A few rows may hold a word instead (a pending row's "Varaus"), never another number.
  const words = best.others.every((o) => /^\p{L}[\p{L} .-]*$/u.test(o));
  return best.read >= values.length * 0.8 || (words && best.read >= values.length * 0.5) ? best : null;
}

const CURRENCY_SIGN = /^(?:[A-Z]{3}|[€$£¥]|kr|zł|Kč)\s*|\s*(?:[A-Z]{3}|[€$£¥]|kr|zł|Kč)$/gu;
const GROUPED = /^\d{1,3}([.,' \u00a0\u202f’])\d{3}(?:\1\d{3})*$/u;

export interface NumberReading {
  negative: boolean;
  /** The decimal mark the value shows beyond doubt (`12,50`, `1.234,5`), if any. */
  decimal: ',' | '.' | null;
  /** A thousands separator the value shows (`1 234,50`, `1.234` without decimals), if any. */
  thousands: string | null;
  /** Digits only, no separators: an id or a code as much as an amount. */
  plain: boolean;
  digits: number;
}

/** Reads `raw` as a number the way exports write them, or null. */
export function readNumber(raw: string): NumberReading | null {
  let t = raw.trim().replace(/\u2212/g, '-');
  if (!t) return null;
  let negative = false;
  if (/^\(.*\)$/.test(t)) [negative, t] = [true, t.slice(1, -1).trim()];
  t = t.replace(CURRENCY_SIGN, '').trim();
  const lead = /^([+-])\s*/.exec(t);
  if (lead) [negative, t] = [negative || lead[1] === '-', t.slice(lead[0].length)];
  const trail = /\s*([+-])$/.exec(t);
  if (trail) [negative, t] = [negative || trail[1] === '-', t.slice(0, -trail[0].length)];
  if (/^\d+$/.test(t)) return { negative, decimal: null, thousands: null, plain: true, digits: t.length };
  const grouped = GROUPED.exec(t);
  if (grouped) return { negative, decimal: null, thousands: grouped[1] ?? null, plain: false, digits: t.length };
  const m = /^(\d*|\d{1,3}(?:([.,' \u00a0\u202f’])\d{3})+)([.,])(\d{1,2})$/u.exec(t);
  if (!m || m[2] === m[3]) return null;
  return { negative, decimal: m[3] as ',' | '.', thousands: m[2] ?? null, plain: false, digits: t.length };
}

export interface NumberColumn {
  read: number;
  negatives: number;
  /** Values with a decimal mark (amounts, not ids). */
  fractions: number;
  decimal: ',' | '.' | null;
  thousands: string | null;
  /** Every value is a long digit string or starts with 0: account numbers, ids, codes. */
  idLike: boolean;
  distinct: number;
}

/** How the column reads as numbers, when at least 80% of its values are numbers. */
export function numberColumn(values: readonly string[]): NumberColumn | null {
  if (!values.length) return null;
  let read = 0;
  let negatives = 0;
  let fractions = 0;
  let idLike = true;
  const marks = { ',': 0, '.': 0 };
  const thousands = new Map<string, number>();
  for (const v of values) {
    const r = readNumber(v);
    if (!r) continue;
    read++;
    if (r.negative) negatives++;
    if (r.decimal) {
      fractions++;
      marks[r.decimal]++;
    }
    if (r.thousands) thousands.set(r.thousands, (thousands.get(r.thousands) ?? 0) + 1);
    if (!(r.plain && (r.digits >= 7 || /^0\d/.test(v.trim())))) idLike = false;
  }
  if (read < values.length * 0.8) return null;
  let decimal: ',' | '.' | null = marks[','] > marks['.'] ? ',' : marks['.'] > marks[','] ? '.' : null;
  const sep = [...thousands].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  // Only grouped integers ("1.234"): the separator seen is the thousands one, the decimal the other.
  if (!decimal && (sep === '.' || sep === ',')) decimal = sep === '.' ? ',' : '.';
  return {
    read,
    negatives,
    fractions,
    decimal,
    thousands: sep === decimal ? null : sep,
    idLike,
    distinct: new Set(values).size,
  };
}

/** ISO 4217 codes Node knows, and the euro's predecessors older Baltic statements are in. */
const CURRENCIES = new Set([...Intl.supportedValuesOf('currency'), 'LTL', 'LVL', 'EEK', 'DEM', 'FIM', 'ATS', 'NLG']);

export const isCurrencyColumn = (values: readonly string[]): boolean =>
  values.length > 0 && values.every((v) => CURRENCIES.has(v.trim()));

/** Debit/credit marks exports write, debit first. */
export const SIGN_PAIRS: readonly { debit: string; credit: string }[] = [
  { debit: 'D', credit: 'K' },
  { debit: 'D', credit: 'C' },
  { debit: 'DR', credit: 'CR' },
  { debit: 'Debet', credit: 'Kredit' },
  { debit: 'Debit', credit: 'Credit' },
  { debit: 'Deebet', credit: 'Kreedit' },
  { debit: '-', credit: '+' },
  { debit: 'S', credit: 'H' },
];

/** The pair of marks a column's values are, when they are only marks (both seen, or `oneWillDo`). */
export function signPair(values: readonly string[], oneWillDo = false): { debit: string; credit: string } | null {
  const seen = new Set(values.map((v) => v.trim().toLowerCase()));
  if (!seen.size) return null;
  for (const p of SIGN_PAIRS) {
    const d = p.debit.toLowerCase();
    const c = p.credit.toLowerCase();
    if (![...seen].every((v) => v === d || v === c)) continue;
    if (seen.size === 2 || oneWillDo) return p;
  }
  return null;
}

export interface RowTypeCodes {
  keep: string[];
  opening: string[];
  closing: string[];
  skip: string[];
  why: string;
}

/**
 * Row type codes known from bank exports: Swedbank's 10/20/82/86/900, and the AS/LS/K2 codes
 * (opening, closing, turnover) Baltic exports put in their transaction type column.
 */
export function knownRowTypes(values: readonly string[]): RowTypeCodes | null {
  const seen = new Set(values.map((v) => v.trim()));
  const swedbank = ['10', '20', '82', '86', '900'];
  if (seen.has('20') && (seen.has('10') || seen.has('86')) && [...seen].every((v) => swedbank.includes(v)))
    return {
      keep: ['20'],
      opening: ['10'],
      closing: ['86'],
      skip: ['82', '900'],
      why: "Swedbank's row types: 10 opening balance, 20 transaction, 82 turnover, 86 closing balance, 900 interest",
    };
  if ((seen.has('AS') || seen.has('LS')) && [...seen].every((v) => /^[A-Z0-9]{1,4}$/.test(v)))
    return {
      keep: ['*'],
      opening: ['AS'],
      closing: ['LS'],
      skip: ['K2'],
      why: 'AS opening balance, LS closing balance, K2 turnover; every other code is a transaction',
    };
  return null;
}

const BALANCE_WORDS = {
  opening: [
    'opening balance',
    'sākuma atlikums',
    'likutis pradžiai',
    'pradinis likutis',
    'algsaldo',
    'alkusaldo',
    'ingående saldo',
    'inngående saldo',
    'indgående saldo',
    'anfangssaldo',
    'beginsaldo',
    'начальный остаток',
  ],
  closing: [
    'closing balance',
    'beigu atlikums',
    'likutis pabaigai',
    'galutinis likutis',
    'lõppsaldo',
    'loppusaldo',
    'utgående saldo',
    'udgående saldo',
    'endsaldo',
    'eindsaldo',
    'конечный остаток',
  ],
  turnover: ['turnover', 'apgrozījums', 'apyvarta', 'käive', 'omsättning', 'обороты'],
} as const;

/** Whether a cell's text names an opening or closing balance or a turnover line. */
export function balanceWord(cell: string): 'opening' | 'closing' | 'turnover' | null {
  const t = cell.trim().toLowerCase();
  if (!t) return null;
  for (const kind of ['opening', 'closing', 'turnover'] as const)
    if (BALANCE_WORDS[kind].some((w) => t.startsWith(w))) return kind;
  return null;
}
