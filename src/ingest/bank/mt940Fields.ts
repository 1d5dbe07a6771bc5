/**
 * SWIFT MT940 at the field level: splits the text into tagged fields (`:61:` and its
 * continuation lines) and reads the fields with a fixed layout (:25:, :60F:, :61:, :62F:).
 *
 * Files come in two shapes, both accepted, also mixed in one file:
 * - a SWIFT envelope per message: `{1:…}{2:…}{3:…}{4:` on the first line, fields, `-}` (and
 *   an optional `{5:…}` trailer) at the end;
 * - bare fields, messages separated by a line `-`, sometimes with bank header lines before
 *   the first field (ABN AMRO writes `ABNANL2A` / `940` / `ABNANL2A`). Lines that belong to no
 *   field are ignored there.
 *
 * Before the first field anything goes (bank headers, an example file's prose). Inside a
 * statement only `:86:` and `:61:` (its supplementary details) continue on further lines: text
 * after a balance, the reference or the account is damage and is refused naming its line.
 * Control characters framing messages (mBank writes SOH before and ETX after each) are dropped.
 */
import { normaliseIban } from '../../domain/selectors/index.ts';
import { errors } from '../../shared/errors.ts';
import type { TextLine } from '../text.ts';
import { accountRef, asBic, type AccountRef } from './accounts.ts';
import { isCurrencyCode, parseMt940Amount } from './amounts.ts';
import { nearestMmdd, parseYymmdd } from './dates.ts';

export interface Mt940Field {
  /** `20`, `25`, `28C`, `60F`, `61`, `86`…; `-` marks the end of a message. */
  tag: string;
  line: number;
  /** The first line's content after the tag, then the continuation lines as written. */
  lines: string[];
}

export const failAt = (line: number, message: string) =>
  errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);

