/**
 * The rows of a bank statement export, whatever the bank saved it as: CSV text (csvRows.ts) or
 * an XLSX workbook (read through read-excel-file), decided by the file's first bytes, never
 * its name: banks send CSV text named `.xls`, and a renamed workbook is still a workbook. A
 * legacy binary `.xls` (an OLE2 compound file) is refused with what to do instead.
 *
 * A sheet's cells become the same strings a CSV export of it would hold, so the bank CSV
 * mapping reads both alike: text as written, numbers in the options' decimal mark (without
 * the binary noise of `0.30000000000000004`), dates written as dates by the spreadsheet in the
 * options' date format. Rows are numbered as the sheet numbers them.
 */
import type { Readable } from 'node:stream';
import { InvalidInputError, SheetNotFoundError, readSheet } from 'read-excel-file/node';
import { errors } from '../../shared/errors.ts';
import type { ControlChars } from '../text.ts';
import type { ImportInput } from '../types.ts';
import { readCsvRowBatches, readCsvRows, type CsvRow, type CsvRowOptions } from './csvRows.ts';

export type SheetChoice = string | number;

export interface StatementRowOptions extends CsvRowOptions {
  /** XLSX: the sheet by name or number (1 = first); the first when not given. */
  sheet?: SheetChoice | undefined;
  /** XLSX: how number and date cells are written out for the mapping to read. */
  decimal: ',' | '.';
  dateFormat: string;
  controls?: ControlChars | undefined;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Buffer, magic: readonly number[]) => magic.every((m, i) => b[i] === m);

/** The first bytes of the input (at most `n`). */
async function headOf(input: ImportInput, n = 8): Promise<Buffer> {
  const stream: Readable = input.open();
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      parts.push(b);
      size += b.length;
      if (size >= n) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, n);
}

async function allOf(input: ImportInput): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of input.open() as AsyncIterable<Buffer | string>)
    parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(parts);
}

/** What the file is, by its first bytes. */
async function sniffStatementFile(input: ImportInput): Promise<'xlsx' | 'xls' | 'text'> {
  const head = await headOf(input);
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE2)) return 'xls';
  return 'text';
}

/** A number cell's text as read from the workbook, kept exact until it is written out. */
class NumberCell {
  constructor(readonly raw: string) {}
}

/** A number as a person would type it: 15 significant digits (what a spreadsheet shows), no exponent. */
export function numberText(raw: string, decimal: ',' | '.'): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  let text = String(Number(n.toPrecision(15)));
  if (/e/i.test(text)) text = Math.abs(n) < 1 ? n.toFixed(15).replace(/\.?0+$/, '') : BigInt(Math.round(n)).toString();
  return decimal === ',' ? text.replace('.', ',') : text;
}

/** A date cell in the date format of the options (`DD.MM.YYYY` …); the spreadsheet's day, no time zone. */
export function dateText(date: Date, format: string): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const parts: Record<string, string> = {
    YYYY: pad(date.getUTCFullYear(), 4),
    YY: pad(date.getUTCFullYear() % 100, 2),
    MM: pad(date.getUTCMonth() + 1, 2),
    M: String(date.getUTCMonth() + 1),
    DD: pad(date.getUTCDate(), 2),
    D: String(date.getUTCDate()),
  };
  return format.replace(/YYYY|YY|MM|M|DD|D/g, (t) => parts[t] ?? t);
}

async function* sheetRows(input: ImportInput, opts: StatementRowOptions): AsyncGenerator<CsvRow> {
  const bytes = await allOf(input);
  let data: unknown[][];
  const read = (sheet: SheetChoice) => readSheet<NumberCell>(bytes, sheet, { parseNumber: (s) => new NumberCell(s) });
  try {
    // A sheet typed as "2" in a form is the second sheet, unless a sheet has that name.
    const sheet = opts.sheet ?? 1;
    data = await read(sheet).catch((e: unknown) => {
      if (e instanceof SheetNotFoundError && typeof sheet === 'string' && /^\d+$/.test(sheet))
        return read(Number(sheet));
      throw e;
    });
  } catch (e) {
    if (e instanceof SheetNotFoundError)
      throw errors.importFailed(`${input.fileName}: ${e.message}`.replace('Sheet not found', 'no sheet'), 'sheet');
    if (e instanceof InvalidInputError)
      throw errors.importFailed(
        `${input.fileName} is a ZIP archive but not an XLSX workbook (${e.code}); save it as .xlsx or .csv`,
        'line 1',
      );
    throw errors.importFailed(
      `${input.fileName} is not a readable XLSX workbook: ${e instanceof Error ? e.message : String(e)}`,
      'line 1',
    );
  }
  const cell = (v: unknown, line: number): string => {
    if (v === null || v === undefined) return '';
    if (v instanceof NumberCell) return numberText(v.raw, opts.decimal);
    if (v instanceof Date) return dateText(v, opts.dateFormat);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    const s = typeof v === 'string' ? v : String(v);
    return opts.controls ? opts.controls.strip(s, line) : s;
  };
  const rows = data.map((row, i) => ({ line: i + 1, values: row.map((v) => cell(v, i + 1)) }));
  const filled = (r: CsvRow) => r.values.some((v) => v.trim() !== '');
  const header = rows.findIndex((r) => r.line > opts.skipRows && filled(r));
  if (header === -1)
    throw errors.importFailed(
      `No header row found in the sheet${opts.skipRows ? ` after skipping ${opts.skipRows} rows` : ''}; it is empty`,
      'line 1',
    );
  let end = rows.length;
  for (let footer = opts.skipFooterRows ?? 0; footer > 0 && end > header + 1; end--)
    if (filled(rows[end - 1] as CsvRow)) footer--;
  // Sheets are rectangular (short rows padded): no width check as for CSV.
  for (const row of rows.slice(header, end)) if (row.line === rows[header]?.line || filled(row)) yield row;
}

/** The rows of a CSV or XLSX statement export: the header row first, then every non-empty row. */
export async function* readStatementRows(input: ImportInput, opts: StatementRowOptions): AsyncGenerator<CsvRow> {
  const kind = await sniffStatementFile(input);
  if (kind === 'xls')
    throw errors.importFailed(
      `${input.fileName} is a legacy binary Excel workbook (.xls), which is not read here: ` +
        'open it in a spreadsheet program and save it as .xlsx or .csv, then import that',
      'line 1',
    );
  if (kind === 'xlsx') yield* sheetRows(input, opts);
  else yield* readCsvRows(input, opts);
}

/** The rows of `readStatementRows` in batches: a CSV export a read chunk's worth at a time. */
export async function* readStatementRowBatches(
  input: ImportInput,
  opts: StatementRowOptions,
): AsyncGenerator<CsvRow[]> {
  if ((await sniffStatementFile(input)) !== 'text') {
    for await (const row of readStatementRows(input, opts)) yield [row];
  } else yield* readCsvRowBatches(input, opts);
}
