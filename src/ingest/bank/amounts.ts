/**
 * Money amounts as integer minor units, read from text digit by digit. Floating point is never
 * involved: `Number("0.29") * 100` is 28.999999999999996, and a statement whose lines do not
 * add up exactly is worthless as evidence.
 *
 * Three notations are read:
 * - SWIFT (MT940): digits with a mandatory decimal comma, `1234,5` or `9,`;
 * - ISO 20022 XML (camt): digits with an optional decimal point, `1234.50`;
 * - what people and bank exports write in CSV: a chosen decimal mark, thousands separators,
 *   and negatives written `-12,50`, `12,50-`, `(12.50)` or with a currency sign around them.
 */

/** Outcome of reading an amount: the value, or why the text is not one. */
export type AmountResult = { ok: true; minor: number } | { ok: false; reason: string };

/**
 * ISO 4217 currencies whose minor unit is not 1/100. Everything else has two decimals, which
 * is also the safe guess for codes this table does not know.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

export const currencyExponent = (currency: string): number => EXPONENTS[currency] ?? 2;

export const isCurrencyCode = (text: string): boolean => /^[A-Z]{3}$/.test(text);

/** 15 digits always fit a double exactly (Number.MAX_SAFE_INTEGER has 16). */
const MAX_DIGITS = 15;

const fail = (reason: string): AmountResult => ({ ok: false, reason });

/**
 * Combines integer and fraction digit strings into minor units of `currency`. Fraction digits
 * beyond the currency's exponent must be zeros: `8.855 EUR` is refused rather than rounded.
 */
export function toMinor(intDigits: string, fracDigits: string, negative: boolean, currency: string): AmountResult {
  const exp = currencyExponent(currency);
  if (fracDigits.length > exp && /[1-9]/.test(fracDigits.slice(exp))) {
    return fail(`has more decimals than ${currency} has (${exp})`);
  }
  const digits = (intDigits + fracDigits.slice(0, exp).padEnd(exp, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_DIGITS) return fail('is too large');
  const value = Number(digits);
  return { ok: true, minor: negative && value !== 0 ? -value : value };
}

/** SWIFT amount (MT940 :60F:, :61:, :62F:): `1234,56`, `9,` — a decimal comma is mandatory. */
export function parseSwiftAmount(text: string, currency: string): AmountResult {
  const m = /^(\d+),(\d*)$/.exec(text);
  if (!m) return fail('is not a SWIFT amount (digits with a decimal comma, e.g. 1234,56)');
  return toMinor(m[1] ?? '', m[2] ?? '', false, currency);
}

/**
 * MT940 amount as banks write it: the SWIFT form, or whole units without the comma (`500` for
 * `500,`), which several banks export although the standard makes the comma mandatory.
 */
export function parseMt940Amount(text: string, currency: string): AmountResult {
  return /^\d+$/.test(text) ? toMinor(text, '', false, currency) : parseSwiftAmount(text, currency);
}

/** ISO 20022 amount (camt `<Amt>`): non-negative, decimal point optional. */
export function parseXmlAmount(text: string, currency: string): AmountResult {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return fail('is not an amount (digits with an optional decimal point, e.g. 1234.56)');
  return toMinor(m[1] ?? '', m[2] ?? '', false, currency);
}

export interface AmountStyle {
  decimal: ',' | '.';
  /**
   * Thousands separator. `' '` stands for any space (including the no-break spaces that
   * spreadsheets and PDFs put there); `''` means none is allowed. When not given, spaces,
   * apostrophes and the other one of `.`/`,` are accepted, but only between groups of three
   * digits, so `12,50` read with decimal `.` is refused rather than taken for 1250.
   */
  thousands?: string | undefined;
}

/** A bare signed number with the style's decimal mark and no separators. */
const PLAIN = { '.': /^(-?)(\d+)(?:\.(\d+))?$/, ',': /^(-?)(\d+)(?:,(\d+))?$/ } as const;
const SPACES = ' \u00a0\u2009\u202f';
const CURRENCY_MARK = /^(?:[A-Z]{3}|[€$£¥₽₴₹]|zł|Kč|kr)/u;
const CURRENCY_MARK_END = /(?:[A-Z]{3}|[€$£¥₽₴₹]|zł|Kč|kr)$/u;

const escapeClass = (chars: string): string => chars.replace(/[\\\]^-]/g, '\\$&');

function separatorsOf(style: AmountStyle): string {
  if (style.thousands === undefined) return `${SPACES}'’${style.decimal === ',' ? '.' : ','}`;
  return style.thousands === ' ' ? SPACES : style.thousands;
}

/** Strips a currency code or sign written before or after the number (`€ 12,50`, `12.50 USD`). */
function stripCurrency(text: string): string {
  return text.replace(CURRENCY_MARK, '').replace(CURRENCY_MARK_END, '').trim();
}

/**
 * Reads an amount as written in a spreadsheet or CSV export into minor units of `currency`.
 * Accepts `-12,50`, `+12,50`, `12,50-`, `−12,50` (Unicode minus), `(12,50)`, `1 234,56`,
 * `1.234,56`, `,5` and a currency code or sign on either side.
 */
export function parseLocaleAmount(raw: string, style: AmountStyle, currency: string): AmountResult {
  // Most exports write a plain `-1234.56`: read it at once (the same result as the full path).
  const plain = PLAIN[style.decimal].exec(raw);
  if (plain) return toMinor(plain[2] ?? '', plain[3] ?? '', plain[1] === '-', currency);
  let text = raw.trim().replace(/\u2212/g, '-');
  if (text === '') return fail('is empty');
  let negative = false;
  let signs = 0;
  const parens = () => {
    if (!/^\(.*\)$/s.test(text)) return;
    negative = true;
    signs++;
    text = text.slice(1, -1).trim();
  };
  parens();
  text = stripCurrency(text);
  const lead = /^([+-])\s*/.exec(text);
  if (lead) {
    negative ||= lead[1] === '-';
    signs++;
    text = text.slice(lead[0].length);
  }
  const trail = /\s*([+-])$/.exec(text);
  if (trail) {
    negative ||= trail[1] === '-';
    signs++;
    text = text.slice(0, -trail[0].length);
  }
  parens();
  text = stripCurrency(text);
  if (signs > 1) return fail('has more than one sign');

  const parts = text.split(style.decimal);
  if (parts.length > 2) return fail(`has more than one decimal mark "${style.decimal}"`);
  const [intPart = '', fracPart = ''] = parts;
  if (parts.length === 2 && !/^\d+$/.test(fracPart)) return fail('has no digits after the decimal mark');
  if (intPart === '' && parts.length === 1) return fail('has no digits');

  let intDigits = intPart;
  if (!/^\d*$/.test(intPart)) {
    const seps = separatorsOf(style);
    const cls = `[${escapeClass(seps)}]`;
    // Groups of three after a first group of one to three digits, one separator throughout.
    const grouped = new RegExp(`^\\d{1,3}(${cls})\\d{3}(?:\\1\\d{3})*$`, 'u');
    if (seps === '' || !grouped.test(intPart)) {
      return fail(
        `is not a number with decimal mark "${style.decimal}"${seps ? ' and thousands in groups of three' : ''}`,
      );
    }
    intDigits = intPart.replace(new RegExp(cls, 'gu'), '');
  }
  return toMinor(intDigits === '' ? '0' : intDigits, fracPart, negative, currency);
}
