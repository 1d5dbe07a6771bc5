/**
 * Bank statements exported as CSV or XLSX (`bank-csv`; sheetRows.ts tells them apart by content
 * and refuses legacy binary .xls): every bank has its own columns, so a mapping
 * (bankCsvOptions.ts) names them. One transaction per row; the statement account(s) and the
 * counterparty accounts become BankAccount entities, as with camt.053 and MT940.
 *
 * Errors name the line and the column: `Line 12, column "Betrag": "12,3,4" is not a number…`,
 * with path `line 12: Betrag`.
 */
import type { TransactionRecord } from '../../domain/records.ts';
import { errors } from '../../shared/errors.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { accountRef, AccountRefCache, type AccountRef } from './accounts.ts';
import { isCurrencyCode, parseLocaleAmount, type AmountStyle } from './amounts.ts';
import { BankCsvOptions, type BankCsvOptionsInput, type BankCsvOptionsParsed } from './bankCsvOptions.ts';
import { readStatementRowBatches } from './sheetRows.ts';
import { ControlChars } from '../text.ts';
import { compileDateFormat } from './dates.ts';
import { CsvBalances, rowTypeOf } from './csvBalances.ts';
import { checkOptions, ItemQueue, type BankImportOptions } from './emit.ts';
import { withPreset, type BankCsvPresetInput } from './bankCsvPresets.ts';

/** The options, or a preset (bankCsvPresets.ts) and the options that override its fields. */
export type BankCsvImportOptions = (BankCsvOptionsInput | BankCsvPresetInput) & BankImportOptions;

type Mapping = BankCsvOptionsParsed['mapping'];
type ColumnKey = Exclude<keyof Mapping, 'fixedCurrency' | 'fixedAccount'>;
const COLUMN_KEYS: readonly ColumnKey[] = [
  'date',
  'valueDate',
  'amount',
  'sign',
  'debit',
  'credit',
  'currency',
  'counterpartyName',
  'counterpartyAccount',
  'counterpartyId',
  'holderName',
  'holderId',
  'place',
  'text',
  'reference',
  'kind',
  'rowType',
  'account',
];

type Marks = BankCsvOptionsParsed['signMarks'];

/** -1 for a debit mark, 1 for a credit mark; an unknown mark is an error naming the marks known. */
function signOf(row: RowReader, marks: Marks): number {
  const text = row.required('sign');
  const t = text.toLowerCase();
  if (marks.debit.some((d) => d.toLowerCase() === t)) return -1;
  if (marks.credit.some((c) => c.toLowerCase() === t)) return 1;
  throw row.fail(
    'sign',
    `"${text}" is neither a debit mark (${marks.debit.join(', ')}) nor a credit mark (${marks.credit.join(', ')})`,
  );
}

/** Finds each mapped column in the header: exact name first, then ignoring case. */
function columnIndex(header: readonly string[], mapping: Mapping, fileName: string): Map<ColumnKey, number> {
  const names = header.map((h) => h.trim());
  const index = new Map<ColumnKey, number>();
  for (const key of COLUMN_KEYS) {
    const name = mapping[key];
    if (name === undefined) continue;
    if (typeof name === 'number') {
      index.set(key, name - 1);
      continue;
    }
    let at = names.indexOf(name);
    if (at === -1) at = names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
    if (at === -1)
      throw errors.importFailed(
        `Column "${name}" is not in ${fileName} (its columns: ${names.join(', ')})`,
        `mapping.${key}`,
      );
    index.set(key, at);
  }
  return index;
}

class RowReader {
  constructor(
    private readonly index: Map<ColumnKey, number>,
    private readonly mapping: Mapping,
    private readonly values: readonly string[],
    readonly line: number,
  ) {}

  cell(key: ColumnKey): string {
    const i = this.index.get(key);
    return i === undefined ? '' : (this.values[i] ?? '').trim();
  }

  fail(key: ColumnKey, message: string): Error {
    const given = this.mapping[key] ?? key;
    const name = typeof given === 'number' ? `#${given}` : given;
    return errors.importFailed(`Line ${this.line}, column "${name}": ${message}`, `line ${this.line}: ${name}`);
  }

  required(key: ColumnKey): string {
    const v = this.cell(key);
    if (v === '') throw this.fail(key, 'is empty');
    return v;
  }
}

/** The amount in `key`'s column, or null when the cell is empty. (No closure: it runs for every row.) */
function amountIn(row: RowReader, key: ColumnKey, style: AmountStyle, currency: string): number | null {
  const text = row.cell(key);
  if (text === '') return null;
  const r = parseLocaleAmount(text, style, currency);
  if (!r.ok) throw row.fail(key, `"${text}" ${r.reason}`);
  return r.minor;
}

