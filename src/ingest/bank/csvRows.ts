/**
 * CSV rows of a bank export with their file line numbers. Bank exports differ from the
 * generic CSV the FtM/CDR importers read: lines before the header (account, period, balances)
 * that have a different number of fields, and a delimiter that depends on the bank's country
 * (`;` where the decimal mark is a comma). So rows are read here with `skipRows` and delimiter
 * detection; decoding goes through `readLines` to stay strict and name bad lines, and the lines
 * are split into fields by `CsvSplitter` (csvSplit.ts).
 */
import { errors } from '../../shared/errors.ts';
import { CsvSplitter } from './csvSplit.ts';
import { readLineBatches, readLines, type ControlChars, type TextEncoding, type TextLine } from '../text.ts';
import type { ImportInput } from '../types.ts';

export interface CsvRow {
  /** 1-based file line the row starts on. */
  line: number;
  values: string[];
  /** What was assumed to read the row (lenient quotes). */
  warnings?: string[] | undefined;
}

export interface CsvRowOptions {
  encoding: TextEncoding | (string & {});
  delimiter?: string | undefined;
  skipRows: number;
  /** Non-empty lines after the data to leave out (totals, "end of statement"…). */
  skipFooterRows?: number | undefined;
  /** Whether rows must have the header's number of fields (not when columns go by position). */
  headerWidth?: boolean | undefined;
  /** Read a quote inside an unquoted field as text, with a warning, instead of refusing the line. */
  lenientQuotes?: boolean | undefined;
  /** Strips control characters (framing, padding) and counts them for the report. */
  controls?: ControlChars | undefined;
}

/** The lines of `lines` without the last `n` non-empty ones (and the blank lines among them). */
async function* withoutFooter(lines: AsyncIterator<TextLine>, n: number): AsyncGenerator<TextLine> {
  const held: TextLine[] = [];
  let filled = 0;
  for (let r = await lines.next(); !r.done; r = await lines.next()) {
    held.push(r.value);
    if (r.value.text.trim() !== '') filled++;
    while (filled > n) {
      const out = held.shift();
      if (!out) break;
      if (out.text.trim() !== '') filled--;
      yield out;
    }
  }
}

const CANDIDATES = [';', ',', '\t', '|'] as const;

/** The candidate occurring most often outside quotes in the header line (`;` wins ties). */
export function detectDelimiter(header: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ',';
  let most = 0;
  for (const c of CANDIDATES) {
    const n = counts.get(c) ?? 0;
    if (n > most) [best, most] = [c, n];
  }
  return best;
}

/** Yields the header row first, then every non-empty row. */
export async function* readCsvRows(input: ImportInput, opts: CsvRowOptions): AsyncGenerator<CsvRow> {
  for await (const batch of readCsvRowBatches(input, opts)) for (const row of batch) yield row;
}

/** Lines one at a time as batches of one (a footer is held back line by line). */
async function* singles(lines: AsyncIterable<TextLine>): AsyncGenerator<TextLine[]> {
  for await (const l of lines) yield [l];
}

/** The rows of `readCsvRows`, a read chunk's worth at a time (no promise per row on large exports). */
export async function* readCsvRowBatches(input: ImportInput, opts: CsvRowOptions): AsyncGenerator<CsvRow[]> {
  const footer = opts.skipFooterRows ?? 0;
  const batches =
    footer > 0
      ? singles(withoutFooter(readLines(input.open(), opts.encoding, opts.controls)[Symbol.asyncIterator](), footer))
      : readLineBatches(input.open(), opts.encoding, opts.controls);
  let header: TextLine | undefined;
  let splitter: CsvSplitter | null = null;
  let width = -1;
  let lastEnd = 0;
  const rowOf = (split: CsvSplitter, raw: string, line: number): CsvRow | null => {
    // Some exports end lines with CR CR LF: a carriage return is never data at the end of a line.
    const text = raw.endsWith('\r') ? raw.replace(/\r+$/, '') : raw;
    if (text === '' && !split.pending) return null;
    const values = split.push(text, line);
    if (!values) return null;
    const start = split.startLine;
    // Every row has the header's number of fields, unless columns go by position: exports whose
    // header does not match the rows are often ragged too (trailing empty fields left out).
    if (width < 0) width = values.length;
    else if (values.length !== width && opts.headerWidth !== false)
      throw errors.importFailed(
        `Line ${start} has ${values.length} fields; the header row has ${width}`,
        `line ${start}`,
      );
    lastEnd = line;
    const warnings = split.warnings;
    return warnings.length ? { line: start, values, warnings: [...warnings] } : { line: start, values };
  };
  for await (const lines of batches) {
    const rows: CsvRow[] = [];
    for (const l of lines) {
      if (!splitter) {
        if (l.line <= opts.skipRows || l.text.trim() === '') continue;
        header = l;
        lastEnd = header.line - 1;
        splitter = new CsvSplitter(opts.delimiter ?? detectDelimiter(header.text), opts.lenientQuotes ?? false);
      }
      const row = rowOf(splitter, l.text, l.line);
      if (row) rows.push(row);
    }
    if (rows.length) yield rows;
  }
  if (!header)
    throw errors.importFailed(
      `No header row found${opts.skipRows ? ` after skipping ${opts.skipRows} lines` : ''}; the file is empty`,
      'line 1',
    );
  if (splitter?.pending)
    throw errors.importFailed(
      `A quoted field after line ${lastEnd} is never closed (is the file truncated?)`,
      `line ${lastEnd + 1}`,
    );
}
