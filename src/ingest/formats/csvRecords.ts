/**
 * Streaming CSV reading shared by the CSV-based importers (FtM mappings, CDRs).
 *
 * Bytes go through `readLines` first so decoding is strict and a mis-encoded file is refused
 * naming its line; the decoded lines are then fed to csv-parse, which handles quoting (fields
 * with line breaks included). Every record carries the file line it starts on, and csv-parse's
 * errors are turned into `import_failed` errors that name the line.
 */
import { pipeline, Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { errors, isAppError } from '../../shared/errors.ts';
import { readLines, type ControlChars, type TextEncoding } from '../text.ts';
import type { ImportInput } from '../types.ts';

export interface CsvReadOptions {
  /** Field delimiter; default `,`. */
  delimiter?: string;
  encoding?: TextEncoding;
  /**
   * Ignore blanks right after a delimiter (Python's `skipinitialspace`, which FtM's CSV reader
   * uses). Quoted content is never touched.
   */
  skipInitialSpace?: boolean;
  /** Strips control characters (framing, padding) and counts them for the import's report. */
  controls?: ControlChars | undefined;
}

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  values: string[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

const isCsvError = (e: unknown): e is CsvError & { lines?: number; empty_lines?: number } =>
  e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && !isAppError(e);

/** Lines of `text` fed to csv-parse: it sees LF endings whatever the file used. */
async function* decodedLines(
  input: ImportInput,
  encoding: TextEncoding,
  controls?: ControlChars,
): AsyncGenerator<string> {
  for await (const { text } of readLines(input.open(), encoding, controls)) yield `${text}\n`;
}

/**
 * Yields every record of the CSV, the header row first. Empty lines are skipped; every record
 * must have as many fields as the first one.
 */
export async function* readCsv(input: ImportInput, opts: CsvReadOptions = {}): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter: opts.delimiter ?? ',',
    info: true,
    skip_empty_lines: true,
    ltrim: opts.skipInitialSpace ?? false,
  });
  // pipeline (not pipe) so a decoding error in the source reaches the parser's iterator.
  pipeline(Readable.from(decodedLines(input, opts.encoding ?? 'utf-8', opts.controls)), parser, () => undefined);
  let lastEnd = 0;
  let emptyAtLastEnd = 0;
  try {
    for await (const chunk of parser as AsyncIterable<ParsedRecord>) {
      const { record, info } = chunk;
      // csv-parse reports the line a record ends on; quoted line breaks tell where it began.
      let breaks = 0;
      for (const field of record) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) breaks++;
      lastEnd = info.lines;
      emptyAtLastEnd = info.empty_lines;
      yield { line: info.lines - breaks, values: record };
    }
  } catch (e) {
    if (!isCsvError(e)) throw e;
    throw csvFailure(e, lastEnd, emptyAtLastEnd);
  } finally {
    parser.destroy();
  }
}

function csvFailure(
  e: CsvError & { lines?: number; empty_lines?: number },
  lastEnd: number,
  emptyAtLastEnd: number,
): Error {
  const line = e.lines ?? lastEnd + 1;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      // The open quote belongs to the record after the last complete one (blank lines skipped).
      const start = lastEnd + 1 + Math.max(0, (e.empty_lines ?? emptyAtLastEnd) - emptyAtLastEnd);
      return errors.importFailed(
        `The quoted field that starts on line ${start} is never closed (the file ends at line ${line}; is it truncated?)`,
        `line ${start}`,
      );
    }
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS': {
      const got = (e as { record?: unknown[] }).record?.length ?? '?';
      // csv-parse's message says "expect N": N is the field count of the header row.
      const expected = /expect (\d+)/.exec(e.message)?.[1] ?? '?';
      return errors.importFailed(`Line ${line} has ${got} fields; the header has ${expected}`, `line ${line}`);
    }
    case 'INVALID_OPENING_QUOTE':
      return errors.importFailed(`Line ${line}: a quote appears inside an unquoted field`, `line ${line}`);
    case 'CSV_INVALID_CLOSING_QUOTE':
      return errors.importFailed(
        `Line ${line}: a quoted field is followed by more text before the delimiter`,
        `line ${line}`,
      );
    default:
      return errors.importFailed(`Line ${line}: ${e.message}`, `line ${line}`);
  }
}
