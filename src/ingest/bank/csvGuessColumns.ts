/**
 * Which column of a bank export holds what, from its values first and its name second: the
 * dates, the amount (one signed column, an unsigned one with a debit/credit mark column, or
 * money-in and money-out columns), the currency, the row type with its balance rows, the
 * statement's account and the counterparty's, the texts. Each choice comes with its reason.
 */
import { accountRef } from './accounts.ts';
import {
  balanceWord,
  dateColumn,
  isCurrencyColumn,
  knownRowTypes,
  numberColumn,
  signPair,
  type DateColumn,
  type NumberColumn,
  type RowTypeCodes,
} from './csvGuessCells.ts';
import type { Row } from './csvGuessLayout.ts';
import { rolesOf, type NameMatch, type Role } from './csvGuessWords.ts';

export interface Column {
  index: number;
  name: string;
  values: string[];
  date: DateColumn | null;
  number: NumberColumn | null;
  currency: boolean;
  roles: NameMatch[];
}

export interface Explained {
  option: string;
  why: string;
}

export interface ColumnChoice {
  /** Mapping field → column index. */
  columns: Partial<Record<MappingField, number>>;
  rowTypes?: { keep: string[]; opening: string[]; closing: string[]; skip: string[] };
  signMarks?: { debit: string[]; credit: string[] };
  dateFormat: string;
  decimal: ',' | '.';
  thousandsSeparator?: string;
  /** The statement's account found in the rows (not one column of it). */
  fixedAccount?: string;
  notes: Explained[];
}

export type MappingField =
  | 'date'
  | 'valueDate'
  | 'amount'
  | 'sign'
  | 'debit'
  | 'credit'
  | 'currency'
  | 'counterpartyName'
  | 'counterpartyAccount'
  | 'text'
  | 'reference'
  | 'kind'
  | 'rowType'
  | 'account';

export function columnsOf(header: readonly string[], rows: readonly Row[]): Column[] {
  const width = Math.max(header.length, ...rows.map((r) => r.fields.length));
  return Array.from({ length: width }, (_, index) => {
    const values = rows.map((r) => (r.fields[index] ?? '').trim()).filter((v) => v !== '');
    const name = (header[index] ?? '').trim();
    return {
      index,
      name,
      values,
      date: dateColumn(values),
      number: numberColumn(values),
      currency: isCurrencyColumn(values),
      roles: rolesOf(name),
    };
  });
}

const strengthOf = (c: Column, role: Role): number => c.roles.find((r) => r.role === role)?.strength ?? 0;
const label = (c: Column): string => (c.name ? `"${c.name}"` : `column ${c.index + 1}`);
const isText = (c: Column) => c.values.length > 0 && !c.number && !c.date;
const accountLike = (c: Column) =>
  c.values.length > 0 && c.values.every((v) => accountRef(v) !== null) && !c.date && !(c.number && !c.number.idLike);

/** Picks columns for each field in turn; a column serves one field (the row type may also be the date). */
class Picker {
  readonly used = new Set<number>();
  readonly choice: ColumnChoice;

  constructor(
    readonly cols: readonly Column[],
    readonly rows: readonly Row[],
  ) {
    this.choice = { columns: {}, dateFormat: 'YYYY-MM-DD', decimal: '.', notes: [] };
  }

  take(field: MappingField, c: Column, why: string): void {
    this.used.add(c.index);
    this.choice.columns[field] = c.index;
    this.choice.notes.push({ option: `mapping.${field}`, why });
  }

  free(filter: (c: Column) => boolean): Column[] {
    return this.cols.filter((c) => !this.used.has(c.index) && filter(c));
  }

  /** The free column the name fits best (whole name before contained words, then leftmost). */
  named(role: Role, filter: (c: Column) => boolean = () => true): Column | undefined {
    return this.free((c) => strengthOf(c, role) > 0 && filter(c)).sort(
      (a, b) => strengthOf(b, role) - strengthOf(a, role) || a.index - b.index,
    )[0];
  }
}

