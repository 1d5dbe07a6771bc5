/**
 * Statement exports as spreadsheets: an XLSX workbook goes through the bank CSV mapping and row
 * pipeline (balance rows, signs, skipped rows) like the same export saved as CSV; dates and
 * numbers as the spreadsheet stores them, or as text; a chosen sheet; legacy binary .xls
 * refused; a `.xls` that is CSV text read as CSV.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itWithFixtures } from '../../../test/support/fixtures.ts';
import type { StatementRecord } from '../../domain/records.ts';
import { bankCsvImporter, type BankCsvImportOptions } from './bankCsv.ts';
import { compileDateFormat } from './dates.ts';
import { dateText, numberText } from './sheetRows.ts';
import { bytesInput, collect, fixtureInput, importError, transactionsOf } from './statements.testing.ts';
import { writeXlsx, type SheetCell } from './xlsx.testing.ts';

const IBAN = 'LT121000011101001000';

const OPTIONS: BankCsvImportOptions = {
  mapping: {
    date: 'Data',
    amount: 'Suma',
    sign: 'D/K',
    text: 'Paaiškinimai',
    rowType: 'Tipas',
    fixedCurrency: 'EUR',
    fixedAccount: IBAN,
  },
  decimal: ',',
  dateFormat: 'YYYY-MM-DD',
  skipRows: 2,
  rowTypes: { keep: ['20'], opening: ['10'], closing: ['86'], skip: ['82'] },
};

/** A Baltic-style export: title rows, opening balance, lines, turnover, closing balance. */
const ROWS: SheetCell[][] = [
  ['Sąskaitos išrašas', null, null, null, null],
  [null, null, null, null, null],
  ['Tipas', 'Data', 'Paaiškinimai', 'Suma', 'D/K'],
  ['10', { date: '2024-03-01' }, 'Likutis pradžiai', 1000, 'K'],
  ['20', { date: '2024-03-05' }, 'Atlyginimas', 2863.63, 'K'],
  ['20', '2024-03-06', 'Grynieji, VILNIUS', 284.7, 'D'],
  ['20', { serial: 45358.75, format: 22 }, 'Kortelė', 0.1 + 0.2, 'D'],
  ['82', { date: '2024-03-31' }, 'Apyvarta', 2863.63, 'K'],
  ['86', { date: '2024-03-31' }, 'Likutis pabaigai', 3578.63, 'K'],
];

const xlsx = (rows = ROWS, sheets: { name: string; rows: SheetCell[][] }[] = []) =>
  writeXlsx([...sheets, { name: 'Išrašas', rows }]);

async function read(bytes: Uint8Array | string, options: BankCsvImportOptions = OPTIONS, name = 'export.xlsx') {
  const items = await collect(bankCsvImporter.parse(bytesInput(name, bytes, 101), options));
  const statements = items.flatMap((i): StatementRecord[] => (i.kind === 'statement' ? [i.statement] : []));
  return { items, statements, txs: transactionsOf(items) };
}