function readAmount(row: RowReader, opts: BankCsvOptionsParsed, style: AmountStyle, currency: string): number {
  if (opts.mapping.amount !== undefined) {
    const v = amountIn(row, 'amount', style, currency);
    if (v === null) throw row.fail('amount', 'is empty');
    if (opts.mapping.sign === undefined) return v;
    // Some exports write the mark and still a minus on debits: the mark decides.
    return signOf(row, opts.signMarks) * Math.abs(v);
  }
  // Exports differ on whether debits are written positive or negative; the column says it.
  const debit = amountIn(row, 'debit', style, currency);
  const credit = amountIn(row, 'credit', style, currency);
  if (debit === null && credit === null)
    throw row.fail('debit', 'neither the debit nor the credit column has an amount');
  if (debit && credit) throw row.fail('credit', 'both the debit and the credit column have an amount');
  if (debit) return -Math.abs(debit);
  return Math.abs(credit ?? 0);
}

async function* parse(input: ImportInput, options: BankCsvImportOptions): AsyncGenerator<ImportItem> {
  const { known, ...rest } = options;
  const opts = checkOptions(BankCsvOptions, withPreset(rest));
  const m = opts.mapping;
  const readDate = compileDateFormat(opts.dateFormat);
  const style: AmountStyle = { decimal: opts.decimal, thousands: opts.thousandsSeparator };
  const queue = new ItemQueue(known);
  const fixed =
    m.fixedAccount === undefined ? null : accountRef(m.fixedAccount, { currency: m.fixedCurrency, keepWritten: true });
  let index: Map<ColumnKey, number> | null = null;
  const refs = new AccountRefCache();
  const balances = new CsvBalances(input.fileName);

  const statementAccount = (row: RowReader): string => {
    let ref: AccountRef | null = fixed;
    if (!ref) {
      const raw = row.required('account');
      ref = refs.get(raw, { currency: m.fixedCurrency, keepWritten: true });
      if (!ref) throw row.fail('account', `"${raw}" is not an IBAN or account number`);
    }
    return queue.account(row.line, ref);
  };

  const controls = new ControlChars();
  for await (const rows of readStatementRowBatches(input, {
    encoding: opts.encoding,
    delimiter: opts.delimiter,
    skipRows: opts.skipRows,
    skipFooterRows: opts.skipFooterRows,
    headerWidth: !COLUMN_KEYS.some((k) => typeof m[k] === 'number'),
    lenientQuotes: opts.lenientQuotes,
    sheet: opts.sheet,
    decimal: opts.decimal,
    dateFormat: opts.dateFormat,
    controls,
  }))
    for (const { line, values, warnings } of rows) {
      if (!index) {
        index = columnIndex(values, m, input.fileName);
        continue;
      }
      if (values.every((v) => v.trim() === '')) continue;
      const row = new RowReader(index, m, values, line);
      const type = opts.rowTypes ? rowTypeOf(row, opts.rowTypes) : 'keep';
      if (type === 'skip') continue;
      const dateText = row.required('date');
      const bookingDate = readDate(dateText);
      if (!bookingDate) throw row.fail('date', `"${dateText}" is not a date in the format ${opts.dateFormat}`);
      const valueText = row.cell('valueDate');
      const valueDate = valueText === '' ? null : readDate(valueText);
      if (valueText !== '' && !valueDate)
        throw row.fail('valueDate', `"${valueText}" is not a date in the format ${opts.dateFormat}`);
      const currency = m.fixedCurrency ?? row.required('currency').toUpperCase();
      if (!isCurrencyCode(currency)) throw row.fail('currency', `"${currency}" is not a currency code such as EUR`);
      const amountMinor = readAmount(row, opts, style, currency);
      const accountId = statementAccount(row);
      if (type !== 'keep') {
        const statement = balances.add(type, accountId, { line, minor: amountMinor, date: bookingDate, currency });
        if (statement) queue.statement(line, statement);
        continue;
      }
      const inStatement = balances.entry(accountId, line);
      queue.holder(line, row.cell('holderName') || undefined, accountId, row.cell('holderId') || undefined);

      const counterpartyName = row.cell('counterpartyName') || null;
      const cpText = row.cell('counterpartyAccount');
      const cp = refs.get(cpText, { keepWritten: true });
      const counterpartyAccountId = cp ? queue.account(line, cp) : null;
      if (counterpartyAccountId)
        queue.holder(
          line,
          counterpartyName ?? undefined,
          counterpartyAccountId,
          row.cell('counterpartyId') || undefined,
        );
      const record: TransactionRecord = {
        accountId,
        counterpartyAccountId,
        counterpartyName,
        counterpartyAccount: cp?.written ?? cp?.display ?? (cpText || null),
        amountMinor,
        currency,
        bookingDate,
        valueDate,
        text: row.cell('text').replace(/\s+/g, ' ') || null,
        reference: row.cell('reference') || null,
        kind: row.cell('kind') || null,
      };
      const place = row.cell('place');
      if (place) record.place = place;
      queue.transaction(line, record, warnings, !inStatement);
      if (queue.full) yield* queue.drain();
    }
  if (!index) throw errors.importFailed('The file has no header row', 'line 1');
  balances.finish();
  yield* queue.drain();
  const stripped = controls.warning();
  if (stripped) yield { kind: 'skipped', line: stripped.line, warnings: [stripped.message] };
}

export const bankCsvImporter: Importer<BankCsvImportOptions> = {
  format: 'bank-csv',
  label: 'Bank statement (CSV or XLSX export)',
  parse,
};