function pickRowType(p: Picker): void {
  for (const c of p.free((c) => c.values.length > 0 && new Set(c.values).size <= 12)) {
    const known = knownRowTypes(c.values);
    if (known) return setRowTypes(p, c, known);
  }
  // Balance rows named in words ("Opening balance"): the column whose value tells them apart.
  const kinds = p.rows.map((r) => r.fields.map(balanceWord).find((k) => k !== null) ?? null);
  if (!kinds.some((k) => k === 'opening' || k === 'closing')) return;
  const codes = p
    .free((c) => new Set(c.values).size <= 12 && c.values.every((v) => v.length <= 12) && !c.date)
    .filter((c) => !c.number || (c.number.fractions === 0 && c.number.negatives === 0))
    .sort((a, b) => strengthOf(b, 'rowType') - strengthOf(a, 'rowType'));
  for (const c of codes) {
    const by = {
      opening: new Set<string>(),
      closing: new Set<string>(),
      turnover: new Set<string>(),
      keep: new Set<string>(),
    };
    p.rows.forEach((r, i) => by[kinds[i] ?? 'keep'].add((r.fields[c.index] ?? '').trim()));
    const marks = [...by.opening, ...by.closing, ...by.turnover];
    if (marks.includes('') || [...by.keep].some((v) => marks.includes(v) || v === '')) continue;
    return setRowTypes(p, c, {
      keep: ['*'],
      opening: [...by.opening],
      closing: [...by.closing],
      skip: [...by.turnover],
      why: 'the rows whose text names an opening or closing balance (or a turnover) have their own values here',
    });
  }
}

function setRowTypes(p: Picker, c: Column, codes: RowTypeCodes): void {
  const { why, ...types } = codes;
  p.take('rowType', c, why);
  p.choice.rowTypes = types;
  p.choice.notes.push({ option: 'rowTypes', why });
}

function pickDates(p: Picker): void {
  const dated = p.cols.filter((c) => c.date && (!p.used.has(c.index) || p.choice.columns.rowType === c.index));
  const booking =
    dated
      .filter((c) => strengthOf(c, 'date') > strengthOf(c, 'valueDate'))
      .sort((a, b) => strengthOf(b, 'date') - strengthOf(a, 'date'))[0] ??
    dated.find((c) => strengthOf(c, 'valueDate') === 0) ??
    dated[0];
  if (!booking?.date) throw new Error('no column holds dates');
  const format = booking.date.format;
  p.take('date', booking, `dates in the format ${format}`);
  p.choice.dateFormat = format;
  p.choice.notes.push({
    option: 'dateFormat',
    why: `${booking.date.read} of ${booking.values.length} dates read in it`,
  });
  if (booking.date.others.length && p.choice.columns.rowType === undefined) {
    // Rows with a word where the date goes ("Varaus": a reservation, not booked): left out by row type.
    p.choice.columns.rowType = booking.index;
    p.choice.rowTypes = { keep: ['*'], opening: [], closing: [], skip: booking.date.others };
    p.choice.notes.push({
      option: 'rowTypes',
      why: `rows whose date reads ${booking.date.others.map((o) => `"${o}"`).join(', ')} (not booked) are left out`,
    });
  }
  const value = dated.find((c) => c !== booking && strengthOf(c, 'valueDate') > 0 && !p.used.has(c.index));
  if (value?.date?.format === format) p.take('valueDate', value, 'value dates');
}

function pickMoney(p: Picker): void {
  const numeric = (c: Column) =>
    !!c.number && !c.number.idLike && !c.date && strengthOf(c, 'balance') === 0 && strengthOf(c, 'id') === 0;
  // Money in and money out in two columns: in every row exactly one of them is filled.
  const pair = pickInOut(p, p.free(numeric));
  if (!pair) {
    const candidates = p.free((c) => numeric(c) && c.roles.every((r) => r.role !== 'rowType'));
    const amount = p.named('amount', numeric) ?? candidates.sort((a, b) => score(b) - score(a) || a.index - b.index)[0];
    if (!amount?.number) throw new Error('no column holds amounts');
    const signed = amount.number.negatives > 0;
    p.take('amount', amount, signed ? 'signed amounts' : 'amounts');
    if (!signed) pickSign(p);
  }
  const money = [p.choice.columns.amount, p.choice.columns.debit, p.choice.columns.credit]
    .map((i) => (i === undefined ? undefined : p.cols[i]))
    .filter((c): c is Column => !!c?.number);
  const balances = p.cols.filter((c) => c.number && strengthOf(c, 'balance') > 0);
  const votes = [...money, ...balances].map((c) => c.number?.decimal).filter((d) => !!d);
  const decimal = votes.filter((d) => d === ',').length > votes.filter((d) => d === '.').length ? ',' : '.';
  p.choice.decimal = decimal;
  p.choice.notes.push({
    option: 'decimal',
    why: votes.length
      ? `"${decimal}" is the decimal mark of the amounts`
      : 'the amounts are whole numbers; either mark reads them',
  });
  const sep = money.map((c) => c.number?.thousands).find((t) => t && t !== decimal);
  if (sep) {
    p.choice.thousandsSeparator = /\s/.test(sep) ? ' ' : sep;
    p.choice.notes.push({ option: 'thousandsSeparator', why: `amounts are grouped in thousands with "${sep}"` });
  }
}

/**
 * Exports with "to account" and "from account" columns and no own-account column: the account on
 * every row, in one column or the other, is the statement's. Neither column is the counterparty's
 * throughout, so neither is mapped.
 */