describe('XLSX statement exports', () => {
  it('reads a workbook through the CSV mapping: signs, balance rows, dates as dates or text', async () => {
    const { txs, statements } = await read(xlsx());
    expect(txs.map((t) => [t.line, t.bookingDate, t.amountMinor, t.text])).toEqual([
      [5, '2024-03-05', 286363, 'Atlyginimas'],
      [6, '2024-03-06', -28470, 'Grynieji, VILNIUS'],
      [7, '2024-03-07', -30, 'Kortelė'],
    ]);
    expect(statements).toEqual([
      expect.objectContaining({ openingMinor: 100000, closingMinor: 357863, entries: 3, openingDate: '2024-03-01' }),
    ]);
  });

  it('reads the same as the export saved as CSV', async () => {
    const csv = ROWS.map((r) =>
      r
        .map((c) => {
          if (c === null) return '';
          if (typeof c === 'number') return numberText(String(c), ',');
          if (typeof c === 'string') return `"${c}"`;
          return 'date' in c ? c.date : '2024-03-07';
        })
        .join(';'),
    ).join('\n');
    const fromCsv = await read(csv, OPTIONS, 'export.csv');
    const fromSheet = await read(xlsx());
    expect(fromSheet.txs.map(({ line: _, ...t }) => t)).toEqual(fromCsv.txs.map(({ line: _, ...t }) => t));
    expect(fromSheet.statements).toEqual(fromCsv.statements);
  });

  it('reads the sheet asked for, by name or number, and names the sheets when it is missing', async () => {
    const book = xlsx(ROWS, [{ name: 'Summary', rows: [['Nothing here']] }]);
    expect((await read(book, { ...OPTIONS, sheet: 'Išrašas' })).txs).toHaveLength(3);
    expect((await read(book, { ...OPTIONS, sheet: 2 })).txs).toHaveLength(3);
    expect((await read(book, { ...OPTIONS, sheet: '2' })).txs).toHaveLength(3);
    const missing = await importError(bankCsvImporter.parse(bytesInput('b.xlsx', book), { ...OPTIONS, sheet: 'X' }));
    expect(missing.message).toMatch(/no sheet: X\. Available sheets: Summary, Išrašas/);
    const first = await importError(bankCsvImporter.parse(bytesInput('b.xlsx', book), OPTIONS));
    expect(first.message).toMatch(/No header row found in the sheet after skipping 2 rows/);
  });

  it('names the row and column of a bad cell as for CSV', async () => {
    const rows = ROWS.map((r, i) => (i === 5 ? ['20', 'yesterday', 'x', 1, 'D'] : r));
    const e = await importError(bankCsvImporter.parse(bytesInput('b.xlsx', xlsx(rows)), OPTIONS));
    expect(e.message).toBe('Line 6, column "Data": "yesterday" is not a date in the format YYYY-MM-DD');
  });

  it('refuses a legacy binary .xls and a ZIP that is no workbook, saying what to do', async () => {
    const ole2 = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const xls = await importError(bankCsvImporter.parse(bytesInput('old.xls', ole2), OPTIONS));
    expect(xls.message).toMatch(/old\.xls is a legacy binary Excel workbook \(\.xls\).*save it as \.xlsx or \.csv/);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect((await importError(bankCsvImporter.parse(bytesInput('x.xlsx', zip), OPTIONS))).message).toMatch(
      /save it as \.xlsx or \.csv/,
    );
  });

  it('reads CSV text named .xls as CSV', async () => {
    const csv = 'Tipas;Data;Paaiškinimai;Suma;D/K\n20;2024-03-05;Atlyginimas;10,00;K\n';
    const { txs } = await read(csv, { ...OPTIONS, skipRows: 0, rowTypes: { keep: ['20'] } }, 'statement.xls');
    expect(txs.map((t) => t.amountMinor)).toEqual([1000]);
  });

  itWithFixtures('reads the Swedbank Lithuania ".xls" of the corpus, which is CSV text, by its content', async () => {
    const items = await collect(
      bankCsvImporter.parse(fixtureInput('bank2ynab_swedbank_lt_statement.xls'), {
        mapping: { account: 1, rowType: 2, date: 3, counterpartyName: 4, text: 5, amount: 6, currency: 7, sign: 8 },
        decimal: '.',
        dateFormat: 'YYYY-MM-DD',
        rowTypes: { keep: ['20'], opening: ['10'], closing: ['86'], skip: ['82'] },
      }),
    );
    const txs = transactionsOf(items);
    expect(txs).toHaveLength(13);
    expect(txs.filter((t) => t.amountMinor < 0).reduce((s, t) => s + t.amountMinor, 0)).toBe(-28470);
    const statement = items.find((i) => i.kind === 'statement');
    expect(statement?.kind === 'statement' && statement.statement).toMatchObject({
      openingMinor: 1037404,
      closingMinor: 1295297,
      currency: 'LTL',
    });
  });
});

describe('sheet cells as text', () => {
  it('numbers read back through the CSV amount rules as the number stored', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(',', '.'), (minor, decimal) => {
        const stored = String(minor / 100);
        const text = numberText(stored, decimal as ',' | '.');
        expect(Number(text.replace(',', '.'))).toBe(minor / 100);
        expect(text).not.toMatch(/e/i);
      }),
    );
    expect(numberText('0.30000000000000004', ',')).toBe('0,3');
    expect(numberText('284.69999999999999', '.')).toBe('284.7');
    expect(numberText('1E-3', '.')).toBe('0.001');
  });

  it('dates are written in the date format and read back by it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1980, 0, 1)), max: new Date(Date.UTC(2079, 11, 31)), noInvalidDate: true }),
        fc.constantFrom('DD.MM.YYYY', 'YYYY-MM-DD', 'MM/DD/YYYY', 'D.M.YYYY', 'DD/MM/YY'),
        (date, format) => {
          const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
          expect(compileDateFormat(format)(dateText(day, format))).toBe(day.toISOString().slice(0, 10));
        },
      ),
    );
  });
});