/** Blocks 1–3 of the envelope (block 3 may nest `{108:…}`), then the start of block 4. */
const ENVELOPE = /^(?:\{[1-3]:(?:[^{}]|\{[^{}]*\})*\})*\{4:/;
const HEADER_ONLY = /^(?:\{[1-3]:(?:[^{}]|\{[^{}]*\})*\})+$|^\{5:/;
const TAG = /^:(\d{2}[A-Z]?|NS):/;
const BANK_HEADER = /^(?:[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?|94[02])$/;
/** Fields that may continue on further lines. */
const MULTI_LINE = new Set(['61', '86', 'NS']);

/** Yields the fields in order; `onLine` hears every line number (to name the end of file). */
export async function* mt940Fields(
  lines: AsyncIterable<TextLine>,
  onLine?: (line: number) => void,
): AsyncGenerator<Mt940Field> {
  let current: Mt940Field | null = null;
  // Control characters (SOH/ETX framing) are gone already: readLines strips them with a warning.
  for await (const { line, text: read } of lines) {
    onLine?.(line);
    let text = read;
    if (text.startsWith('{')) {
      const envelope = ENVELOPE.exec(text);
      if (envelope) {
        text = text.slice(envelope[0].length);
        if (text.trim() === '') continue;
      } else if (HEADER_ONLY.test(text.trim())) continue;
    }
    if (text === '-' || text.trimEnd() === '-' || text.startsWith('-}')) {
      if (current) yield current;
      current = null;
      yield { tag: '-', line, lines: [] };
      continue;
    }
    // ABN AMRO and bunq put `BIC` / `940` / `BIC` header lines before a message.
    if ((!current || !MULTI_LINE.has(current.tag)) && BANK_HEADER.test(text.trim())) {
      if (current) yield current;
      current = null;
      continue;
    }
    const tag = TAG.exec(text);
    if (tag) {
      if (current) yield current;
      current = { tag: tag[1] ?? '', line, lines: [text.slice(tag[0].length)] };
    } else if (current) {
      if (!MULTI_LINE.has(current.tag) && text.trim() !== '') {
        throw failAt(line, `"${text.slice(0, 40)}" is not an MT940 field and cannot continue :${current.tag}:`);
      }
      current.lines.push(text);
    }
  }
  if (current) yield current;
}

/**
 * `:25:` account identification: an IBAN, another account number, `BIC/account` or
 * `bank code/account` (German `50880050/0194787400888`), sometimes with the currency glued to
 * an IBAN (`NL12RABO0123456789EUR`).
 */
export function parseAccountField(field: Mt940Field, currency?: string): AccountRef {
  let account = field.lines.join('').trim();
  let bic: string | undefined;
  let bankCode: string | undefined;
  const slash = account.indexOf('/');
  if (slash > 0) {
    const bank = account.slice(0, slash).trim();
    if (asBic(bank)) bic = bank;
    else if (/^\d{3,8}$/.test(bank)) bankCode = bank;
    if (bic || bankCode) account = account.slice(slash + 1).trim();
  }
  const glued = /^([A-Z]{2}\d{2}[A-Z0-9]+?)([A-Z]{3})$/.exec(account.replace(/\s/g, ''));
  if (glued?.[1] && glued[2] && isCurrencyCode(glued[2]) && normaliseIban(glued[1]).ok && !normaliseIban(account).ok) {
    account = glued[1];
  }
  const ref = accountRef(account, { bic, bankCode, currency });
  if (!ref) throw failAt(field.line, `:25: "${field.lines.join('')}" is not an account number`);
  return ref;
}

export interface Balance {
  credit: boolean;
  date: string;
  currency: string;
  minor: number;
}

/** `:60F:`, `:60M:`, `:62F:`, `:62M:`, `:64:`: `C110522EUR3236,28`. */
export function parseBalance(field: Mt940Field): Balance {
  const text = field.lines.join('').trim();
  const m = /^([CD])(\d{6})([A-Z]{3})(.*)$/.exec(text);
  if (!m) throw failAt(field.line, `:${field.tag}: "${text}" is not a balance (C or D, YYMMDD, currency, amount)`);
  const [, mark = '', yymmdd = '', currency = '', amount = ''] = m;
  const date = parseYymmdd(yymmdd);
  if (!date) throw failAt(field.line, `:${field.tag}: "${yymmdd}" is not a date (YYMMDD)`);
  const parsed = parseMt940Amount(amount, currency);
  if (!parsed.ok) throw failAt(field.line, `:${field.tag}: amount "${amount}" ${parsed.reason}`);
  return { credit: mark === 'C', date, currency, minor: mark === 'D' ? -parsed.minor || 0 : parsed.minor };
}

export interface StatementLine {
  valueDate: string;
  bookingDate: string;
  /** Signed minor units. */
  minor: number;
  /** `NTRF`, `N426`…: N (or F/S) and three characters; empty when the bank writes none. */
  typeCode: string;
  customerRef?: string | undefined;
  bankRef?: string | undefined;
  supplementary?: string | undefined;
}

/**
 * `:61:` statement line: value date YYMMDD, optional entry date MMDD, mark (C, D, RC = reversal
 * of a credit i.e. money out, RD = reversal of a debit i.e. money in), optional funds code (the
 * third letter of the currency), amount with decimal comma, transaction type, customer
 * reference, `//` bank reference; a second line holds supplementary details.
 */
export function parseStatementLine(field: Mt940Field, currency: string): StatementLine {
  const [first = '', ...more] = field.lines;
  const bad = (what: string) => failAt(field.line, `:61: ${what} in "${first}"`);
  const m = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z](?=\d))?([\d.,]*)(.*)$/.exec(first);
  if (!m) {
    if (!/^\d{6}/.test(first)) throw bad('no value date (YYMMDD)');
    throw bad('no debit/credit mark (C, D, RC or RD)');
  }
  const [, value = '', entry, mark = '', , amountText = '', rest = ''] = m;
  const valueDate = parseYymmdd(value);
  if (!valueDate) throw bad(`"${value}" is not a date (YYMMDD)`);
  const bookingDate = entry ? nearestMmdd(entry, valueDate) : valueDate;
  if (!bookingDate)
    throw bad(`"${entry ?? ''}" is not an entry date (MMDD) within months of the value date ${valueDate}`);
  const amount = parseMt940Amount(amountText, currency);
  if (!amount.ok) throw bad(`amount "${amountText}" ${amount.reason}`);
  // Deutsche Bank leaves a space before the type; Penta (solarisBank) writes no type, only NONREF.
  const afterAmount = rest.trimStart();
  const type = /^NONREF(?:$|\/\/)/.test(afterAmount)
    ? ['', '', afterAmount]
    : /^([NFS][A-Z0-9]{3})(.*)$/.exec(afterAmount);
  if (!type)
    throw bad(`"${rest.slice(0, 4)}" after the amount is not a transaction type (N, F or S and three characters)`);
  const [, typeCode = '', refs = ''] = type;
  const slashes = refs.indexOf('//');
  const customer = (slashes === -1 ? refs : refs.slice(0, slashes)).trim();
  const bank = slashes === -1 ? '' : refs.slice(slashes + 2).trim();
  const out = mark === 'D' || mark === 'RC';
  const supplementary = more.join(' ').replace(/\s+/g, ' ').trim();
  return {
    valueDate,
    bookingDate,
    minor: out ? -amount.minor || 0 : amount.minor,
    typeCode,
    customerRef: customer && customer !== 'NONREF' ? customer : undefined,
    bankRef: bank || undefined,
    supplementary: supplementary || undefined,
  };
}