function fromTo(p: Picker): void {
  const accounts = p.free(accountLike);
  if (p.rows.length < 2) return;
  for (const a of accounts)
    for (const b of accounts) {
      if (a.index >= b.index) continue;
      const common = p.rows
        .map((r) => new Set([(r.fields[a.index] ?? '').trim(), (r.fields[b.index] ?? '').trim()]))
        .reduce((acc, s) => new Set([...acc].filter((v) => s.has(v))));
      const value = [...common].find((v) => v !== '');
      if (!value) continue;
      p.used.add(a.index);
      p.used.add(b.index);
      p.choice.fixedAccount = value;
      p.choice.notes.push({
        option: 'mapping.fixedAccount',
        why:
          `${value} is on every row, in ${label(a)} or ${label(b)}: the statement's account; ` +
          'the other party is in one or the other by direction, so neither is mapped',
      });
      return;
    }
}

const score = (c: Column) => (c.number ? c.number.fractions * 2 + c.number.negatives : 0);

function pickInOut(p: Picker, candidates: Column[]): boolean {
  for (const a of candidates)
    for (const b of candidates) {
      if (a.index >= b.index) continue;
      let one = 0;
      let both = 0;
      for (const r of p.rows) {
        const filled = [a, b].filter((c) => (r.fields[c.index] ?? '').trim() !== '').length;
        if (filled === 2) both++;
        if (filled === 1) one++;
      }
      if (both || one < p.rows.length * 0.9) continue;
      const outFirst =
        strengthOf(a, 'debit') > strengthOf(b, 'debit') ||
        strengthOf(b, 'credit') > strengthOf(a, 'credit') ||
        (a.number?.negatives === a.number?.read && !b.number?.negatives);
      const [out, into] = outFirst ? [a, b] : [b, a];
      p.take('debit', out, 'money out (one of two amount columns, never both filled)');
      p.take('credit', into, 'money in');
      return true;
    }
  return false;
}

function pickSign(p: Picker): void {
  const marked = p
    .free((c) => signPair(c.values, strengthOf(c, 'sign') > 0) !== null)
    .sort((a, b) => strengthOf(b, 'sign') - strengthOf(a, 'sign'))[0];
  const pair = marked && signPair(marked.values, true);
  if (!marked || !pair) return;
  p.take('sign', marked, `debit/credit marks ${pair.debit}/${pair.credit}: the amounts are unsigned`);
  const defaults = { debit: ['D', 'DR', 'Debet', 'Debit', '-'], credit: ['K', 'C', 'CR', 'Kredit', 'Credit', '+'] };
  if (!defaults.debit.includes(pair.debit) || !defaults.credit.includes(pair.credit)) {
    p.choice.signMarks = { debit: [pair.debit], credit: [pair.credit] };
    p.choice.notes.push({ option: 'signMarks', why: `${pair.debit} marks a debit, ${pair.credit} a credit` });
  }
}

/** Everything but the statement's account and the currency when no column holds them (see csvGuess.ts). */
export function chooseColumns(header: readonly string[], rows: readonly Row[]): { picker: Picker; cols: Column[] } {
  const cols = columnsOf(header, rows);
  const p = new Picker(cols, rows);
  pickRowType(p);
  pickDates(p);
  pickMoney(p);
  const currency = p.free((c) => c.currency).sort((a, b) => strengthOf(b, 'currency') - strengthOf(a, 'currency'))[0];
  if (currency) p.take('currency', currency, 'currency codes');
  const own =
    p.named('account', (c) => accountLike(c) && new Set(c.values).size <= Math.max(3, c.values.length / 10)) ??
    p.free(
      (c) => accountLike(c) && c.values.length > 1 && new Set(c.values).size === 1 && !!accountRef(c.values[0])?.iban,
    )[0];
  if (own) p.take('account', own, 'the statement account (one value, or few, on every row)');
  if (!own) fromTo(p);
  const other =
    p.named('counterpartyAccount', accountLike) ??
    p.free((c) => accountLike(c) && !!accountRef(c.values[0])?.iban && new Set(c.values).size > 1)[0];
  if (other) p.take('counterpartyAccount', other, 'account numbers of the other party');
  const simple: [MappingField, Role, (c: Column) => boolean, string][] = [
    ['counterpartyName', 'counterpartyName', isText, 'names of the other party'],
    ['text', 'text', isText, 'the payment details'],
    ['reference', 'reference', () => true, 'payment references'],
    ['kind', 'kind', () => true, 'transaction types'],
  ];
  for (const [field, role, filter, why] of simple) {
    const c = p.named(role, filter);
    if (c) p.take(field, c, why);
  }
  return { picker: p, cols };
}

export type { Picker };
